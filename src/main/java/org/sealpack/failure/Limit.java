package org.sealpack.failure;

/** The bounds on an archive, by kind; the command line names the option that sets each. */
public enum Limit {
    ENTRIES,
    FILE_SIZE,
    TOTAL_SIZE,
    DEPTH,
    PATH_BYTES,
    RECIPIENTS
}
