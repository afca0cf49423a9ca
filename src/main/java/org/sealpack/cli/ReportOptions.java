package org.sealpack.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** How a verifying command reports besides its text: a JSON document, a receipt for the case file. */
final class ReportOptions {
    @Option(names = "--json", description = "Print one JSON document (docs/sealpack.schema.json) instead of the report.")
    boolean json;

    @Option(names = "--receipt", paramLabel = "FILE",
            description = "Also write a printable receipt (Markdown) of what was checked, for the case file.")
    Path receipt;

    /**
     * The sealed file as a source; hashed when a receipt or JSON will name it, so that both give the
     * SHA-256 of the very bytes that were verified (standard input too).
     */
    org.sealpack.seal.Source source(Path file) {
        org.sealpack.seal.Source source = StandardStreams.source(file);
        return receipt != null || json ? source.hashed() : source;
    }

    /**
     * A check failed: the JSON document (--json) and the receipt (--receipt) say what failed and what had
     * passed before it; the failure then goes on to its one line on stderr and its exit code.
     */
    void failed(picocli.CommandLine.Model.CommandSpec spec, String kind, String command, Path file,
                org.sealpack.seal.Source source, org.sealpack.seal.Checks checks, RuntimeException failure) {
        String sha256 = json || receipt != null ? source.sha256IfKnown() : null;
        if (json) {
            Json.print(spec.commandLine().getOut(), Json.failure(kind, failure, checks.passed(), sha256));
        }
        if (receipt != null) {
            try {
                Receipt.writeFailure(receipt, file, command, sha256, checks.passed(), failure);
            } catch (org.sealpack.failure.SealpackException e) {
                spec.commandLine().getErr().println("sealpack: note: the receipt of the failure was not written: "
                        + Terminal.safe(e.getMessage()));
            }
        }
    }
}
