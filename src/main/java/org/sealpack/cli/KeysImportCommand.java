package org.sealpack.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sealpack.failure.ExitCode;
import org.sealpack.jobs.KeyJobs;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

final class KeysImportCommand implements Callable<Integer> {
    final CommandSpec spec = CommandSpec.wrapWithoutInspection(this);

    final CommonOptions common = new CommonOptions();
    List<Path> files;

    KeysImportCommand() {
        spec.name("import");
        spec.usageMessage()
                .description(
                        "Import certificates, secret keys and revocation certificates into the keyring.",
                        "Importing a certificate is the act of trusting it: compare the fingerprint shown with its owner "
                                + "over another channel (in person, by phone) before you rely on it. Files may be armored or "
                                + "binary and hold one or many keys, as 'gpg --export' and 'gpg --export-secret-keys' write them.");
        spec.usageMessage().footerHeading("%nExample:%n");
        spec.usageMessage().footer("  sealpack keys import keys/signer.cert.asc");
        common.addTo(spec);
        spec.addPositional(
                PositionalParamSpec.builder()
                        .paramLabel("FILE")
                        .arity("1..*")
                        .required(true)
                        .description("Key files to import.")
                        .type(List.class)
                        .auxiliaryTypes(Path.class)
                        .build());
        Specs.standardHelp(spec);
    }

    /** Takes the options' values from the command line just parsed. */
    private void read() {
        common.readFrom(spec);
        files = spec.positionalParameters().get(0).getValue();
    }

    @Override
    public Integer call() {
        read();
        KeyJobs.importFiles(common.keys(), files, common.out(spec));
        return ExitCode.OK.code;
    }
}
