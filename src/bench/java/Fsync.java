import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * How long this machine's disk takes to make a small write durable, as MariaDB's log flush does at
 * each commit: appends 4 KiB to a file and forces it to the disk (fdatasync), COUNT times, 10 ms
 * apart, and prints "p50_ms p99_ms max_ms". A disk that is slow that day slows every commit, so the
 * bench prints this beside its figures.
 *
 * <pre>java src/bench/java/Fsync.java DIRECTORY COUNT</pre>
 */
public class Fsync {
  public static void main(String[] args) throws Exception {
    Path file = Files.createTempFile(Path.of(args[0]), "fsync-", ".probe");
    int count = Integer.parseInt(args[1]);
    double[] millis = new double[count];
    ByteBuffer block = ByteBuffer.allocate(4096);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      for (int i = 0; i < count; i++) {
        block.clear();
        channel.write(block);
        long started = System.nanoTime();
        channel.force(false);
        millis[i] = (System.nanoTime() - started) / 1e6;
        Thread.sleep(10);
      }
    } finally {
      Files.delete(file);
    }
    Arrays.sort(millis);
    System.out.printf(
        "%.2f %.2f %.2f%n",
        millis[count / 2],
        millis[Math.min(count - 1, (int) Math.ceil(count * 0.99) - 1)],
        millis[count - 1]);
  }
}
