package io.appbox.core.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import io.appbox.core.engine.OutputListener.Stream;
import io.appbox.core.profile.ProgressFormat;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackageProgressTest {
  @Test
  void aptStatusLinesBecomePercentagesAndOtherLinesActivity() {
    List<String> seen = new ArrayList<>();
    PackageProgress p =
        new PackageProgress(
            ProgressFormat.APT_STATUS,
            (phase, percent, message) -> seen.add(phase + " " + percent + " " + message),
            "install");
    p.line(Stream.STDOUT, "dlstatus:1:50:Retrieving file 1 of 2");
    p.line(Stream.STDOUT, "pmstatus:htop:50:Unpacking htop (amd64)");
    p.line(Stream.STDOUT, "Setting up libnl-3-200:amd64 (3.7.0-0.2+b1) ...");
    p.line(Stream.STDOUT, "Setting up htop (3.2.2-2) ...");
    assertThat(seen)
        .containsExactly(
            "download 10 Retrieving file 1 of 2",
            "install 60 Unpacking htop (amd64)",
            "install -1 Setting up libnl-3-200:amd64 (3.7.0-0.2+b1) ...",
            "install -1 Setting up htop (3.2.2-2) ...");
  }

  @Test
  void otherFormatsReportActivityOnly() {
    List<Integer> percents = new ArrayList<>();
    PackageProgress p =
        new PackageProgress(
            ProgressFormat.NONE, (phase, percent, message) -> percents.add(percent), "install");
    p.line(Stream.STDOUT, "Setting up htop (3.2.2-2) ...");
    p.line(Stream.STDOUT, "pmstatus:htop:50:Unpacking htop (amd64)");
    assertThat(percents).containsExactly(-1, -1);
  }
}
