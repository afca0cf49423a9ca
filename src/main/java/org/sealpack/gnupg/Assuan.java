package org.sealpack.gnupg;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sealpack.failure.AgentProtocolException;
import org.sealpack.failure.AgentUnreachableException;

/**
 * A client of the Assuan protocol (libassuan, "Developing with Assuan") over a Unix domain socket:
 * what GnuPG's agent speaks. Everything the server sends is input: a line is at most 1000 bytes
 * with its line feed (libassuan's own limit), the data of one answer at most {@link #MAX_DATA}
 * bytes and its lines at most {@link #MAX_LINES}; data is percent-unescaped; anything else is a
 * protocol failure, reported in one line ({@link AgentProtocolException}). The socket is reached
 * with the JDK's own Unix domain sockets (Java 16+), no native code.
 */
public final class Assuan implements Closeable {
    /** libassuan's ASSUAN_LINELENGTH: the longest line, its line feed included. */
    public static final int MAX_LINE = 1000;

    /**
     * The most data bytes one answer may carry: signatures and decrypted session keys are far
     * smaller.
     */
    public static final int MAX_DATA = 1 << 16;

    /** The most lines (status, comments, data) one answer may have before its OK or ERR. */
    public static final int MAX_LINES = 4096;

    /** Raw bytes per data line sent: escaped, at most three times as many, within a line. */
    private static final int DATA_CHUNK = 300;

    private final SocketChannel channel;
    private final InputStream in;
    private final OutputStream out;
    private final String peer;

    /**
     * An error the server reported: its gpg-error code and its description (for people, unchecked).
     */
    public static final class Err extends RuntimeException {
        public final int code;
        public final String description;

        Err(int code, String description) {
            super("error " + code + " (" + description + ")");
            this.code = code;
            this.description = description;
        }

        /** The error code without its source (gpg_err_code). */
        public int errorCode() {
            return code & 0xFFFF;
        }
    }

    /**
     * What an answer carried besides its OK: the data (unescaped) and the status lines ("KEYWORD
     * args").
     */
    public record Reply(byte[] data, List<String> status) {
        /** The arguments of the first status line with that keyword, or null. */
        public String status(String keyword) {
            for (String s : status) {
                if (s.equals(keyword) || s.startsWith(keyword + " ")) {
                    return s.substring(keyword.length()).trim();
                }
            }
            return null;
        }
    }

    /** Answers the server's INQUIRE: the data to send, or null to cancel it. */
    @FunctionalInterface
    public interface Inquiries {
        byte[] answer(String keyword);

        Inquiries NONE = keyword -> null;
    }

    private Assuan(SocketChannel channel, String peer) {
        this.channel = channel;
        this.in = new BufferedInputStream(Channels.newInputStream(channel), 4096);
        this.out = Channels.newOutputStream(channel);
        this.peer = peer;
    }

    /** Connects to the server on the socket and reads its greeting (an OK line). */
    public static Assuan connect(Path socket, String peer) {
        SocketChannel channel;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        } catch (IOException | UnsupportedOperationException e) {
            throw new AgentUnreachableException(
                    "this system cannot open Unix domain sockets to reach " + peer,
                    "use a key file instead",
                    e);
        }
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException | RuntimeException e) {
            close(channel);
            throw new AgentUnreachableException(
                    peer
                            + " does not answer on its socket "
                            + socket
                            + " ("
                            + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage())
                            + ")",
                    "start it with `gpgconf --launch gpg-agent`, and check GNUPGHOME",
                    e);
        }
        Assuan client = new Assuan(channel, peer);
        try {
            client.answer(Inquiries.NONE, null);
        } catch (Err e) {
            client.close();
            throw new AgentUnreachableException(
                    peer + " refused the connection: " + e.description,
                    "restart it with `gpgconf --kill gpg-agent`",
                    e);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
        return client;
    }

    /** Sends a command and reads its answer; an ERR answer is thrown as {@link Err}. */
    public Reply transact(String command, Inquiries inquiries) {
        send(command);
        return answer(inquiries, command);
    }

    public Reply transact(String command) {
        return transact(command, Inquiries.NONE);
    }

    private void send(String line) {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_LINE || line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("not one Assuan line: " + line);
        }
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new AgentUnreachableException(
                    peer + " closed the connection (" + e.getMessage() + ")",
                    "restart it with `gpgconf --kill gpg-agent`, then try again",
                    e);
        }
    }

    private Reply answer(Inquiries inquiries, String command) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        List<String> status = new ArrayList<>();
        String what = command == null ? "its greeting" : "the command " + command.split(" ", 2)[0];
        for (int lines = 0; lines < MAX_LINES; lines++) {
            byte[] line = readLine(what);
            String text = new String(line, StandardCharsets.UTF_8);
            if (text.equals("OK") || text.startsWith("OK ")) {
                return new Reply(data.toByteArray(), List.copyOf(status));
            } else if (text.startsWith("ERR ")) {
                throw error(text.substring(4), what);
            } else if (text.startsWith("D ")) {
                byte[] chunk = Percent.decode(line, 2, line.length);
                if (chunk == null) {
                    throw broken(what, "a data line with a bad percent escape");
                }
                if (data.size() + chunk.length > MAX_DATA) {
                    throw broken(what, "more than " + MAX_DATA + " bytes of data");
                }
                data.write(chunk, 0, chunk.length);
            } else if (text.startsWith("S ")) {
                status.add(Percent.printable(text.substring(2)));
            } else if (text.startsWith("#") || text.isEmpty()) {
                continue; // a comment; an empty line is ignored, as libassuan does
            } else if (text.startsWith("INQUIRE ")) {
                String keyword = text.substring(8).split(" ", 2)[0];
                inquire(inquiries.answer(keyword));
            } else {
                throw broken(
                        what,
                        "a line that is none of OK, ERR, D, S, # or INQUIRE ('"
                                + Percent.printable(
                                        text.length() > 40 ? text.substring(0, 40) + "..." : text)
                                + "')");
            }
        }
        throw broken(what, "more than " + MAX_LINES + " lines without OK or ERR");
    }

    private void inquire(byte[] answer) {
        if (answer == null) {
            send("CAN");
            return;
        }
        for (int off = 0; off < answer.length; off += DATA_CHUNK) {
            send("D " + Percent.encode(answer, off, Math.min(answer.length, off + DATA_CHUNK)));
        }
        send("END");
    }

    private Err error(String rest, String what) {
        String[] parts = rest.split(" ", 2);
        long code;
        try {
            code = Long.parseLong(parts[0]);
        } catch (NumberFormatException e) {
            throw broken(what, "an ERR line without an error number");
        }
        if (code <= 0 || code > 0xFFFFFFFFL) {
            throw broken(what, "an ERR line with the error number " + Percent.printable(parts[0]));
        }
        return new Err((int) code, parts.length > 1 ? Percent.printable(parts[1]) : "");
    }

    private byte[] readLine(String what) {
        byte[] line = new byte[MAX_LINE];
        int n = 0;
        try {
            while (true) {
                int b = in.read();
                if (b < 0) {
                    throw new AgentProtocolException(
                            peer + " closed the connection in the middle of " + what,
                            "restart it with `gpgconf --kill gpg-agent`, then try again");
                }
                if (b == '\n') {
                    return Arrays.copyOf(line, n);
                }
                if (n == MAX_LINE - 1) {
                    throw broken(what, "a line longer than " + MAX_LINE + " bytes");
                }
                line[n++] = (byte) b;
            }
        } catch (IOException e) {
            throw new AgentUnreachableException(
                    "reading from " + peer + " failed (" + e.getMessage() + ")",
                    "restart it with `gpgconf --kill gpg-agent`, then try again",
                    e);
        }
    }

    private AgentProtocolException broken(String what, String detail) {
        close();
        return new AgentProtocolException(
                peer + " broke the Assuan protocol answering " + what + ": " + detail,
                "restart it with `gpgconf --kill gpg-agent`; if that does not help, check what listens on its socket");
    }

    @Override
    public void close() {
        close(channel);
    }

    private static void close(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing a socket we are done with
        }
    }
}
