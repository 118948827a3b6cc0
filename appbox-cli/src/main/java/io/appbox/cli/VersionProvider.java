package io.appbox.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code appbox --version}. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"appbox " + Session.VERSION};
  }
}
