package org.sealpack.seal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.sealpack.archive.Limits;
import org.sealpack.failure.InputException;
import org.sealpack.pgp.Certificate;
import org.sealpack.pgp.Key;

/**
 * Everything {@link Packer#pack(PackRequest)} needs, checked when it is made.
 *
 * @param payload     files and directories to put under data/
 * @param metadata    the sender's metadata file (bag-info syntax)
 * @param signer      the sender's secret key
 * @param recipients  the recipients' certificates (the signer is added as a recipient too)
 * @param output      the sealed file to write
 * @param bagName     the name of the bag directory, or null for the output's name without ".sealed"
 * @param force       whether an existing output may be replaced
 * @param now         the time of sealing
 * @param anonymous   seizure mode: no outer signature, hidden recipients (docs/FORMAT.md section 8)
 * @param compress    a ZLIB packet inside the encryption
 * @param existingBag an existing bag directory to seal as it is, instead of payload and metadata
 * @param limits      what the archive may hold: those a recipient's sealpack applies when opening it
 *                    (by default its defaults), so that what is packed can be opened
 */
public record PackRequest(List<Path> payload, Path metadata, Key signer, List<Certificate> recipients,
                          Path output, String bagName, boolean force, Instant now, boolean anonymous, boolean compress,
                          Path existingBag, Limits limits) {
    public PackRequest(List<Path> payload, Path metadata, Key signer, List<Certificate> recipients,
                       Path output, String bagName, boolean force, Instant now) {
        this(payload, metadata, signer, recipients, output, bagName, force, now, false, false, null);
    }

    public PackRequest(List<Path> payload, Path metadata, Key signer, List<Certificate> recipients,
                       Path output, String bagName, boolean force, Instant now, boolean anonymous, boolean compress,
                       Path existingBag) {
        this(payload, metadata, signer, recipients, output, bagName, force, now, anonymous, compress, existingBag,
                Limits.DEFAULT);
    }

    public PackRequest {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(now, "now");
        payload = payload == null ? List.of() : List.copyOf(payload);
        recipients = List.copyOf(recipients);
        if (existingBag != null && (!payload.isEmpty() || metadata != null)) {
            throw new InputException("--bag seals an existing bag as it is: give no other payload or metadata",
                    "either name files to pack, or --bag DIR");
        }
        if (payload.isEmpty() && existingBag == null) {
            throw new InputException("no payload given", "name at least one file or directory to pack");
        }
        if (recipients.isEmpty()) {
            throw new InputException("no recipient given", "name each recipient's certificate with --recipient");
        }
        if (bagName == null) {
            String name = output.getFileName() == null ? "" : output.getFileName().toString();
            bagName = name.endsWith(".sealed") ? name.substring(0, name.length() - ".sealed".length()) : name;
        }
        if (bagName.isEmpty() || bagName.equals(".") || bagName.equals("..") || bagName.contains("/")
                || org.sealpack.archive.EntryNames.problem(bagName) != null) {
            throw new InputException("'" + bagName + "' cannot be the name of a bag directory",
                    "name the output like NAME.sealed, with a plain NAME");
        }
    }
}
