package org.sealpack.jobs;

import static org.sealpack.failure.ExitCode.*;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sealpack.failure.ExitCode;

/**
 * The exit codes each job (each command) can end with: its --help and man page list these, and only
 * these.
 */
public final class JobExits {
    private static final Set<ExitCode> EVERY = EnumSet.of(OK, INTERNAL, USAGE, INTERRUPTED);
    private static final Set<ExitCode> SECRET_KEY =
            EnumSet.of(INPUT, KEY, PASSPHRASE, NOT_SECRET_KEY, AMBIGUOUS_KEY, NO_SUCH_KEY);
    private static final Set<ExitCode> READING =
            EnumSet.of(
                    INPUT,
                    OUT_OF_MEMORY,
                    MALFORMED,
                    BAD_SIGNATURE,
                    UNTRUSTED_SIGNER,
                    SIGNER_EXPIRED,
                    SIGNER_REVOKED,
                    WEAK_CRYPTO,
                    KEY,
                    AMBIGUOUS_KEY,
                    NO_SUCH_KEY,
                    NOT_VERIFIABLE,
                    OUTPUT_EXISTS,
                    WRITE_FAILED);

    /** A KEY or CERT may be gpg:SELECTOR: GnuPG and its agent have their own failures. */
    private static final Set<ExitCode> GNUPG =
            EnumSet.of(GNUPG_MISSING, AGENT_UNREACHABLE, AGENT_PROTOCOL, CARD, AGENT_REFUSED);

    private static final Set<ExitCode> DECRYPTING =
            EnumSet.of(
                    PASSPHRASE,
                    NOT_SECRET_KEY,
                    NOT_RECIPIENT,
                    TAMPERED,
                    BAG_INVALID,
                    UNSAFE_ARCHIVE);

    private static final Map<String, Set<ExitCode>> BY_COMMAND =
            Map.ofEntries(
                    Map.entry("sealpack", EnumSet.of(OK, USAGE)),
                    Map.entry(
                            "pack",
                            with(
                                    with(SECRET_KEY, GNUPG),
                                    OUTPUT_EXISTS,
                                    WRITE_FAILED,
                                    OUT_OF_MEMORY,
                                    SIGNER_EXPIRED,
                                    SIGNER_REVOKED,
                                    RECIPIENT_UNUSABLE,
                                    WEAK_CRYPTO,
                                    BAG_INVALID,
                                    BAG_INCOMPLETE,
                                    BAD_SIGNATURE,
                                    UNTRUSTED_SIGNER)),
                    Map.entry("verify", with(with(READING, DECRYPTING), GNUPG)),
                    Map.entry("open", with(with(READING, DECRYPTING), GNUPG)),
                    Map.entry("inspect", EnumSet.of(INPUT, OUT_OF_MEMORY, MALFORMED)),
                    Map.entry(
                            "validate",
                            EnumSet.of(
                                    INPUT,
                                    OUT_OF_MEMORY,
                                    BAG_INVALID,
                                    BAG_INCOMPLETE,
                                    BAD_SIGNATURE,
                                    UNTRUSTED_SIGNER,
                                    SIGNER_EXPIRED,
                                    SIGNER_REVOKED,
                                    WEAK_CRYPTO,
                                    KEY,
                                    AMBIGUOUS_KEY,
                                    NO_SUCH_KEY,
                                    GNUPG_MISSING)),
                    Map.entry("keys", EnumSet.of(OK, USAGE)),
                    Map.entry("custody", EnumSet.of(OK, USAGE)),
                    Map.entry(
                            "custody check",
                            EnumSet.of(
                                    INPUT,
                                    OUT_OF_MEMORY,
                                    KEY,
                                    AMBIGUOUS_KEY,
                                    NO_SUCH_KEY,
                                    GNUPG_MISSING,
                                    OUTPUT_EXISTS,
                                    WRITE_FAILED,
                                    SIGNER_EXPIRED,
                                    SIGNER_REVOKED,
                                    WEAK_CRYPTO,
                                    PASSPHRASE,
                                    NOT_SECRET_KEY,
                                    NOT_RECIPIENT,
                                    TAMPERED,
                                    MALFORMED,
                                    BAD_SIGNATURE,
                                    UNTRUSTED_SIGNER,
                                    BAG_INVALID,
                                    RECEIPT_ALTERED,
                                    RECEIPT_UNTRUSTED,
                                    RECEIPT_OTHER_FILE,
                                    CHAIN_LINK_MISSING,
                                    CHAIN_TIME,
                                    RECEIPT_FAILURE,
                                    RECEIPT_REPEATED,
                                    RECEIPT_TIME)),
                    Map.entry(
                            "custody carry",
                            with(
                                    with(SECRET_KEY, GNUPG),
                                    MALFORMED,
                                    OUTPUT_EXISTS,
                                    WRITE_FAILED,
                                    SIGNER_EXPIRED,
                                    SIGNER_REVOKED)),
                    Map.entry(
                            "keys generate",
                            EnumSet.of(INPUT, KEY, PASSPHRASE, OUTPUT_EXISTS, WRITE_FAILED)),
                    Map.entry("keys import", EnumSet.of(INPUT, KEY, PASSPHRASE, WRITE_FAILED)),
                    Map.entry("keys list", EnumSet.of(INPUT, KEY)),
                    Map.entry(
                            "keys export",
                            EnumSet.of(
                                    INPUT,
                                    KEY,
                                    AMBIGUOUS_KEY,
                                    NO_SUCH_KEY,
                                    OUTPUT_EXISTS,
                                    WRITE_FAILED)),
                    Map.entry(
                            "keys delete",
                            EnumSet.of(INPUT, KEY, AMBIGUOUS_KEY, NO_SUCH_KEY, WRITE_FAILED)),
                    Map.entry("keys revoke", with(SECRET_KEY, WRITE_FAILED, OUTPUT_EXISTS)),
                    Map.entry("keys passwd", with(SECRET_KEY, WRITE_FAILED)));

    private JobExits() {}

    private static Set<ExitCode> with(Set<ExitCode> base, ExitCode... more) {
        Set<ExitCode> all = EnumSet.copyOf(base);
        all.addAll(List.of(more));
        return all;
    }

    private static Set<ExitCode> with(Set<ExitCode> a, Set<ExitCode> b) {
        Set<ExitCode> all = EnumSet.copyOf(a);
        all.addAll(b);
        return all;
    }

    /**
     * The codes the command (its qualified name without "sealpack ", e.g. "keys list") can return.
     */
    public static Set<ExitCode> of(String command) {
        Set<ExitCode> codes = EnumSet.copyOf(EVERY);
        Set<ExitCode> own = BY_COMMAND.get(command);
        if (own == null) {
            return EnumSet.allOf(ExitCode.class);
        }
        codes.addAll(own);
        return codes;
    }

    /**
     * The table of those codes, each line at most 80 columns, a meaning that wraps indented under
     * itself.
     */
    public static List<String> table(Set<ExitCode> codes) {
        List<String> lines = new ArrayList<>();
        for (ExitCode c : codes) {
            String head = String.format("%3d  ", c.code);
            StringBuilder line = new StringBuilder(head);
            for (String word : c.meaning.split(" ")) {
                if (line.length() + 1 + word.length() > 78 && line.length() > head.length()) {
                    lines.add(line.toString());
                    line = new StringBuilder(" ".repeat(head.length()));
                } else if (line.length() > head.length()) {
                    line.append(' ');
                }
                line.append(word);
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
