package org.sealpack.seal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

import org.sealpack.failure.InputException;
import org.sealpack.pgp.SealReader;

/** What anyone can learn from a sealed file with no key at all. Nothing here is verified. */
public final class Inspector {
    private Inspector() {
    }

    public static Reports.Inspection inspect(Path file) {
        try (InputStream in = Verifier.openInput(file)) {
            return inspect(in);
        } catch (IOException e) {
            throw new InputException("cannot read " + file + ": " + e.getMessage(), "check the path and permissions");
        }
    }

    /** What anyone can learn from a sealed file read from a stream (standard input). */
    public static Reports.Inspection inspect(InputStream in) {
        try (SealReader reader = SealReader.inspect(in)) {
            String claimedKeyId = reader.claimedSignerKeyId();
            List<SealReader.Recipient> recipients = reader.recipients();
            SealReader.ClaimedSignature claimed = reader.skipToEnd();
            return new Reports.Inspection(reader.fileBytesRead(), claimedKeyId, claimed, recipients,
                    reader.innerBytesRead(), reader.isAnonymous());
        }
    }
}
