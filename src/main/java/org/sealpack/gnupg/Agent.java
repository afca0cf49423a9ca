package org.sealpack.gnupg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.sealpack.failure.AgentProtocolException;
import org.sealpack.failure.AgentUnreachableException;

/**
 * A connection to GnuPG's agent and the secret operations sealpack asks of it, as gpg does
 * (g10/call-agent.c): HAVEKEY, then SIGKEY + SETHASH + PKSIGN, or SETKEY + PKDECRYPT answering
 * INQUIRE CIPHERTEXT. The agent asks for a passphrase or PIN itself, with its pinentry; a key on an
 * OpenPGP card is used the same way (the agent diverts to the card). Answers are parsed with limits
 * ({@link Assuan}, {@link SExpression}).
 */
public final class Agent implements AutoCloseable {
    static final String PEER = "GnuPG's agent";
    private final Assuan assuan;

    private Agent(Assuan assuan) {
        this.assuan = assuan;
    }

    /** Connects to the agent of this GNUPGHOME, starting it when it is not running. */
    public static Agent connect() {
        return connect(GnuPG.agentSocket(), true);
    }

    /**
     * Connects to the agent on that socket; with {@code launch}, starts it when nothing answers.
     */
    public static Agent connect(Path socket, boolean launch) {
        Assuan assuan;
        try {
            assuan = Assuan.connect(socket, PEER);
        } catch (AgentUnreachableException notRunning) {
            if (!launch) {
                throw notRunning;
            }
            GnuPG.launchAgent();
            assuan = Assuan.connect(socket, PEER);
        }
        Agent agent = new Agent(assuan);
        agent.options();
        return agent;
    }

    /**
     * Where the agent's pinentry should ask: this terminal or display (as gpg tells it); refusals
     * are ignored.
     */
    private void options() {
        String tty = System.getenv("GPG_TTY");
        if (tty == null) {
            try {
                Path stdin = Files.readSymbolicLink(Path.of("/proc/self/fd/0"));
                tty =
                        stdin.toString().startsWith("/dev/pts/")
                                        || stdin.toString().startsWith("/dev/tty")
                                ? stdin.toString()
                                : null;
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                tty = null;
            }
        }
        option("ttyname", tty);
        option("ttytype", System.getenv("TERM"));
        option("display", System.getenv("DISPLAY"));
        option(
                "lc-ctype",
                System.getenv("LC_CTYPE") != null
                        ? System.getenv("LC_CTYPE")
                        : System.getenv("LANG"));
    }

    private void option(String name, String value) {
        if (value == null
                || value.isEmpty()
                || value.length() > 200
                || !value.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            return;
        }
        try {
            assuan.transact("OPTION " + name + "=" + value);
        } catch (Assuan.Err refused) {
            // an agent that does not take the option still works; its pinentry may not find the
            // terminal
        }
    }

    /**
     * Whether the agent holds the secret key with this keygrip (in its store, or a stub for a
     * card).
     */
    public boolean hasKey(String keygrip) {
        try {
            assuan.transact("HAVEKEY " + grip(keygrip));
            return true;
        } catch (Assuan.Err e) {
            if (e.errorCode() == AgentErrors.NO_SECKEY) {
                return false;
            }
            throw AgentErrors.failure(e, "look for the key", keygrip);
        }
    }

    /**
     * Signs a digest: the agent's signature value, "(7:sig-val(5:eddsa(1:r..)(1:s..)))" and the
     * like.
     *
     * @param hashName the hash as SETHASH names it: sha256, sha384, sha512
     * @param description what the pinentry shows, plain text
     */
    public SExpression.Node sign(
            String keygrip, String hashName, byte[] digest, String description) {
        try {
            assuan.transact("RESET");
            assuan.transact("SIGKEY " + grip(keygrip));
            describe(description);
            assuan.transact(
                    "SETHASH --hash="
                            + hashName
                            + " "
                            + HexFormat.of().withUpperCase().formatHex(digest));
            return parse(assuan.transact("PKSIGN").data(), "PKSIGN");
        } catch (Assuan.Err e) {
            throw AgentErrors.failure(e, "sign", description);
        }
    }

    /**
     * A decryption's result: the value, and whether it still carries its padding (as the agent
     * says).
     */
    public record Decrypted(byte[] value, boolean padded) {}

    /**
     * Decrypts: the ciphertext is sent when the agent inquires CIPHERTEXT; the answer is
     * "(5:value..)". For ECDH the value is the shared point; for RSA the session key block, padded
     * unless the agent says PADDING 0.
     */
    public Decrypted decrypt(String keygrip, byte[] ciphertext, String description) {
        try {
            assuan.transact("RESET");
            assuan.transact("SETKEY " + grip(keygrip));
            describe(description);
            Assuan.Reply reply =
                    assuan.transact(
                            "PKDECRYPT",
                            keyword -> keyword.equals("CIPHERTEXT") ? ciphertext : null);
            SExpression.Node value = parse(reply.data(), "PKDECRYPT");
            byte[] bytes = value.is("value") && value.size() == 2 ? value.atom(1) : null;
            if (bytes == null || bytes.length == 0) {
                throw new AgentProtocolException(
                        PEER + " answered PKDECRYPT without a value",
                        "restart it with `gpgconf --kill gpg-agent`");
            }
            String padding = reply.status("PADDING");
            return new Decrypted(bytes, padding == null || !padding.equals("0"));
        } catch (Assuan.Err e) {
            throw AgentErrors.failure(e, "decrypt", description);
        }
    }

    private void describe(String description) {
        if (description != null) {
            assuan.transact("SETKEYDESC " + plusEscape(description));
        }
    }

    private static SExpression.Node parse(byte[] data, String command) {
        try {
            return SExpression.parse(data);
        } catch (SExpression.Malformed e) {
            throw new AgentProtocolException(
                    PEER
                            + " answered "
                            + command
                            + " with a malformed S-expression: "
                            + e.getMessage(),
                    "restart it with `gpgconf --kill gpg-agent`; check what listens on its socket");
        }
    }

    private static String grip(String keygrip) {
        if (!keygrip.matches("[0-9A-F]{40}")) {
            throw new IllegalArgumentException("not a keygrip: " + keygrip);
        }
        return keygrip;
    }

    /**
     * The agent's description escaping: '+' for space, %XX for '+', '%', controls; at most 400
     * bytes.
     */
    static String plusEscape(String text) {
        StringBuilder s = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (s.length() > 400) {
                break;
            }
            if (c == ' ') {
                s.append('+');
            } else if (c == '+' || c == '%' || c < 0x20 || c == 0x7F) {
                s.append(String.format("%%%02X", c));
            } else {
                s.append((char) c);
            }
        }
        return new String(
                s.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        assuan.close();
    }
}
