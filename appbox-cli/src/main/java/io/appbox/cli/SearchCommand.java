package io.appbox.cli;

import io.appbox.cli.json.SearchHitJson;
import io.appbox.core.BoxName;
import io.appbox.core.pkg.SearchHit;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
    name = "search",
    description = {
      "Search the box's repositories for the packages that match every word, the closest names"
          + " first. Each result has its version and, in the INSTALLED column, 'yes' (an"
          + " application: 'yes, app') when it is installed in the box."
    },
    footer = {
      "",
      "Examples:",
      "  appbox search htop",
      "  appbox search text editor",
      "  appbox search --box dev --json editor"
    })
final class SearchCommand extends BaseCommand {
  @Mixin BoxChoice choice;

  @Parameters(
      index = "0",
      arity = "1..*",
      paramLabel = "WORD",
      description = "What to look for: every word must match.")
  List<String> terms;

  @Override
  int execute(Session session) {
    BoxName box = choice.existing(session);
    List<SearchHit> hits =
        session.packages().queries().search(box, terms, session.output().sideProgress());
    Output out = session.output();
    out.result(
        hits.stream().map(SearchHitJson::of).toList(),
        () -> {
          if (hits.isEmpty()) {
            out.println("Nothing found for " + String.join(" ", terms) + " in " + box + ".");
            return;
          }
          Table table = new Table("NAME", "VERSION", "INSTALLED", "SUMMARY");
          hits.forEach(h -> table.row(h.name(), h.version(), installed(h), h.summary()));
          out.out().print(table.render(out.color()));
        });
    return ExitCodes.OK;
  }

  private static String installed(SearchHit h) {
    if (!h.installed()) {
      return "";
    }
    return Boolean.TRUE.equals(h.app()) ? "yes, app" : "yes";
  }
}
