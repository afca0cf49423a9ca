package org.sealpack.seal;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the keyring lives: --home, else $SEALPACK_HOME, else $XDG_DATA_HOME/sealpack, else
 * $HOME/.local/share/sealpack, with HOME from the environment (as a shell and gpg read it; the
 * password database's home directory only when HOME is not set at all).
 */
public final class Home {
    /** How --help and the README say it. */
    public static final String DEFAULT =
            "$SEALPACK_HOME, else $XDG_DATA_HOME/sealpack, else $HOME/.local/share/sealpack";

    private Home() {}

    public static Path resolve(Path option, Map<String, String> env, String passwordDatabaseHome) {
        if (option != null) {
            return option;
        }
        String home = env.get("SEALPACK_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home);
        }
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "sealpack");
        }
        return Path.of(userHome(env, passwordDatabaseHome), ".local", "share", "sealpack");
    }

    /** The user's home directory: $HOME, or the password database's when HOME is not set. */
    public static String userHome(Map<String, String> env, String passwordDatabaseHome) {
        String home = env.get("HOME");
        return home != null && !home.isBlank() ? home : passwordDatabaseHome;
    }
}
