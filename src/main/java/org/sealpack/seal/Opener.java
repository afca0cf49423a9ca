package org.sealpack.seal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.sealpack.archive.Limits;
import org.sealpack.bag.OpenedBag;
import org.sealpack.io.Staging;
import org.sealpack.pgp.Certificate;
import org.sealpack.pgp.KeyHandle;
import org.sealpack.pgp.SealReader;

/**
 * Opens a sealed file: decrypts into a fresh mode-0700 directory beside the destination (a {@link
 * StagedBag}, which holds unverified data), verifies everything, and only then, with the verified
 * result, renames it to the destination. On any failure the directory is erased.
 */
public final class Opener {
    private Opener() {}

    /**
     * Where the bag goes: the directory, whether an earlier opened bag there may be replaced, the
     * directories never to replace (the home and keyring directories), and who is told of the
     * clean-up of runs that were cut short.
     */
    public record Destination(
            Path directory, boolean force, List<Path> protect, Consumer<String> notices) {
        public Destination {
            protect = List.copyOf(protect);
        }

        public static Destination of(Path directory) {
            return new Destination(directory, false, List.of(), n -> {});
        }
    }

    public static Verified<Reports.Full> open(
            Source source,
            List<Certificate> trusted,
            List<? extends KeyHandle> keys,
            Passphrases passphrases,
            Destination destination,
            Limits limits,
            Checks checks) {
        Path target = destination.directory().toAbsolutePath().normalize();
        boolean replace =
                Outputs.checkBagDestination(
                        destination.directory(), destination.force(), destination.protect());
        OpenedBag.Intact replaced =
                replace ? Outputs.checkUnchanged(destination.directory()) : null;
        Staging.recoverBeside(target, OpenedBag::intactDigest).forEach(destination.notices());
        // Authenticate before decrypting: nothing is staged until the outer signature verified.
        try (Pinned pinned = Authentication.first(source, trusted, target, limits, "opening");
                InputStream in = source.open("opening");
                SealReader reader =
                        Authentication.bounded(
                                Authentication.second(source, pinned, in, trusted), limits);
                StagedBag staged = StagedBag.beside(target, destination.directory())) {
            Verified<Reports.Full> verified =
                    FullCheck.run(
                            source, reader, keys, passphrases, trusted, staged, limits, checks);
            staged.place(verified, destination.directory(), replaced);
            return verified;
        } catch (IOException e) {
            throw Verifier.unreadable(e, source);
        }
    }
}
