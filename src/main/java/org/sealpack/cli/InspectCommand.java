package org.sealpack.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.sealpack.failure.ExitCode;
import org.sealpack.report.Json;
import org.sealpack.report.People;
import org.sealpack.report.Printer;
import org.sealpack.seal.Inspector;
import org.sealpack.seal.Reports;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Show what anyone can learn from a sealed file with no key at all.",
            "Nothing shown here is verified: use 'verify' for that."},
        footerHeading = "%nExample:%n",
        footer = "  sealpack inspect statement.sealed")
final class InspectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "FILE", description = "The sealed file, or - for standard input.")
    Path file;

    @Option(names = "--json", description = "Print one JSON document (docs/sealpack.schema.json) instead of the report.")
    boolean json;


    @Override
    public Integer call() {
        Reports.Inspection i = Inspector.inspect(StandardStreams.source(file));
        if (json) {
            Json.print(spec.commandLine().getOut(), Json.inspection(i));
            return ExitCode.OK.code;
        }
        Printer p = new Printer(common.out(spec));
        p.heading("Sealed file (UNVERIFIED: nothing below has been checked)");
        p.field("size", i.fileBytes() + " bytes");
        if (i.anonymous()) {
            p.field("anonymous", "yes: no outer signature, recipients hidden (seizure mode)");
            p.field("layers", "OpenPGP encrypted message > tar > BagIt bag");
            p.field("signer", "not shown: only a recipient can see and verify who signed it");
        } else {
            p.field("layers", "OpenPGP one-pass signed literal data > OpenPGP encrypted message > tar > BagIt bag");
            p.field("claimed signer", People.fingerprint(i.claimedSignature().issuer()) + " (unverified)");
            p.field("claimed time", People.time(i.claimedSignature().created()) + " (unverified)");
            p.field("signature", i.claimedSignature().algorithm() + " with " + i.claimedSignature().hash());
        }
        java.util.List<org.sealpack.pgp.Certificate> known = Keys.known(java.util.List.of(), common.keyring());
        org.sealpack.pgp.Certificate claimed = i.claimedSignature() == null ? null : known.stream()
                .filter(c -> c.fingerprint().equals(i.claimedSignature().issuer())).findFirst().orElse(null);
        p.recipients(i.recipients(), known, claimed);
        p.field("encrypted message", i.encryptedBytes() + " bytes");
        return ExitCode.OK.code;
    }
}
