package io.appbox.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import io.appbox.core.AppboxException;
import io.appbox.core.ErrorCode;
import io.appbox.core.ImageRef;
import io.appbox.core.profile.DistroProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProfileRepositoryTest {
  @TempDir Path dir;

  private ProfileRepository repository() {
    return new ProfileRepository(dir, Map.of());
  }

  private Path write(String id, String yaml) throws IOException {
    return Files.writeString(dir.resolve(id + ".yaml"), yaml);
  }

  private static String profile(String id, String name) {
    return ProfileLoaderTest.VALID.replace("id: test", "id: " + id).replace("Test Linux", name);
  }

  @Nested
  class Valid {
    @Test
    void builtInsWithoutAUserDirectory() {
      ProfileRepository repository = new ProfileRepository(dir.resolve("missing"), Map.of());

      assertThat(repository.all())
          .extracting(DistroProfile::id)
          .containsExactly(
              "almalinux", "alpine", "arch", "debian", "fedora", "opensuse", "ubuntu", "void");
      assertThat(repository.find("debian")).map(DistroProfile::source).contains("built-in");
    }

    @Test
    void userProfileOverridesABuiltInOne() throws IOException {
      Path file = write("debian", profile("debian", "My Debian"));

      ProfileRepository repository = repository();

      assertThat(repository.find("debian").orElseThrow().displayName()).isEqualTo("My Debian");
      assertThat(repository.find("debian").orElseThrow().source()).isEqualTo(file.toString());
      assertThat(repository.all())
          .filteredOn(profile -> profile.id().equals("debian"))
          .singleElement()
          .extracting(DistroProfile::displayName)
          .isEqualTo("My Debian");
    }

    @Test
    void userProfileAddsADistro() throws IOException {
      write("gentoo", profile("gentoo", "Gentoo"));

      ProfileRepository repository = repository();

      assertThat(repository.find("gentoo").orElseThrow().displayName()).isEqualTo("Gentoo");
      assertThat(repository.all()).extracting(DistroProfile::id).contains("gentoo", "debian");
      assertThat(repository.all()).hasSize(9);
    }

    @Test
    void imageOverrideAppliesToBuiltInAndUserProfiles() throws IOException {
      write("gentoo", profile("gentoo", "Gentoo"));
      ImageRef mirror = ImageRef.parse("registry.example.org/mirror/debian:bookworm");
      ImageRef local = ImageRef.parse("localhost/gentoo:latest");

      ProfileRepository repository =
          new ProfileRepository(dir, Map.of("debian", mirror, "gentoo", local));

      assertThat(repository.find("debian").orElseThrow().image()).isEqualTo(mirror);
      assertThat(repository.find("gentoo").orElseThrow().image()).isEqualTo(local);
      assertThat(repository.find("fedora").orElseThrow().image().toString())
          .isEqualTo("registry.fedoraproject.org/fedora:41");
      assertThat(repository.all())
          .filteredOn(profile -> profile.id().equals("debian"))
          .singleElement()
          .extracting(DistroProfile::image)
          .isEqualTo(mirror);
    }

    @Test
    void findReadsOnlyTheProfileAskedFor() throws IOException {
      write("broken", "id: broken\nname: [not, a, string]\n");

      ProfileRepository repository = repository();

      assertThat(repository.find("debian")).isPresent();
      assertThat(repository.find("gentoo")).isEmpty();
    }

    @Test
    void hiddenFilesAndBackupsAreNotProfiles() throws IOException {
      Files.writeString(dir.resolve(".debian.yaml"), "garbage: [");
      Files.writeString(dir.resolve("debian.yaml~"), "garbage: [");
      Files.writeString(dir.resolve("README"), "notes");

      assertThat(repository().all()).hasSize(8);
    }
  }

  @Nested
  class Invalid {
    @Test
    void malformedUserProfileIsRefusedByAllWithItsFileLineAndField() throws IOException {
      Path file = write("broken", "id: broken\nname: [not, a, string]\n");

      AppboxException refused = refusal(() -> repository().all());

      assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_INPUT);
      assertThat(refused.getMessage())
          .isEqualTo(file + ":2: name: expected a string, found a list");
    }

    @Test
    void malformedOverrideIsRefusedByFind() throws IOException {
      Path file =
          write("debian", profile("debian", "Debian").replace("  clean: [apt-get, clean]\n", ""));

      AppboxException refused = refusal(() -> repository().find("debian"));

      assertThat(refused.getMessage())
          .isEqualTo(file + ":5: commands.clean: missing; this field is required");
    }

    @Test
    void userProfileWhoseIdIsNotItsFileNameIsRefused() throws IOException {
      Path file = write("mine", profile("debian", "Debian"));

      AppboxException refused = refusal(() -> repository().find("mine"));

      assertThat(refused.getMessage())
          .isEqualTo(file + ":1: id: 'debian' does not match the file name 'mine.yaml'");
    }

    @Test
    void ymlFileIsRefusedRatherThanIgnored() throws IOException {
      Path file = Files.writeString(dir.resolve("gentoo.yml"), profile("gentoo", "Gentoo"));

      assertThat(refusal(() -> repository().all()).getMessage())
          .isEqualTo(file + ": profile files end in .yaml, so this one would be ignored");
      assertThat(refusal(() -> repository().find("gentoo")).hint())
          .isEqualTo("Rename it to gentoo.yaml.");
    }

    @ParameterizedTest(name = "[{index}] id {0}")
    @ValueSource(strings = {"plan9", "../debian", "Debian", "debian/..", "", " debian"})
    void unknownOrImpossibleIdIsNotFound(String id) {
      assertThat(repository().find(id)).isEmpty();
    }

    @Test
    void requireNamesTheKnownDistros() throws IOException {
      write("gentoo", profile("gentoo", "Gentoo"));

      AppboxException refused = refusal(() -> repository().require("plan9"));

      assertThat(refused.code()).isEqualTo(ErrorCode.PROFILE_NOT_FOUND);
      assertThat(refused.getMessage()).isEqualTo("No distro profile 'plan9'.");
      assertThat(refused.hint())
          .startsWith(
              "Known distros: almalinux, alpine, arch, debian, fedora, gentoo, opensuse, ubuntu,"
                  + " void.");
    }

    @Test
    void imageOverrideMustNameItsRegistry() {
      AppboxException refused =
          refusal(
              () ->
                  new ProfileRepository(dir, Map.of("debian", ImageRef.parse("debian:bookworm"))));

      assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_INPUT);
      assertThat(refused.getMessage()).contains("'debian:bookworm'", "does not name its registry");
    }
  }

  private static AppboxException refusal(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    return ProfileLoaderTest.refusal(call);
  }
}
