package io.appbox.cli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The box behind {@link TrainingEngine}'s exec requests: a Debian box whose repository offers
 * {@code appbox-hello}, a desktop application with two icons. It answers the commands appbox runs
 * to search, install, export and remove as apt, dpkg and a shell would, enough for those commands
 * to go the whole way in the start-up cache's training.
 */
final class TrainingBox {
  /** What a command printed and how it ended. */
  record Ran(int status, byte[] out, String err) {
    static Ran of(int status, String out) {
      return new Ran(status, out.getBytes(StandardCharsets.UTF_8), "");
    }
  }

  private static final String APP = "appbox-hello";

  private final Map<String, byte[]> files = new LinkedHashMap<>();
  private boolean installed;

  TrainingBox() {
    files.put(
        "/usr/share/applications/" + APP + ".desktop",
        ("[Desktop Entry]\nType=Application\nName=Hello\nName[de]=Hallo\nComment=Says hello\n"
                + "Exec="
                + APP
                + " %F\nIcon="
                + APP
                + "\nCategories=Utility;\n")
            .getBytes(StandardCharsets.UTF_8));
    files.put("/usr/share/icons/hicolor/48x48/apps/" + APP + ".png", png48());
    files.put(
        "/usr/share/icons/hicolor/scalable/apps/" + APP + ".svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The start of a 48×48 PNG: its signature and the IHDR chunk's size, all an icon's size needs.
   */
  static byte[] png48() {
    byte[] png = new byte[33];
    byte[] head = {
      (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'
    };
    System.arraycopy(head, 0, png, 0, head.length);
    png[19] = 48;
    png[23] = 48;
    return png;
  }

  Ran run(List<String> argv) {
    String tool = argv.isEmpty() ? "" : argv.get(0);
    String last = argv.isEmpty() ? "" : argv.get(argv.size() - 1);
    switch (tool) {
      case "dpkg-query":
        if (argv.contains("-L")) {
          return Ran.of(0, "/usr/bin/" + APP + "\n" + String.join("\n", files.keySet()) + "\n");
        }
        return installed || !last.equals(APP)
            ? Ran.of(0, "ii \t" + APP + "\t1.0-1\n")
            : new Ran(1, new byte[0], "dpkg-query: no packages found matching " + APP + "\n");
      case "apt-cache":
        if (argv.contains("madison")) {
          return Ran.of(0, " " + APP + " |      1.0-1 | http://training Packages\n");
        }
        if (argv.contains("show")) {
          return Ran.of(
              0,
              "Package: "
                  + APP
                  + "\nVersion: 1.0-1\nInstalled-Size: 12\nDescription: Says hello\n");
        }
        return Ran.of(0, APP + " - Says hello\n" + APP + "-data - The data of hello\n");
      case "apt-get":
        if (argv.contains("-s")) {
          return Ran.of(0, "Remv " + APP + " [1.0-1]\n");
        }
        if (argv.contains("install")) {
          installed = true;
          return Ran.of(0, "pmstatus:" + APP + ":50:Installing " + APP + "\n");
        }
        if (argv.contains("remove")) {
          installed = false;
        }
        return Ran.of(0, "");
      case "/bin/sh":
        return argv.size() > 3 ? files(argv) : Ran.of(0, "");
      default:
        return Ran.of(0, "");
    }
  }

  /**
   * The export's scripts: {@code appbox-read M T PATH...} reads the paths it is given, {@code
   * appbox-find NAME M T SCRIPT} the icons called NAME; both print the records and bytes of
   * FilesRead.
   */
  private Ran files(List<String> argv) {
    List<String> paths;
    if (argv.get(3).equals("appbox-find")) {
      String name = argv.get(4);
      paths =
          files.keySet().stream()
              .filter(p -> p.startsWith("/usr/share/icons/") && p.contains("/" + name + "."))
              .toList();
    } else if (argv.get(3).equals("appbox-read") && argv.size() > 6) {
      paths = argv.subList(6, argv.size());
    } else {
      return Ran.of(0, "");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (String p : paths) {
      byte[] content = files.get(p);
      out.writeBytes(
          (p + "\0" + (content == null ? "-" : content.length) + "\0")
              .getBytes(StandardCharsets.UTF_8));
      if (content != null) {
        bytes.writeBytes(content);
      }
    }
    out.write(0);
    out.writeBytes(bytes.toByteArray());
    return new Ran(0, out.toByteArray(), "");
  }
}
