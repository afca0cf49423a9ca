package org.sealpack.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.sealpack.Proc;

/** A throwaway GnuPG home (short path: gpg-agent's socket must fit), used through the real gpg. */
final class GnuPG implements AutoCloseable {
    final Path home;

    GnuPG() {
        try {
            home = Files.createTempDirectory(Path.of("/tmp"), "spg");
            Files.setPosixFilePermissions(
                    home, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, String> env() {
        return Map.of("GNUPGHOME", home.toString(), "LC_ALL", "C");
    }

    Proc.Result sh(Path cwd, String script) {
        return Proc.bash(cwd, env(), script);
    }

    static String q(Object path) {
        return "'" + path.toString().replace("'", "'\\''") + "'";
    }

    /** Imports a certificate, or a secret key protected by the passphrase in the given file. */
    Proc.Result importKey(Path file, Path passphraseFile) {
        String pass =
                passphraseFile == null
                        ? ""
                        : " --pinentry-mode loopback --passphrase-file " + q(passphraseFile);
        return sh(home, "gpg --batch --yes" + pass + " --import " + q(file));
    }

    @Override
    public void close() {
        Proc.bash(home, env(), "gpgconf --kill gpg-agent");
        Proc.bash(Path.of("/tmp"), Map.of(), "rm -rf " + q(home));
    }
}
