package org.sealpack.failure;

import java.util.List;
import java.util.function.Function;

/**
 * The sealed file was not encrypted to the key given. It carries the key IDs the file is encrypted
 * to, so that the command line can name their holders from the certificates it knows.
 */
public final class NotRecipientException extends SealpackException {
    private final String problem;
    private final List<String> recipientKeyIds;

    public NotRecipientException(String message, String hint) {
        super(message, hint);
        this.problem = message;
        this.recipientKeyIds = List.of();
    }

    /** {@code problem}, followed by the recipients the file names. */
    public NotRecipientException(String problem, List<String> recipientKeyIds, String hint) {
        super(problem + "; it is encrypted to " + String.join(", ", recipientKeyIds), hint);
        this.problem = problem;
        this.recipientKeyIds = List.copyOf(recipientKeyIds);
    }

    private NotRecipientException(
            String problem, List<String> recipientKeyIds, String message, String hint) {
        super(message, hint);
        this.problem = problem;
        this.recipientKeyIds = recipientKeyIds;
    }

    /**
     * The same failure with each recipient key ID replaced by what {@code name} says of it (who
     * holds it).
     */
    public NotRecipientException naming(Function<String, String> name) {
        if (recipientKeyIds.isEmpty()) {
            return this;
        }
        String named =
                problem
                        + "; it is encrypted to "
                        + String.join("; ", recipientKeyIds.stream().map(name).toList());
        NotRecipientException e =
                new NotRecipientException(problem, recipientKeyIds, named, hint());
        e.setStackTrace(getStackTrace());
        return e;
    }
}
