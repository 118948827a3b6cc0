package io.appbox.core.export;

/**
 * The script through which a box's exported applications and commands run: a POSIX sh program that
 * enters the running box without starting a JVM. One per box, shared by its exports, written with
 * them and removed with the last of them.
 *
 * @param relativePath where it goes, relative to {@code $XDG_DATA_HOME/appbox/launchers/}
 * @param content the script
 */
public record LauncherScript(String relativePath, byte[] content) {
  public LauncherScript {
    content = content.clone();
  }

  @Override
  public byte[] content() {
    return content.clone();
  }
}
