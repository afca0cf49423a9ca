package org.sealpack.pgp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import org.sealpack.failure.KeyException;

/**
 * When the keyring received each 'lost' revocation: a soft one (retired or superseded) made ahead,
 * at key generation, and dated then. Dated by its signature alone it would void everything the key
 * signed since it was made; it takes effect from when its owner gave it out instead, so what the
 * key signed before stays good. {@code HOME/received-revocations.txt}, one line per key:
 * FINGERPRINT ISO-INSTANT.
 */
final class ReceivedRevocations {
    static final String FILE = "received-revocations.txt";

    private final Path file;
    private final Map<String, Instant> times = new TreeMap<>();
    private boolean changed;

    ReceivedRevocations(Path home) {
        this.file = home.resolve(FILE);
        if (!Files.exists(file)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] parts = line.trim().split(" ");
                if (parts.length == 2) {
                    times.put(parts[0], Instant.parse(parts[1]));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new KeyException(
                    file + " is unreadable: " + e.getMessage(),
                    "restore it from a backup of the keyring's home",
                    e);
        }
    }

    Instant get(String fingerprint) {
        return times.get(fingerprint);
    }

    /** The first time counts: importing the same revocation again does not move it. */
    void record(String fingerprint, Instant at) {
        if (times.putIfAbsent(fingerprint, at.truncatedTo(ChronoUnit.SECONDS)) == null) {
            changed = true;
        }
    }

    void forget(String fingerprint) {
        changed |= times.remove(fingerprint) != null;
    }

    void save() throws IOException {
        if (!changed) {
            return;
        }
        StringBuilder text = new StringBuilder();
        times.forEach((fpr, at) -> text.append(fpr).append(' ').append(at).append('\n'));
        Path tmp = file.resolveSibling(FILE + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(
                tmp,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        changed = false;
    }
}
