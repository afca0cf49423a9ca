package org.sealpack.jobs;

import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.sealpack.archive.Limits;
import org.sealpack.report.People;
import org.sealpack.report.Printer;
import org.sealpack.seal.PackRequest;
import org.sealpack.seal.Packer;
import org.sealpack.text.Untrusted;

/** pack: seal files (or an existing bag) into one signed, encrypted file, and say what it holds. */
public final class PackJob {
    private PackJob() {}

    /**
     * What to seal, as the user named it.
     *
     * @param output the sealed file to write
     * @param stdout the stream to write instead of {@code output} (standard output), or null
     * @param signer the sender's KEY
     * @param recipients the recipients' CERTs
     */
    public record Request(
            List<Path> payload,
            Path existingBag,
            Path metadata,
            String signer,
            List<String> recipients,
            Path output,
            OutputStream stdout,
            String bagName,
            boolean force,
            boolean anonymous,
            boolean compress,
            Limits limits,
            PassphraseSource passphrase) {}

    /** Seals and shows what was sealed, for whom. */
    public static void run(KeySources keys, Request r, Output out) {
        PackRequest request =
                PackRequest.to(r.output(), keys.key(r.signer()))
                        .payload(r.payload())
                        .metadata(r.metadata())
                        .recipients(keys.certificates(r.recipients()))
                        .bagName(r.stdout() != null && r.bagName() == null ? "bag" : r.bagName())
                        .force(r.force())
                        .at(Instant.now())
                        .anonymous(r.anonymous())
                        .compress(r.compress())
                        .existingBag(r.existingBag())
                        .limits(r.limits())
                        .build();
        Packer.Result result;
        try {
            result =
                    r.stdout() != null
                            ? Packer.packTo(
                                    r.stdout(),
                                    request,
                                    r.passphrase().forUnlocking(),
                                    out.progress())
                            : Packer.pack(
                                    request,
                                    r.passphrase().forUnlocking(),
                                    out.progress(),
                                    out.notices());
        } finally {
            out.progress().done();
        }
        show(r, result, new Printer(out.text()));
    }

    private static void show(Request r, Packer.Result result, Printer p) {
        p.heading(
                "Sealed "
                        + Untrusted.of(result.output().toString())
                        + " ("
                        + result.sealedBytes()
                        + " bytes"
                        + (r.anonymous()
                                ? ", anonymous: no outer signature, recipients hidden"
                                : "")
                        + ")");
        p.field("bag", result.bagName());
        p.field("payload", People.files(result.files()) + ", " + result.payloadBytes() + " bytes");
        if (r.metadata() == null && r.existingBag() == null) {
            // Said, not assumed: bag-info.txt is signed for ever, and without --metadata it names
            // nothing.
            p.field(
                    "bag-info.txt",
                    "only what sealpack computes (Bagging-Date, Payload-Oxum, Bag-Size,");
            p.field(
                    "",
                    "Bag-Software-Agent): no title, organisation or date of issue; to describe the");
            p.field(
                    "",
                    "statement, seal it again with --metadata FILE (start from: sealpack pack --metadata-template)");
        }
        for (var dir : result.emptyDirectories()) {
            p.field(
                    "left out",
                    Untrusted.of(
                            dir
                                    + "/ (an empty directory: a bag holds files only;"
                                    + " put a file in it to keep it)"));
        }
        p.signer("signed by", result.signer());
        p.field("can open it", "");
        for (var r2 : result.recipients()) {
            p.field(
                    "",
                    (r2.equals(result.signer()) ? "the sender's own key: " : "")
                            + People.certificate(r2));
        }
    }
}
