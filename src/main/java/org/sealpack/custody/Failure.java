package org.sealpack.custody;

/**
 * A failed check as its receipt records it (the command line maps the failure to its exit code).
 *
 * @param exitCode the exit code of the failure
 * @param meaning  what the exit code means, as the exit-code table says it
 * @param check    the check it stopped (one of the schema's check names)
 * @param message  what failed
 * @param hint     what to do, or null
 */
public record Failure(int exitCode, String meaning, String check, String message, String hint) {
}
