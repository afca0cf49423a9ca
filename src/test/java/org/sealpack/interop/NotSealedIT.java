package org.sealpack.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpack.Proc;
import org.sealpack.failure.ExitCode;

/**
 * inspect, verify and open of files that are not sealed files, made by the real gpg where they are
 * OpenPGP: each says what the file is, in one line, with a hint that names a command to run, exits
 * 20, and open writes nothing.
 */
class NotSealedIT {
    @TempDir static Path dir;
    static GnuPG gpg;

    /** File name, then what the error must say and what its hint must hold. */
    static final Map<String, List<String>> FILES = new LinkedHashMap<>();

    @BeforeAll
    static void files() throws Exception {
        gpg = new GnuPG();
        Path k = Proc.testKeys();
        assertThat(gpg.importKey(k.resolve("recipient.cert.asc"), null).exit()).isZero();
        assertThat(
                        gpg.importKey(k.resolve("signer.key.asc"), k.resolve("signer.passphrase"))
                                .exit())
                .isZero();
        Files.writeString(dir.resolve("hi.txt"), "hello\n");
        String to =
                " --trust-model always -r "
                        + Proc.bash(
                                        dir,
                                        gpg.env(),
                                        "gpg --with-colons -k 'Recipient' | awk -F: '/^fpr/{print $10; exit}'")
                                .out()
                                .strip();
        String sign =
                " --pinentry-mode loopback --passphrase-file "
                        + GnuPG.q(k.resolve("signer.passphrase"));
        Proc.Result made =
                gpg.sh(
                        dir,
                        "set -e; gpg --batch -e"
                                + to
                                + " -o plain.gpg hi.txt"
                                + "; gpg --batch -a -e"
                                + to
                                + " -o plain.asc hi.txt"
                                + "; gpg --batch --pinentry-mode loopback --passphrase x -c -o sym.gpg hi.txt"
                                + "; gpg --batch"
                                + sign
                                + " -b -o hi.sig hi.txt"
                                + "; gpg --batch"
                                + sign
                                + " --clearsign -o hi.clear hi.txt"
                                + "; gpg --batch"
                                + sign
                                + " -s -o signed.gpg hi.txt"
                                + "; : > empty.sealed; echo 'just some notes' > notes.sealed; { printf 'PK\\003\\004'; head -c 4096 /dev/zero; } > random.sealed");
        assertThat(made.exit()).as(made.toString()).isZero();
        Files.copy(k.resolve("signer.cert.asc"), dir.resolve("cert.asc"));
        Files.copy(k.resolve("signer.key.asc"), dir.resolve("key.asc"));
        FILES.put(
                "plain.gpg",
                List.of(
                        "a plain OpenPGP encrypted message (as `gpg -e` makes)",
                        "`gpg --decrypt plain.gpg`"));
        FILES.put(
                "plain.asc",
                List.of(
                        "a plain OpenPGP encrypted message (as `gpg -e` makes)",
                        "`gpg --decrypt plain.asc`"));
        FILES.put(
                "sym.gpg",
                List.of(
                        "an OpenPGP message encrypted with a passphrase",
                        "`gpg --decrypt sym.gpg`"));
        FILES.put(
                "signed.gpg",
                List.of("an OpenPGP message that is not encrypted", "`gpg --decrypt signed.gpg`"));
        FILES.put(
                "hi.sig",
                List.of("a detached OpenPGP signature", "`gpg --verify hi.sig SIGNED-FILE`"));
        FILES.put(
                "hi.clear",
                List.of("a cleartext-signed OpenPGP message", "`gpg --verify hi.clear`"));
        FILES.put(
                "cert.asc",
                List.of(
                        "an OpenPGP certificate (a public key)",
                        "`sealpack keys import cert.asc`"));
        FILES.put("key.asc", List.of("an OpenPGP secret key", "`sealpack keys import key.asc`"));
        FILES.put("empty.sealed", List.of("the file is empty", "ask the sender for a new copy"));
        FILES.put(
                "notes.sealed",
                List.of("it is text, not OpenPGP data", "-----BEGIN PGP MESSAGE-----"));
        FILES.put(
                "random.sealed",
                List.of("it is not OpenPGP data", "ask the sender for a new copy"));
    }

    @AfterAll
    static void close() {
        if (gpg != null) {
            gpg.close();
        }
    }

    @Test
    void eachCommandSaysWhatTheFileIsAndWhatToDo() {
        String keys = Proc.openKeys();
        for (var e : FILES.entrySet()) {
            for (String command : List.of("inspect", "verify", "open")) {
                // In process (the same command line, without a JVM start for each of the 33 runs).
                String file = dir.resolve(e.getKey()).toString();
                String args =
                        command
                                + " "
                                + file
                                + (command.equals("inspect")
                                        ? ""
                                        : command.equals("verify")
                                                ? " --signer "
                                                        + Proc.testKeys().resolve("signer.cert.asc")
                                                : keys.replace(" h", " " + dir.resolve("h"))
                                                        + " -o "
                                                        + dir.resolve("out"));
                org.sealpack.Cli.Run r = org.sealpack.Cli.run(args.split(" "));
                assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCode.MALFORMED.code);
                assertThat(r.err().lines()).as(r.toString()).hasSize(1);
                assertThat(r.err())
                        .as(r.toString())
                        .contains(e.getValue().get(0))
                        .contains("hint: ")
                        .contains(e.getValue().get(1).replace(e.getKey(), file));
                assertThat(r.out()).isEmpty();
                assertThat(dir.resolve("out")).doesNotExist();
            }
        }
    }
}
