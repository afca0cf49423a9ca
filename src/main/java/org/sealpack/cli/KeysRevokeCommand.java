package org.sealpack.cli;

import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.sealpack.failure.InputException;
import org.sealpack.pgp.KeyEditor;
import org.sealpack.pgp.Keyring;
import org.sealpack.pgp.Key;
import org.sealpack.seal.KeySelector;
import org.sealpack.seal.Passphrases;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = {"Revoke your key. Export the certificate afterwards and send it to everyone who holds it.",
            "Reasons: 'compromised' and 'unspecified' void every signature the key ever made; 'superseded' and "
                + "'retired' void only signatures made after the revocation."},
        footerHeading = "%nExample:%n",
        footer = "  sealpack keys revoke jane@example.org --reason superseded --description 'new key 0x...'")
final class KeysRevokeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "ID", description = "Full fingerprint, or a name or e-mail that matches one secret key.")
    String id;

    @Option(names = "--reason", defaultValue = "unspecified",
            description = "compromised, superseded, retired or unspecified. Default: ${DEFAULT-VALUE}.")
    String reason;

    @Option(names = "--description", description = "A short human-readable explanation.")
    String description;

    @Mixin
    PassphraseOptions passphrase;

    @Override
    public Integer call() {
        KeyEditor.Reason why;
        try {
            why = KeyEditor.Reason.valueOf(reason.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InputException("unknown reason '" + reason + "'", "use compromised, superseded, retired or unspecified");
        }
        Keyring keyring = common.keyring();
        Key key = KeySelector.secretKey(id, keyring);
        Key revoked = KeyEditor.revoke(key, Passphrases.unlock(key, passphrase.forUnlocking()), why,
                description, Instant.now());
        keyring.put(revoked);
        keyring.save();
        common.out(spec).println("revoked " + key.fingerprint() + " (" + why.name().toLowerCase(Locale.ROOT)
                + "); export it with 'sealpack keys export " + key.fingerprint() + "' and send it to your correspondents");
        return ExitCodes.OK;
    }
}
