package org.sealpack.bag;

/** Raised while parsing tag files; turned into a BagInvalidException listing every problem. */
final class BagFormatException extends RuntimeException {
    BagFormatException(String message) {
        super(message);
    }
}
