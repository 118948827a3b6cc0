package io.appbox.e2e;

import static io.appbox.e2e.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.appbox.core.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * Every command's real {@code --json} output, success and failure, validated against the schemas in
 * {@code docs/schemas} with a real JSON Schema validator: the envelope or each JSON Lines event,
 * then the command's data. One Debian box on rootless Podman serves the whole class; the package
 * commands use Debian's real mirror.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JsonSchemaTest {
  /** Commands that write JSON Lines: progress events, then one result event (docs/json.md). */
  private static final Set<String> LONG_OPERATIONS =
      Set.of(
          "create",
          "install",
          "remove",
          "autoremove",
          "update",
          "upgrade",
          "rollback",
          "rename",
          "image-build",
          "apply");

  /** SPEC section 5: the exit status that goes with each error code. */
  private static final Map<ErrorCode, Integer> EXIT_STATUS =
      Map.ofEntries(
          Map.entry(ErrorCode.INVALID_INPUT, 2),
          Map.entry(ErrorCode.BOX_NOT_FOUND, 3),
          Map.entry(ErrorCode.PACKAGE_NOT_FOUND, 3),
          Map.entry(ErrorCode.PROFILE_NOT_FOUND, 3),
          Map.entry(ErrorCode.IMAGE_NOT_FOUND, 3),
          Map.entry(ErrorCode.EXPORT_NOT_FOUND, 3),
          Map.entry(ErrorCode.SNAPSHOT_NOT_FOUND, 3),
          Map.entry(ErrorCode.HOST_COMMAND_NOT_FOUND, 3),
          Map.entry(ErrorCode.ENGINE_UNREACHABLE, 4),
          Map.entry(ErrorCode.ENGINE_UNSUPPORTED, 4),
          Map.entry(ErrorCode.BOX_EXISTS, 5),
          Map.entry(ErrorCode.EXPORT_CONFLICT, 5),
          Map.entry(ErrorCode.HOST_COMMAND_CONFLICT, 5),
          Map.entry(ErrorCode.LOCKED, 5),
          Map.entry(ErrorCode.PACKAGE_MANAGER_FAILED, 6),
          Map.entry(ErrorCode.ENGINE_FAILED, 1),
          Map.entry(ErrorCode.FAILED, 1));

  private static final String MISSING_BOX = "e2e-missing-box";
  private static final String MISSING_PACKAGE = "no-such-package-appbox-e2e";

  private final JsonSchemas schemas = new JsonSchemas();

  /** The commands whose success, and whose failure, this class has validated. */
  private final Set<String> succeeded = new TreeSet<>();

  private final Set<String> failed = new TreeSet<>();
  private final List<String> snapshotImages = new ArrayList<>();
  private Sandbox s;
  private String box;

  @BeforeAll
  void sandbox() {
    s = Sandbox.on(Engine.ROOTLESS_PODMAN);
    box = s.newBox();
  }

  @AfterAll
  void close() {
    // Before the sandbox goes: its commands run in its home.
    snapshotImages.forEach(image -> s.engineCli("rmi", "-f", image));
    s.close();
  }

  @Test
  void everyCommandHasADataSchemaAndEverySchemaACommand() {
    List<String> commands = CliCommandNames.all();
    assertThat(commands).contains("list", "install", "image-build");
    assertThat(schemas.commands())
        .as("docs/schemas/commands/NAME.schema.json for every command of Commands.java")
        .containsExactlyInAnyOrderElementsOf(commands);
  }

  @Test
  void everySchemaIsAValidDraft202012Schema() {
    assertThat(schemas.files()).contains("envelope.schema.json", "event.schema.json");
    for (String file : schemas.files()) {
      assertThat(schemas.read(file).path("$schema").asString())
          .as(file)
          .isEqualTo(JsonSchemas.DRAFT_2020_12);
      assertThat(schemas.metaProblems(file)).as(file).isEmpty();
    }
  }

  @Test
  void theEnvelopeNamesEveryErrorCodeOfTheCore() {
    List<String> inSchema = new ArrayList<>();
    for (JsonNode code : schemas.read("envelope.schema.json").at("/$defs/errorCode/enum")) {
      inSchema.add(code.asString());
    }
    assertThat(inSchema)
        .containsExactlyElementsOf(Arrays.stream(ErrorCode.values()).map(Enum::name).toList());
    assertThat(EXIT_STATUS).containsOnlyKeys(ErrorCode.values());
  }

  @Test
  void theVersionInJsonNamesTheCommitAndTheBundledRuntime() {
    CommandResult r =
        s.as(List.of(TestEnvironment.appbox().toString(), "--version", "--json"), null, 60);
    assertThat(r).succeeded();
    JsonNode doc = JsonSchemas.parse(r.stdout().strip());
    schemas.assertValid("version.schema.json", doc, "appbox --version --json");
    String release =
        TestEnvironment.appbox().getParent().getParent().resolve("runtime/release").toString();
    CommandResult bundled = s.host("sed", "-n", "s/^JAVA_VERSION=\"\\(.*\\)\"$/\\1/p", release);
    assertThat(bundled.stdout()).as(bundled.toString()).isNotBlank();
    assertThat(doc.at("/data/runtime").asString()).startsWith(bundled.stdout().strip());
  }

  @Test
  @Order(1)
  void boxCommands() {
    JsonNode created = ok("create", box);
    assertThat(created.path("name").asString()).isEqualTo(box);
    assertThat(created.path("status").asString()).isEqualTo("running");
    fails(ErrorCode.BOX_EXISTS, "create", box);
    fails(ErrorCode.INVALID_INPUT, "create", "not a box name");

    assertThat(values(ok("list"), "name")).contains(box);
    fails(ErrorCode.INVALID_INPUT, "list", "--no-such-option");
    // The test user may not use Docker's socket: no engine is reachable.
    failed(
        ErrorCode.ENGINE_UNREACHABLE,
        "list",
        s.appboxRaw(Map.of(), "--engine", "docker", "--json", "list"));

    assertThat(ok("stop", box).path("status").asString()).isEqualTo("stopped");
    fails(ErrorCode.BOX_NOT_FOUND, "stop", MISSING_BOX);
    assertThat(ok("start", box).path("status").asString()).isEqualTo("running");
    fails(ErrorCode.BOX_NOT_FOUND, "start", MISSING_BOX);
  }

  @Test
  @Order(2)
  void profilesAndImageBuild() throws IOException {
    String debian =
        Files.readString(
            TestEnvironment.repository()
                .resolve(
                    "distro-profiles/src/main/resources/io/appbox/profiles/builtin/debian.yaml"));
    // Debian's profile with an image of one extracted package: a real bootstrap in seconds.
    String tiny =
        replace(debian, "(?m)^id: debian$", "id: tiny")
            .replaceFirst("(?m)^name: .*$", "name: Tiny Debian")
            .replaceFirst("(?m)^  variant: .*$", "  variant: extract")
            .replaceFirst("(?m)^  include: .*$", "  include: [base-files]");
    s.write(".config/appbox/profiles/tiny.yaml", tiny);
    String noRecipe = replace(tiny, "(?m)^id: tiny$", "id: no-recipe");
    noRecipe = replace(noRecipe, "(?m)^bootstrap:\\n(?:  .*\\n)+", "");
    s.write(".config/appbox/profiles/no-recipe.yaml", noRecipe);

    JsonNode profiles = ok("profiles");
    assertThat(values(profiles, "id")).contains("debian", "tiny", "no-recipe");
    for (JsonNode p : profiles) {
      if (p.path("id").asString().equals("tiny")) {
        assertThat(p.path("bootstrap").asBoolean()).isTrue();
        assertThat(p.path("source").asString()).endsWith("/tiny.yaml");
      }
    }
    s.write(".config/appbox/presets/tools.yaml", "distro: debian\npackages: [hello]\n");
    JsonNode presets = ok("presets");
    assertThat(values(presets, "name")).containsExactly("tools");
    assertThat(presets.at("/0/packages/0").asString()).isEqualTo("hello");
    s.write("broken-config/appbox/presets/broken.yaml", "pakages: [hello]\n");
    fails(
        ErrorCode.INVALID_INPUT,
        Map.of("XDG_CONFIG_HOME", s.home().resolve("broken-config").toString()),
        "presets");

    s.write("broken-config/appbox/profiles/broken.yaml", "id: [\n");
    fails(
        ErrorCode.INVALID_INPUT,
        Map.of("XDG_CONFIG_HOME", s.home().resolve("broken-config").toString()),
        "profiles");

    String tag = "localhost/appbox-e2e/tiny:" + box;
    try {
      JsonNode built = ok("image", "build", "tiny", "--tag", tag);
      assertThat(built.path("image").asString()).isEqualTo(tag);
      assertThat(built.path("distro").asString()).isEqualTo("tiny");
    } finally {
      s.engineCli("rmi", "-f", tag);
    }
    fails(ErrorCode.PROFILE_NOT_FOUND, "image", "build", "no-such-distro");
    fails(ErrorCode.INVALID_INPUT, "image", "build", "no-recipe");
  }

  @Test
  @Order(3)
  void packageCommands() {
    assertThat(values(ok("update", "--box", box).path("updated"), null)).containsExactly(box);
    fails(ErrorCode.INVALID_INPUT, "update", "--box", box, "--all");
    fails(ErrorCode.BOX_NOT_FOUND, "update", "--box", MISSING_BOX);

    assertThat(values(ok("search", "--box", box, "hello"), "name")).contains("hello");
    fails(ErrorCode.INVALID_INPUT, "search", "--box", box, "--", "-x");

    JsonNode hello = ok("show", "--box", box, "hello");
    assertThat(hello.path("name").asString()).isEqualTo("hello");
    assertThat(hello.at("/fields/Package").asString()).isEqualTo("hello");
    fails(ErrorCode.PACKAGE_NOT_FOUND, "show", "--box", box, MISSING_PACKAGE);

    JsonNode installed = ok("install", "--box", box, "htop");
    assertThat(installed.path("box").asString()).isEqualTo(box);
    assertThat(installed.at("/installed/0/name").asString()).isEqualTo("htop");
    assertThat(installed.at("/installed/0/version").asString()).matches("\\d.*");
    assertThat(values(installed.path("exported"), "name")).contains("htop");
    fails(ErrorCode.PACKAGE_NOT_FOUND, "install", "--box", box, MISSING_PACKAGE);
    fails(ErrorCode.INVALID_INPUT, "install", "--box", box, "--", "-x");

    assertThat(values(ok("packages", "--box", box), "name")).contains("htop", "bash");
    fails(ErrorCode.BOX_NOT_FOUND, "packages", "--box", MISSING_BOX);
  }

  @Test
  @Order(4)
  void exportCommandsAndDoctor() {
    String command = "htop-" + box;
    JsonNode bin = ok("export", "--box", box, "--bin", "/usr/bin/htop", "--as", command);
    assertThat(bin.path("kind").asString()).isEqualTo("bin");
    assertThat(bin.at("/files/0").asString()).isEqualTo(s.home() + "/.local/bin/" + command);
    fails(ErrorCode.EXPORT_CONFLICT, "export", "--box", box, "--bin", "/usr/bin/ls");
    fails(ErrorCode.EXPORT_NOT_FOUND, "export", "--box", box, "--app", "no-such-app");
    fails(ErrorCode.INVALID_INPUT, "export", "--box", box, "--app", "htop", "--as", "top");

    JsonNode exports = ok("exports", "--box", box);
    assertThat(values(exports, "name")).contains("htop", command);
    assertThat(values(exports, "state")).containsOnly("ok");
    fails(ErrorCode.INVALID_INPUT, "exports", "--box", "not a box name");

    assertThat(ok("doctor").path("ok").asBoolean()).isTrue();
    // A failed check: the command still succeeds (ok, its data says which check failed), exit 1.
    CommandResult unwell = appbox(Map.of("PATH", "/usr/bin:/bin"), "doctor");
    JsonNode report = checked("doctor", unwell);
    assertThat(unwell).exitedWith(1);
    assertThat(report.path("ok").asBoolean()).isTrue();
    assertThat(report.at("/data/ok").asBoolean()).isFalse();
    fails(ErrorCode.INVALID_INPUT, "doctor", "--no-such-option");

    JsonNode unexported = ok("unexport", "--box", box, "--bin", command);
    assertThat(values(unexported.path("unexported"), "name")).containsExactly(command);
    fails(ErrorCode.EXPORT_NOT_FOUND, "unexport", "--box", box, "--bin", command);
  }

  @Test
  @Order(5)
  void removeUpgradeSnapshotsAndRollback() {
    JsonNode removed = ok("remove", "--box", box, "htop");
    assertThat(values(removed.path("removed"), "name")).containsExactly("htop");
    assertThat(removed.at("/removed/0/asked").asBoolean()).isTrue();
    assertThat(values(removed.path("unexported"), "name")).containsExactly("htop");
    // htop's libraries, installed for it, are what nothing needs any more.
    fails(ErrorCode.INVALID_INPUT, "autoremove", "--box", box);
    JsonNode autoremoved = ok("autoremove", "--yes", "--box", box);
    assertThat(values(autoremoved.path("removed"), "name")).contains("libnl-3-200");
    fails(ErrorCode.BOX_NOT_FOUND, "autoremove", MISSING_BOX);
    fails(ErrorCode.PACKAGE_NOT_FOUND, "remove", "--box", box, "htop");
    fails(ErrorCode.BOX_NOT_FOUND, "remove", "--box", MISSING_BOX, "htop");
    fails(ErrorCode.BOX_NOT_FOUND, "autoremove", "--box", MISSING_BOX);

    BoxFixture fx = new BoxFixture(s, box);
    fx.installUpgradable("1.0");
    fx.offerUpgrade("2.0");
    JsonNode upgraded = ok("upgrade", "--box", box);
    assertThat(upgraded.at("/upgraded/0/changed/0/to").asString()).isEqualTo("2.0");
    assertThat(values(upgraded.path("upgraded"), "box")).containsExactly(box);
    String snapshot = upgraded.at("/upgraded/0/snapshot").asString();
    fails(ErrorCode.INVALID_INPUT, "upgrade", "--box", box, "--all");
    // Right after an upgrade there is nothing to upgrade: no snapshot is kept.
    JsonNode nothing = ok("upgrade", "--box", box);
    assertThat(nothing.at("/upgraded/0/snapshot").isNull()).isTrue();
    assertThat(nothing.at("/upgraded/0/changed").size()).isZero();

    JsonNode snapshots = ok("snapshots", box);
    assertThat(values(snapshots, "name")).contains(snapshot);
    snapshotImages.addAll(values(snapshots, "image"));
    fails(ErrorCode.BOX_NOT_FOUND, "snapshots", MISSING_BOX);

    JsonNode rolledBack = ok("rollback", box, "--to", snapshot);
    assertThat(rolledBack.at("/snapshot/name").asString()).isEqualTo(snapshot);
    assertThat(rolledBack.at("/discarded/changed/0/from").asString()).isEqualTo("1.0");
    fails(ErrorCode.SNAPSHOT_NOT_FOUND, "rollback", box, "--to", "no-such-snapshot");
    fails(ErrorCode.BOX_NOT_FOUND, "rollback", MISSING_BOX);
  }

  @Test
  @Order(6)
  void autoUpdate() {
    JsonNode enabled = ok("auto-update", "enable");
    assertThat(enabled.path("enabled").asBoolean()).isTrue();
    assertThat(enabled.path("timer").asString())
        .isEqualTo(s.home() + "/.config/systemd/user/appbox-auto-update.timer");
    assertThat(ok("auto-update", "status").path("enabled").asBoolean()).isTrue();
    assertThat(ok("auto-update", "disable").path("enabled").asBoolean()).isFalse();
    fails(ErrorCode.INVALID_INPUT, "auto-update", "enable", "--on-calendar", "$(id)");
    fails(ErrorCode.INVALID_INPUT, "auto-update", "sometimes");
  }

  @Test
  @Order(7)
  void applyExportManifestAndCompletion() {
    String other = box + "-new";
    s.write("data/.keep", "");
    String mine =
        """
        boxes:
          %1$s:
            packages: [hello]
            export:
              bins:
                - path: /usr/bin/hello
                  as: hello-%1$s
        """
            .formatted(box);
    String theirs =
        """
          %1$s:
            distro: debian
            home: ~/other-home
            volumes: ["~/data:/data:ro"]
            init: [[sh, -c, "echo made"]]
            entry: true
            packages: [htop]
            export:
              apps: [htop]
              bins: [/usr/bin/htop]
        """
            .formatted(other);
    JsonNode plan = ok("apply", "-f", manifest("plan.yaml", mine + theirs), "--dry-run");
    assertThat(plan.path("dryRun").asBoolean()).isTrue();
    assertThat(values(plan.path("changes"), "action"))
        .contains("install", "export-bin", "create", "export-entry", "export-app");
    assertThat(s.containerNames()).doesNotContain(other);

    String file = manifest("mine.yaml", mine);
    JsonNode applied = ok("apply", "-f", file);
    assertThat(values(applied.path("changes"), "action")).containsExactly("install", "export-bin");
    assertThat(ok("apply", "-f", file).path("count").asInt()).isZero();
    JsonNode prune =
        ok(
            "apply",
            "-f",
            manifest("empty.yaml", "boxes:\n  " + box + ": {}\n"),
            "--prune",
            "--dry-run");
    assertThat(values(prune.path("changes"), "action")).contains("unexport", "remove-packages");
    fails(ErrorCode.INVALID_INPUT, "apply", "-f", manifest("broken.yaml", "boxes: [\n"));
    fails(ErrorCode.INVALID_INPUT, "apply");

    JsonNode exported = ok("export-manifest", box);
    assertThat(exported.path("file").isNull()).isTrue();
    assertThat(values(exported.at("/manifest/boxes/" + box + "/packages"), null)).contains("hello");
    assertThat(exported.path("yaml").asString()).contains("hello-" + box);
    String out = s.home().resolve("manifests/exported.yaml").toString();
    assertThat(ok("export-manifest", "-o", out, box).path("file").asString()).isEqualTo(out);
    fails(ErrorCode.BOX_NOT_FOUND, "export-manifest", MISSING_BOX);

    assertThat(ok("completion", "bash").path("script").asString()).contains("appbox");
    fails(ErrorCode.INVALID_INPUT, "completion");
  }

  @Test
  @Order(8)
  void runAndEnterHandTheirOutputToTheCommand() {
    CommandResult ran = appbox(Map.of(), "run", box, "--", "printf", "%s\\n", "not JSON");
    assertThat(ran).succeeded();
    assertThat(ran.stdout()).isEqualTo("not JSON\n");
    CommandResult exit = appbox(Map.of(), "run", box, "--", "sh", "-c", "exit 7");
    assertThat(exit).exitedWith(7);
    assertThat(exit.stdout()).isEmpty();
    succeeded.add("run");
    fails(ErrorCode.BOX_NOT_FOUND, "run", MISSING_BOX, "--", "true");
    fails(ErrorCode.INVALID_INPUT, "run", box);

    CommandResult entered =
        s.appboxWithInput(
            "echo in-the-box; exit 4\n".getBytes(StandardCharsets.UTF_8), "--json", "enter", box);
    assertThat(entered).exitedWith(4);
    assertThat(entered.stdout()).contains("in-the-box").doesNotContain("\"ok\"");
    succeeded.add("enter");
    fails(ErrorCode.BOX_NOT_FOUND, "enter", MISSING_BOX);
  }

  @Test
  @Order(9)
  void hostCommands() {
    JsonNode added = ok("host-command", "add", box, "podman");
    assertThat(added.path("path").asString()).isEqualTo("/usr/local/bin/podman");
    fails(ErrorCode.INVALID_INPUT, "host-command", "add", box, "../podman");
    fails(ErrorCode.BOX_NOT_FOUND, "host-command", "add", MISSING_BOX, "podman");
    assertThat(values(ok("host-command", "list", box), "name")).containsExactly("podman");
    assertThat(values(ok("host-command", "list"), "box")).contains(box);
    fails(ErrorCode.BOX_NOT_FOUND, "host-command", "list", MISSING_BOX);
    assertThat(ok("host-command", "remove", box, "podman").path("name").asString())
        .isEqualTo("podman");
    fails(ErrorCode.HOST_COMMAND_NOT_FOUND, "host-command", "remove", box, "podman");
  }

  @Test
  @Order(10)
  void rmRemovesTheBoxAndItsExports() {
    String command = "dpkg-" + box;
    ok("export", "--box", box, "--bin", "/usr/bin/dpkg", "--as", command);
    String renamed = s.boxNamed(box + "-r");
    JsonNode away = ok("rename", box, renamed);
    assertThat(away.at("/box/name").asString()).isEqualTo(renamed);
    assertThat(values(away.at("/exports"), "name")).contains(command, "hello-" + box);
    fails(ErrorCode.BOX_NOT_FOUND, "rename", MISSING_BOX, box);
    ok("rename", renamed, box);
    JsonNode removed = ok("rm", "--force", box);
    assertThat(removed.at("/removed/0/box").asString()).isEqualTo(box);
    assertThat(values(removed.at("/removed/0/exportsRemoved"), "name"))
        .contains(command, "hello-" + box);
    fails(ErrorCode.BOX_NOT_FOUND, "rm", box);
  }

  /** --json --help: one document describing the command, for long operations too. */
  @Test
  @Order(3)
  void helpIsOneDocumentDescribingTheCommand() {
    for (List<String> args :
        List.of(
            List.of("--help"),
            List.of("search", "--help"),
            List.of("install", "--help"),
            List.of("image", "build", "--help"))) {
      CommandResult r = appbox(Map.of(), args.toArray(String[]::new));
      assertThat(r).succeeded();
      assertThat(r.stdout().lines()).as(r.toString()).hasSize(1);
      JsonNode doc = JsonSchemas.parse(r.stdout().strip());
      schemas.assertValid("envelope.schema.json", doc, "help " + args);
      schemas.assertValid("help.schema.json", doc.path("data"), "help " + args);
    }
  }

  @Test
  @Order(11)
  void everyCommandsSuccessAndFailureWereValidated() {
    List<String> commands = CliCommandNames.all();
    assertThat(succeeded)
        .as("commands whose success this class validated (run it whole)")
        .containsAll(commands);
    assertThat(failed)
        .as("commands whose failure this class validated (run it whole)")
        .containsAll(commands);
  }

  /** Runs {@code appbox --json ARGS}, which must succeed; its data, validated. */
  private JsonNode ok(String... args) {
    CommandResult r = appbox(Map.of(), args);
    JsonNode doc = checked(commandOf(args), r);
    assertThat(doc.path("ok").asBoolean()).as(r.toString()).isTrue();
    assertThat(r).succeeded();
    return doc.path("data");
  }

  /** Runs {@code appbox --json ARGS}, which must fail with this code; its error, validated. */
  private JsonNode fails(ErrorCode code, String... args) {
    return fails(code, Map.of(), args);
  }

  private JsonNode fails(ErrorCode code, Map<String, String> env, String... args) {
    return failed(code, commandOf(args), appbox(env, args));
  }

  private JsonNode failed(ErrorCode code, String command, CommandResult r) {
    JsonNode doc = checked(command, r);
    assertThat(doc.path("ok").asBoolean()).as(r.toString()).isFalse();
    assertThat(doc.at("/error/code").asString()).as(r.toString()).isEqualTo(code.name());
    return doc.path("error");
  }

  /**
   * Checks everything a --json run printed on standard output: one envelope, or for a long
   * operation JSON Lines of progress events and one result event; then the data by the command's
   * schema, or that the exit status is the one the error code stands for. Returns the final
   * document.
   */
  private JsonNode checked(String command, CommandResult r) {
    assertThat(r.stdout()).as(r.toString()).endsWith("\n");
    List<String> lines = r.stdout().lines().toList();
    JsonNode last = JsonSchemas.parse(lines.get(lines.size() - 1));
    if (LONG_OPERATIONS.contains(command)) {
      for (String line : lines.subList(0, lines.size() - 1)) {
        JsonNode event = JsonSchemas.parse(line);
        schemas.assertValid("event.schema.json", event, command + " line " + line);
        assertThat(event.path("event").asString()).as(line).isEqualTo("progress");
      }
      // Even a failure before the work starts (bad usage, no such box) ends in a result event.
      schemas.assertValid("event.schema.json", last, command + " result");
      assertThat(last.path("event").asString()).as(r.toString()).isEqualTo("result");
    } else {
      assertThat(lines).as("exactly one JSON document: " + r).hasSize(1);
      schemas.assertValid("envelope.schema.json", last, command);
    }
    if (last.path("ok").asBoolean()) {
      schemas.assertValid(
          "commands/" + command + ".schema.json", last.path("data"), command + " data");
      succeeded.add(command);
    } else {
      ErrorCode code = ErrorCode.valueOf(last.at("/error/code").asString());
      assertThat(r.exitCode())
          .as("exit status of " + code + ": " + r)
          .isEqualTo(EXIT_STATUS.get(code));
      failed.add(command);
    }
    return last;
  }

  private CommandResult appbox(Map<String, String> env, String... args) {
    List<String> argv = new ArrayList<>();
    argv.add(TestEnvironment.appbox().toString());
    argv.addAll(s.engineFlag());
    argv.add("--json");
    argv.addAll(Arrays.asList(args));
    return s.as(argv, null, 900, env);
  }

  /** The schema name of a command line: {@code image build ...} is {@code image-build}. */
  private String commandOf(String... args) {
    if (args.length > 1 && schemas.commands().contains(args[0] + "-" + args[1])) {
      return args[0] + "-" + args[1];
    }
    return args[0];
  }

  /** A field of every element of an array, or the elements themselves when field is null. */
  private static List<String> values(JsonNode array, String field) {
    assertThat(array.isArray()).as("an array: " + array).isTrue();
    List<String> out = new ArrayList<>();
    for (JsonNode element : array) {
      out.add(field == null ? element.asString() : element.path(field).asString());
    }
    return out;
  }

  /** Writes a manifest into the sandbox; its path. */
  private String manifest(String name, String text) {
    s.write("manifests/" + name, text);
    return s.home().resolve("manifests/" + name).toString();
  }

  private static String replace(String text, String regex, String replacement) {
    String replaced = text.replaceFirst(regex, replacement);
    assertThat(replaced).as("%s in%n%s", regex, text).isNotEqualTo(text);
    return replaced;
  }
}
