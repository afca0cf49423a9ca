package org.sealpack.seal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.sealpack.bag.OpenedBag;
import org.sealpack.failure.InputException;
import org.sealpack.failure.OutputExistsException;
import org.sealpack.failure.UsageException;
import org.sealpack.pgp.Packets;

/**
 * The one rule for outputs: no command deletes or replaces anything it did not create in this run,
 * except a previous output of the same kind, named explicitly, with --force. {@code pack} replaces
 * only an earlier sealed file; {@code open} only a directory that is an opened bag with nothing in
 * it the bag does not explain, and never the current directory, one of its parents, the root, or a
 * directory the caller protects (the home directory, the keyring's).
 */
public final class Outputs {
    private static final String NEW_NAME = "give a name that does not exist yet";

    private Outputs() {}

    /**
     * Checks a new file's path before any work, without following links: refused if anything is
     * there (a dangling symbolic link too, since writing through it would create its target), or if
     * its directory does not exist.
     *
     * @param what names the file in messages, for example "the receipt"
     */
    public static void checkNewFile(Path file, String what) {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new OutputExistsException(
                    what
                            + " "
                            + file
                            + " exists"
                            + (Files.isSymbolicLink(file)
                                    ? " (a symbolic link, which sealpack never writes through)"
                                    : ""),
                    "choose another name for " + what);
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new InputException(
                    "the directory for " + what + " " + file + " does not exist",
                    "create it first, or" + " choose another path");
        }
    }

    /**
     * Checks {@code open}'s destination before any work. Returns whether it exists (and may be
     * replaced: {@code force} was given and it is an opened bag).
     *
     * @param protect directories never to replace, nor any directory holding them
     */
    public static boolean checkBagDestination(Path destination, boolean force, List<Path> protect) {
        Path target = destination.toAbsolutePath().normalize();
        if (target.getParent() == null) {
            throw new OutputExistsException(
                    "'/' is the root directory, which sealpack never replaces", NEW_NAME);
        }
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(target.getParent())) {
                throw new InputException(
                        "the directory for " + destination + " does not exist", "create it first");
            }
            return false;
        }
        if (Files.isSymbolicLink(target)) {
            throw new OutputExistsException(
                    destination + " is a symbolic link, which sealpack never replaces", NEW_NAME);
        }
        Path real = realPath(target);
        Path cwd = realPath(Path.of("").toAbsolutePath());
        if (cwd.startsWith(real)) {
            throw new OutputExistsException(
                    "'"
                            + destination
                            + "' is "
                            + (cwd.equals(real)
                                    ? "the current directory"
                                    : "a parent of the current directory")
                            + ", which sealpack never replaces",
                    NEW_NAME + ", for example -o statement");
        }
        for (Path p : protect) {
            if (p != null && Files.exists(p) && realPath(p).startsWith(real)) {
                throw new OutputExistsException(
                        destination
                                + (realPath(p).equals(real) ? " is " : " holds ")
                                + p
                                + ", which sealpack never replaces",
                        NEW_NAME);
            }
        }
        String why = OpenedBag.whyNotReplaceable(target);
        if (why != null) {
            throw new OutputExistsException(
                    destination + " exists and is not a bag that sealpack opened: " + why,
                    NEW_NAME
                            + "; --force replaces only a bag opened earlier, with nothing added to it");
        }
        if (!force) {
            throw new OutputExistsException(
                    destination + " exists (a bag opened earlier)",
                    "choose another directory, or add --force to replace that bag");
        }
        return true;
    }

    /**
     * The bag {@code open --force} is to replace, read once against its own manifests: refused
     * (exit 4, the file named) if anything in it was changed since it was opened, so that no edit
     * is lost.
     */
    public static OpenedBag.Intact checkUnchanged(Path destination) {
        OpenedBag.Intact intact = OpenedBag.intact(destination.toAbsolutePath().normalize());
        if (intact.problem() != null) {
            throw new OutputExistsException(
                    destination
                            + " is a bag opened earlier, but it was changed since: "
                            + intact.problem(),
                    NEW_NAME
                            + "; --force replaces only a bag exactly as it was opened, and keeps"
                            + " your changes by refusing");
        }
        return intact;
    }

    /**
     * Whether {@code open}'s destination may still be replaced: checked again just before the swap.
     */
    static void recheckReplaceable(Path destination, OpenedBag.Intact checked) {
        Path target = destination.toAbsolutePath().normalize();
        String why = OpenedBag.whyNotReplaceable(target);
        try {
            if (why == null && !OpenedBag.stamp(target).equals(checked.stamp())) {
                why = "a file in it was changed, added or removed";
            }
        } catch (IOException e) {
            why = "it cannot be read (" + e.getMessage() + ")";
        }
        if (why != null) {
            throw new OutputExistsException(
                    destination + " changed while the file was being opened: " + why,
                    "nothing was replaced; open it again into a new directory");
        }
    }

    /**
     * Checks {@code pack}'s output before any work. Returns whether it exists (and may be replaced:
     * {@code force} was given and it is an earlier sealed file).
     *
     * @param inputs the payload paths, or the bag directory sealed as it is
     */
    public static boolean checkSealedOutput(Path output, boolean force, List<Path> inputs) {
        Path target = output.toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            throw new OutputExistsException(
                    output + " is a directory",
                    "give a file name for the sealed file, for example "
                            + output.resolve("statement.sealed"));
        }
        Path parent = target.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new InputException(
                    "the directory for " + output + " does not exist", "create it first");
        }
        Path real = realPath(parent).resolve(target.getFileName());
        for (Path input : inputs) {
            Path in = input.toAbsolutePath().normalize();
            if (Files.exists(in, LinkOption.NOFOLLOW_LINKS)) {
                in = realPath(in);
            }
            if (real.equals(in)) {
                throw new UsageException(
                        "the output "
                                + output
                                + " is also one of the inputs (a payload path or the metadata file): sealing would replace it",
                        "write the sealed file elsewhere, for example -o " + output + ".sealed");
            }
            if (real.startsWith(in)) {
                throw new UsageException(
                        "the output " + output + " lies inside the payload directory " + input,
                        "write the sealed file outside the directory you are sealing");
            }
        }
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        String why =
                Files.isSymbolicLink(target)
                        ? "it is a symbolic link"
                        : !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
                                ? "it is not a regular file"
                                : !looksSealed(target) ? "it is not a sealed file" : null;
        if (why != null) {
            throw new OutputExistsException(
                    output + " exists and " + why.substring(3),
                    NEW_NAME + "; --force replaces only a sealed file made earlier");
        }
        if (!force) {
            throw new OutputExistsException(
                    output + " exists", "choose another name, or add --force to replace it");
        }
        return true;
    }

    private static boolean looksSealed(Path file) {
        try {
            return Packets.looksSealed(file);
        } catch (IOException e) {
            return false;
        }
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }
}
