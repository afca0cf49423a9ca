package org.sealpack.bag;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates in a sender's metadata: once sealed they are signed for ever, so only ISO 8601 calendar
 * dates are accepted, which read the same everywhere: YYYY, YYYY-MM or YYYY-MM-DD, or an interval
 * of two (2018-11-07/2018-11-08). "12/11/2018" is 12 November in Dushanbe and 11 December in New
 * York.
 */
final class MetadataDates {
    private static final Pattern DATE = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

    private MetadataDates() {}

    /**
     * Whether the label names a date: Date-Issued, Event-Date, Date, Date-Created... (one of its
     * words is Date).
     */
    static boolean isDateLabel(String label) {
        for (String word : label.toLowerCase(Locale.ROOT).split("-")) {
            if (word.equals("date")) {
                return true;
            }
        }
        return false;
    }

    /** Null if the value is an ISO 8601 date or interval of dates, else what is wrong with it. */
    static String problem(String value) {
        String[] parts = value.split("/", -1);
        if (parts.length > 2) {
            return "'" + value + "' is not a date in the form YYYY-MM-DD";
        }
        for (String part : parts) {
            Matcher m = DATE.matcher(part.strip());
            if (!m.matches()) {
                return "'" + value + "' is not a date in the form YYYY-MM-DD";
            }
            try {
                int year = Integer.parseInt(m.group(1));
                if (m.group(3) != null) {
                    LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                } else if (m.group(2) != null) {
                    YearMonth.of(year, Integer.parseInt(m.group(2)));
                }
            } catch (DateTimeException e) {
                return "'" + value + "' is not a day of the calendar";
            }
        }
        return null;
    }

    static final String HINT =
            "write dates as YYYY-MM-DD (2018-11-12), YYYY-MM or YYYY, or an interval as"
                    + " 2018-11-07/2018-11-08 (a date like 12/11/2018 reads as 12 November in one country and 11 December in another)";
}
