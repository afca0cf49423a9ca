package org.sealpack.cli;

import java.util.List;
import picocli.CommandLine.Option;

/** Which signers a command trusts: those named, else every certificate in the keyring. */
final class TrustOptions {
    @Option(
            names = "--signer",
            paramLabel = "CERT",
            description =
                    "Trust only this signer (file, fingerprint, or name in the keyring; gpg:SELECTOR from GnuPG); "
                            + "repeat for several. "
                            + "Default: every certificate in the keyring.")
    List<String> signers;
}
