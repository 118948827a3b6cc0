package io.appbox.profiles;

import io.appbox.core.profile.PackageCommand;
import io.appbox.core.profile.PackageCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test helpers that read output the way appbox is meant to: every match of the pattern. */
final class Records {
  private Records() {}

  /** Each match as its groups joined by "|", e.g. "htop|3.3.0-3". */
  static List<String> of(Pattern pattern, String output, String... groups) {
    List<String> records = new ArrayList<>();
    Matcher matcher = pattern.matcher(output);
    while (matcher.find()) {
      List<String> values = new ArrayList<>();
      for (String group : groups) {
        values.add(matcher.group(group));
      }
      records.add(String.join("|", values));
    }
    return records;
  }

  static PackageCommand command(PackageCommands commands, CommandKey key) {
    return switch (key) {
      case INSTALL -> commands.install();
      case REMOVE -> commands.remove();
      case SEARCH -> commands.search();
      case SHOW -> commands.show();
      case LIST_INSTALLED -> commands.listInstalled();
      case LIST_FILES -> commands.listFiles();
      case OWNER -> commands.owner();
      case UPDATE -> commands.update();
      case UPGRADE -> commands.upgrade();
      case AUTOREMOVE -> commands.autoremove();
      case CLEAN -> commands.clean();
      case HEALTH_CHECK -> commands.healthCheck();
      case HAS_INDEX -> commands.hasIndex().orElse(null);
      case REPAIR -> commands.repair().orElse(null);
      case PLAN_REMOVE -> commands.plans().remove().orElse(null);
      case PLAN_AUTOREMOVE -> commands.plans().autoremove().orElse(null);
      case PLAN_UPGRADE -> commands.plans().upgrade().orElse(null);
      case VERSIONS -> commands.queries().versions().orElse(null);
      case LIST_MANUAL -> commands.queries().listManual().orElse(null);
      case QUERY_INSTALLED -> commands.queries().queryInstalled().orElse(null);
    };
  }
}
