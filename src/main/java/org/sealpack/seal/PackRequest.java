package org.sealpack.seal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.sealpack.archive.EntryNames;
import org.sealpack.archive.Limits;
import org.sealpack.failure.InputException;
import org.sealpack.pgp.Certificate;
import org.sealpack.pgp.KeyHandle;

/**
 * Everything {@link Packer#pack} needs, checked when it is made (use {@link #to(Path, KeyHandle)}).
 *
 * @param payload files and directories to put under data/
 * @param metadata the sender's metadata file (bag-info syntax)
 * @param signer the sender's secret key
 * @param recipients the recipients' certificates (the signer is added as a recipient too)
 * @param output the sealed file to write
 * @param bagName the name of the bag directory, or null for the output's name without ".sealed"
 * @param force whether an existing output may be replaced
 * @param now the time of sealing
 * @param anonymous seizure mode: no outer signature, hidden recipients (docs/FORMAT.md section 8)
 * @param compress a ZLIB packet inside the encryption
 * @param existingBag an existing bag directory to seal as it is, instead of payload and metadata
 * @param limits what the archive may hold: those a recipient's sealpack applies when opening it (by
 *     default its defaults), so that what is packed can be opened
 */
public record PackRequest(
        List<Path> payload,
        Path metadata,
        KeyHandle signer,
        List<Certificate> recipients,
        Path output,
        String bagName,
        boolean force,
        Instant now,
        boolean anonymous,
        boolean compress,
        Path existingBag,
        Limits limits) {
    /**
     * A request to seal into {@code output}, signed by {@code signer}: the rest is set on the
     * builder.
     */
    public static Builder to(Path output, KeyHandle signer) {
        return new Builder(output, signer);
    }

    /** Builds a request; {@link #build()} checks it (the record's constructor does). */
    public static final class Builder {
        private final Path output;
        private final KeyHandle signer;
        private List<Path> payload = List.of();
        private Path metadata;
        private List<Certificate> recipients = List.of();
        private String bagName;
        private boolean force;
        private Instant now = Instant.now();
        private boolean anonymous;
        private boolean compress;
        private Path existingBag;
        private Limits limits = Limits.DEFAULT;

        private Builder(Path output, KeyHandle signer) {
            this.output = output;
            this.signer = signer;
        }

        public Builder payload(List<Path> files) {
            this.payload = files;
            return this;
        }

        public Builder metadata(Path file) {
            this.metadata = file;
            return this;
        }

        public Builder recipients(List<Certificate> certificates) {
            this.recipients = certificates;
            return this;
        }

        /** The bag directory's name; by default the output's name without ".sealed". */
        public Builder bagName(String name) {
            this.bagName = name;
            return this;
        }

        /** Whether an earlier sealed file at the output may be replaced. */
        public Builder force(boolean replace) {
            this.force = replace;
            return this;
        }

        /** The time of sealing (by default, now). */
        public Builder at(Instant time) {
            this.now = time;
            return this;
        }

        public Builder anonymous(boolean seizureMode) {
            this.anonymous = seizureMode;
            return this;
        }

        public Builder compress(boolean zlib) {
            this.compress = zlib;
            return this;
        }

        public Builder existingBag(Path dir) {
            this.existingBag = dir;
            return this;
        }

        public Builder limits(Limits bounds) {
            this.limits = bounds;
            return this;
        }

        public PackRequest build() {
            return new PackRequest(
                    payload,
                    metadata,
                    signer,
                    recipients,
                    output,
                    bagName,
                    force,
                    now,
                    anonymous,
                    compress,
                    existingBag,
                    limits);
        }
    }

    public PackRequest {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(now, "now");
        payload = payload == null ? List.of() : List.copyOf(payload);
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        if (existingBag != null && (!payload.isEmpty() || metadata != null)) {
            throw new InputException(
                    "--bag seals an existing bag as it is: give no other payload or metadata",
                    "either name files to pack, or --bag DIR");
        }
        if (payload.isEmpty() && existingBag == null) {
            throw new InputException(
                    "no payload given", "name at least one file or directory to pack");
        }
        if (recipients.isEmpty()) {
            throw new InputException(
                    "no recipient given", "name each recipient's certificate with --recipient");
        }
        if (bagName == null) {
            String name = output.getFileName() == null ? "" : output.getFileName().toString();
            bagName =
                    name.endsWith(".sealed")
                            ? name.substring(0, name.length() - ".sealed".length())
                            : name;
        }
        if (bagName.isEmpty()
                || bagName.equals(".")
                || bagName.equals("..")
                || bagName.contains("/")
                || EntryNames.problem(bagName) != null) {
            throw new InputException(
                    "'" + bagName + "' cannot be the name of a bag directory",
                    "name the output like NAME.sealed, with a plain NAME");
        }
    }
}
