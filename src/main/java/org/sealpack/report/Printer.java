package org.sealpack.report;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.List;
import org.sealpack.bag.BagIt;
import org.sealpack.bag.BagRules;
import org.sealpack.bag.Metadata;
import org.sealpack.pgp.Certificate;
import org.sealpack.pgp.SealReader;
import org.sealpack.seal.AtRest;
import org.sealpack.seal.Packer;
import org.sealpack.seal.Reports;
import org.sealpack.text.Untrusted;

/**
 * Prints reports for people. Text from a file or key is {@link Untrusted} (escaped when shown); a
 * plain String value is escaped here too, until the reports carry every such text typed.
 */
public final class Printer {
    private final PrintWriter out;

    public Printer(PrintWriter out) {
        this.out = out;
    }

    public void field(String label, String value) {
        field(label, Untrusted.of(value));
    }

    public void field(String label, Untrusted value) {
        out.println(
                String.format("  %-20s %s", label.isEmpty() ? "" : label + ":", value)
                        .stripTrailing());
    }

    public void heading(String text) {
        out.println(text);
    }

    public void signer(String label, Certificate cert) {
        field(label, People.fingerprint(cert.fingerprint()));
        field("", cert.userId());
    }

    /**
     * What pack sealed, for whom; without metadata, that bag-info.txt names nothing (it is signed
     * for ever: said, not assumed).
     */
    public void sealed(Packer.Result result, boolean anonymous, boolean described) {
        heading(
                "Sealed "
                        + Untrusted.of(result.output().toString())
                        + " ("
                        + result.sealedBytes()
                        + " bytes"
                        + (anonymous ? ", anonymous: no outer signature, recipients hidden" : "")
                        + ")");
        field("bag", result.bagName());
        field("payload", People.files(result.files()) + ", " + result.payloadBytes() + " bytes");
        if (!described) {
            field(
                    "bag-info.txt",
                    "only what sealpack computes (Bagging-Date, Payload-Oxum, Bag-Size,");
            field(
                    "",
                    "Bag-Software-Agent): no title, organisation or date of issue; to describe the");
            field(
                    "",
                    "statement, seal it again with --metadata FILE (start from: sealpack pack --metadata-template)");
        }
        for (var dir : result.emptyDirectories()) {
            field(
                    "left out",
                    Untrusted.of(
                            dir
                                    + "/ (an empty directory: a bag holds files only;"
                                    + " put a file in it to keep it)"));
        }
        signer("signed by", result.signer());
        field("can open it", "");
        for (var r : result.recipients()) {
            field(
                    "",
                    (r.equals(result.signer()) ? "the sender's own key: " : "")
                            + People.certificate(r));
        }
    }

    /** A check that passed: the outer layer only, or everything. */
    public void checked(Checked c) {
        if (c.full() == null) {
            outer(c.outer(), c.known());
        } else {
            full(c.full(), c.known());
        }
    }

    public void outer(Reports.Outer outer, List<Certificate> known) {
        heading("Outer signature: GOOD (the file is intact and comes from a trusted signer)");
        signer("signer", outer.signer());
        field("signed", People.time(outer.signed()));
        recipients(outer.recipients(), known, outer.signer());
        field(
                "size",
                outer.fileBytes()
                        + " bytes (encrypted message "
                        + outer.encryptedBytes()
                        + " bytes)");
        notes(outer.notes());
    }

    public void notes(List<Untrusted> notes) {
        for (Untrusted note : notes) {
            out.println("note: " + note);
        }
    }

    /**
     * Who can open the file: each recipient by the certificate that holds its key, the sender's own
     * key said so.
     */
    public void recipients(
            List<SealReader.Recipient> recipients, List<Certificate> known, Certificate sender) {
        field(
                "recipients",
                recipients.size()
                        + (recipients.size() == 1 ? " key" : " keys")
                        + ", who can open it:");
        for (SealReader.Recipient r : recipients) {
            field("", People.recipient(r.keyId(), known, sender));
        }
    }

    /**
     * What inspect shows: the public facts of a sealed file, none verified; the claimed signer
     * named if known.
     */
    public void inspection(Reports.Inspection i, List<Certificate> known) {
        heading("Sealed file (UNVERIFIED: nothing below has been checked)");
        field("size", i.fileBytes() + " bytes");
        if (i.anonymous()) {
            field("anonymous", "yes: no outer signature, recipients hidden (seizure mode)");
            field("layers", "OpenPGP encrypted message > tar > BagIt bag");
            field("signer", "not shown: only a recipient can see and verify who signed it");
        } else {
            field(
                    "layers",
                    "OpenPGP one-pass signed literal data > OpenPGP encrypted message > tar > BagIt bag");
            field(
                    "claimed signer",
                    People.fingerprint(i.claimedSignature().issuer()) + " (unverified)");
            field("claimed time", People.time(i.claimedSignature().created()) + " (unverified)");
            field(
                    "signature",
                    i.claimedSignature().algorithm() + " with " + i.claimedSignature().hash());
        }
        Certificate claimed =
                i.claimedSignature() == null
                        ? null
                        : known.stream()
                                .filter(c -> c.fingerprint().equals(i.claimedSignature().issuer()))
                                .findFirst()
                                .orElse(null);
        recipients(i.recipients(), known, claimed);
        field("encrypted message", i.encryptedBytes() + " bytes");
    }

    public void full(Reports.Full full, List<Certificate> known) {
        if (full.outer().anonymous()) {
            heading(
                    "Anonymous file: no outer signature and hidden recipients (seizure mode, by design)");
            recipients(full.outer().recipients(), known, null);
            field("size", full.outer().fileBytes() + " bytes");
            notes(full.outer().notes());
        } else {
            outer(full.outer(), known);
        }
        heading("Encrypted data: INTACT (integrity check passed)");
        signer("opened with", full.openedBy());
        if ("GnuPG".equals(full.openedHeldBy())) {
            field(
                    "held by",
                    "GnuPG (its agent decrypted the session key; sealpack never saw the secret)");
        }
        if (full.outer().anonymous()) {
            heading(
                    "Bag signature: GOOD (by a trusted signer; it is the only signature of an anonymous file)");
            signer("signer", full.outer().signer());
        } else {
            heading("Bag signature: GOOD (same signer as the file)");
        }
        field("signed", People.time(full.bagSigned()));
        if (full.intendedRecipients().isEmpty()) {
            field("intended for", "(not stated)");
        }
        for (int i = 0; i < full.intendedRecipients().size(); i++) {
            String fpr = full.intendedRecipients().get(i);
            field(
                    i == 0 ? "intended for" : "",
                    known.stream()
                            .filter(c -> c.fingerprint().equals(fpr))
                            .findFirst()
                            .map(People::certificate)
                            .orElse(
                                    "unknown (fingerprint "
                                            + People.fingerprint(fpr)
                                            + ", no certificate here holds it)"));
        }
        heading("Bag: VALID (every SHA-512 checksum matches, no file missing or extra)");
        field("bag", full.bagName());
        field(
                "payload",
                People.files(full.manifest().checksums().size())
                        + ", "
                        + full.payloadBytes()
                        + " bytes");
        Metadata info = full.bagInfo();
        for (String label :
                List.of("Title", "Source-Organization", "Date-Issued", "External-Identifier")) {
            info.first(label).ifPresent(v -> field(label, v));
        }
        for (String w : full.warnings()) {
            out.println("warning: " + Untrusted.of(w));
        }
    }

    public void atRest(AtRest.Report report) {
        var verdict = report.verdict();
        String state =
                !verdict.valid()
                        ? "INVALID"
                        : !verdict.complete() ? "VALID but HOLEY (files to fetch)" : "VALID";
        heading(
                "Bag "
                        + Untrusted.of(report.bag().toString())
                        + ": "
                        + state
                        + (verdict.level() == BagRules.Level.SEALED ? " (as a sealed bag)" : ""));
        field("BagIt version", String.valueOf(verdict.version()));
        field(
                "payload",
                People.files(verdict.payload().size()) + ", " + verdict.payloadBytes() + " bytes");
        field("manifests", String.join(", ", verdict.algorithms()));
        if (report.signature() != null) {
            signer("signed by", report.signature().signer());
            field("signed", People.time(report.signature().created()));
        } else {
            field(
                    "signature",
                    Files.exists(report.bag().resolve(BagIt.SIGNATURE))
                            ? "present, not checked (give --signer, or use 'sealpack verify DIR')"
                            : "none");
        }
        for (String path : verdict.toFetch()) {
            out.println("  to fetch: " + Untrusted.of(path));
        }
        for (String problem : verdict.problems()) {
            out.println("  problem: " + Untrusted.of(problem));
        }
        for (String warning : verdict.warnings()) {
            out.println("  warning: " + Untrusted.of(warning));
        }
    }

    public void files(Reports.Full full) {
        full.manifest().checksums().keySet().forEach(p -> out.println("  " + Untrusted.of(p)));
    }
}
