package io.appbox.desktop.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.ErrorCode;
import io.appbox.core.exported.Export;
import io.appbox.core.exported.ExportKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExportRecordFileTest {
  @TempDir Path state;

  static Export sample() {
    return new Export(
        BoxName.of("dev"),
        "podman",
        ExportKind.BIN,
        "git",
        "",
        "/usr/bin/git",
        List.of(Path.of("/home/u/.local/bin/git")),
        Instant.parse("2024-05-01T10:15:30.123Z"));
  }

  @Nested
  class Valid {
    @Test
    void aMissingFileIsAnEmptyRecord() {
      assertThat(new ExportRecordFile(state.resolve("appbox")).all()).isEmpty();
    }

    @Test
    void storesAndReadsBackEveryField() throws Exception {
      ExportRecordFile record = ExportRecordFile.inStateHome(state);
      Export app = ExportRecordAdder.export("htop");
      record.update(
          current -> {
            current.add(app);
            current.add(sample());
            return current;
          });
      assertThat(record.file()).isEqualTo(state.resolve("appbox/exports.json"));
      assertThat(new ExportRecordFile(state.resolve("appbox")).all())
          .containsExactly(app, sample());
      assertThat(Files.getPosixFilePermissions(record.file()))
          .isEqualTo(PosixFilePermissions.fromString("rw-------"));
      assertThat(state.resolve("appbox/exports.lock")).exists();
      assertThat(Files.readString(record.file()))
          .contains(
              "\"version\": 1",
              "\"kind\": \"app\"",
              "\"kind\": \"bin\"",
              "\"package\": \"\"",
              "\"created\": \"2024-05-01T10:15:30.123Z\"",
              "\"files\": [");
    }

    @Test
    void removesRecords() {
      ExportRecordFile record = new ExportRecordFile(state);
      record.update(c -> List.of(sample(), ExportRecordAdder.export("a")));
      List<Export> left =
          record.update(c -> c.stream().filter(e -> !e.name().equals("git")).toList());
      assertThat(left).extracting(Export::name).containsExactly("a");
      assertThat(record.all()).isEqualTo(left);
    }

    @Test
    void threadsAddingAtOnceLoseNothing() throws Exception {
      ExportRecordFile record = new ExportRecordFile(state);
      ExecutorService pool = Executors.newFixedThreadPool(8);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < 25; i++) {
                    // A fresh instance each time, as separate commands would have.
                    Export e = ExportRecordAdder.export("t" + thread + "-" + i);
                    new ExportRecordFile(state)
                        .update(
                            c -> {
                              c.add(e);
                              return c;
                            });
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
      pool.shutdown();
      assertThat(record.all()).hasSize(200);
      assertThat(record.all().stream().map(Export::name).distinct()).hasSize(200);
    }

    @Test
    void processesAddingAtOnceLoseNothing() throws Exception {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      List<Process> processes = new ArrayList<>();
      for (int p = 0; p < 8; p++) {
        processes.add(
            new ProcessBuilder(
                    java,
                    "-cp",
                    System.getProperty("java.class.path"),
                    ExportRecordAdder.class.getName(),
                    state.toString(),
                    "p" + p,
                    "15")
                .redirectErrorStream(true)
                .start());
      }
      for (Process p : processes) {
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(output).isZero();
      }
      List<Export> all = new ExportRecordFile(state).all();
      assertThat(all).hasSize(120);
      assertThat(all.stream().map(Export::name))
          .containsExactlyInAnyOrderElementsOf(
              IntStream.range(0, 8)
                  .boxed()
                  .flatMap(p -> IntStream.range(0, 15).mapToObj(i -> "p" + p + "-" + i))
                  .toList());
    }

    @Test
    void waitsForTheLockAndSaysWhenItTakesTooLong() throws Exception {
      ExportRecordFile slow = new ExportRecordFile(state);
      CountDownLatch inside = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      Thread holder =
          new Thread(
              () ->
                  slow.update(
                      c -> {
                        inside.countDown();
                        try {
                          release.await();
                        } catch (InterruptedException e) {
                          Thread.currentThread().interrupt();
                        }
                        return c;
                      }));
      holder.start();
      inside.await();
      ExportRecordFile impatient = new ExportRecordFile(state, Duration.ofMillis(200));
      assertThatThrownBy(() -> impatient.update(c -> c))
          .isInstanceOfSatisfying(
              AppboxException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.LOCKED));
      release.countDown();
      holder.join();
      assertThat(impatient.update(c -> c)).isEmpty();
    }

    @Test
    void refusesANestedUpdate() {
      ExportRecordFile record = new ExportRecordFile(state);
      assertThatThrownBy(() -> record.update(c -> record.update(d -> d)))
          .isInstanceOf(IllegalStateException.class);
    }
  }

  @Nested
  class Invalid {
    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "not json|invalid JSON",
          "[]|expected a JSON object",
          "{}|\"version\" is missing",
          "{\"version\":2,\"exports\":[]}|it has version 2",
          "{\"version\":1}|\"exports\" is missing",
          "{\"version\":1,\"exports\":[1]}|export 0 is not an object",
          "{\"version\":1,\"exports\":[{\"box\":\"a b\"}]}|Box name 'a b' is not valid",
          "{\"version\":1,\"exports\":[{\"box\":\"dev\",\"kind\":\"APP\"}]}|unknown kind",
          "{\"version\":1,\"exports\":[{\"box\":\"dev\",\"kind\":\"thing\"}]}|unknown kind",
          "{\"version\":1,\"exports\":[{\"box\":\"dev\",\"kind\":\"app\"}]}|\"files\" is missing",
          "{\"version\":1,\"exports\":[{\"box\":\"dev\",\"kind\":\"app\",\"files\":[\"rel\"]}]}|not an absolute path",
          "{\"version\":1,\"exports\":[{\"box\":\"dev\",\"kind\":\"app\",\"files\":[],\"created\":\"yesterday\"}]}|not an ISO-8601",
          "{\"version\":1,\"exports\":[{\"box\":\"dev\",\"kind\":\"app\",\"files\":[],\"created\":\"2024-05-01T10:00:00Z\"}]}|\"engine\" is missing",
        })
    void aDamagedRecordIsAnErrorAndIsLeftAlone(String content, String why) throws Exception {
      Files.writeString(state.resolve("exports.json"), content);
      ExportRecordFile record = new ExportRecordFile(state);
      for (Runnable use :
          List.<Runnable>of(record::all, () -> record.update(c -> List.of(sample())))) {
        assertThatThrownBy(use::run)
            .isInstanceOfSatisfying(
                AppboxException.class,
                e -> {
                  assertThat(e.code()).isEqualTo(ErrorCode.FAILED);
                  assertThat(e.hint()).isNotBlank();
                })
            .hasMessageContaining("is damaged")
            .hasMessageContaining(why);
      }
      assertThat(Files.readString(state.resolve("exports.json"))).isEqualTo(content);
    }

    @Test
    void bytesThatAreNotUtf8AreDamage() throws Exception {
      Files.write(state.resolve("exports.json"), new byte[] {'{', (byte) 0xff, '}'});
      assertThatThrownBy(() -> new ExportRecordFile(state).all()).hasMessageContaining("not UTF-8");
    }
  }
}
