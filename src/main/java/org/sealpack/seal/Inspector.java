package org.sealpack.seal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.sealpack.pgp.SealReader;

/** What anyone can learn from a sealed file with no key at all. Nothing here is verified. */
public final class Inspector {
    private Inspector() {}

    public static Reports.Inspection inspect(Source source) {
        try (InputStream in = source.open("inspecting");
                SealReader reader = SealReader.inspect(in, source.seekable())) {
            String claimedKeyId = reader.claimedSignerKeyId();
            List<SealReader.Recipient> recipients = reader.recipients();
            SealReader.ClaimedSignature claimed = reader.skipToEnd();
            return new Reports.Inspection(
                    reader.fileBytesRead(),
                    claimedKeyId,
                    claimed,
                    recipients,
                    reader.innerBytesRead(),
                    reader.isAnonymous());
        } catch (IOException e) {
            throw Verifier.unreadable(e, source);
        }
    }
}
