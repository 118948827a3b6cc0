package io.appbox.profiles;

import io.appbox.core.Quote;
import io.appbox.core.profile.PackageCommand;
import io.appbox.core.profile.PackageCommands;
import io.appbox.core.profile.ProgressFormat;
import io.appbox.core.profile.QueryCommands;
import io.appbox.core.profile.RemovalPlans;
import io.appbox.core.profile.ShowFields;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the {@code commands} mapping of a profile into the core's {@link PackageCommands}. */
final class PackageCommandsTranslator {
  private static final List<String> COMMAND_FIELDS = List.of("argv", "root", "output");

  private PackageCommandsTranslator() {}

  static PackageCommands translate(
      YamlField commands,
      Optional<Pattern> notFound,
      ProgressFormat progress,
      Optional<Pattern> locked) {
    YamlMapping mapping = commands.mapping(CommandKey.keys());
    Map<CommandKey, PackageCommand> read = new EnumMap<>(CommandKey.class);
    for (CommandKey key : CommandKey.values()) {
      if (key.isOptional()) {
        mapping.optional(key.key).ifPresent(field -> read.put(key, command(key, field)));
      } else {
        read.put(key, command(key, mapping.required(key.key)));
      }
    }
    return new PackageCommands(
        read.get(CommandKey.INSTALL),
        read.get(CommandKey.REMOVE),
        read.get(CommandKey.SEARCH),
        read.get(CommandKey.SHOW),
        read.get(CommandKey.LIST_INSTALLED),
        read.get(CommandKey.LIST_FILES),
        read.get(CommandKey.OWNER),
        read.get(CommandKey.UPDATE),
        read.get(CommandKey.UPGRADE),
        read.get(CommandKey.AUTOREMOVE),
        read.get(CommandKey.CLEAN),
        read.get(CommandKey.HEALTH_CHECK),
        notFound,
        progress,
        locked,
        new RemovalPlans(
            Optional.ofNullable(read.get(CommandKey.PLAN_REMOVE)),
            Optional.ofNullable(read.get(CommandKey.PLAN_AUTOREMOVE)),
            Optional.ofNullable(read.get(CommandKey.PLAN_UPGRADE))),
        Optional.ofNullable(read.get(CommandKey.HAS_INDEX)),
        Optional.ofNullable(read.get(CommandKey.REPAIR)),
        new QueryCommands(
            Optional.ofNullable(read.get(CommandKey.VERSIONS)),
            Optional.ofNullable(read.get(CommandKey.LIST_MANUAL)),
            Optional.ofNullable(read.get(CommandKey.QUERY_INSTALLED)),
            ShowFields.NONE,
            false));
  }

  /** The commands with the profile's show-fields and search-words. */
  static PackageCommands withQueries(PackageCommands c, ShowFields fields, boolean oneWord) {
    return new PackageCommands(
        c.install(),
        c.remove(),
        c.search(),
        c.show(),
        c.listInstalled(),
        c.listFiles(),
        c.owner(),
        c.update(),
        c.upgrade(),
        c.autoremove(),
        c.clean(),
        c.healthCheck(),
        c.notFound(),
        c.progress(),
        c.locked(),
        c.plans(),
        c.hasIndex(),
        c.repair(),
        new QueryCommands(
            c.queries().versions(),
            c.queries().listManual(),
            c.queries().queryInstalled(),
            fields,
            oneWord));
  }

  /** A command is a list of arguments, or a mapping with argv, root and output. */
  static PackageCommand command(CommandKey key, YamlField field) {
    if (field.isSequence() || field.isString()) {
      return new PackageCommand(argv(field), key.rootByDefault, defaultOutput(key));
    }
    if (!field.isMapping()) {
      throw field.problem(
          "expected a list of strings or a mapping with argv, found "
              + YamlField.describe(field.node()));
    }
    YamlMapping mapping = field.mapping(COMMAND_FIELDS);
    List<String> argv = argv(mapping.required("argv"));
    boolean root = mapping.optional("root").map(YamlField::bool).orElse(key.rootByDefault);
    Optional<YamlField> output = mapping.optional("output");
    if (output.isPresent() && !key.readsOutput()) {
      throw output
          .get()
          .problem(
              "appbox does not read the output of "
                  + key.key
                  + "; only of install, search, show, list-installed, list-files, owner,"
                  + " versions, list-manual, query-installed and the plan- commands",
              "Remove the output field.");
    }
    Optional<Pattern> pattern =
        output.map(out -> OutputPattern.compile(out, key.groups)).or(() -> defaultOutput(key));
    return new PackageCommand(argv, root, pattern);
  }

  private static List<String> argv(YamlField field) {
    if (field.isString()) {
      String text = field.string();
      throw field.problem(
          "expected a list of arguments, found the string "
              + Quote.of(text)
              + "; commands are never split on spaces",
          "Write it as a list, for example ["
              + String.join(", ", text.trim().split("\\s+"))
              + "].");
    }
    List<String> argv = field.strings();
    if (argv.isEmpty()) {
      throw field.problem("the command is empty; it needs at least the program to run");
    }
    String program = argv.get(0);
    if (program.isBlank() || program.startsWith("-")) {
      throw field
          .elements()
          .get(0)
          .problem("expected the program to run, found " + Quote.of(program));
    }
    return argv;
  }

  private static Optional<Pattern> defaultOutput(CommandKey key) {
    return key.defaultOutput.map(OutputPattern::builtIn);
  }
}
