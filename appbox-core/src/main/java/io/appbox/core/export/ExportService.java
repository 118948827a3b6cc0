package io.appbox.core.export;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.ErrorCode;
import io.appbox.core.Quote;
import io.appbox.core.box.BoxLabels;
import io.appbox.core.box.BoxService;
import io.appbox.core.engine.ContainerEngine;
import io.appbox.core.engine.ContainerState;
import io.appbox.core.exported.Export;
import io.appbox.core.exported.ExportKind;
import io.appbox.core.exported.ExportRegistry;
import io.appbox.core.exported.ExportRemoval;
import io.appbox.core.host.Host;
import io.appbox.core.pkg.PackageService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Exports: a box's desktop applications and commands made part of the host, and taken away again
 * exactly. Applications are found by a package's file list or by their exact desktop-file id, never
 * by a substring.
 */
public final class ExportService {
  /** A desktop file of a package: its id is the path under applications/, with '/' as '-'. */
  private static final Pattern DESKTOP_FILE =
      Pattern.compile(
          "^/usr(?:/local)?/share/applications/([A-Za-z0-9_][A-Za-z0-9_.-]*(?:/[A-Za-z0-9_][A-Za-z0-9_.-]*)*)\\.desktop$");

  private static final Pattern DESKTOP_ID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.+-]{0,159}");
  private static final int MAX_DESKTOP_FILE = 1 << 20;

  /** The login shell the terminal menu entry of {@code create --entry} opens. */
  private static final String TERMINAL_ENTRY_SOURCE = "/etc/appbox/login";

  /** Where {@code --bin NAME} looks: the box's PATH, with the games a Debian login shell adds. */
  static final List<String> SEARCH_PATH =
      List.of(
          "/usr/local/sbin",
          "/usr/local/bin",
          "/usr/sbin",
          "/usr/bin",
          "/sbin",
          "/bin",
          "/usr/local/games",
          "/usr/games");

  private final ContainerEngine engine;
  private final BoxService boxes;
  private final PackageService packages;
  private final ExportRegistry registry;
  private final ExportRemoval removal;
  private final DesktopExporter exporter;
  private final Launchers launchers;
  private final Host host;
  private final Path binDir;

  public ExportService(
      ContainerEngine engine,
      BoxService boxes,
      PackageService packages,
      ExportRegistry registry,
      ExportRemoval removal,
      DesktopExporter exporter,
      Launchers launchers,
      Host host,
      Path binDir) {
    this.engine = engine;
    this.boxes = boxes;
    this.packages = packages;
    this.registry = registry;
    this.removal = removal;
    this.exporter = exporter;
    this.launchers = launchers;
    this.host = host;
    this.binDir = binDir;
  }

  /**
   * Exports every desktop application a package installed. A desktop file appbox refuses (broken or
   * hostile) does not stop the others; it becomes a warning.
   */
  public List<ExportOutcome> exportPackageApps(BoxName name, String pkg) {
    ContainerState box = boxes.running(name);
    ExecBoxFiles files = files(box);
    List<String> packageFiles;
    if (DESKTOP_ID.matcher(pkg).matches()) {
      // Most packages name their application and its icon after themselves: those are read in the
      // command that lists the package's files, and the host's themes looked through meanwhile,
      // so the export needs no command of its own when they are the ones.
      exporter.lookForHostIcon(pkg);
      String entry = "/usr/share/applications/" + pkg + ".desktop";
      packageFiles =
          packages.files(
              box,
              pkg,
              (argv, environment) ->
                  files.runThenRead(argv, environment, entry, MAX_DESKTOP_FILE, pkg));
    } else {
      packageFiles = packages.files(box, pkg);
    }
    Map<String, String> apps = new LinkedHashMap<>(); // desktop file -> its id
    for (String path : packageFiles) {
      Matcher m = DESKTOP_FILE.matcher(path);
      if (m.matches()) {
        apps.put(path, m.group(1).replace('/', '-'));
      }
    }
    files.readAhead(apps.keySet(), MAX_DESKTOP_FILE);
    List<ExportOutcome> outcomes = new ArrayList<>();
    for (Map.Entry<String, String> app : apps.entrySet()) {
      String id = app.getValue();
      try {
        outcomes.add(exportApp(box, files, id, app.getKey(), pkg));
      } catch (AppboxException e) {
        if (e.code() != ErrorCode.INVALID_INPUT && e.code() != ErrorCode.EXPORT_CONFLICT) {
          throw e;
        }
        outcomes.add(
            new ExportOutcome(null, List.of("Did not export " + id + ": " + e.getMessage())));
      }
    }
    return outcomes;
  }

  /**
   * Exports one application: the one whose desktop-file id is exactly {@code app} ({@code htop} or
   * {@code htop.desktop}), else the one application of the package named {@code app}.
   */
  public ExportOutcome exportApp(BoxName name, String app) {
    String desktopId =
        app != null && app.endsWith(".desktop")
            ? app.substring(0, app.length() - ".desktop".length())
            : app;
    if (desktopId == null || !DESKTOP_ID.matcher(desktopId).matches()) {
      throw AppboxException.invalid(
          "Desktop-file id " + Quote.of(app) + " is not valid.",
          "Give the id as the file is named (htop or htop.desktop), or the package:"
              + " appbox export --box "
              + name
              + " --app htop");
    }
    ContainerState box = boxes.running(name);
    BoxFiles files = files(box);
    for (String dir : List.of("/usr/share/applications/", "/usr/local/share/applications/")) {
      String path = dir + desktopId + ".desktop";
      if (files.isReadableFile(path)) {
        return exportApp(box, files, desktopId, path, packages.owner(box, path));
      }
    }
    List<String[]> ofPackage = new ArrayList<>();
    for (String path : packages.files(box, desktopId)) {
      Matcher m = DESKTOP_FILE.matcher(path);
      if (m.matches()) {
        ofPackage.add(new String[] {m.group(1).replace('/', '-'), path});
      }
    }
    if (ofPackage.size() == 1) {
      return exportApp(box, files, ofPackage.get(0)[0], ofPackage.get(0)[1], desktopId);
    }
    if (ofPackage.size() > 1) {
      List<String> ids = ofPackage.stream().map(a -> a[0]).toList();
      throw AppboxException.invalid(
          "Package "
              + desktopId
              + " has "
              + ofPackage.size()
              + " applications: "
              + String.join(", ", ids)
              + ".",
          "Name one: appbox export --box " + name + " --app " + ids.get(0));
    }
    throw new AppboxException(
        ErrorCode.EXPORT_NOT_FOUND,
        "Box "
            + name
            + " has no application "
            + desktopId
            + " (no "
            + desktopId
            + ".desktop in /usr/share/applications or /usr/local/share/applications, and no"
            + " package of that name with an application).",
        files.isDirectory("/usr/share/applications")
            ? "List the box's applications: appbox run " + name + " -- ls /usr/share/applications"
            : "Install the package that has it first; look for it: appbox search --box "
                + name
                + " "
                + desktopId);
  }

  private ExportOutcome exportApp(
      ContainerState box, BoxFiles files, String desktopId, String path, String pkg) {
    byte[] content = files.read(path, MAX_DESKTOP_FILE);
    if (content.length > MAX_DESKTOP_FILE) {
      throw AppboxException.invalid(
          "Desktop file " + path + " is larger than 1 MiB; appbox does not export it.",
          "A real desktop file is a few kilobytes; check the package.");
    }
    return exporter.exportApp(
        new AppExportRequest(
            box.name(),
            engine.info().id(),
            desktopId,
            pkg,
            path,
            content,
            launchers.forBox(box),
            null),
        files);
  }

  /**
   * Adds a menu entry that opens a terminal with a login shell in the box ({@code create --entry}).
   * It is recorded like an application, under the id {@code terminal}.
   */
  public ExportOutcome exportTerminalEntry(BoxName name) {
    ContainerState box = boxes.running(name);
    String entry =
        "[Desktop Entry]\n"
            + "Type=Application\n"
            + "Name=Terminal\n"
            + "Comment=A login shell in box "
            + name
            + "\n"
            + "Exec="
            + TERMINAL_ENTRY_SOURCE
            + "\n"
            + "Terminal=true\n"
            + "Categories=System;\n";
    return exporter.exportApp(
        new AppExportRequest(
            box.name(),
            engine.info().id(),
            "terminal",
            "",
            TERMINAL_ENTRY_SOURCE,
            entry.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            launchers.forBox(box),
            null),
        files(box));
  }

  /**
   * Exports an executable of the box as a command in {@code ~/.local/bin}: {@code path} is
   * absolute, or a program's name, found on the box's search path as a login shell of the box has
   * it.
   */
  public ExportOutcome exportBin(BoxName name, String program, Optional<String> as) {
    CommandToExport c =
        CommandToExport.resolve(
            name, program, as, () -> files(boxes.running(name)), this::onHostPath);
    ContainerState box = boxes.running(name);
    return exporter.exportCommand(
        new CommandExportRequest(
            box.name(),
            engine.info().id(),
            c.command(),
            packages.owner(box, c.path()),
            c.path(),
            launchers.forBox(box)));
  }

  /** A program of this name elsewhere on the host's PATH than appbox's own export directory. */
  private Optional<Path> onHostPath(String command) {
    String path = host.environment().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
    for (String dir : path.split(":")) {
      if (dir.isEmpty()
          || !dir.startsWith("/")
          || Path.of(dir).normalize().equals(binDir.normalize())) {
        continue;
      }
      Path candidate = Path.of(dir, command);
      if (host.exists(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  public List<Export> unexportApp(BoxName box, String desktopId) {
    return removeOrNotFound(
        e -> e.kind() == ExportKind.APP && e.name().equals(desktopId),
        box,
        "application " + desktopId);
  }

  public List<Export> unexportBin(BoxName box, String command) {
    return removeOrNotFound(
        e -> e.kind() == ExportKind.BIN && e.name().equals(command), box, "command " + command);
  }

  /** Unexports what the packages exported; nothing when they exported nothing. */
  public List<Export> unexportPackages(BoxName box, Set<String> pkgs) {
    String id = engine.info().id();
    return removal.remove(e -> e.isFrom(id, box) && !e.pkg().isEmpty() && pkgs.contains(e.pkg()));
  }

  private List<Export> removeOrNotFound(Predicate<Export> what, BoxName box, String described) {
    String id = engine.info().id();
    List<Export> removed = removal.remove(e -> e.isFrom(id, box) && what.test(e));
    if (removed.isEmpty()) {
      throw new AppboxException(
          ErrorCode.EXPORT_NOT_FOUND,
          "Box " + box + " has no exported " + described + ".",
          "See what is exported: appbox exports --box " + box);
    }
    return removed;
  }

  /** The host side of each export: its box is there, its files are there and still its own. */
  private List<ExportStatus> onHost(Optional<BoxName> only) {
    String id = engine.info().id();
    Set<BoxName> existing =
        engine.list().stream().map(ContainerState::name).collect(Collectors.toSet());
    List<ExportStatus> out = new ArrayList<>();
    for (Export e : registry.all()) {
      if (!e.engine().equals(id) || only.filter(b -> !b.equals(e.box())).isPresent()) {
        continue;
      }
      List<Path> missing = e.files().stream().filter(f -> !host.exists(f)).toList();
      List<Path> overwritten = removal.overwritten(e);
      String state =
          !existing.contains(e.box())
              ? ExportStatus.BOX_GONE
              : !overwritten.isEmpty()
                  ? ExportStatus.FILES_OVERWRITTEN
                  : !missing.isEmpty() ? ExportStatus.FILES_MISSING : ExportStatus.OK;
      out.add(new ExportStatus(e, state, missing, overwritten));
    }
    return out;
  }

  /**
   * Every export of this engine's boxes (or of one box), and whether it still works: the one check
   * that {@code exports}, {@code doctor} and upgrades share. Its box is there, its host files are
   * there and still its own, and, in a running box, its program is still there.
   */
  public List<ExportStatus> list(Optional<BoxName> only) {
    List<ExportStatus> out = new ArrayList<>();
    for (ExportStatus s : onHost(only)) {
      if (!s.state().equals(ExportStatus.OK)) {
        out.add(s);
        continue;
      }
      Optional<ContainerState> box =
          engine.inspect(s.export().box()).filter(ContainerState::running);
      if (box.isEmpty() || !box.get().labels().containsKey(BoxLabels.MANAGER)) {
        out.add(s);
        continue;
      }
      BoxFiles files = files(box.get());
      boolean present =
          s.export().kind() == ExportKind.BIN
              ? files.isExecutable(s.export().source())
              : files.isReadableFile(s.export().source());
      out.add(present ? s : new ExportStatus(s.export(), ExportStatus.PROGRAM_GONE, List.of()));
    }
    return out;
  }

  /**
   * Writes an export's host files again from its box, as it was exported: the desktop entry and
   * icons of an application, the wrapper of a command, the box's launcher they share. Starts the
   * box when it is stopped.
   */
  public ExportOutcome recreate(Export e) {
    ContainerState box = boxes.running(e.box());
    if (e.kind() == ExportKind.ENTRY
        || e.kind() == ExportKind.APP && e.source().equals(TERMINAL_ENTRY_SOURCE)) {
      return exportTerminalEntry(e.box());
    }
    if (e.kind() == ExportKind.BIN) {
      return exportBin(e.box(), e.source(), Optional.of(e.name()));
    }
    BoxFiles files = files(box);
    if (!files.isReadableFile(e.source())) {
      throw new AppboxException(
          ErrorCode.EXPORT_NOT_FOUND,
          "Box " + e.box() + " has no " + e.source() + " any more.",
          "Remove the export: appbox unexport --box " + e.box() + " --app " + e.name());
    }
    return exportApp(box, files, e.name(), e.source(), e.pkg());
  }

  /**
   * Removes the exports whose box or program is gone, or whose files were written over (those files
   * stay: they are another export's or the user's); returns them.
   */
  public List<Export> removeBroken(List<ExportStatus> statuses) {
    Set<Export> broken =
        statuses.stream()
            .filter(
                s ->
                    s.state().equals(ExportStatus.BOX_GONE)
                        || s.state().equals(ExportStatus.PROGRAM_GONE)
                        || s.state().equals(ExportStatus.FILES_OVERWRITTEN))
            .map(ExportStatus::export)
            .collect(Collectors.toSet());
    return broken.isEmpty() ? List.of() : removal.remove(broken::contains);
  }

  private ExecBoxFiles files(ContainerState box) {
    return new ExecBoxFiles(engine, box, BoxLabels.engineUser(box.labels()));
  }
}
