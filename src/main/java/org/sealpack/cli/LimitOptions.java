package org.sealpack.cli;

import org.sealpack.archive.Limits;
import org.sealpack.failure.Limit;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Bounds on what an archive may hold before reading it is refused. */
final class LimitOptions {
    Long entries;
    Long fileSize;
    Long totalSize;
    Integer depth;
    Integer recipients;

    /** Adds these options to a command (in this order). */
    void addTo(CommandSpec spec) {
        spec.addOption(
                OptionSpec.builder("--max-entries")
                        .paramLabel("N")
                        .description("Refuse more files and directories than N (default 1000000).")
                        .type(Long.class)
                        .build());
        spec.addOption(
                OptionSpec.builder("--max-file-size")
                        .paramLabel("BYTES")
                        .description("Refuse a file larger than BYTES (default 256 GiB).")
                        .type(Long.class)
                        .build());
        spec.addOption(
                OptionSpec.builder("--max-total-size")
                        .paramLabel("BYTES")
                        .description("Refuse more than BYTES in all (default 1 TiB).")
                        .type(Long.class)
                        .build());
        spec.addOption(
                OptionSpec.builder("--max-depth")
                        .paramLabel("N")
                        .description("Refuse paths nested deeper than N (default 64).")
                        .type(Integer.class)
                        .build());
        spec.addOption(
                OptionSpec.builder("--max-recipients")
                        .paramLabel("N")
                        .description(
                                "Refuse an anonymous file with more than N recipients, before unlocking any key (default 64).")
                        .type(Integer.class)
                        .build());
    }

    /** Takes their values from the command line just parsed. */
    void readFrom(CommandSpec spec) {
        entries = spec.findOption("--max-entries").getValue();
        fileSize = spec.findOption("--max-file-size").getValue();
        totalSize = spec.findOption("--max-total-size").getValue();
        depth = spec.findOption("--max-depth").getValue();
        recipients = spec.findOption("--max-recipients").getValue();
    }

    /** The option that raises a limit, or null for one no option sets. */
    static String option(Limit limit) {
        return switch (limit) {
            case ENTRIES -> "--max-entries";
            case FILE_SIZE -> "--max-file-size";
            case TOTAL_SIZE -> "--max-total-size";
            case DEPTH -> "--max-depth";
            case PATH_BYTES -> null;
            case RECIPIENTS -> "--max-recipients";
        };
    }

    Limits limits() {
        Limits d = Limits.DEFAULT;
        return new Limits(
                entries != null ? entries : d.maxEntries(),
                fileSize != null ? fileSize : d.maxFileSize(),
                totalSize != null ? totalSize : d.maxTotalSize(),
                depth != null ? depth : d.maxDepth(),
                d.maxPathBytes(),
                recipients != null ? recipients : d.maxRecipients());
    }
}
