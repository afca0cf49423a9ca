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
}
