package io.appbox.core.export;

import io.appbox.core.engine.ContainerState;

/** Makes the launcher script of a box, for the engine that runs it. */
public interface Launchers {
  LauncherScript forBox(ContainerState box);
}
