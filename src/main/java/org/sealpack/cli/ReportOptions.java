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
}
