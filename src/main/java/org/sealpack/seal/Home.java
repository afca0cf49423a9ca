package org.sealpack.seal;

import java.nio.file.Path;
import java.util.Map;

/** Where the keyring lives: --home, else $SEALPACK_HOME, else $XDG_DATA_HOME/sealpack, else ~/.local/share/sealpack. */
public final class Home {
    private Home() {
    }

    public static Path resolve(Path option, Map<String, String> env, String userHome) {
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
        return Path.of(userHome, ".local", "share", "sealpack");
    }
}
