package org.sealpack.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.sealpack.pgp.Certificate;
import org.sealpack.pgp.KeyFiles;

/** Turns KEY and CERT arguments into keys and certificates. For now they are file paths. */
final class Keys {
    private Keys() {
    }

    static List<Certificate> certificates(List<Path> files) {
        List<Certificate> certs = new ArrayList<>();
        for (Path f : files) {
            certs.add(KeyFiles.readCertificate(f));
        }
        return certs;
    }
}
