package io.appbox.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.appbox.core.Progress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PullProgressTest {
  private final List<String> shown = new ArrayList<>();

  private final Progress progress =
      new Progress() {
        @Override
        public void report(String phase, int percent, String message) {
          shown.add(phase + " " + percent + " " + message);
        }

        @Override
        public void transfer(String phase, long done, long total, String message, int percent) {
          shown.add(phase + " " + done + "/" + total + " " + percent + "%");
        }
      };

  @Test
  void bytesAreSummedOverTheLayersWhoseSizeIsKnown() {
    PullProgress pull = new PullProgress(progress, "r/x:1");
    pull.layer("", "Pulling from r/x", -1, -1);
    pull.layer("a", "Downloading", 10, 40);
    pull.layer("b", "Downloading", 0, 60);
    pull.layer("a", "Download complete", -1, -1);
    pull.layer("b", "Downloading", 60, 60);

    assertThat(shown)
        .containsExactly(
            "pull -1 Pulling r/x:1: Pulling from r/x",
            "pull 10/40 25%",
            "pull 10/100 10%",
            "pull 40/100 40%",
            "pull 100/100 100%");
  }

  @Test
  void aLayerNeverGoesBack() {
    PullProgress pull = new PullProgress(progress, "r/x:1");
    pull.layer("a", "Downloading", 30, 40);
    pull.layer("a", "Extracting", 5, 40);

    assertThat(shown).containsExactly("pull 30/40 75%", "pull 30/40 75%");
  }
}
