package io.appbox.desktop.export;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.Quote;
import io.appbox.desktop.entry.DesktopEntry;
import io.appbox.desktop.entry.DesktopGroup;
import io.appbox.desktop.entry.EntryKey;
import io.appbox.desktop.entry.ExecArgument;
import io.appbox.desktop.entry.ExecLine;
import io.appbox.desktop.entry.GroupLine;
import io.appbox.desktop.entry.ValueEscapes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a box's desktop entry looks on the host: every {@code Exec} (the main one and each action's)
 * runs the original command line through the launcher, field codes and quoting kept; names carry a
 * label; nothing points into the box's file system any more.
 *
 * <p>In detail, {@link #rewrite} makes these changes and no others:
 *
 * <ul>
 *   <li>{@code Exec} becomes the launcher's arguments followed by the original arguments.
 *   <li>{@code TryExec}, {@code DBusActivatable} and {@code Path} (programs, services and
 *       directories of the box, not of the host) are removed.
 *   <li>{@code Name} and every {@code Name[..]} get the label, by default {@code " (BOX)"}.
 *   <li>{@code StartupWMClass} is kept, or set to the original desktop-file id so the windows of
 *       the application still match the entry whose id changed.
 *   <li>{@code Icon} becomes the icon exported for the entry, or goes when there is none; an
 *       action's own icon goes too, unless it is the main icon.
 *   <li>{@code X-Appbox-Box}, {@code X-Appbox-Id} and {@code X-Appbox-Package} say where the entry
 *       came from.
 *   <li>Control characters are removed from every value; a name left empty is refused.
 *   <li>Keys the specification does not know and that do not start with {@code X-} are removed, as
 *       are translations of keys that cannot be translated ({@code Exec[de]}) and localized keys
 *       without their unlocalized key. So are the few extension keys that start the program another
 *       way (as another user, through D-Bus, Flatpak or Snap).
 *   <li>Groups other than {@code [Desktop Entry]} and the actions it lists are removed: an action
 *       group that is not listed, or any other group, may hold commands meant for the box.
 *   <li>{@code SingleMainWindow}, the one key added in version 1.5 of the specification, is removed
 *       and {@code Version=1.5} becomes {@code 1.4}, so that the validators of current stable
 *       distributions (desktop-file-utils 0.26) accept the entry; only a window-manager hint is
 *       lost.
 * </ul>
 *
 * @param box the box the entry comes from
 * @param desktopId the desktop-file id in the box, {@code htop} for {@code htop.desktop}
 * @param pkg the package that installed it, or empty
 * @param launcher the arguments that run a command in the box, before the command's own: the box's
 *     launcher script, such as {@code [/home/u/.local/share/appbox/launchers/podman/dev]}
 * @param nameLabel appended to every name, such as {@code " (dev)"}
 */
public record ExportedEntry(
    BoxName box, String desktopId, String pkg, List<String> launcher, String nameLabel) {
  private static final Pattern DESKTOP_ID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.+-]*");
  private static final int MAX_ID_LENGTH = 160;

  /** Keys of the specification's {@code [Desktop Entry]} group that are kept. */
  private static final Set<String> MAIN_KEYS =
      Set.of(
          "Type",
          "Version",
          "Name",
          "GenericName",
          "NoDisplay",
          "Comment",
          "Icon",
          "Hidden",
          "OnlyShowIn",
          "NotShowIn",
          "Exec",
          "Terminal",
          "Actions",
          "MimeType",
          "Categories",
          "Implements",
          "Keywords",
          "StartupNotify",
          "StartupWMClass",
          "PrefersNonDefaultGPU");

  private static final Set<String> ACTION_KEYS = Set.of("Name", "Icon", "Exec");

  /** Keys of type localestring or iconstring; a translation of any other key is dropped. */
  private static final Set<String> LOCALIZABLE =
      Set.of("Name", "GenericName", "Comment", "Icon", "Keywords");

  /**
   * Extension keys that make a desktop start the program another way than its {@code Exec}: as
   * another user, through D-Bus, Flatpak or Snap. On the host they would bypass the launcher.
   */
  private static final Set<String> DROPPED_EXTENSIONS =
      Set.of(
          "X-KDE-SubstituteUID",
          "X-KDE-Username",
          "X-DBUS-ServiceName",
          "X-DBUS-StartupType",
          "X-Flatpak",
          "X-Flatpak-RenamedFrom",
          "X-SnapInstanceName");

  private static final Set<String> KNOWN_VERSIONS = Set.of("1.0", "1.1", "1.2", "1.3", "1.4");

  public ExportedEntry {
    checkDesktopId(desktopId);
    pkg = pkg == null ? "" : pkg;
    launcher = List.copyOf(launcher);
    if (launcher.isEmpty() || launcher.get(0).isEmpty()) {
      throw new IllegalArgumentException("the launcher names no program");
    }
    for (String arg : launcher) {
      if (ValueEscapes.hasControlCharacter(arg)) {
        throw new IllegalArgumentException("control character in launcher argument " + arg);
      }
    }
    nameLabel =
        ValueEscapes.removeControlCharacters(nameLabel == null ? defaultLabel(box) : nameLabel);
  }

  /** An export with the default label {@code " (BOX)"}. */
  public static ExportedEntry of(BoxName box, String desktopId, String pkg, List<String> launcher) {
    return new ExportedEntry(box, desktopId, pkg, launcher, null);
  }

  public static String defaultLabel(BoxName box) {
    return " (" + box + ")";
  }

  /**
   * Refuses a desktop-file id that cannot be part of a file name: ids are letters, digits, {@code
   * _}, {@code .}, {@code +} and {@code -}, without the {@code .desktop} suffix.
   */
  public static void checkDesktopId(String id) {
    if (id == null || id.length() > MAX_ID_LENGTH || !DESKTOP_ID.matcher(id).matches()) {
      throw AppboxException.invalid(
          "Desktop-file id " + Quote.of(id) + " is not valid.",
          "An id is the desktop file's name without .desktop, such as htop or"
              + " org.gnome.Calculator; it uses letters, digits, '_', '.', '+' and '-'.");
    }
    if (id.endsWith(".desktop")) {
      throw AppboxException.invalid(
          "Desktop-file id " + Quote.of(id) + " ends with .desktop.",
          "Give the id without the suffix, for example " + id.replaceAll("\\.desktop$", "") + ".");
    }
  }

  /**
   * The exported file's name: {@code appbox-BOX-ID.desktop}, each {@code -} of the box's name
   * doubled so that no two boxes share a name ({@link ExportNames}).
   */
  public String fileName() {
    return fileName(box, desktopId);
  }

  public static String fileName(BoxName box, String desktopId) {
    checkDesktopId(desktopId);
    return ExportNames.qualified(box, desktopId) + ".desktop";
  }

  /**
   * The entry as it is written on the host.
   *
   * @param icon the icon name exported for the entry, or empty to export it without one
   * @throws AppboxException {@code INVALID_INPUT} when the entry is not an application, has no
   *     usable {@code Exec}, or its name is empty
   */
  public DesktopEntry rewrite(DesktopEntry source, Optional<String> icon) {
    DesktopGroup main = source.main();
    String type = main.string("Type").orElse("");
    if (!type.equals("Application")) {
      throw refused(
          "is of type " + Quote.of(type) + "; only applications (Type=Application) are exported");
    }
    icon.ifPresent(ExportedEntry::checkIcon);
    String originalIcon = main.string("Icon").orElse(null);

    List<String> actions = new ArrayList<>();
    List<DesktopGroup> actionGroups = new ArrayList<>();
    for (String id : main.list("Actions").orElse(List.of())) {
      Optional<DesktopGroup> group = source.group(DesktopGroup.ACTION_PREFIX + id);
      if (id.isEmpty() || actions.contains(id) || group.isEmpty()) {
        continue;
      }
      Optional<DesktopGroup> action = rewriteAction(group.get(), originalIcon, icon);
      if (action.isPresent()) {
        actions.add(id);
        actionGroups.add(action.get());
      }
    }

    DesktopGroup out = clean(main, MAIN_KEYS);
    out = out.without("TryExec").without("DBusActivatable").without("Path");
    out = out.withRaw(EntryKey.of("Exec"), exec(main));
    out = labelled(out);
    if (!out.has("StartupWMClass")) {
      out = out.withString("StartupWMClass", desktopId);
    }
    out = withIcon(out, icon);
    out = actions.isEmpty() ? out.without("Actions") : out.withList("Actions", actions);
    String version = out.string("Version").orElse(null);
    if (version != null && !KNOWN_VERSIONS.contains(version)) {
      out = out.withString("Version", "1.4");
    }
    out = out.withString("X-Appbox-Box", box.value());
    out = out.withString("X-Appbox-Id", desktopId);
    if (!pkg.isEmpty()) {
      out = out.withString("X-Appbox-Package", ValueEscapes.removeControlCharacters(pkg));
    }

    List<DesktopGroup> groups = new ArrayList<>();
    groups.add(withoutOrphanTranslations(out));
    actionGroups.forEach(g -> groups.add(withoutOrphanTranslations(g)));
    return new DesktopEntry(
        source.preamble().stream().map(ExportedEntry::commentText).toList(), groups);
  }

  private Optional<DesktopGroup> rewriteAction(
      DesktopGroup action, String originalIcon, Optional<String> icon) {
    if (!action.has("Exec")) {
      return Optional.empty();
    }
    DesktopGroup out = clean(action, ACTION_KEYS);
    out = out.withRaw(EntryKey.of("Exec"), exec(action));
    if (out.string("Name").map(String::isBlank).orElse(true)) {
      return Optional.empty();
    }
    boolean mainIcon =
        originalIcon != null && originalIcon.equals(action.string("Icon").orElse(null));
    out = out.without("Icon");
    if (mainIcon && icon.isPresent()) {
      out = out.withString("Icon", icon.get());
    }
    return Optional.of(out);
  }

  /** The group with known keys only, control characters removed from every value. */
  private static DesktopGroup clean(DesktopGroup group, Set<String> known) {
    DesktopGroup out =
        group.mapRaw(
            (key, raw) -> kept(key, known) ? ValueEscapes.stripControlCharacters(raw) : null);
    List<GroupLine> lines = new ArrayList<>();
    for (GroupLine line : out.lines()) {
      lines.add(
          line instanceof GroupLine.Comment c
              ? new GroupLine.Comment(commentText(c.text()))
              : line);
    }
    return new DesktopGroup(group.name(), lines);
  }

  private static boolean kept(EntryKey key, Set<String> known) {
    String name = key.name();
    if (name.startsWith("X-")) {
      return !DROPPED_EXTENSIONS.contains(name);
    }
    return known.contains(name) && (!key.isLocalized() || LOCALIZABLE.contains(name));
  }

  private static String commentText(String comment) {
    return ValueEscapes.removeControlCharacters(comment);
  }

  private String exec(DesktopGroup group) {
    String value =
        group
            .string("Exec")
            .orElseThrow(
                () ->
                    refused(
                        "has no Exec key; only"
                            + " applications that name a program to run can be exported"));
    ExecLine line;
    try {
      line = ExecLine.parse(value);
    } catch (AppboxException e) {
      throw new AppboxException(
          e.code(),
          "Desktop file " + Quote.of(desktopId) + " [" + group.name() + "]: " + e.getMessage(),
          e.hint());
    }
    List<ExecArgument> args = new ArrayList<>();
    for (ExecArgument arg : line.arguments()) {
      args.add(arg.mapText(ValueEscapes::removeControlCharacters));
    }
    ExecLine clean = new ExecLine(args).prepend(launcher);
    return ValueEscapes.escape(clean.format());
  }

  private DesktopGroup labelled(DesktopGroup group) {
    if (group.string("Name").map(String::isBlank).orElse(true)) {
      throw refused("has no name (Name is missing or empty once control characters are removed)");
    }
    // Appended text needs no \s for its leading spaces: escape it behind a placeholder.
    String label = ValueEscapes.escape("x" + nameLabel).substring(1);
    return group.mapRaw(
        (key, raw) -> {
          if (!key.name().equals("Name")) {
            return raw;
          }
          if (ValueEscapes.unescape(raw).isBlank()) {
            return key.isLocalized() ? null : raw;
          }
          return raw + label;
        });
  }

  private static DesktopGroup withIcon(DesktopGroup group, Optional<String> icon) {
    DesktopGroup out =
        group.mapRaw((key, raw) -> key.name().equals("Icon") && key.isLocalized() ? null : raw);
    return icon.isPresent() ? out.withString("Icon", icon.get()) : out.without("Icon");
  }

  private static DesktopGroup withoutOrphanTranslations(DesktopGroup group) {
    Set<String> plain = new HashSet<>();
    group.entries().stream()
        .filter(kv -> !kv.key().isLocalized())
        .forEach(kv -> plain.add(kv.key().name()));
    return group.mapRaw(
        (key, raw) -> key.isLocalized() && !plain.contains(key.name()) ? null : raw);
  }

  private static void checkIcon(String icon) {
    if (icon.isEmpty() || icon.contains("/") || ValueEscapes.hasControlCharacter(icon)) {
      throw new IllegalArgumentException("not an icon name: " + Quote.of(icon));
    }
  }

  private AppboxException refused(String what) {
    return AppboxException.invalid(
        "Desktop file " + Quote.of(desktopId + ".desktop") + " in box " + box + " " + what + ".",
        "appbox cannot export this entry; run its program in the box with appbox run "
            + box
            + " and the program after --.");
  }
}
