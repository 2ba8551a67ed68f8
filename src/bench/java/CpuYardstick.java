import java.security.MessageDigest;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * How fast this machine is at the moment, in two figures printed as "sha256_mib_s memory_ns":
 *
 * <ul>
 *   <li>one core's SHA-256 over 64 MiB (the median of five rounds after a warm-up), in MiB/s: the
 *       core's own speed, in its caches;
 *   <li>the time of one read at a random place in 64 MiB (a chain of reads, each address given by
 *       the last), in ns: what a busy neighbour on the same host takes from the memory and the
 *       caches a Java server lives in.
 * </ul>
 *
 * The machines the bench runs on change speed from hour to hour (up to four times slower); these
 * figures, printed beside the results, tell a slow hour from a slow change.
 *
 * <pre>java src/bench/java/CpuYardstick.java</pre>
 */
public class CpuYardstick {
  public static void main(String[] args) throws Exception {
    System.out.printf("%.0f %.0f%n", sha256(), memoryNanos());
  }

  static double sha256() throws Exception {
    byte[] block = new byte[1 << 20];
    Arrays.fill(block, (byte) 7);
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    double[] rates = new double[5];
    for (int round = -2; round < rates.length; round++) {
      long started = System.nanoTime();
      for (int i = 0; i < 64; i++) {
        sha256.update(block);
      }
      sha256.digest();
      if (round >= 0) {
        rates[round] = 64 / ((System.nanoTime() - started) / 1e9);
      }
    }
    Arrays.sort(rates);
    return rates[rates.length / 2];
  }

  static double memoryNanos() {
    // One cycle through every slot (Sattolo's shuffle), so the chain never settles in a small loop.
    int[] next = new int[1 << 24];
    for (int i = 0; i < next.length; i++) {
      next[i] = i;
    }
    SplittableRandom random = new SplittableRandom(1);
    for (int i = next.length - 1; i > 0; i--) {
      int j = random.nextInt(i);
      int swap = next[i];
      next[i] = next[j];
      next[j] = swap;
    }
    int reads = 2_000_000;
    double[] nanos = new double[3];
    int at = 0;
    for (int round = -1; round < nanos.length; round++) {
      long started = System.nanoTime();
      for (int i = 0; i < reads; i++) {
        at = next[at];
      }
      if (round >= 0) {
        nanos[round] = (System.nanoTime() - started) / (double) reads;
      }
    }
    if (at < 0) {
      throw new AssertionError(); // keeps the chain from being optimised away
    }
    Arrays.sort(nanos);
    return nanos[1];
  }
}
