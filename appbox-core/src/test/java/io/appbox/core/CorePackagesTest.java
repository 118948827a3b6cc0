package io.appbox.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The core's packages depend on each other without a cycle, so each can be read, and changed, with
 * only what it stands on in mind. Every mention of another core package counts, an import or a name
 * written out in the code.
 */
class CorePackagesTest {
  private static final Path SOURCES = Path.of("src/main/java/io/appbox/core");
  private static final Pattern MENTION = Pattern.compile("\\bio\\.appbox\\.core\\.([a-z]+)\\.");

  @Test
  void theCorePackagesHaveNoCycle() throws IOException {
    Map<String, Set<String>> uses = dependencies();
    assertThat(uses).containsKeys("box", "export", "exported", "pkg", "install", "manifest");
    List<List<String>> cycles = new ArrayList<>();
    for (String start : uses.keySet()) {
      cycle(start, start, uses, new ArrayList<>(List.of(start)), cycles);
    }
    assertThat(cycles).as("package cycles in appbox-core (package -> package it uses)").isEmpty();
  }

  @Test
  void theEngineHostAndProfilePortsStandOnNothingElseOfTheCore() throws IOException {
    Map<String, Set<String>> uses = dependencies();
    assertThat(uses.get("engine")).isSubsetOf("json");
    assertThat(uses.get("host")).isEmpty();
    assertThat(uses.get("box")).doesNotContain("export", "pkg", "manifest", "upgrade");
  }

  /** Each package of the core, and the other core packages its main code mentions. */
  private static Map<String, Set<String>> dependencies() throws IOException {
    Map<String, Set<String>> uses = new TreeMap<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Path dir = SOURCES.relativize(file.getParent());
        if (dir.toString().isEmpty()) {
          continue; // io.appbox.core itself: the error type and names every package shares
        }
        String pkg = dir.getName(0).toString();
        Set<String> used = uses.computeIfAbsent(pkg, p -> new TreeSet<>());
        Matcher m = MENTION.matcher(Files.readString(file));
        while (m.find()) {
          if (!m.group(1).equals(pkg)) {
            used.add(m.group(1));
          }
        }
      }
    }
    return uses;
  }

  /** Each cycle through {@code start}, once, found by walking from it. */
  private static void cycle(
      String start,
      String at,
      Map<String, Set<String>> uses,
      List<String> path,
      List<List<String>> cycles) {
    for (String next : uses.getOrDefault(at, Set.of())) {
      if (next.equals(start)) {
        List<String> found = new ArrayList<>(path);
        found.add(start);
        // Reported once, from its smallest package.
        if (path.stream().allMatch(p -> p.compareTo(start) >= 0)) {
          cycles.add(found);
        }
      } else if (!path.contains(next) && next.compareTo(start) > 0) {
        path.add(next);
        cycle(start, next, uses, path, cycles);
        path.remove(path.size() - 1);
      }
    }
  }
}
