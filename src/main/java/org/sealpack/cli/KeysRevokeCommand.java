package org.sealpack.cli;

import java.util.concurrent.Callable;
import org.sealpack.failure.ExitCode;
import org.sealpack.jobs.KeyJobs;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

final class KeysRevokeCommand implements Callable<Integer> {
    final CommandSpec spec = CommandSpec.wrapWithoutInspection(this);

    final CommonOptions common = new CommonOptions();
    String id;
    KeyJobs.Reason reason;
    String description;
    final PassphraseOptions passphrase = new PassphraseOptions();

    KeysRevokeCommand() {
        spec.name("revoke");
        spec.usageMessage()
                .description(
                        "Revoke your key. Export the certificate afterwards and send it to everyone who holds it.",
                        "--reason is required, because it decides what happens to everything the key signed before: "
                                + "'compromised' and 'unspecified' void every signature the key ever made (every archive it "
                                + "sealed stops verifying); 'superseded' and 'retired' void only signatures made after the "
                                + "revocation. On a terminal, sealpack says which and asks you to confirm.");
        spec.usageMessage().footerHeading("%nExample:%n");
        spec.usageMessage()
                .footer(
                        "  sealpack keys revoke jane@example.org --reason superseded \\",
                        "    --description 'new key 0x...' --passphrase-file jane.new-passphrase");
        common.addTo(spec);
        spec.addPositional(
                PositionalParamSpec.builder()
                        .paramLabel("ID")
                        .required(true)
                        .description(
                                "Full fingerprint, or a name or e-mail that matches one secret key.")
                        .type(String.class)
                        .build());
        spec.addOption(
                OptionSpec.builder("--reason")
                        .paramLabel("REASON")
                        .required(true)
                        .description("Required: ${COMPLETION-CANDIDATES}.")
                        .type(KeyJobs.Reason.class)
                        .build());
        spec.addOption(
                OptionSpec.builder("--description")
                        .paramLabel("<description>")
                        .description("A short human-readable explanation.")
                        .type(String.class)
                        .build());
        passphrase.addTo(spec);
        Specs.standardHelp(spec);
    }

    /** Takes the options' values from the command line just parsed. */
    private void read() {
        common.readFrom(spec);
        id = spec.positionalParameters().get(0).getValue();
        reason = spec.findOption("--reason").getValue();
        description = spec.findOption("--description").getValue();
        passphrase.readFrom(spec);
    }

    @Override
    public Integer call() {
        read();
        KeyJobs.Revocation revocation = KeyJobs.revocation(common.keys(), id, reason);
        common.out(spec).println(revocation.confirmAndRun(passphrase.source(), description));
        return ExitCode.OK.code;
    }
}
