package org.sealpack.cli;

import java.util.concurrent.Callable;

import org.sealpack.pgp.Certificate;
import org.sealpack.pgp.Keyring;
import org.sealpack.seal.KeySelector;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "delete", mixinStandardHelpOptions = true,
        description = "Remove a certificate from the keyring (it is no longer trusted). A secret key is removed only with --secret.",
        footerHeading = "%nExample:%n", footer = "  sealpack keys delete 15C6E52324F018516E63CA8B0DC067D1877D13C3")
final class KeysDeleteCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "ID", description = "Full fingerprint, or a name or e-mail that matches one key.")
    String id;

    @Option(names = "--secret", description = "Also delete the secret key. This cannot be undone.")
    boolean secret;

    @Override
    public Integer call() {
        Keyring keyring = common.keyring();
        Certificate cert = KeySelector.certificate(id, keyring);
        keyring.delete(cert, secret);
        keyring.save();
        common.out(spec).println("deleted " + cert.fingerprint() + " " + Terminal.safe(cert.primaryUserId()));
        return ExitCodes.OK;
    }
}
