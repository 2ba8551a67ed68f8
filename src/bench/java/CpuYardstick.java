import java.security.MessageDigest;
import java.util.Arrays;

/**
 * How fast one core of this machine is at the moment: SHA-256 over 64 MiB, five times in one
 * thread after a warm-up, and prints the median in MiB/s. The machines the bench runs on change
 * speed from hour to hour (up to four times slower); this figure, printed beside the results,
 * tells a slow hour from a slow change.
 *
 * <pre>java src/bench/java/CpuYardstick.java</pre>
 */
public class CpuYardstick {
  public static void main(String[] args) throws Exception {
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
    System.out.printf("%.0f%n", rates[rates.length / 2]);
  }
}
