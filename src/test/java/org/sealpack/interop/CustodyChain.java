package org.sealpack.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sealpack.Cli;
import org.sealpack.Proc;

/**
 * A chain of custody of the example statement, built through the real command line, that CustodyIT
 * and CustodyHoldsIT share: custodians' keys, the sealed file, and each hand's signed receipt
 * (`verify` or `open` with --receipt and --sign-receipt), in one temporary directory.
 */
final class CustodyChain {
    final Path dir;
    final Path k = Proc.testKeys();
    final GnuPG gpg = new GnuPG();

    /** --signer for each certificate custody check trusts: the sender's, then as given. */
    final List<String> trust = new ArrayList<>();

    CustodyChain(Path dir) {
        this.dir = dir;
    }

    /** A custodian's key pair, keys/WHO.key.asc and keys/WHO.cert.asc, WHO@example.org. */
    CustodyChain custodian(String who) {
        run(
                "keys",
                "generate",
                "--name",
                who,
                "--email",
                who + "@example.org",
                "--passphrase-file",
                k.resolve("other.passphrase").toString(),
                "-o",
                dir.resolve("keys").toString(),
                "--file-name",
                who);
        return this;
    }

    CustodyChain trust(Path... certificates) {
        for (Path cert : certificates) {
            trust.add("--signer");
            trust.add(cert.toString());
        }
        return this;
    }

    Path keys(String name) {
        return dir.resolve("keys").resolve(name);
    }

    String home() {
        return dir.resolve("h").toString();
    }

    /** The example statement sealed by the demo signer to the demo recipient (and the extra). */
    Path seal(String name, String... extra) {
        Path out = dir.resolve(name);
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "pack",
                                Proc.root().resolve("examples/statement.txt").toString(),
                                "--metadata",
                                Proc.root().resolve("examples/statement.metadata").toString(),
                                "--signer",
                                k.resolve("signer.key.asc").toString(),
                                "--passphrase-file",
                                k.resolve("signer.passphrase").toString(),
                                "--recipient",
                                k.resolve("recipient.cert.asc").toString(),
                                "-o",
                                out.toString(),
                                "--home",
                                home()));
        args.addAll(List.of(extra));
        run(args.toArray(String[]::new));
        return out;
    }

    /**
     * A hand's check (`verify`, or `open` when the extra says -o), its receipt signed with KEY: the
     * sender's (the demo signer) or a custodian's (keys/WHO.key.asc).
     */
    void hand(String job, Path sealed, String receipt, String key, String... extra) {
        boolean sender = key.equals("signer") || key.equals("recipient");
        Path secret = sender ? k.resolve(key + ".key.asc") : keys(key + ".key.asc");
        Path passphrase = sender ? k.resolve(key + ".passphrase") : k.resolve("other.passphrase");
        List<String> args =
                new ArrayList<>(
                        List.of(
                                job,
                                sealed.toString(),
                                "--signer",
                                k.resolve("signer.cert.asc").toString(),
                                "--receipt",
                                dir.resolve(receipt).toString(),
                                "--sign-receipt",
                                secret.toString(),
                                "--passphrase-file",
                                passphrase.toString(),
                                "--home",
                                home()));
        for (int i = 0; i < extra.length; i++) {
            args.add(extra[i]);
            if (extra[i].equals("--after")) {
                args.add(dir.resolve(extra[++i]).toString());
            }
        }
        run(args.toArray(String[]::new));
    }

    /** The recipient opens the sealed file into OUT, signing its receipt with the same key. */
    void open(Path sealed, String out, String receipt, String... extra) {
        List<String> args =
                new ArrayList<>(List.of("--key", k.resolve("recipient.key.asc").toString(), "-o"));
        args.add(dir.resolve(out).toString());
        args.addAll(List.of(extra));
        hand("open", sealed, receipt, "recipient", args.toArray(String[]::new));
    }

    void close() {
        gpg.close();
    }

    private static void run(String... args) {
        Cli.Run run = Cli.run(args);
        assertThat(run.exit()).as(String.join(" ", args) + "\n" + run.err()).isZero();
    }
}
