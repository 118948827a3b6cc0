package io.appbox.core.engine;

import io.appbox.core.Progress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a pull's layer events into one progress: bytes done of the bytes known, summed over the
 * layers the engine has announced a size for, as docker pull's bars add up.
 */
public final class PullProgress implements PullListener {
  private final Progress progress;
  private final String image;
  private final Map<String, long[]> layers = new LinkedHashMap<>();

  public PullProgress(Progress progress, String image) {
    this.progress = progress;
    this.image = image;
  }

  @Override
  public synchronized void layer(String layer, String status, long done, long total) {
    if (!layer.isEmpty() && total > 0) {
      long[] bytes = layers.computeIfAbsent(layer, k -> new long[2]);
      bytes[0] = Math.max(bytes[0], Math.min(done, total));
      bytes[1] = total;
    } else if (!layer.isEmpty() && layers.containsKey(layer) && isComplete(status)) {
      long[] bytes = layers.get(layer);
      bytes[0] = bytes[1];
    }
    long sumDone = 0;
    long sumTotal = 0;
    for (long[] b : layers.values()) {
      sumDone += b[0];
      sumTotal += b[1];
    }
    if (sumTotal > 0) {
      int percent = (int) Math.min(100, sumDone * 100 / sumTotal);
      progress.transfer(
          "pull",
          sumDone,
          sumTotal,
          "Pulling " + image + ": " + megabytes(sumDone) + " of " + megabytes(sumTotal),
          percent);
    } else {
      progress.report("pull", -1, "Pulling " + image + (status.isEmpty() ? "" : ": " + status));
    }
  }

  private static boolean isComplete(String status) {
    return status.equals("Download complete")
        || status.equals("Pull complete")
        || status.equals("Already exists");
  }

  private static String megabytes(long bytes) {
    return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
  }
}
