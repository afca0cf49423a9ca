package org.sealpack.cli;

import java.util.concurrent.Callable;
import org.sealpack.failure.ExitCode;
import org.sealpack.jobs.KeyJobs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "revoke",
        mixinStandardHelpOptions = true,
        description = {
            "Revoke your key. Export the certificate afterwards and send it to everyone who holds it.",
            "--reason is required, because it decides what happens to everything the key signed before: "
                    + "'compromised' and 'unspecified' void every signature the key ever made (every archive it "
                    + "sealed stops verifying); 'superseded' and 'retired' void only signatures made after the "
                    + "revocation. On a terminal, sealpack says which and asks you to confirm."
        },
        footerHeading = "%nExample:%n",
        footer = {
            "  sealpack keys revoke jane@example.org --reason superseded \\",
            "    --description 'new key 0x...' --passphrase-file jane.new-passphrase"
        })
final class KeysRevokeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin CommonOptions common;

    @Parameters(
            paramLabel = "ID",
            description = "Full fingerprint, or a name or e-mail that matches one secret key.")
    String id;

    @Option(
            names = "--reason",
            required = true,
            paramLabel = "REASON",
            description = "Required: ${COMPLETION-CANDIDATES}.")
    KeyJobs.Reason reason;

    @Option(names = "--description", description = "A short human-readable explanation.")
    String description;

    @Mixin PassphraseOptions passphrase;

    @Override
    public Integer call() {
        KeyJobs.Revocation revocation = KeyJobs.revocation(common.keys(), id, reason);
        common.out(spec).println(revocation.confirmAndRun(passphrase.source(), description));
        return ExitCode.OK.code;
    }
}
