package io.appbox.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import io.appbox.core.pkg.PackageDetails;
import io.appbox.core.pkg.ShowOutput;
import io.appbox.core.profile.PackageCommands;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The built-in patterns against what each package manager really prints. */
class ToolOutputTest {
  private static final BuiltinProfiles BUILTINS = new BuiltinProfiles();

  private static PackageCommands commands(String id) {
    return BUILTINS.load(id).orElseThrow().packages();
  }

  private static Pattern output(String id, CommandKey key) {
    return Records.command(commands(id), key).output().orElseThrow();
  }

  private static List<String> records(String id, CommandKey key, String output) {
    return Records.of(output(id, key), output, key.groups.toArray(String[]::new));
  }

  @Nested
  class Search {
    static Stream<Arguments> samples() {
      return Stream.of(
          Arguments.of(
              "debian",
              """
              htop - interactive processes viewer
              aha - ANSI color to HTML converter
              python3-psutil - module providing convenience functions for managing processes (Python3)
              """,
              List.of(
                  "htop|interactive processes viewer",
                  "aha|ANSI color to HTML converter",
                  "python3-psutil|module providing convenience functions for managing processes"
                      + " (Python3)")),
          Arguments.of(
              "fedora",
              """
              Updating and loading repositories:
              Repositories loaded.
              Matched fields: name (exact)
               htop.x86_64: Interactive process viewer
              Matched fields: name, summary
               htop-debuginfo.x86_64: Debug information for package htop
              Matched fields: summary
               python3.12.x86_64: Version 3.12 of the Python interpreter
              """,
              List.of(
                  "htop|Interactive process viewer",
                  "htop-debuginfo|Debug information for package htop",
                  "python3.12|Version 3.12 of the Python interpreter")),
          // dnf5 5.4.6, as the end-to-end tests saw it: a tab between name.arch and summary.
          Arguments.of(
              "fedora",
              "Matched fields: name, summary\n"
                  + " appbox-hello-data.noarch\tData that appbox-hello 1.0 needs\n"
                  + "Matched fields: name\n"
                  + " appbox-c++.tools.noarch\tA name with a plus and a dot\n"
                  + " appbox-hello.noarch\tSays which version it is\n",
              List.of(
                  "appbox-hello-data|Data that appbox-hello 1.0 needs",
                  "appbox-c++.tools|A name with a plus and a dot",
                  "appbox-hello|Says which version it is")),
          Arguments.of(
              "almalinux",
              """
              Last metadata expiration check: 0:12:03 ago on Mon 01 Jul 2024 10:00:00 AM UTC.
              ========================= Name Exactly Matched: htop =========================
              htop.x86_64 : Interactive process viewer
              ======================== Name & Summary Matched: htop ========================
              htop-debuginfo.x86_64 : Debug information for package htop
              """,
              List.of(
                  "htop|Interactive process viewer",
                  "htop-debuginfo|Debug information for package htop")),
          Arguments.of(
              "arch",
              """
              extra/htop 3.3.0-3 [installed]
                  Interactive process viewer
              extra/btop 1.4.0-1
                  A monitor of system resources, bpytop ported to C++
              core/iproute2 6.11.0-1 (base) [installed: 6.10.0-2]
                  IP Routing Utilities
              """,
              List.of(
                  "htop|Interactive process viewer",
                  "btop|A monitor of system resources, bpytop ported to C++",
                  "iproute2|IP Routing Utilities")),
          Arguments.of(
              "alpine",
              """
              htop-3.3.0-r0 - Interactive process viewer
              htop-doc-3.3.0-r0 - Interactive process viewer (documentation)
              py3-six-1.16.0-r9 - Python 2 and 3 compatibility library
              """,
              List.of(
                  "htop|Interactive process viewer",
                  "htop-doc|Interactive process viewer (documentation)",
                  "py3-six|Python 2 and 3 compatibility library")),
          Arguments.of(
              "opensuse",
              """
              Loading repository data...
              Reading installed packages...

              S  | Name           | Summary                                 | Type
              ---+----------------+-----------------------------------------+-----------
              i+ | htop           | An interactive process viewer for Linux | package
                 | htop-debuginfo | Debug information for package htop      | package
                 | htop           | An interactive process viewer for Linux | srcpackage
              """,
              List.of(
                  "htop|An interactive process viewer for Linux",
                  "htop-debuginfo|Debug information for package htop")),
          Arguments.of(
              "void",
              """
              [*] htop-3.3.0_1             Interactive process viewer
              [-] python3-psutil-5.9.8_2   Cross-platform process and system utilities
              """,
              List.of(
                  "htop|Interactive process viewer",
                  "python3-psutil|Cross-platform process and system utilities")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void yieldsNameAndSummary(String id, String output, List<String> expected) {
      assertThat(records(id, CommandKey.SEARCH, output)).containsExactlyElementsOf(expected);
    }
  }

  @Nested
  class ListInstalled {
    static Stream<Arguments> samples() {
      return Stream.of(
          // dpkg-query -W -f '${db:Status-Abbrev}\t${Package}\t${Version}\n'; "rc" is removed.
          Arguments.of(
              "debian",
              "ii \tadduser\t3.134\nii \tlibc6\t2.36-9+deb12u10\nrc \toldapp\t1.0-1\n"
                  + "ii \tpython3.11\t3.11.2-6+deb12u6\n",
              List.of("adduser|3.134", "libc6|2.36-9+deb12u10", "python3.11|3.11.2-6+deb12u6")),
          // rpm -qa --qf '%{NAME}\t%{VERSION}-%{RELEASE}\n'; gpg-pubkey is a repository key.
          Arguments.of(
              "fedora",
              "bash\t5.2.32-1.fc41\ngpg-pubkey\te99d6ad1-64d2612c\nglibc\t2.40-9.fc41\n",
              List.of("bash|5.2.32-1.fc41", "glibc|2.40-9.fc41")),
          Arguments.of(
              "opensuse",
              "zypper\t1.14.77-1.1\nlibzypp\t17.35.12-1.1\n",
              List.of("zypper|1.14.77-1.1", "libzypp|17.35.12-1.1")),
          Arguments.of(
              "arch",
              "htop 3.3.0-3\nlinux-api-headers 6.10-1\nzlib 1:1.3.1-2\n",
              List.of("htop|3.3.0-3", "linux-api-headers|6.10-1", "zlib|1:1.3.1-2")),
          Arguments.of(
              "alpine",
              "alpine-baselayout-3.6.5-r0\nbusybox-1.36.1-r29\nca-certificates-bundle-20240705-r0\n"
                  + "libcrypto3-3.3.2-r0\n",
              List.of(
                  "alpine-baselayout|3.6.5-r0",
                  "busybox|1.36.1-r29",
                  "ca-certificates-bundle|20240705-r0",
                  "libcrypto3|3.3.2-r0")),
          // xbps-query -l: state, pkgver padded to the longest, description.
          Arguments.of(
              "void",
              """
              ii base-files-0.144_1              Void Linux base system files
              ii htop-3.3.0_1                    Interactive process viewer
              uu half-done-1.0_1                 Unpacked, not configured
              ii python3-psutil-5.9.8_2          Cross-platform process and system utilities
              """,
              List.of("base-files|0.144_1", "htop|3.3.0_1", "python3-psutil|5.9.8_2")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void yieldsNameAndVersion(String id, String output, List<String> expected) {
      assertThat(records(id, CommandKey.LIST_INSTALLED, output))
          .containsExactlyElementsOf(expected);
    }
  }

  /** Standard output of the query for bash, nothere and glibc (or libc6), from the test images. */
  /** What install says it set up, as the end-to-end tests' package managers print it. */
  @Nested
  class Install {
    static Stream<Arguments> samples() {
      return Stream.of(
          // apt-get install with Status-Fd=1 (apt 2.6.1): pmstatus lines, then Setting up.
          Arguments.of(
              "debian",
              """
              pmstatus:appbox-hello:40:Unpacking appbox-hello (1.0)
              Unpacking appbox-hello (1.0) ...
              Setting up appbox-hello-data (1.0) ...
              Setting up libc6:amd64 (2.36-9+deb12u4) ...
              Setting up appbox-hello (1.0) ...
              Processing triggers for hicolor-icon-theme (0.17-2) ...
              """,
              List.of("appbox-hello-data|1.0", "libc6|2.36-9+deb12u4", "appbox-hello|1.0")),
          Arguments.of(
              "ubuntu", "Setting up htop (3.3.0-4build1) ...\n", List.of("htop|3.3.0-4build1")),
          // zypper 1.14.101: a name with a plus and dots, an epoch, a release with a dot.
          Arguments.of(
              "opensuse",
              """
              Loading repository data...
              Reading installed packages...
              The following 3 NEW packages are going to be installed:
                appbox-c++.tools appbox-hello appbox-hello-data
              Retrieving: appbox-hello-1.0-1.noarch (appbox test packages) (2/3),   8.4 KiB
              (1/3) Installing: appbox-hello-data-1.0-1.noarch [..done]
              (2/3) Installing: appbox-c++.tools-1.0-1.noarch [..done]
              (3/3) Installing: htop-2:3.3.0-1.3.x86_64 [..done]
              """,
              List.of("appbox-hello-data|1.0-1", "appbox-c++.tools|1.0-1", "htop|3.3.0-1.3")),
          // pacman 7.1.0 without a terminal: every package on one line; an epoch stays, as
          // pacman -Q prints it; what follows the line is not read.
          Arguments.of(
              "arch",
              """
              resolving dependencies...
              looking for conflicting packages...

              Packages (3) appbox-hello-data-1.0-1  appbox-c++.tools-1.0-1  vim-2:9.1.0-1

              Total Download Size:   0.00 MiB
              :: Retrieving packages...
               appbox-c++.tools-1.0-1-any downloading...
              installing appbox-hello-data...
              """,
              List.of("appbox-hello-data|1.0-1", "appbox-c++.tools|1.0-1", "vim|2:9.1.0-1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void yieldsWhatItInstalledWithTheVersions(String id, String output, List<String> expected) {
      assertThat(records(id, CommandKey.INSTALL, output)).containsExactlyElementsOf(expected);
    }
  }

  @Nested
  class QueryInstalled {
    static Stream<Arguments> samples() {
      return Stream.of(
          // rpm -q --qf ...: the name not installed is a line of its own, without a tab (exit 1).
          Arguments.of(
              "fedora",
              "bash\t1.0-1\npackage nothere is not installed\nglibc\t1.0-1\n",
              List.of("bash|1.0-1", "glibc|1.0-1")),
          Arguments.of(
              "almalinux",
              "bash\t1.0-1\npackage nothere is not installed\nglibc\t1.0-1\n",
              List.of("bash|1.0-1", "glibc|1.0-1")),
          Arguments.of(
              "opensuse", "bash\t1.0-1\npackage nothere is not installed\n", List.of("bash|1.0-1")),
          // pacman -Q: the unknown name is an error on standard error (exit 1).
          Arguments.of("arch", "bash 1.0-1\nglibc 1.0-1\n", List.of("bash|1.0-1", "glibc|1.0-1")),
          // dpkg-query -W: an unknown name goes to standard error; one removed but for its
          // configuration files is "rc", one known but never installed "un" without a version.
          Arguments.of(
              "debian",
              "ii \tbash\t5.2.15-2+b7\nrc \toldapp\t1.0-1\nun \tnothere\t\nii \tlibc6\t2.36-9\n",
              List.of("bash|5.2.15-2+b7", "libc6|2.36-9")),
          Arguments.of(
              "ubuntu",
              "ii \tbash\t5.2.21-2ubuntu4\nun \tnothere\t\n",
              List.of("bash|5.2.21-2ubuntu4")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void yieldsTheInstalledOnesWithTheirVersions(String id, String output, List<String> expected) {
      assertThat(records(id, CommandKey.QUERY_INSTALLED, output))
          .containsExactlyElementsOf(expected);
    }
  }

  @Nested
  class Show {
    static final String DEBIAN_HTOP =
        """
        Package: htop
        Version: 3.2.2-2
        Installed-Size: 378
        Maintainer: Daniel Lange <DLange@debian.org>
        Architecture: amd64
        Depends: libc6 (>= 2.34), libncursesw6 (>= 6), libnl-3-200 (>= 3.2.7), libnl-genl-3-200 (>= 3.2.7), libtinfo6 (>= 6)
        Suggests: lm-sensors, lsof, strace
        Description-en: interactive processes viewer
         Htop is an ncursed-based process viewer similar to top, but it
         allows one to scroll the list vertically and horizontally to see
         all processes and their full command lines.
         .
         Tasks related to processes (killing, renicing) can be done without
         entering their PIDs.
        Description-md5: 8eb5aa19b3c92a975dc78e2165f6688d
        Homepage: https://htop.dev/
        Tag: admin::monitoring, implemented-in::c, interface::text-mode,
         role::program, scope::utility, uitoolkit::ncurses, use::monitor,
         works-with::software:running
        Section: utils
        Priority: optional
        Filename: pool/main/h/htop/htop_3.2.2-2_amd64.deb
        Size: 152412

        """;

    static final String FEDORA_HTOP =
        """
        Available packages
        Name            : htop
        Version         : 3.3.0
        Release         : 4.fc41
        URL             : https://htop.dev/
        Description     : htop is an interactive text-mode process viewer for Linux, similar to
                        : top(1).
        """;

    static final String ARCH_HTOP =
        """
        Repository      : extra
        Name            : htop
        Version         : 3.3.0-3
        Description     : Interactive process viewer
        Optional Deps   : lm_sensors: show cpu temperatures
                          lsof: show files opened by a process
        """;

    // apk info -d -w -s: a header line, the value on the next.
    static final String ALPINE_HTOP =
        """
        htop-3.3.0-r0 description:
        Interactive process viewer

        htop-3.3.0-r0 webpage:
        https://htop.dev/

        htop-3.3.0-r0 installed size:
        348 KiB

        """;

    static final String OPENSUSE_HTOP =
        """
        Loading repository data...
        Reading installed packages...


        Information for package htop:
        -----------------------------
        Repository     : Main Repository (OSS)
        Name           : htop
        Version        : 3.3.0-1.2
        Installed      : No
        Summary        : An interactive process viewer for Linux
        """;

    static final String VOID_HTOP =
        """
        architecture: x86_64
        homepage: https://htop.dev/
        pkgver: htop-3.3.0_1
        run_depends:
        \tglibc>=2.36_1
        short_desc: Interactive process viewer
        """;

    static Stream<Arguments> samples() {
      return Stream.of(
          Arguments.of(
              "debian",
              DEBIAN_HTOP,
              List.of(
                  "Package|htop",
                  "Version|3.2.2-2",
                  "Installed-Size|378",
                  "Maintainer|Daniel Lange <DLange@debian.org>",
                  "Architecture|amd64",
                  "Depends|libc6 (>= 2.34), libncursesw6 (>= 6), libnl-3-200 (>= 3.2.7),"
                      + " libnl-genl-3-200 (>= 3.2.7), libtinfo6 (>= 6)",
                  "Suggests|lm-sensors, lsof, strace",
                  "Description-en|interactive processes viewer\n"
                      + "Htop is an ncursed-based process viewer similar to top, but it\n"
                      + "allows one to scroll the list vertically and horizontally to see\n"
                      + "all processes and their full command lines.\n"
                      + "\n"
                      + "Tasks related to processes (killing, renicing) can be done without\n"
                      + "entering their PIDs.",
                  "Description-md5|8eb5aa19b3c92a975dc78e2165f6688d",
                  "Homepage|https://htop.dev/",
                  "Tag|admin::monitoring, implemented-in::c, interface::text-mode,\n"
                      + "role::program, scope::utility, uitoolkit::ncurses, use::monitor,\n"
                      + "works-with::software:running",
                  "Section|utils",
                  "Priority|optional",
                  "Filename|pool/main/h/htop/htop_3.2.2-2_amd64.deb",
                  "Size|152412")),
          Arguments.of(
              "fedora",
              FEDORA_HTOP,
              List.of(
                  "Name|htop",
                  "Version|3.3.0",
                  "Release|4.fc41",
                  "URL|https://htop.dev/",
                  "Description|htop is an interactive text-mode process viewer for Linux,"
                      + " similar to\ntop(1).")),
          Arguments.of(
              "arch",
              ARCH_HTOP,
              List.of(
                  "Repository|extra",
                  "Name|htop",
                  "Version|3.3.0-3",
                  "Description|Interactive process viewer",
                  "Optional Deps|lm_sensors: show cpu temperatures\n"
                      + "lsof: show files opened by a process")),
          Arguments.of(
              "alpine",
              ALPINE_HTOP,
              List.of(
                  "description|Interactive process viewer",
                  "webpage|https://htop.dev/",
                  "installed size|348 KiB")),
          Arguments.of(
              "opensuse",
              OPENSUSE_HTOP,
              List.of(
                  "Information for package htop|",
                  "Repository|Main Repository (OSS)",
                  "Name|htop",
                  "Version|3.3.0-1.2",
                  "Installed|No",
                  "Summary|An interactive process viewer for Linux")),
          Arguments.of(
              "void",
              VOID_HTOP,
              List.of(
                  "architecture|x86_64",
                  "homepage|https://htop.dev/",
                  "pkgver|htop-3.3.0_1",
                  "run_depends|glibc>=2.36_1",
                  "short_desc|Interactive process viewer")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void yieldsEachFieldWithItsLinesWhole(String id, String output, List<String> expected) {
      List<String> fields = new java.util.ArrayList<>();
      ShowOutput.fields(commands(id), output).forEach((k, v) -> fields.add(k + "|" + v));
      assertThat(fields).containsExactlyElementsOf(expected);
    }

    /** name|version|summary|description|size|homepage, as appbox's keys give them. */
    static Stream<Arguments> normalised() {
      return Stream.of(
          Arguments.of(
              "debian",
              DEBIAN_HTOP,
              "htop|3.2.2-2|interactive processes viewer|Htop is an ncursed-based process viewer"
                  + " similar to top, but it\nallows one to scroll the list vertically and"
                  + " horizontally to see\nall processes and their full command lines.\n\nTasks"
                  + " related to processes (killing, renicing) can be done without\nentering"
                  + " their PIDs.|387072|https://htop.dev/"),
          Arguments.of(
              "ubuntu",
              DEBIAN_HTOP,
              "htop|3.2.2-2|interactive processes viewer|Htop is an ncursed-based process viewer"
                  + " similar to top, but it\nallows one to scroll the list vertically and"
                  + " horizontally to see\nall processes and their full command lines.\n\nTasks"
                  + " related to processes (killing, renicing) can be done without\nentering"
                  + " their PIDs.|387072|https://htop.dev/"),
          Arguments.of(
              "fedora",
              FEDORA_HTOP,
              "htop|3.3.0-4.fc41|null|htop is an interactive text-mode process viewer for"
                  + " Linux, similar to\ntop(1).|null|https://htop.dev/"),
          Arguments.of(
              "almalinux",
              FEDORA_HTOP,
              "htop|3.3.0-4.fc41|null|htop is an interactive text-mode process viewer for"
                  + " Linux, similar to\ntop(1).|null|https://htop.dev/"),
          Arguments.of("arch", ARCH_HTOP, "htop|3.3.0-3|Interactive process viewer|null|null|null"),
          Arguments.of(
              "alpine",
              ALPINE_HTOP,
              "asked|null|Interactive process viewer|null|356352|https://htop.dev/"),
          Arguments.of(
              "opensuse",
              OPENSUSE_HTOP,
              "htop|3.3.0-1.2|An interactive process viewer for Linux|null|null|null"),
          Arguments.of(
              "void",
              VOID_HTOP,
              "asked|null|Interactive process viewer|null|null|https://htop.dev/"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("normalised")
    void mapsItsFieldsToAppboxKeys(String id, String output, String expected) {
      PackageCommands commands = commands(id);
      PackageDetails p =
          ShowOutput.details(commands, "asked", ShowOutput.fields(commands, output), false);
      assertThat(
              String.join(
                  "|",
                  p.name(),
                  String.valueOf(p.version()),
                  String.valueOf(p.summary()),
                  String.valueOf(p.description()),
                  String.valueOf(p.size()),
                  String.valueOf(p.homepage())))
          .isEqualTo(expected);
    }
  }

  @Nested
  class Versions {
    @org.junit.jupiter.api.Test
    void aptCacheMadisonGivesEachPackagesVersion() {
      String madison =
          "      htop |    3.2.2-2 | http://deb.debian.org/debian bookworm/main amd64 Packages\n"
              + "     hello |     2.10-3 | http://deb.debian.org/debian bookworm/main amd64"
              + " Packages\n";
      assertThat(records("debian", CommandKey.VERSIONS, madison))
          .containsExactly("htop|3.2.2-2", "hello|2.10-3");
    }

    @org.junit.jupiter.api.Test
    void aptMarkShowmanualGivesOneNamePerLine() {
      assertThat(records("debian", CommandKey.LIST_MANUAL, "adduser\napt\nhtop\n"))
          .containsExactly("adduser", "apt", "htop");
    }
  }

  @Nested
  class Owner {
    static Stream<Arguments> samples() {
      return Stream.of(
          // dpkg-query -S: multi-arch, a shared directory, and a diversion.
          Arguments.of(
              "debian",
              """
              dpkg: /usr/bin/dpkg
              libc6:amd64: /lib/x86_64-linux-gnu/libc.so.6
              coreutils, bash, tcl-dev:amd64: /usr/bin
              diversion by dash from: /bin/sh
              diversion by dash to: /bin/sh.distrib
              dash: /bin/sh
              """,
              List.of("dpkg", "libc6", "coreutils", "dash")),
          Arguments.of("fedora", "htop\nfile /nope is not owned by any package\n", List.of("htop")),
          Arguments.of("arch", "htop\nerror: No package owns /nope\n", List.of("htop")),
          Arguments.of(
              "alpine",
              "/usr/bin/htop is owned by htop-3.3.0-r0\n"
                  + "/usr/lib/libcrypto.so.3 is owned by libcrypto3-3.3.2-r0\n",
              List.of("htop", "libcrypto3")),
          Arguments.of(
              "void",
              "htop-3.3.0_1: /usr/bin/htop (regular file)\n"
                  + "python3-psutil-5.9.8_2: /usr/lib/python3.12/site-packages/psutil (link)\n",
              List.of("htop", "python3-psutil")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void yieldsThePackageName(String id, String output, List<String> expected) {
      assertThat(records(id, CommandKey.OWNER, output)).containsExactlyElementsOf(expected);
    }
  }

  @Nested
  class ListFiles {
    static Stream<Arguments> samples() {
      return Stream.of(
          Arguments.of(
              "debian",
              """
              /.
              /usr/bin/htop
              /usr/share/applications/htop.desktop
              package diverts others to: /usr/bin/htop.real
              """,
              List.of("/.", "/usr/bin/htop", "/usr/share/applications/htop.desktop")),
          Arguments.of(
              "fedora",
              "/usr/bin/htop\n/usr/share/applications/htop.desktop\n",
              List.of("/usr/bin/htop", "/usr/share/applications/htop.desktop")),
          Arguments.of("fedora", "(contains no files)\n", List.of()),
          Arguments.of(
              "arch",
              "/usr/\n/usr/bin/\n/usr/bin/htop\n",
              List.of("/usr/", "/usr/bin/", "/usr/bin/htop")),
          // Relative to /, under a header.
          Arguments.of(
              "alpine",
              """
              htop-3.3.0-r0 contains:
              usr/bin/htop
              usr/share/applications/htop.desktop

              """,
              List.of("usr/bin/htop", "usr/share/applications/htop.desktop")),
          Arguments.of(
              "void",
              "/usr/bin/htop\n/usr/share/applications/htop.desktop\n/usr/bin/top2 -> /usr/bin/htop\n",
              List.of("/usr/bin/htop", "/usr/share/applications/htop.desktop", "/usr/bin/top2")));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("samples")
    void yieldsOnePathPerFile(String id, String output, List<String> expected) {
      assertThat(records(id, CommandKey.LIST_FILES, output)).containsExactlyElementsOf(expected);
    }
  }

  @Nested
  class NotFound {
    static Stream<Arguments> samples() {
      return Stream.of(
          Arguments.of(
              "debian",
              "Reading package lists...\nE: Unable to locate package nosuchpkg\n",
              List.of("nosuchpkg")),
          Arguments.of(
              "debian", "E: Package 'firefox' has no installation candidate\n", List.of("firefox")),
          Arguments.of(
              "debian",
              "E: Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied)\n",
              List.of()),
          Arguments.of("ubuntu", "E: Unable to locate package nosuchpkg\n", List.of("nosuchpkg")),
          Arguments.of(
              "fedora",
              "Failed to resolve the transaction:\nNo match for argument: nosuchpkg\n",
              List.of("nosuchpkg")),
          Arguments.of("fedora", "No packages to remove for argument: htop\n", List.of("htop")),
          Arguments.of(
              "almalinux",
              "No match for argument: nosuchpkg\nError: Unable to find a match: nosuchpkg\n",
              List.of("nosuchpkg")),
          Arguments.of("arch", "error: target not found: nosuchpkg\n", List.of("nosuchpkg")),
          Arguments.of("arch", "error: package 'nosuchpkg' was not found\n", List.of("nosuchpkg")),
          Arguments.of(
              "alpine",
              "ERROR: unable to select packages:\n  nosuchpkg (no such package):\n"
                  + "    required by: world[nosuchpkg]\n",
              List.of("nosuchpkg")),
          Arguments.of(
              "opensuse",
              "'nosuchpkg' not found in package names. Trying capabilities.\n"
                  + "No provider of 'nosuchpkg' found.\n",
              List.of("nosuchpkg")),
          Arguments.of("opensuse", "package 'nosuchpkg' not found.\n", List.of("nosuchpkg")),
          Arguments.of(
              "void", "Package 'nosuchpkg' not found in repository pool.\n", List.of("nosuchpkg")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("samples")
    void namesTheMissingPackage(String id, String output, List<String> expected) {
      Pattern notFound = commands(id).notFound().orElseThrow();
      assertThat(Records.of(notFound, output, "name")).containsExactlyElementsOf(expected);
    }
  }
}
