package org.sealpack.gnupg;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A hostile or broken "agent" for tests: a Unix socket server that answers each line it receives
 * with whatever the script says (raw bytes, which may be anything), in a thread of the test's JVM.
 * A null answer closes the connection.
 */
public final class FakeAgent implements AutoCloseable {
    private final ServerSocketChannel server;
    private final Thread thread;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final Path socket;

    /**
     * @param script the bytes to send for each line received ("" for the greeting on connecting)
     */
    public FakeAgent(Path socket, Function<String, byte[]> script) throws IOException {
        this.socket = socket;
        Files.createDirectories(socket.getParent());
        Files.deleteIfExists(socket);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        thread = new Thread(() -> serve(script), "fake-agent");
        thread.setDaemon(true);
        thread.start();
    }

    private void serve(Function<String, byte[]> script) {
        while (server.isOpen()) {
            try (SocketChannel client = server.accept()) {
                InputStream in = Channels.newInputStream(client);
                OutputStream out = Channels.newOutputStream(client);
                if (!send(out, script.apply(""))) {
                    continue;
                }
                String line;
                while ((line = readLine(in)) != null) {
                    received.add(line);
                    if (!send(out, script.apply(line))) {
                        break;
                    }
                }
            } catch (IOException e) {
                // the client went away, or the server was closed
            }
        }
    }

    /** Ends an answer that is to be followed by hanging up. */
    public static final String HANG_UP = "<<hang up>>";

    private static boolean send(OutputStream out, byte[] answer) throws IOException {
        if (answer == null) {
            return false;
        }
        String text = new String(answer, StandardCharsets.ISO_8859_1);
        boolean hangUp = text.endsWith(HANG_UP);
        out.write(answer, 0, hangUp ? answer.length - HANG_UP.length() : answer.length);
        out.flush();
        return !hangUp;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            line.write(b);
        }
        return b < 0 && line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
    }

    /** The lines received so far, over every connection. */
    public List<String> received() {
        return List.copyOf(received);
    }

    public static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * An agent that says OK to everything, holds every key (HAVEKEY), inquires the ciphertext on
     * PKDECRYPT, and answers PKSIGN and the end of PKDECRYPT's inquiry (END) with {@code answer}.
     */
    public static Function<String, byte[]> answering(byte[] answer) {
        return line -> {
            if (line.isEmpty()) {
                return bytes("OK Pleased to meet you\n");
            }
            if (line.startsWith("PKSIGN") || line.equals("END")) {
                return answer;
            }
            if (line.startsWith("PKDECRYPT")) {
                return bytes("INQUIRE CIPHERTEXT\n");
            }
            if (line.startsWith("D ")) {
                return new byte[0];
            }
            return bytes("OK\n");
        };
    }

    @Override
    public void close() throws IOException {
        server.close();
        Files.deleteIfExists(socket);
    }
}
