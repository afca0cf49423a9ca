package org.sealpack.jobs;

import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.sealpack.archive.Limits;
import org.sealpack.report.Printer;
import org.sealpack.seal.PackRequest;
import org.sealpack.seal.Packer;

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
        new Printer(out.text())
                .sealed(result, r.anonymous(), r.metadata() != null || r.existingBag() != null);
    }
}
