import java.security.MessageDigest;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * What handing bytes from one core to the other costs on this machine, for docs/DEVELOPING.md
 * ("Where the time goes": pack). Run: {@code java bench/HandOver.java [SHA-1] [256]} (the hash, the
 * chunk size in KiB). Prints, three times each:
 *
 * <ul>
 *   <li>the hash over 1 GiB on one core, then on both cores at once (each its own data): whether the
 *       cores slow each other;
 *   <li>1 GiB copied into four chunks and hashed on one thread, then copied on one thread and hashed
 *       on the other (as pack's reading thread hands chunks to the encrypting one), with the time the
 *       second thread spent hashing.
 * </ul>
 */
public class HandOver {
    static final long TOTAL = 1L << 30;

    public static void main(String[] args) throws Exception {
        String hash = args.length > 0 ? args[0] : "SHA-1";
        int chunk = (args.length > 1 ? Integer.parseInt(args[1]) : 256) * 1024;
        byte[] source = new byte[64 << 20];
        new Random(1).nextBytes(source);
        for (int round = 1; round <= 3; round++) {
            double alone = rate(hash, chunk);
            double[] both = new double[2];
            Thread[] threads = new Thread[2];
            for (int i = 0; i < 2; i++) {
                int k = i;
                threads[i] = new Thread(() -> both[k] = rate(hash, chunk));
                threads[i].start();
            }
            for (Thread t : threads) {
                t.join();
            }
            System.out.printf(
                    "%s: one core %.0f MB/s; both at once %.0f and %.0f MB/s%n",
                    hash, alone, both[0], both[1]);
            System.out.printf(
                    "%s, %d KiB chunks: copy and hash on one thread %.3f s; %s%n",
                    hash, chunk / 1024, oneThread(hash, chunk, source), twoThreads(hash, chunk, source));
        }
    }

    static double rate(String hash, int chunk) {
        try {
            MessageDigest md = MessageDigest.getInstance(hash);
            byte[] b = new byte[chunk];
            new Random(2).nextBytes(b);
            for (int i = 0; i < 2000; i++) {
                md.update(b);
            }
            long start = System.nanoTime();
            for (long done = 0; done < TOTAL; done += chunk) {
                md.update(b);
            }
            md.digest();
            return TOTAL / 1e6 / ((System.nanoTime() - start) / 1e9);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static double oneThread(String hash, int chunk, byte[] source) throws Exception {
        MessageDigest md = MessageDigest.getInstance(hash);
        byte[][] chunks = new byte[4][chunk];
        long start = System.nanoTime();
        long i = 0;
        for (long done = 0; done < TOTAL; done += chunk, i++) {
            byte[] b = chunks[(int) (i % 4)];
            System.arraycopy(source, (int) (done % (source.length - chunk)), b, 0, chunk);
            md.update(b, 0, chunk);
        }
        md.digest();
        return (System.nanoTime() - start) / 1e9;
    }

    static String twoThreads(String hash, int chunk, byte[] source) throws Exception {
        MessageDigest md = MessageDigest.getInstance(hash);
        ArrayBlockingQueue<byte[]> full = new ArrayBlockingQueue<>(4);
        ArrayBlockingQueue<byte[]> free = new ArrayBlockingQueue<>(4);
        for (int i = 0; i < 4; i++) {
            free.add(new byte[chunk]);
        }
        long[] hashing = new long[1];
        Thread consumer =
                new Thread(
                        () -> {
                            try {
                                for (long done = 0; done < TOTAL; done += chunk) {
                                    byte[] b = full.take();
                                    long t = System.nanoTime();
                                    md.update(b, 0, chunk);
                                    hashing[0] += System.nanoTime() - t;
                                    free.put(b);
                                }
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        });
        long start = System.nanoTime();
        consumer.start();
        for (long done = 0; done < TOTAL; done += chunk) {
            byte[] b = free.take();
            System.arraycopy(source, (int) (done % (source.length - chunk)), b, 0, chunk);
            full.put(b);
        }
        consumer.join();
        md.digest();
        return String.format(
                "copy on one, hash on the other %.3f s (hashing %.3f s of it)",
                (System.nanoTime() - start) / 1e9, hashing[0] / 1e9);
    }
}
