package io.appbox.core.box;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.ErrorCode;
import io.appbox.core.engine.ContainerEngine;
import io.appbox.core.engine.ContainerState;
import io.appbox.core.engine.ExecRequest;
import io.appbox.core.engine.ExecResult;
import io.appbox.core.engine.OutputListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What lets a box reach the host: {@code host-exec} on its PATH, xdg-open and $BROWSER handed to
 * the host (unless {@code create --no-host-open}), and the links of managed host commands. All of
 * it lives in the box's {@code /usr/local/bin}, written as root by {@code host-tools.sh}.
 */
public final class BoxHostTools {
  /** Where the box puts host-exec; a host command is a link to it in the same directory. */
  public static final String BIN = "/usr/local/bin";

  private static final String SCRIPT = readScript();

  private BoxHostTools() {}

  /** Whether links and files open on the host in this box: yes unless its label says no. */
  public static boolean hostOpen(ContainerState box) {
    return !"false".equals(box.labels().get(BoxLabels.HOST_OPEN));
  }

  /**
   * Copies host-exec (a host path, seen in the box under {@code /run/host}) into the running box,
   * with the xdg-open hand-off when {@code open}.
   */
  public static void install(ContainerEngine engine, BoxName box, Path hostExec, boolean open) {
    String inBox = HostIntegration.HOST_ROOT + hostExec.toAbsolutePath().normalize().toString();
    ExecResult r = run(engine, box, List.of("install", inBox, Boolean.toString(open)));
    if (!r.ok()) {
      throw new AppboxException(
          ErrorCode.FAILED,
          "Putting host-exec into box " + box + " failed: " + r.stderr().strip(),
          "The image may lack cp, chmod or ln; try another image.");
    }
  }

  /** Makes NAME on the box's PATH run the host's NAME; false when another file is there. */
  public static boolean link(ContainerEngine engine, BoxName box, String name) {
    ExecResult r = run(engine, box, List.of("link", name));
    if (r.exitCode() == 3) {
      return false;
    }
    if (!r.ok()) {
      throw new AppboxException(
          ErrorCode.FAILED,
          "Adding host command " + name + " to box " + box + " failed: " + r.stderr().strip(),
          "Check that the box is healthy: appbox run " + box + " -- ls -l " + BIN);
    }
    return true;
  }

  /** Takes NAME's link away; a file of another kind there is left alone. */
  public static void unlink(ContainerEngine engine, BoxName box, String name) {
    ExecResult r = run(engine, box, List.of("unlink", name));
    if (!r.ok()) {
      throw new AppboxException(
          ErrorCode.FAILED,
          "Removing host command " + name + " from box " + box + " failed: " + r.stderr().strip(),
          "Check that the box is healthy: appbox run " + box + " -- ls -l " + BIN);
    }
  }

  private static ExecResult run(ContainerEngine engine, BoxName box, List<String> args) {
    List<String> argv = new ArrayList<>(List.of("/bin/sh", "-c", SCRIPT, "appbox-host-tools"));
    argv.addAll(args);
    return engine.exec(box, ExecRequest.asRoot(argv, Map.of()), OutputListener.NONE);
  }

  private static String readScript() {
    try (InputStream in = BoxHostTools.class.getResourceAsStream("host-tools.sh")) {
      if (in == null) {
        throw new IllegalStateException("missing resource host-tools.sh");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
