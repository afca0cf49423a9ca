package org.sealpack.gnupg;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** gpg's --with-colons listing (doc/DETAILS): pub/sub, fpr and grp records, uid records. */
final class Colons {
    private static final Pattern HEX40 = Pattern.compile("[0-9A-F]{40}|[0-9A-F]{64}");
    private static final Pattern GRIP = Pattern.compile("[0-9A-F]{40}");

    /** The most keys one listing may hold. */
    private static final int MAX_KEYS = 1000;

    private Colons() {}

    static List<GnuPG.Listed> parse(String listing) {
        List<GnuPG.Listed> keys = new ArrayList<>();
        String primary = null;
        List<String> uids = null;
        Map<String, String> grips = null;
        String part = null;
        boolean expectPrimaryFpr = false;
        for (String line : (Iterable<String>) listing.lines()::iterator) {
            String[] f = line.split(":", -1);
            String type = f[0];
            switch (type) {
                case "pub", "sec" -> {
                    if (keys.size() >= MAX_KEYS) {
                        return keys;
                    }
                    primary = null;
                    uids = new ArrayList<>();
                    grips = new LinkedHashMap<>();
                    part = null;
                    expectPrimaryFpr = true;
                }
                case "sub", "ssb" -> {
                    part = null;
                    expectPrimaryFpr = false;
                }
                case "fpr" -> {
                    if (grips == null || f.length < 10 || !HEX40.matcher(f[9]).matches()) {
                        continue;
                    }
                    part = f[9];
                    if (expectPrimaryFpr) {
                        primary = part;
                        keys.add(new GnuPG.Listed(primary, uids, grips));
                        expectPrimaryFpr = false;
                    }
                }
                case "grp" -> {
                    if (part != null && f.length >= 10 && GRIP.matcher(f[9]).matches()) {
                        grips.put(part, f[9]);
                    }
                }
                case "uid" -> {
                    if (uids != null && f.length >= 10) {
                        uids.add(unescape(f[9]));
                    }
                }
                default -> {
                    // other records (tru, rvk, sig, cfg, ...) say nothing sealpack uses
                }
            }
        }
        return keys;
    }

    /** User IDs in colon listings are UTF-8 with ':' and other bytes escaped as \\xNN. */
    private static String unescape(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] in = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < in.length; i++) {
            int hi =
                    i + 3 < in.length && in[i] == '\\' && in[i + 1] == 'x'
                            ? Character.digit(in[i + 2], 16)
                            : -1;
            int lo = hi < 0 ? -1 : Character.digit(in[i + 3], 16);
            if (lo >= 0) {
                out.write(hi << 4 | lo);
                i += 3;
            } else {
                out.write(in[i]);
            }
        }
        return Percent.printable(out.toString(StandardCharsets.UTF_8));
    }
}
