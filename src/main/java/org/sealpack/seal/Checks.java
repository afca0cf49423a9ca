package org.sealpack.seal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The checks of a verification, in the order they passed: on failure, what had passed before it (a
 * failure report and a failure receipt say so). The names are those of the JSON documents'
 * "checked".
 */
public final class Checks {
    public static final String OUTER_SIGNATURE = "outer-signature";
    public static final String INTEGRITY = "integrity";
    public static final String BAG_SIGNATURE = "bag-signature";
    public static final String INTENDED_RECIPIENT = "intended-recipient";
    public static final String MANIFEST = "manifest";
    public static final String TAG_MANIFEST = "tag-manifest";

    private final List<String> passed = new CopyOnWriteArrayList<>();

    void passed(String check) {
        passed.add(check);
    }

    /** What passed so far, in order. */
    public List<String> passed() {
        return List.copyOf(passed);
    }
}
