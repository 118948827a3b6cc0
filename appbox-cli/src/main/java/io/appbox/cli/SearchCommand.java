package io.appbox.cli;

import io.appbox.core.BoxName;
import io.appbox.core.pkg.SearchHit;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
    name = "search",
    description = "Search the box's repositories.",
    footer = {"", "Examples:", "  appbox search htop", "  appbox search --box dev --json editor"})
final class SearchCommand extends BaseCommand {
  @Mixin BoxChoice choice;

  @Parameters(index = "0", paramLabel = "TERM", description = "What to look for.")
  String term;

  @Override
  int execute(Session session) {
    BoxName box = choice.existing(session);
    List<SearchHit> hits = session.packages().search(box, term, session.output().sideProgress());
    Output out = session.output();
    out.result(
        hits,
        () -> {
          if (hits.isEmpty()) {
            out.println("Nothing found for " + term + " in " + box + ".");
            return;
          }
          Table table = new Table("NAME", "SUMMARY");
          hits.forEach(h -> table.row(h.name(), h.summary()));
          out.out().print(table.render(out.color()));
        });
    return ExitCodes.OK;
  }
}
