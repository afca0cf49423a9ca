package org.sealpack.bag;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import org.sealpack.archive.EntryNames;

/**
 * fetch.txt (RFC 8493 section 2.2.3): one {@code URL LENGTH FILENAME} line per payload file that
 * lives elsewhere; LENGTH is a number of octets or '-'. Read and checked, never followed: sealpack
 * is offline. The file name must lie under data/, with the same rules as a name in a sealed file's
 * tar: relative, no empty, '.' or '..' segment, no backslash or control character.
 */
final class FetchFile {
    /**
     * One line: where the file could be fetched from, its length (-1 if not given), and its path in
     * the bag.
     */
    record Entry(String url, long length, String path) {}

    private FetchFile() {}

    /** The entries; each malformed line or path outside data/ is added to {@code problems}. */
    static List<Entry> parse(String text, List<String> problems) {
        List<Entry> entries = new ArrayList<>();
        int number = 0;
        for (String line : text.split("\\r\\n|\\n|\\r", -1)) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.strip().split("[ \\t]+", 3);
            String where = "fetch.txt line " + number;
            if (parts.length < 3) {
                problems.add(where + " is not 'URL LENGTH FILENAME'");
                continue;
            }
            try {
                URI uri = new URI(parts[0]);
                if (uri.getScheme() == null) {
                    problems.add(where + " has no absolute URL ('" + parts[0] + "')");
                    continue;
                }
            } catch (URISyntaxException e) {
                problems.add(where + " has a URL that is not valid ('" + parts[0] + "')");
                continue;
            }
            long length;
            if (parts[1].equals("-")) {
                length = -1;
            } else if (parts[1].matches("[0-9]{1,18}")) {
                length = Long.parseLong(parts[1]);
            } else {
                problems.add(
                        where
                                + " has a length that is neither a number nor '-' ('"
                                + parts[1]
                                + "')");
                continue;
            }
            String path = AnyBagText.decodePercent(parts[2]);
            String wrong = pathProblem(path);
            if (wrong != null) {
                problems.add(where + " names '" + path + "', " + wrong);
                continue;
            }
            entries.add(new Entry(parts[0], length, path));
        }
        return entries;
    }

    /** Why a path a bag's tag file names cannot be a payload file, or null if it can. */
    static String pathProblem(String path) {
        if (path.startsWith("/") || path.startsWith("~") || path.matches("[A-Za-z]:.*")) {
            return "an absolute path or a home directory, outside the bag";
        }
        String problem = EntryNames.problem(path);
        if (problem != null) {
            return "a path with " + problem;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return "a path with an empty, '.' or '..' segment, which could lead outside the bag";
            }
        }
        if (!path.startsWith(BagIt.PAYLOAD_DIR + "/")) {
            return "which is outside data/";
        }
        return null;
    }
}
