package org.sealpack.cli;

import java.time.Instant;
import java.util.List;

import org.sealpack.pgp.Certificate;

/** The receipt writer's names for people, until it moves to custody (issue 27): see report.People. */
final class People {
    private People() {
    }

    static String fingerprint(String hex) {
        return org.sealpack.report.People.fingerprint(hex);
    }

    static String time(Instant at) {
        return org.sealpack.report.People.time(at);
    }

    static String certificate(Certificate c) {
        return org.sealpack.report.People.certificate(c);
    }

    static String recipient(String keyId, List<Certificate> known, Certificate sender) {
        return org.sealpack.report.People.recipient(keyId, known, sender);
    }
}
