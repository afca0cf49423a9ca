package org.sealpack.bag;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.sealpack.failure.InputException;
import org.sealpack.failure.InputProblemsException;

/**
 * Labelled metadata in the syntax of BagIt's bag-info.txt (RFC 8493 section 2.2.2): one {@code
 * Label: value} per line; a line that starts with a space or tab continues the value above. Order
 * and repetition are kept. In a metadata file written by a person, lines starting with '#' and
 * blank lines are ignored.
 */
public final class Metadata {
    /** Labels sealpack computes itself; a sender's metadata file may not set them. */
    public static final Set<String> COMPUTED =
            Set.of("Bagging-Date", "Payload-Oxum", "Bag-Size", "Bag-Software-Agent");

    /**
     * One element: the label and the value as written (continuation lines kept, joined by "\n").
     */
    public record Element(String label, String value) {}

    private final List<Element> elements;

    public Metadata(List<Element> elements) {
        this.elements = List.copyOf(elements);
    }

    public List<Element> elements() {
        return elements;
    }

    public Optional<String> first(String label) {
        return elements.stream()
                .filter(e -> e.label().equalsIgnoreCase(label))
                .map(Element::value)
                .map(Metadata::unfold)
                .findFirst();
    }

    /** A value with its continuation lines joined by single spaces, for display. */
    public static String unfold(String value) {
        return value.replaceAll("\\n[ \\t]+", " ");
    }

    public Metadata plus(String label, String value) {
        List<Element> more = new ArrayList<>(elements);
        more.add(new Element(label, value));
        return new Metadata(more);
    }

    /**
     * Parses a sender's metadata file.
     *
     * @param source names the file in messages
     */
    public static Metadata parseSenderFile(String text, String source) {
        List<Element> elements = new ArrayList<>();
        List<Integer> startLines = new ArrayList<>();
        // Every problem of the file, each naming its line: one run shows them all.
        TreeMap<Integer, InputException> problems = new TreeMap<>();
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        int number = 0;
        for (String line : lines) {
            number++;
            String where = source + " line " + number;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith(" ") || line.startsWith("\t")) {
                if (elements.isEmpty()) {
                    problems.put(
                            number,
                            new InputException(
                                    where + ": a continuation line comes before any label",
                                    "start the file with a 'Label: value' line"));
                    continue;
                }
                Element last = elements.remove(elements.size() - 1);
                elements.add(new Element(last.label(), last.value() + "\n" + line));
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                problems.put(
                        number,
                        new InputException(
                                where + " is not 'Label: value'",
                                "write each element as 'Label: value', for example 'Title: Statement on ...'"));
                continue;
            }
            String label = line.substring(0, colon);
            String value = line.substring(colon + 1).strip();
            if (!label.equals(label.strip())
                    || label.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
                problems.put(
                        number,
                        new InputException(
                                where
                                        + ": the label '"
                                        + label
                                        + "' has spaces or control characters",
                                "use labels like 'Source-Organization'"));
            } else if (COMPUTED.stream().anyMatch(label::equalsIgnoreCase)) {
                problems.put(
                        number,
                        new InputException(
                                where + ": " + label + " is computed by sealpack",
                                "remove that line from the metadata file"));
            } else if (value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
                problems.put(
                        number,
                        new InputException(
                                where + ": the value has control characters", "remove them"));
            } else {
                elements.add(new Element(label, value));
                startLines.add(number);
            }
        }
        for (int i = 0; i < elements.size(); i++) {
            InputException problem =
                    checkFilledIn(elements.get(i), source + " line " + startLines.get(i));
            if (problem != null) {
                problems.put(startLines.get(i), problem);
            }
        }
        InputProblemsException.throwIfAny(List.copyOf(problems.values()));
        return new Metadata(elements);
    }

    /**
     * Words of `pack --metadata-template` that stand for a value: once sealed they would be signed
     * for ever, so they are refused.
     */
    private static final Pattern PLACEHOLDER =
            Pattern.compile("YYYY|MM-DD|place, region, country|\\b(TODO|TBD|FIXME)\\b");

    /**
     * What is wrong with a sender's element, or null: it must have a value, not a placeholder,
     * dates in ISO 8601.
     */
    private static InputException checkFilledIn(Element e, String where) {
        String value = unfold(e.value()).strip();
        if (value.isEmpty()) {
            return new InputException(
                    where + ": " + e.label() + " has no value",
                    "fill it in, or delete the line (a sealed bag-info.txt is signed and cannot change later)");
        }
        var placeholder = PLACEHOLDER.matcher(value);
        if (placeholder.find()) {
            return new InputException(
                    where
                            + ": "
                            + e.label()
                            + " still holds the placeholder '"
                            + placeholder.group()
                            + "'",
                    "write the real value (a date as 2018-11-12), or delete the line");
        }
        if (MetadataDates.isDateLabel(e.label())) {
            String problem = MetadataDates.problem(value);
            if (problem != null) {
                return new InputException(
                        where + ": " + e.label() + " " + problem, MetadataDates.HINT);
            }
        }
        return null;
    }

    /**
     * Parses bag-info.txt as a sealed bag holds it (strict: LF line ends, a final line break, no
     * blank line, every line {@code Label: value} or a continuation).
     */
    public static Metadata parseBagInfo(String text) {
        List<Element> elements = new ArrayList<>();
        if (text.isEmpty()) {
            return new Metadata(elements);
        }
        if (!text.endsWith("\n")) {
            throw new BagFormatException("bag-info.txt does not end with a line break");
        }
        if (text.indexOf('\r') >= 0) {
            throw new BagFormatException(
                    "bag-info.txt has CR line ends: a sealed bag's tag files end lines with LF only");
        }
        for (String line : text.substring(0, text.length() - 1).split("\n", -1)) {
            if (line.isEmpty()) {
                throw new BagFormatException("bag-info.txt has a blank line");
            }
            if (line.startsWith(" ") || line.startsWith("\t")) {
                if (elements.isEmpty()) {
                    throw new BagFormatException("bag-info.txt starts with a continuation line");
                }
                Element last = elements.remove(elements.size() - 1);
                elements.add(new Element(last.label(), last.value() + "\n" + line));
                continue;
            }
            int colon = line.indexOf(": ");
            if (colon <= 0) {
                throw new BagFormatException("bag-info.txt has a line that is not 'Label: value'");
            }
            elements.add(new Element(line.substring(0, colon), line.substring(colon + 2)));
        }
        return new Metadata(elements);
    }

    /**
     * Parses any bag's bag-info.txt as RFC 8493 and the BagIt tools read it: LF, CR LF or CR line
     * ends, a final line break or none, blank lines skipped, {@code Label: value} or {@code
     * Label:value}, and continuation lines that start with a space or tab.
     */
    public static Metadata parseAnyBagInfo(String text) {
        List<Element> elements = new ArrayList<>();
        int number = 0;
        for (String line : text.split("\r\n|\n|\r", -1)) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith(" ") || line.startsWith("\t")) {
                if (elements.isEmpty()) {
                    throw new BagFormatException("bag-info.txt starts with a continuation line");
                }
                Element last = elements.remove(elements.size() - 1);
                elements.add(new Element(last.label(), last.value() + "\n" + line));
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new BagFormatException(
                        "bag-info.txt line " + number + " is not 'Label: value'");
            }
            elements.add(
                    new Element(
                            line.substring(0, colon).strip(), line.substring(colon + 1).strip()));
        }
        return new Metadata(elements);
    }

    /** Every value of the label (labels compare without regard to case), unfolded. */
    public List<String> all(String label) {
        return elements.stream()
                .filter(e -> e.label().equalsIgnoreCase(label))
                .map(Element::value)
                .map(Metadata::unfold)
                .toList();
    }

    /** bag-info.txt text: {@code Label: value} lines, LF line ends, UTF-8 when encoded. */
    public String toBagInfo() {
        StringBuilder out = new StringBuilder();
        for (Element e : elements) {
            out.append(e.label()).append(": ").append(e.value()).append('\n');
        }
        return out.toString();
    }
}
