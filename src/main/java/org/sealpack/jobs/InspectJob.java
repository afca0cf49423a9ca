package org.sealpack.jobs;

import java.util.List;
import org.sealpack.report.Json;
import org.sealpack.seal.Inspector;
import org.sealpack.seal.Reports;

/** inspect: what anyone can learn from a sealed file with no key at all (nothing verified). */
public final class InspectJob {
    private InspectJob() {}

    /** Reads the file's public facts and shows them, naming recipients the keyring knows. */
    public static void run(KeySources keys, Input input, Output out) {
        Reports.Inspection i = Inspector.inspect(input.source());
        if (out.wantsJson()) {
            Json.print(out.json(), Json.inspection(i));
            return;
        }
        out.printer().inspection(i, keys.known(List.of()));
    }
}
