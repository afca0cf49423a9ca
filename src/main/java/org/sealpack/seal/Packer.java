package org.sealpack.seal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.sealpack.archive.TarWriter;
import org.sealpack.bag.BagWriter;
import org.sealpack.bag.Metadata;
import org.sealpack.bag.Payload;
import org.sealpack.bag.PayloadFile;
import org.sealpack.failure.InputException;
import org.sealpack.failure.OutputExistsException;
import org.sealpack.failure.SealpackException;
import org.sealpack.failure.WriteFailedException;
import org.sealpack.pgp.Certificate;
import org.sealpack.pgp.SealWriter;
import org.sealpack.pgp.Signatures;
import org.sealpack.pgp.UnlockedKey;

/**
 * Packs a payload and its metadata into a sealed file: bag, tar, encryption to the recipients and the
 * sender, signatures, all in one streaming pass, written to a temporary file beside the output and
 * renamed into place only when complete.
 */
public final class Packer {
    private static final int FILE_BUFFER = 1 << 20;
    private static final int PIPE_CHUNKS = 8;
    private static final int PIPE_CHUNK_SIZE = 1 << 18;

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WriteFailedException("interrupted", "nothing was left behind");
        }
    }

    private Packer() {
    }

    /** What was sealed. */
    public record Result(Path output, String bagName, int files, long payloadBytes, long sealedBytes,
                         Certificate signer, List<Certificate> recipients) {
    }

    public static Result pack(PackRequest request, Passphrases passphrases) {
        return pack(request, passphrases, Progress.NONE);
    }

    public static Result pack(PackRequest request, Passphrases passphrases, Progress progress) {
        Path output = request.output().toAbsolutePath();
        if (Files.exists(output) && !request.force()) {
            throw new OutputExistsException(request.output() + " exists", "choose another name, or add --force to replace it");
        }
        if (Files.isDirectory(output)) {
            throw new OutputExistsException(request.output() + " is a directory", "give a file name for the sealed file");
        }
        if (!Files.isDirectory(output.getParent())) {
            throw new InputException("the directory for " + request.output() + " does not exist", "create it first");
        }
        request.signer().certificate().checkUsableAt(request.now(), Certificate.Role.SIGNER);
        for (Certificate recipient : request.recipients()) {
            recipient.checkUsableAt(request.now(), Certificate.Role.RECIPIENT);
        }
        Metadata metadata = request.existingBag() == null ? readMetadata(request.metadata()) : null;
        List<PayloadFile> files = request.existingBag() == null ? Payload.collect(request.payload()) : List.of();
        org.sealpack.bag.DirectoryBag.Result existing = request.existingBag() == null ? null : validateExisting(request.existingBag());
        UnlockedKey signer = Passphrases.unlock(request.signer(), passphrases);
        List<Certificate> intended = new ArrayList<>(request.recipients());
        if (!intended.contains(signer.certificate())) {
            intended.add(signer.certificate());
        }

        TemporaryFiles.eraseLeftoversBeside(output);
        Path tmp;
        try {
            tmp = TemporaryFiles.newFileBeside(output);
        } catch (IOException e) {
            throw new WriteFailedException("cannot create a file beside " + request.output() + ": " + e.getMessage(),
                    "check that the directory is writable");
        }
        try {
            BagWriter.Written written;
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE);
                 OutputStream file = new BufferedOutputStream(java.nio.channels.Channels.newOutputStream(channel),
                         FILE_BUFFER)) {
                OutputStream sealed = SealWriter.open(file, signer, request.recipients(),
                        request.bagName() + ".tar", request.now(), request.compress(), request.anonymous());
                BagWriter.TagManifestSigner bagSigner =
                        tagManifest -> Signatures.signDetached(signer, tagManifest, intended, request.now());
                // Two cores: this thread reads and hashes the payload into the tar; the other encrypts,
                // hashes the ciphertext for the outer signature and writes.
                ChunkPipe pipe = new ChunkPipe(PIPE_CHUNKS, PIPE_CHUNK_SIZE);
                Thread encryptor = ChunkPipe.start("sealpack-encrypt", () -> {
                    try {
                        InputStream in = pipe.input();
                        byte[] buffer = new byte[PIPE_CHUNK_SIZE];
                        int n;
                        while ((n = in.read(buffer)) > 0) {
                            sealed.write(buffer, 0, n);
                        }
                        sealed.close();
                    } catch (Throwable t) {
                        pipe.cancel(t);
                    }
                });
                TarWriter tar = new TarWriter(pipe.output());
                progress.start("sealing", existing != null ? existing.payloadBytes()
                        : files.stream().mapToLong(PayloadFile::size).sum());
                try {
                    written = existing != null
                            ? BagWriter.writeExisting(tar, request.bagName(), request.existingBag(), existing, request.now(), bagSigner)
                            : BagWriter.write(tar, request.bagName(), files, metadata, request.now(),
                                    "sealpack " + Version.get(), bagSigner, progress::advance);
                    tar.close();
                } catch (IOException | RuntimeException e) {
                    pipe.fail(e);
                    join(encryptor);
                    if (pipe.consumerFailure() instanceof IOException io && !(e instanceof SealpackException)) {
                        throw io;
                    }
                    throw e;
                }
                join(encryptor);
                progress.done();
                if (pipe.consumerFailure() instanceof IOException io) {
                    throw io;
                } else if (pipe.consumerFailure() instanceof RuntimeException r) {
                    throw r;
                } else if (pipe.consumerFailure() != null) {
                    throw new IOException(pipe.consumerFailure());
                }
                file.flush();
                channel.force(true);
            }
            long size = Files.size(tmp);
            if (request.force()) {
                Files.move(tmp, output, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.move(tmp, output, StandardCopyOption.ATOMIC_MOVE);
            }
            TemporaryFiles.release(tmp);
            return new Result(request.output(), written.bagName(), written.manifest().checksums().size(), written.payloadBytes(), size,
                    signer.certificate(), request.recipients());
        } catch (TarWriter.SizeChangedException e) {
            throw new InputException(e.getMessage(), "pack again when nothing is writing to the payload");
        } catch (IOException e) {
            throw new WriteFailedException("writing " + request.output() + " failed: " + e.getMessage(),
                    "check free disk space and permissions; nothing was written", e);
        } catch (UncheckedIOException e) {
            throw new WriteFailedException("writing " + request.output() + " failed: " + e.getCause().getMessage(),
                    "check free disk space and permissions; nothing was written", e);
        } finally {
            TemporaryFiles.erase(tmp);
        }
    }

    /** An existing bag must be valid, carry SHA-512 manifests, and keep its tag files at the top level. */
    static org.sealpack.bag.DirectoryBag.Result validateExisting(Path dir) {
        AtRest.Report report = AtRest.validate(dir, List.of(), false).requireValid();
        if (!report.bag().manifests().containsKey("sha512") || !Files.isRegularFile(dir.resolve("tagmanifest-sha512.txt"))) {
            throw new InputException("the bag " + dir + " has no manifest-sha512.txt and tagmanifest-sha512.txt",
                    "add SHA-512 manifests (for example 'bagit.py --sha512 ...'), or pack its data/ as new payload");
        }
        try (var entries = Files.list(dir)) {
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                if (Files.isDirectory(p) && !name.equals("data") && !name.equals(org.sealpack.bag.BagIt.SIGNATURE_DIR)) {
                    throw new InputException("the bag " + dir + " has a tag directory '" + name + "', which a sealed bag does not carry",
                            "move its files into data/, or to the bag's top level");
                }
            }
        } catch (IOException e) {
            throw new InputException("cannot read the bag " + dir + ": " + e.getMessage(), "check its permissions");
        }
        return report.bag();
    }

    static Metadata readMetadata(Path file) {
        if (file == null) {
            return new Metadata(List.of());
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            return Metadata.parseSenderFile(text, file.toString());
        } catch (NoSuchFileException e) {
            throw new InputException("metadata file not found: " + file, "check the path");
        } catch (CharacterCodingException e) {
            throw new InputException(file + " is not UTF-8 text", "save the metadata file as UTF-8");
        } catch (IOException e) {
            throw new InputException("cannot read " + file + ": " + e.getMessage(), "check its permissions");
        } catch (SealpackException e) {
            throw e;
        }
    }
}
