package org.sealpack.gnupg;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Canonical S-expressions (Rivest's draft, as libgcrypt writes them: "(3:abc(1:x1:y))"), the form
 * of the agent's signatures and decrypted values. Parsed with limits (nesting, items, atom length),
 * as input; only the canonical form (no display hints, no other encodings) is accepted.
 */
public final class SExpression {
    /** Deepest nesting: "(sig-val (ecdsa (r ..)))" is 3. */
    static final int MAX_DEPTH = 8;

    /** The most atoms and lists in one expression. */
    static final int MAX_ITEMS = 64;

    /** A list: atoms (byte[]) and lists. */
    public static final class Node {
        private final List<Object> items;

        private Node(List<Object> items) {
            this.items = items;
        }

        public int size() {
            return items.size();
        }

        /** The atom at index i, or null if it is a list or absent. */
        public byte[] atom(int i) {
            return i < items.size() && items.get(i) instanceof byte[] b ? b.clone() : null;
        }

        /** Whether the list starts with the atom {@code tag}. */
        public boolean is(String tag) {
            byte[] first = atom(0);
            return first != null && Arrays.equals(first, tag.getBytes(StandardCharsets.US_ASCII));
        }

        /** The first sublist that starts with {@code tag}, or null. */
        public Node list(String tag) {
            for (Object o : items) {
                if (o instanceof Node n && n.is(tag)) {
                    return n;
                }
            }
            return null;
        }

        /** The sublist at index i, or null. */
        public Node list(int i) {
            return i < items.size() && items.get(i) instanceof Node n ? n : null;
        }

        /**
         * The value of the sublist "(tag value)", or null if there is none or it is not just that.
         */
        public byte[] value(String tag) {
            Node n = list(tag);
            return n == null || n.size() != 2 ? null : n.atom(1);
        }
    }

    /** A malformed expression: what is wrong, for the message. */
    public static final class Malformed extends Exception {
        Malformed(String message) {
            super(message);
        }
    }

    private final byte[] in;
    private int pos;
    private int items;

    private SExpression(byte[] in) {
        this.in = in;
    }

    /**
     * Parses one canonical list. NUL bytes after it are allowed (gpg-agent sends one after some
     * answers), nothing else.
     */
    public static Node parse(byte[] data) throws Malformed {
        SExpression p = new SExpression(data);
        if (data.length == 0 || data[0] != '(') {
            throw new Malformed("it does not start with '('");
        }
        Node node = p.list(0);
        for (int i = p.pos; i < data.length; i++) {
            if (data[i] != 0) {
                throw new Malformed("it has bytes after its end");
            }
        }
        return node;
    }

    private Node list(int depth) throws Malformed {
        if (depth >= MAX_DEPTH) {
            throw new Malformed("it is nested deeper than " + MAX_DEPTH);
        }
        pos++; // '('
        List<Object> list = new ArrayList<>();
        while (true) {
            if (pos >= in.length) {
                throw new Malformed("it ends inside a list");
            }
            if (++items > MAX_ITEMS) {
                throw new Malformed("it has more than " + MAX_ITEMS + " items");
            }
            byte b = in[pos];
            if (b == ')') {
                pos++;
                return new Node(list);
            } else if (b == '(') {
                list.add(list(depth + 1));
            } else if (b >= '0' && b <= '9') {
                list.add(atom());
            } else {
                throw new Malformed("it is not canonical (byte " + (b & 0xFF) + " at " + pos + ")");
            }
        }
    }

    private byte[] atom() throws Malformed {
        int length = 0;
        int digits = 0;
        while (pos < in.length && in[pos] >= '0' && in[pos] <= '9') {
            if (++digits > 5 || digits == 2 && length == 0) {
                throw new Malformed("it has a malformed length");
            }
            length = length * 10 + (in[pos++] - '0');
        }
        if (pos >= in.length || in[pos] != ':') {
            throw new Malformed("a length is not followed by ':'");
        }
        pos++;
        if (length > in.length - pos) {
            throw new Malformed("an atom is longer than what is left");
        }
        byte[] atom = Arrays.copyOfRange(in, pos, pos + length);
        pos += length;
        return atom;
    }

    /** Writes a canonical list of the items: String and byte[] are atoms, Object[] is a sublist. */
    public static byte[] write(Object... items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, items);
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, Object[] items) {
        out.write('(');
        for (Object o : items) {
            if (o instanceof Object[] list) {
                write(out, list);
            } else {
                byte[] atom =
                        o instanceof byte[] b
                                ? b
                                : ((String) o).getBytes(StandardCharsets.US_ASCII);
                out.writeBytes((atom.length + ":").getBytes(StandardCharsets.US_ASCII));
                out.writeBytes(atom);
            }
        }
        out.write(')');
    }
}
