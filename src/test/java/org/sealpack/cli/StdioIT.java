package org.sealpack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpack.Proc;

/** '-' for standard input and output, so sealpack fits in pipes. */
class StdioIT {
    static final Path ROOT = Proc.root();
    static final Path KEYS = Proc.testKeys();

    @TempDir Path dir;

    @Test
    void packToAPipeThenInspectVerifyAndOpenFromPipes() throws java.io.IOException {
        String sp = Proc.javaJar();
        String signer = " --signer " + KEYS.resolve("signer.cert.asc");
        String key =
                " --key "
                        + KEYS.resolve("recipient.key.asc")
                        + " --passphrase-file "
                        + KEYS.resolve("recipient.passphrase");
        Proc.Result r =
                Proc.bash(
                        dir,
                        Map.of(),
                        sp
                                + " pack "
                                + ROOT.resolve("examples/statement.txt")
                                + " --name statement"
                                + " --signer "
                                + KEYS.resolve("signer.key.asc")
                                + " --passphrase-file "
                                + KEYS.resolve("signer.passphrase")
                                + " --recipient "
                                + KEYS.resolve("recipient.cert.asc")
                                + " -o - --home h > piped.sealed"
                                + " && "
                                + sp
                                + " inspect - < piped.sealed"
                                + " && cat piped.sealed | "
                                + sp
                                + " verify -"
                                + signer
                                + " --home h"
                                + " && cat piped.sealed | "
                                + sp
                                + " verify -"
                                + signer
                                + key
                                + " --home h"
                                + " && cat piped.sealed | "
                                + sp
                                + " open -"
                                + signer
                                + key
                                + " -o opened --home h"
                                + " && "
                                + sp
                                + " verify <(cat piped.sealed)"
                                + signer
                                + " --home h"
                                + " && "
                                + sp
                                + " open <(cat piped.sealed)"
                                + signer
                                + key
                                + " -o from-fifo --home h"
                                + " && cmp from-fifo/data/statement.txt "
                                + ROOT.resolve("examples/statement.txt")
                                + " && cmp opened/data/statement.txt "
                                + ROOT.resolve("examples/statement.txt"));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.err()).contains("Sealed - (");
        assertThat(r.out())
                .contains(
                        "UNVERIFIED", "Outer signature: GOOD", "Bag: VALID", "Opened into opened");
        // Receipts and JSON name the SHA-256 of the bytes that were verified, read once, standard
        // input too.
        Proc.Result receipt =
                Proc.bash(
                        dir,
                        Map.of(),
                        "cat piped.sealed | "
                                + sp
                                + " verify -"
                                + signer
                                + " --receipt r.md --home h"
                                + " && cat piped.sealed | "
                                + sp
                                + " open -"
                                + signer
                                + key
                                + " -o again --receipt o.md --home h"
                                + " && "
                                + sp
                                + " verify <(cat piped.sealed)"
                                + signer
                                + key
                                + " --json --home h"
                                + " && sha256sum < piped.sealed");
        assertThat(receipt.exit()).as(receipt.toString()).isZero();
        String sha256 = receipt.out().lines().reduce((a, b) -> b).orElseThrow().substring(0, 64);
        assertThat(java.nio.file.Files.readString(dir.resolve("r.md")))
                .contains(
                        "| Archive | standard input |",
                        "| Archive SHA-256 | `" + sha256 + "` (of the bytes verified) |");
        assertThat(java.nio.file.Files.readString(dir.resolve("o.md")))
                .contains("`" + sha256 + "`");
        assertThat(receipt.out()).contains("\"fileSha256\" : \"" + sha256 + "\"");
    }
}
