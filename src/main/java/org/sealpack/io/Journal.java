package org.sealpack.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The lock file beside an output, which is also the journal of its run: {@code sealpack staging
 * for:}, a line break, the target's name, a NUL (which no file name holds), then records of one
 * line each: {@code tmp=ID} (the staged file or directory, written before anything goes into it)
 * and, when a swap moves the previous output aside, {@code old=ID} and {@code digest=HEX} (the
 * SHA-512 of its tag manifest), written before it moves. ID is the identity (device and inode) of a
 * file or directory.
 *
 * @param name the target's name in its directory
 * @param tmpKey the staged file's or directory's identity, null if not recorded
 * @param oldKey the identity of what was moved aside, null if nothing was
 * @param digest the tag-manifest SHA-512 of the bag moved aside, null if nothing was
 */
record Journal(String name, String tmpKey, String oldKey, String digest) {
    static final String HEADER = "sealpack staging for:\n";
    static final char END_OF_NAME = '\0';
    static final String TMP = "tmp=";
    static final String OLD = "old=";
    static final String DIGEST = "digest=";

    /** Appends text to the lock file's journal. */
    static void record(FileChannel channel, String text) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        long at = channel.size();
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
    }

    /**
     * A file's or directory's identity (device and inode, as the JDK spells them), links not
     * followed.
     */
    static String identity(Path p) throws IOException {
        return String.valueOf(
                Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                        .fileKey());
    }

    /**
     * Reads the lock file: {@code HEADER name NUL records}; null if it is not one sealpack wrote.
     */
    static Journal read(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) > 0) {
            // read up to 4 KiB
        }
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
        int end = text.indexOf(END_OF_NAME);
        if (!text.startsWith(HEADER) || end <= HEADER.length()) {
            return null;
        }
        String name = text.substring(HEADER.length(), end);
        if (name.contains("/") || name.equals(".") || name.equals("..")) {
            return null;
        }
        String tmpKey = null;
        String oldKey = null;
        String digest = null;
        for (String line : text.substring(end + 1).split("\n")) {
            if (line.startsWith(TMP)) {
                tmpKey = line.substring(TMP.length());
            } else if (line.startsWith(OLD)) {
                oldKey = line.substring(OLD.length());
            } else if (line.startsWith(DIGEST)) {
                digest = line.substring(DIGEST.length());
            }
        }
        return new Journal(name, tmpKey, oldKey, digest);
    }
}
