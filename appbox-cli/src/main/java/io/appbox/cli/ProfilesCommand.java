package io.appbox.cli;

import io.appbox.core.profile.DistroProfile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

@Command(
    name = "profiles",
    description =
        "List the distro profiles: built-in ones and your own, with where each came from and"
            + " how appbox's tests prove it.",
    footer = {"", "Examples:", "  appbox profiles", "  appbox profiles --json"})
final class ProfilesCommand extends BaseCommand {
  @Override
  int execute(Session session) {
    List<DistroProfile> all = session.profiles().all();
    Output out = session.output();
    List<Map<String, Object>> data =
        all.stream()
            .map(
                p -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("id", p.id());
                  m.put("name", p.displayName());
                  m.put("image", p.image().toString());
                  m.put("bootstrap", p.bootstrap().isPresent());
                  m.put("source", p.source());
                  Map<String, Object> proven = new LinkedHashMap<>();
                  proven.put("level", p.proven().level().name().toLowerCase().replace('_', '-'));
                  proven.put("detail", p.proven().detail());
                  proven.put("text", p.proven().describe());
                  m.put("proven", proven);
                  return m;
                })
            .toList();
    out.result(
        data,
        () -> {
          Table table = new Table("ID", "NAME", "IMAGE", "SOURCE", "PROVEN");
          all.forEach(
              p ->
                  table.row(p.id(), p.displayName(), p.image(), p.source(), p.proven().describe()));
          out.out().print(table.render(out.color()));
        });
    return ExitCodes.OK;
  }
}
