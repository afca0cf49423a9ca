import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One sealpack command run several times in one JVM (bench/run.sh's warm steps): what the command
 * costs once the JVM has started, loaded and compiled what it runs. Against the same command run
 * cold through the launcher, the difference is the JVM's start and warm-up, which Java 17 cannot
 * carry from one run to the next beyond the class-data archive the launcher already uses.
 *
 * <p>Run as a source file against the distribution's jar: {@code java -cp sealpack.jar
 * bench/Warm.java RUNS CLEAN ARGS...}; CLEAN is a shell command run (untimed) before each run. Prints
 * each run, then the median of the runs after the first half: {@code warm: wall 0.680 cpu 0.910}.
 */
public class Warm {
    public static void main(String[] a) throws Exception {
        int runs = Integer.parseInt(a[0]);
        String clean = a[1];
        String[] args = Arrays.copyOfRange(a, 2, a.length);
        var os =
                (com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean();
        PrintWriter none = new PrintWriter(OutputStream.nullOutputStream());
        PrintWriter err = new PrintWriter(System.err, true);
        List<double[]> measured = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            if (!clean.isEmpty()) {
                new ProcessBuilder("bash", "-c", clean).inheritIO().start().waitFor();
            }
            long cpu = os.getProcessCpuTime();
            long start = System.nanoTime();
            int code = org.sealpack.cli.Main.run(args, none, err);
            double wall = (System.nanoTime() - start) / 1e9;
            double used = (os.getProcessCpuTime() - cpu) / 1e9;
            if (code != 0) {
                System.out.println("warm: run " + (i + 1) + " exited with " + code);
                System.exit(1);
            }
            System.out.printf("run %d: wall %.3f cpu %.3f%n", i + 1, wall, used);
            measured.add(new double[] {wall, used});
        }
        List<double[]> warm = measured.subList(runs / 2, runs);
        System.out.printf("warm: wall %.3f cpu %.3f%n", median(warm, 0), median(warm, 1));
    }

    private static double median(List<double[]> runs, int column) {
        double[] v = runs.stream().mapToDouble(r -> r[column]).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
