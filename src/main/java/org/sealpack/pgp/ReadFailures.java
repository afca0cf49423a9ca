package org.sealpack.pgp;

import java.io.EOFException;
import org.sealpack.failure.MalformedSealException;
import org.sealpack.failure.SealpackException;
import org.sealpack.failure.WeakCryptoException;

/**
 * What Bouncy Castle and the streams throw while a sealed file is read, as sealpack's failures: by
 * type and by what was read, never by the words of a message.
 */
final class ReadFailures {
    static final String NOT_SEALED_HINT = "check that this is a .sealed file made by sealpack";
    static final String ALTERED_HINT =
            "the file was altered or damaged in transit; ask the sender for a new copy";

    private ReadFailures() {}

    /**
     * The file ended before its structure did (truncated), the data was encrypted without integrity
     * protection (weak), or anything else (corrupt).
     *
     * @param complete whether the whole file was read with its structure complete (then no
     *     truncation)
     */
    static SealpackException of(
            Exception e,
            CountingInput file,
            boolean unprotected,
            boolean complete,
            String context) {
        if (e instanceof SealpackException s) {
            return s;
        }
        if (!complete && (e instanceof EOFException || file.ended)) {
            return new MalformedSealException(context + ": the file is truncated", ALTERED_HINT, e);
        }
        if (unprotected) {
            return new WeakCryptoException(
                    "the inner message is encrypted without integrity protection",
                    "ask the sender to seal it again with sealpack",
                    e);
        }
        return new MalformedSealException(
                context + ": it is corrupt (" + describe(e) + ")", ALTERED_HINT, e);
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
