package org.sealpack.cli;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Which signers a command trusts: those named, else every certificate in the keyring. */
final class TrustOptions {
    List<String> signers;

    /** Adds these options to a command (in this order). */
    void addTo(CommandSpec spec) {
        spec.addOption(
                OptionSpec.builder("--signer")
                        .paramLabel("CERT")
                        .description(
                                "Trust only this signer (file, fingerprint, or name in the keyring; gpg:SELECTOR from GnuPG); "
                                        + "repeat for several. "
                                        + "Default: every certificate in the keyring.")
                        .type(List.class)
                        .auxiliaryTypes(String.class)
                        .build());
    }

    /** Takes their values from the command line just parsed. */
    void readFrom(CommandSpec spec) {
        signers = spec.findOption("--signer").getValue();
    }
}
