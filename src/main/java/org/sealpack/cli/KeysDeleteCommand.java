package org.sealpack.cli;

import java.util.concurrent.Callable;
import org.sealpack.failure.ExitCode;
import org.sealpack.failure.UsageException;
import org.sealpack.jobs.KeyJobs;
import org.sealpack.report.People;
import org.sealpack.seal.KeySelector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "delete",
        mixinStandardHelpOptions = true,
        description = {
            "Remove a certificate from the keyring (it is no longer trusted). A secret key is removed only with --secret.",
            "On a terminal, sealpack shows the key and asks you to confirm; without one (a script), ID must be the "
                    + "full fingerprint."
        },
        footerHeading = "%nExample:%n",
        footer = "  sealpack keys delete 15C6E52324F018516E63CA8B0DC067D1877D13C3")
final class KeysDeleteCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin CommonOptions common;

    @Parameters(
            paramLabel = "ID",
            description = "Full fingerprint, or a name or e-mail that matches one key.")
    String id;

    @Option(names = "--secret", description = "Also delete the secret key. This cannot be undone.")
    boolean secret;

    @Override
    public Integer call() {
        var keyring = common.keyring();
        if (!Confirmation.possible() && !KeySelector.isFingerprint(id)) {
            throw new UsageException(
                    "without a terminal to confirm it, 'keys delete' needs the full fingerprint, not '"
                            + id
                            + "'",
                    "see 'sealpack keys list' for the fingerprint");
        }
        KeyJobs.Deletion deletion = KeyJobs.deletion(keyring, id, secret);
        Confirmation.require(
                "delete",
                "Deleting " + deletion.description() + " from the keyring " + keyring.home() + ".",
                secret && deletion.hasSecret()
                        ? "This deletes your SECRET KEY too: without a backup, nothing sealed to it can be opened again."
                        : "Its signatures will no longer be trusted until you import it again.");
        deletion.run();
        common.out(spec)
                .println(
                        "deleted "
                                + People.fingerprint(deletion.fingerprint())
                                + " "
                                + deletion.userId());
        return ExitCode.OK.code;
    }
}
