package org.sealpack.seal;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.sealpack.archive.TarWriter;
import org.sealpack.bag.BagIt;
import org.sealpack.bag.BagRules;
import org.sealpack.bag.BagWriter;
import org.sealpack.bag.Metadata;
import org.sealpack.bag.OpenedBag;
import org.sealpack.bag.Payload;
import org.sealpack.bag.PayloadFile;
import org.sealpack.failure.InputException;
import org.sealpack.failure.Limit;
import org.sealpack.failure.OutputExistsException;
import org.sealpack.failure.OverLimitException;
import org.sealpack.failure.SealpackException;
import org.sealpack.failure.WriteFailedException;
import org.sealpack.io.BackgroundWriter;
import org.sealpack.io.Pipeline;
import org.sealpack.io.Staging;
import org.sealpack.pgp.Certificate;
import org.sealpack.pgp.PendingKey;
import org.sealpack.pgp.SealWriter;
import org.sealpack.pgp.Sealing;
import org.sealpack.pgp.SecretKey;
import org.sealpack.pgp.Signatures;

/**
 * Packs a payload and its metadata into a sealed file: bag, tar, encryption to the recipients and
 * the sender, signatures, all in one streaming pass, written to a temporary file beside the output
 * and renamed into place only when complete.
 */
public final class Packer {
    private static final int FILE_BUFFER = 1 << 20;
    private static final long TWO_THREADS_FROM = 4L << 20;

    private Packer() {}

    /** What was sealed. */
    /**
     * What was sealed; {@code emptyDirectories} names each directory of the payload left out
     * because no file is under it.
     */
    public record Result(
            Path output,
            String bagName,
            int files,
            long payloadBytes,
            long sealedBytes,
            Certificate signer,
            List<Certificate> recipients,
            List<Path> emptyDirectories) {}

    /**
     * Packs as the request says; {@code progress} hears how far it came, {@code notices} of the
     * clean-up of earlier runs that were cut short beside the output.
     */
    public static Result pack(
            PackRequest request,
            Passphrases passphrases,
            Progress progress,
            Consumer<String> notices) {
        Path output = request.output().toAbsolutePath();
        boolean replace =
                Outputs.checkSealedOutput(request.output(), request.force(), inputs(request));
        Prepared prepared = prepare(request, passphrases);
        Staging.recoverBeside(output, OpenedBag::intactDigest).forEach(notices);
        Staging staging;
        try {
            staging = Staging.file(output);
        } catch (IOException e) {
            throw new WriteFailedException(
                    "cannot create a file beside " + request.output() + ": " + e.getMessage(),
                    "check that the directory is writable");
        }
        try (staging) {
            BagWriter.Written written;
            try (FileChannel channel = FileChannel.open(staging.path(), StandardOpenOption.WRITE);
                    OutputStream file =
                            twoThreads(prepared)
                                    ? new BackgroundWriter(
                                            Channels.newOutputStream(channel), "sealpack-write")
                                    : new BufferedOutputStream(
                                            Channels.newOutputStream(channel), FILE_BUFFER)) {
                written = seal(prepared, request, file, progress);
                file.flush();
                channel.force(true);
            }
            long size = Files.size(staging.path());
            if (replace) {
                staging.commitReplacing();
            } else {
                staging.commit();
            }
            return result(request, prepared, written, size);
        } catch (FileAlreadyExistsException e) {
            throw new OutputExistsException(
                    request.output() + " appeared while it was being sealed",
                    "nothing was replaced; choose another name");
        } catch (IOException | UncheckedIOException e) {
            throw writeFailure(request.output().toString(), e, "nothing was written");
        }
    }

    /**
     * Whether the payload pays for pack's encrypting and writing threads (a start cost the example
     * 10-25 ms).
     */
    private static boolean twoThreads(Prepared p) {
        long bytes =
                p.existing() != null
                        ? p.existing().payloadBytes()
                        : p.files().stream().mapToLong(PayloadFile::size).sum();
        return bytes >= TWO_THREADS_FROM;
    }

    /** What pack reads: its output may be none of them, nor lie inside one. */
    private static List<Path> inputs(PackRequest request) {
        List<Path> inputs = new ArrayList<>(request.payload());
        if (request.existingBag() != null) {
            inputs.add(request.existingBag());
        }
        if (request.metadata() != null) {
            inputs.add(request.metadata());
        }
        return inputs;
    }

    /**
     * Packs into a stream (standard output) instead of a file: there is no temporary file to
     * rename, so a failure leaves what was already written; whoever reads the stream must verify it
     * (an incomplete sealed file never verifies).
     */
    public static Result packTo(
            OutputStream sink, PackRequest request, Passphrases passphrases, Progress progress) {
        Prepared prepared = prepare(request, passphrases);
        long[] count = new long[1];
        OutputStream counting =
                new FilterOutputStream(new BufferedOutputStream(sink, FILE_BUFFER)) {
                    @Override
                    public void write(int b) throws IOException {
                        out.write(b);
                        count[0]++;
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                        count[0] += len;
                    }
                };
        try {
            BagWriter.Written written = seal(prepared, request, counting, progress);
            counting.flush();
            return result(request, prepared, written, count[0]);
        } catch (IOException | UncheckedIOException e) {
            throw writeFailure(
                    "the sealed stream", e, "what was written is incomplete and will not verify");
        }
    }

    /** What is checked and read before anything is written. */
    private record Prepared(
            Metadata metadata,
            List<PayloadFile> files,
            List<Path> emptyDirectories,
            BagRules.Verdict existing,
            SecretKey signer,
            List<Certificate> intended) {}

    private static Prepared prepare(PackRequest request, Passphrases passphrases) {
        request.signer().certificate().checkUsableAt(request.now(), Certificate.Role.SENDER);
        for (Certificate recipient : request.recipients()) {
            recipient.checkUsableAt(request.now(), Certificate.Role.RECIPIENT);
        }
        Metadata metadata = request.existingBag() == null ? readMetadata(request.metadata()) : null;
        Payload.Collected payload =
                request.existingBag() == null
                        ? Payload.collect(request.payload())
                        : new Payload.Collected(List.of(), List.of());
        List<PayloadFile> files = payload.files();
        // The tar holds the files, their directories and eight entries of the bag: over the limit
        // on
        // files alone, say so now rather than after sealing them (the tar writer checks every
        // limit).
        if (files.size() + 8L > request.limits().maxEntries()) {
            throw overLimit(
                    TarWriter.LimitException.tooManyEntries(
                            request.limits(), files.size() + " files"));
        }
        // An anonymous file holds a session key per recipient and one for the sender: over the
        // recipients'
        // limit of their sealpack, it would be refused unopened.
        Set<String> keyHolders = new HashSet<>();
        request.recipients().forEach(r -> keyHolders.add(r.fingerprint()));
        keyHolders.add(request.signer().certificate().fingerprint());
        int sessionKeys = keyHolders.size();
        if (request.anonymous() && sessionKeys > request.limits().maxRecipients()) {
            throw new OverLimitException(
                    "cannot seal this anonymous file: it would hold "
                            + sessionKeys
                            + " encrypted session keys (the recipients and you), more than "
                            + request.limits().maxRecipients()
                            + ", and sealpack refuses to open such a file with the same limits",
                    "send it to fewer recipients at once",
                    Limit.RECIPIENTS,
                    null);
        }
        BagRules.Verdict existing =
                request.existingBag() == null ? null : validateExisting(request.existingBag());
        // Its derivation runs beside the payload's reading and sealing: pack signs only at the end.
        SecretKey signer =
                Passphrases.unlockBeside(
                        request.signer(),
                        passphrases,
                        request.signer().signingParts(request.now()));
        List<Certificate> intended = new ArrayList<>(request.recipients());
        if (!intended.contains(signer.certificate())) {
            intended.add(signer.certificate());
        }
        return new Prepared(
                metadata, files, payload.emptyDirectories(), existing, signer, intended);
    }

    private static Result result(
            PackRequest request, Prepared prepared, BagWriter.Written written, long size) {
        return new Result(
                request.output(),
                written.bagName(),
                written.manifest().size(),
                written.payloadBytes(),
                size,
                prepared.signer().certificate(),
                prepared.intended(),
                prepared.emptyDirectories());
    }

    private static SealpackException writeFailure(String target, Exception e, String consequence) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof TarWriter.SizeChangedException changed) {
            return new InputException(
                    changed.getMessage(), "pack again when nothing is writing to the payload");
        }
        if (cause instanceof TarWriter.LimitException limit) {
            return overLimit(limit);
        }
        return new WriteFailedException(
                "writing " + target + " failed: " + cause.getMessage(),
                "check free disk space and permissions; " + consequence,
                e);
    }

    /**
     * A payload a recipient's sealpack would refuse to open with the limits given (by default its
     * own).
     */
    private static InputException overLimit(TarWriter.LimitException e) {
        return new OverLimitException(
                "cannot seal this payload: "
                        + e.getMessage()
                        + ", and sealpack refuses to open such an archive with the same limits",
                "split it into several archives",
                e.limit(),
                e);
    }

    /**
     * The bag, tar and both OpenPGP layers, into {@code out}. Two cores: this thread reads and
     * hashes the payload (SHA-512) into the tar and computes the integrity tag; the sealing
     * stream's second thread encrypts, hashes the ciphertext for the outer signature and writes
     * (see {@link Sealing}).
     */
    private static BagWriter.Written seal(
            Prepared p, PackRequest request, OutputStream out, Progress progress)
            throws IOException {
        Sealing sealed =
                SealWriter.open(
                        out,
                        p.signer(),
                        request.recipients(),
                        request.bagName() + ".tar",
                        request.now(),
                        request.compress(),
                        request.anonymous(),
                        twoThreads(p));
        BagWriter.TagManifestSigner bagSigner =
                tagManifest ->
                        Signatures.signDetached(
                                p.signer(), tagManifest, p.intended(), request.now());
        TarWriter tar = new TarWriter(sealed, request.limits());
        progress.start(
                "sealing",
                p.existing() != null
                        ? p.existing().payloadBytes()
                        : p.files().stream().mapToLong(PayloadFile::size).sum());
        // A wrong passphrase found by the signing key's derivation stops the sealing at the next
        // buffer rather than at the end, where the key first signs.
        LongConsumer advance =
                p.signer() instanceof PendingKey pending
                        ? n -> {
                            pending.failFast();
                            progress.advance(n);
                        }
                        : progress::advance;
        BagWriter.Written written;
        try {
            written =
                    p.existing() != null
                            ? BagWriter.writeExisting(
                                    tar,
                                    request.bagName(),
                                    request.existingBag(),
                                    p.existing(),
                                    request.now(),
                                    bagSigner,
                                    advance)
                            : BagWriter.write(
                                    tar,
                                    request.bagName(),
                                    p.files(),
                                    p.metadata(),
                                    request.now(),
                                    "sealpack " + Version.get(),
                                    bagSigner,
                                    advance);
            tar.close();
        } catch (IOException | RuntimeException e) {
            throw Pipeline.rethrow(sealed.abort(e));
        }
        progress.done();
        return written;
    }

    /**
     * An existing bag to seal: any valid, complete bag (BagIt 0.93 to 1.0, any manifest algorithm),
     * which is written as a sealed bag (docs/FORMAT.md section 4: BagIt 1.0, UTF-8, SHA-512
     * manifests). What a sealed bag cannot carry is refused with a hint rather than left out: a tag
     * directory, a tag file other than bagit.txt, bag-info.txt and the manifests, and fetch.txt.
     */
    static BagRules.Verdict validateExisting(Path dir) {
        AtRest.Report report = AtRest.validate(dir, List.of(), false).requireValid();
        try (var entries = Files.list(dir)) {
            for (Path p : entries.sorted().toList()) {
                String name = p.getFileName().toString();
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    if (!name.equals(BagIt.PAYLOAD_DIR) && !name.equals(BagIt.SIGNATURE_DIR)) {
                        throw new InputException(
                                "the bag "
                                        + dir
                                        + " has a tag directory '"
                                        + name
                                        + "', which a sealed bag does not carry",
                                "move its files into data/");
                    }
                } else if (name.equals(BagIt.FETCH)) {
                    throw new InputException(
                            "the bag "
                                    + dir
                                    + " has a fetch.txt, which a sealed bag does not carry",
                            "every file it lists is here: remove fetch.txt (keep a copy in data/ if it matters)");
                } else if (!name.equals(BagIt.DECLARATION)
                        && !name.equals(BagIt.BAG_INFO)
                        && !name.matches("(tag)?manifest-.+\\.txt")) {
                    throw new InputException(
                            "the bag "
                                    + dir
                                    + " has a tag file '"
                                    + name
                                    + "', which a sealed bag does not carry (only bagit.txt, bag-info.txt and manifests)",
                            "move it into data/");
                }
            }
        } catch (IOException e) {
            throw new InputException(
                    "cannot read the bag " + dir + ": " + e.getMessage(), "check its permissions");
        }
        return report.verdict();
    }

    static Metadata readMetadata(Path file) {
        if (file == null) {
            return new Metadata(List.of());
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text =
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(bytes))
                            .toString();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            return Metadata.parseSenderFile(text, file.toString());
        } catch (NoSuchFileException e) {
            throw new InputException("metadata file not found: " + file, "check the path");
        } catch (CharacterCodingException e) {
            throw new InputException(
                    file + " is not UTF-8 text", "save the metadata file as UTF-8");
        } catch (IOException e) {
            throw new InputException(
                    "cannot read " + file + ": " + e.getMessage(), "check its permissions");
        } catch (SealpackException e) {
            throw e;
        }
    }
}
