package io.appbox.profiles;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The package-manager commands a profile defines, by their key in the YAML file, with what appbox
 * assumes when the profile does not say.
 */
enum CommandKey {
  // Optional output: the packages it installed, with their versions, which spares a query after.
  INSTALL("install", true, List.of("name", "version")),
  REMOVE("remove", true),
  SEARCH("search", false, "^(?<name>[^\\t\\n]+)\\t(?<summary>[^\\n]*)$", "name", "summary"),
  SHOW("show", false, "^(?<key>[^\\s:][^:\\n]*?)[ \\t]*:[ \\t]*(?<value>[^\\n]*)$", "key", "value"),
  LIST_INSTALLED(
      "list-installed", false, "^(?<name>[^\\t\\n]+)\\t(?<version>[^\\t\\n]+)$", "name", "version"),
  LIST_FILES("list-files", false, "^(?<path>/[^\\n]*)$", "path"),
  OWNER("owner", false, "^(?<name>[^\\s:]+)$", "name"),
  UPDATE("update", true),
  UPGRADE("upgrade", true),
  AUTOREMOVE("autoremove", true),
  CLEAN("clean", true),
  // Root by default: it runs inside an upgrade, and apt-get check and apk take the lock.
  HEALTH_CHECK("health-check", true),
  // Optional: exits 0 when the box has a package index. Root, as the index is root's.
  HAS_INDEX("has-index", true),
  // Optional: finishes what an interrupted run of the package manager left (dpkg --configure -a).
  REPAIR("repair", true),
  // Optional: what remove (packages appended), autoremove and upgrade would remove, asked without
  // changing anything, so that appbox can name what goes and ask first.
  PLAN_REMOVE("plan-remove", false, "^(?<name>\\S+)$", "name"),
  PLAN_AUTOREMOVE("plan-autoremove", false, "^(?<name>\\S+)$", "name"),
  PLAN_UPGRADE("plan-upgrade", false, "^(?<name>\\S+)$", "name"),
  // Optional: the versions the repositories offer (names appended), for a search that prints none.
  VERSIONS("versions", false, "^(?<name>[^\\t\\n]+)\\t(?<version>[^\\t\\n]+)$", "name", "version"),
  // Optional: the installed packages the user asked for, not taken along as dependencies.
  LIST_MANUAL("list-manual", false, "^(?<name>\\S+)$", "name"),
  // Optional: the named packages (names appended) that are installed, with their versions;
  // without it appbox lists every installed package, which rpm takes long over on a full box.
  QUERY_INSTALLED(
      "query-installed",
      false,
      "^(?<name>[^\\t\\n]+)\\t(?<version>[^\\t\\n]+)$",
      "name",
      "version");

  final String key;
  final boolean rootByDefault;

  /** For queries, the pattern used when the profile gives none: "name TAB value" lines. */
  final Optional<String> defaultOutput;

  /** For queries, the named groups the output pattern must define. */
  final List<String> groups;

  CommandKey(String key, boolean rootByDefault) {
    this(key, rootByDefault, List.of());
  }

  CommandKey(String key, boolean rootByDefault, List<String> groups) {
    this.key = key;
    this.rootByDefault = rootByDefault;
    this.defaultOutput = Optional.empty();
    this.groups = groups;
  }

  CommandKey(String key, boolean rootByDefault, String defaultOutput, String... groups) {
    this.key = key;
    this.rootByDefault = rootByDefault;
    this.defaultOutput = Optional.of(defaultOutput);
    this.groups = List.of(groups);
  }

  /** Whether every profile must define it. */
  boolean isRequired() {
    return !isOptional();
  }

  /** Whether it asks rather than changes: its output is read, with a default pattern. */
  boolean isQuery() {
    return defaultOutput.isPresent();
  }

  /** Whether appbox reads records from its output: a query's, or what install says it set up. */
  boolean readsOutput() {
    return !groups.isEmpty();
  }

  /** A command a profile may leave out: appbox then cannot tell beforehand. */
  boolean isOptional() {
    return this == HAS_INDEX
        || this == REPAIR
        || this == VERSIONS
        || this == LIST_MANUAL
        || this == QUERY_INSTALLED
        || key.startsWith("plan-");
  }

  static List<String> keys() {
    return Arrays.stream(values()).map(command -> command.key).toList();
  }
}
