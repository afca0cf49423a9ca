package org.sealpack.jobs;

import java.nio.file.Path;
import java.util.List;
import org.sealpack.report.Json;
import org.sealpack.seal.AtRest;

/** validate: a plain BagIt directory from any tool, and with signers named its bag signature. */
public final class ValidateJob {
    private ValidateJob() {}

    /**
     * Validates the bag, shows every problem, then fails if there was one.
     *
     * @param signers the CERTs trusted; none: the bag signature is not checked
     */
    public static void run(KeySources keys, Path dir, List<String> signers, Output out) {
        boolean required = signers != null && !signers.isEmpty();
        AtRest.Report report =
                AtRest.validate(dir, required ? keys.trusted(signers) : List.of(), required);
        if (out.wantsJson()) {
            Json.print(out.json(), Json.atRest("validate", report));
        } else {
            out.printer().atRest(report);
        }
        report.requireValid();
    }
}
