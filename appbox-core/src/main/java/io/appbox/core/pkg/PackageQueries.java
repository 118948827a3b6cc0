package io.appbox.core.pkg;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.ErrorCode;
import io.appbox.core.Meanwhile;
import io.appbox.core.Progress;
import io.appbox.core.Quote;
import io.appbox.core.box.BoxService;
import io.appbox.core.engine.ContainerState;
import io.appbox.core.engine.ExecResult;
import io.appbox.core.engine.OutputListener;
import io.appbox.core.profile.DistroProfile;
import io.appbox.core.profile.PackageCommand;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a frontend asks of a box's packages without changing them: search, show, and the installed
 * packages marked as asked for or taken along.
 */
public final class PackageQueries {
  /** Where desktop entries live; appbox asks the owner command who owns the ones there. */
  private static final String APPLICATIONS = "/usr/share/applications";

  private final PackageService packages;
  private final BoxPackageManager pm;
  private final BoxService boxes;

  PackageQueries(PackageService packages, BoxPackageManager pm, BoxService boxes) {
    this.packages = packages;
    this.pm = pm;
    this.boxes = boxes;
  }

  /**
   * Searches the box's repositories for the packages that match every word, closest names first; a
   * box without an index yet gets one first. A word with spaces is several words.
   */
  public List<SearchHit> search(BoxName name, List<String> terms, Progress progress) {
    List<String> words = words(terms);
    ContainerState box = boxes.running(name);
    DistroProfile profile = packages.profileOf(box);
    PackageCommand search = profile.packages().search();
    boolean oneWord = profile.packages().queries().searchesOneWord();
    // A package manager that matches any of the words (zypper, apk) is given the longest one;
    // appbox keeps what matches all of them.
    List<String> asked =
        oneWord
            ? List.of(words.stream().max(Comparator.comparingInt(String::length)).get())
            : words;
    // What the box has, and which of its packages are applications, do not depend on the search:
    // asked side by side with it, they cost the search's time, not their own.
    Meanwhile<Map<String, String>> installed =
        Meanwhile.start("installed", () -> pm.versions(box, profile));
    Meanwhile<Optional<Set<String>>> apps =
        Meanwhile.start("applications", () -> applications(box, profile));
    ExecResult r = pm.exec(box, profile, search, asked, OutputListener.NONE);
    if (r.stdout().isBlank() && packages.refreshedForLackOfIndex(box, profile, r, progress)) {
      r = pm.exec(box, profile, search, asked, OutputListener.NONE);
    }
    if (!r.ok() && r.stdout().isBlank()) {
      throw BoxPackageManager.failed(box, profile, "search", r);
    }
    Map<String, Map<String, String>> found = new LinkedHashMap<>();
    for (Map<String, String> record : BoxPackageManager.records(search, r.stdout())) {
      found.putIfAbsent(record.getOrDefault("name", ""), record);
    }
    found.remove("");
    Map<String, String> offered = offeredVersions(box, profile, found);
    // Both waited for, so that no command of this search still runs once it returns.
    Map<String, String> has = installed.get();
    Optional<Set<String>> owned = apps.get();
    List<SearchHit> hits = new ArrayList<>();
    for (Map.Entry<String, Map<String, String>> e : found.entrySet()) {
      String n = e.getKey();
      boolean isInstalled = has.containsKey(n);
      SearchHit hit =
          new SearchHit(
              n,
              e.getValue().getOrDefault("summary", ""),
              Optional.ofNullable(e.getValue().get("version")).orElse(offered.get(n)),
              isInstalled,
              isInstalled ? owned.map(a -> a.contains(n)).orElse(null) : null);
      if (!oneWord || SearchRanking.matchesAll(hit, words)) {
        hits.add(hit);
      }
    }
    return SearchRanking.rank(hits, words);
  }

  private static List<String> words(List<String> terms) {
    List<String> words = new ArrayList<>();
    for (String term : terms == null ? List.<String>of() : terms) {
      if (term == null
          || term.startsWith("-")
          || term.chars().anyMatch(c -> c < 0x20 && c != ' ')) {
        throw invalid(term);
      }
      words.addAll(Arrays.stream(term.strip().split(" +")).filter(w -> !w.isEmpty()).toList());
    }
    if (words.isEmpty() || words.stream().anyMatch(w -> w.startsWith("-"))) {
      throw invalid(String.join(" ", terms == null ? List.of() : terms));
    }
    return words;
  }

  private static AppboxException invalid(String term) {
    return AppboxException.invalid(
        "Search term " + Quote.of(term) + " is not valid.",
        "Give words to look for, none starting with '-': appbox search text editor");
  }

  /** The versions the repositories offer, where the search did not print them. */
  private Map<String, String> offeredVersions(
      ContainerState box, DistroProfile profile, Map<String, Map<String, String>> found) {
    Optional<PackageCommand> versions = profile.packages().queries().versions();
    if (versions.isEmpty()
        || found.isEmpty()
        || found.values().stream().allMatch(r -> r.containsKey("version"))) {
      return Map.of();
    }
    List<String> names = new ArrayList<>(found.keySet());
    ExecResult r = pm.exec(box, profile, versions.get(), names, OutputListener.NONE);
    Map<String, String> out = new HashMap<>();
    for (Map<String, String> record : BoxPackageManager.records(versions.get(), r.stdout())) {
      if (record.get("name") != null && record.get("version") != null) {
        out.putIfAbsent(record.get("name"), record.get("version"));
      }
    }
    return out;
  }

  /**
   * The installed packages that own a desktop entry in /usr/share/applications, through the
   * profile's owner command given every entry at once; empty when the owner command failed.
   */
  private Optional<Set<String>> applications(ContainerState box, DistroProfile profile) {
    PackageCommand owner = profile.packages().owner();
    List<String> argv = new ArrayList<>();
    argv.add("sh");
    argv.add("-c");
    // The owner command and its arguments arrive as "$@"; the entries are added to them.
    argv.add(
        "n=$#; for f in "
            + APPLICATIONS
            + "/*.desktop; do [ -e \"$f\" ] && set -- \"$@\" \"$f\"; done;"
            + " [ $# -gt $n ] || exit 0; exec \"$@\"");
    argv.add("appbox-apps");
    argv.addAll(owner.argv());
    PackageCommand query = new PackageCommand(argv, owner.root(), owner.output());
    ExecResult r = pm.exec(box, profile, query, List.of(), OutputListener.NONE);
    Set<String> names = new TreeSet<>();
    for (Map<String, String> record : BoxPackageManager.records(query, r.stdout())) {
      names.add(record.get("name"));
    }
    return !r.ok() && names.isEmpty() ? Optional.empty() : Optional.of(names);
  }

  /** The package described; a box without an index yet gets one first. */
  public PackageDetails show(BoxName name, PackageName pkg, Progress progress) {
    ContainerState box = boxes.running(name);
    DistroProfile profile = packages.profileOf(box);
    PackageCommand show = profile.packages().show();
    Meanwhile<Map<String, String>> installed =
        Meanwhile.start("installed", () -> pm.versionsOf(box, profile, List.of(pkg.bare())));
    ExecResult r = pm.exec(box, profile, show, List.of(pkg.value()), OutputListener.NONE);
    if (BoxPackageManager.records(show, r.stdout()).isEmpty()
        && packages.refreshedForLackOfIndex(box, profile, r, progress)) {
      r = pm.exec(box, profile, show, List.of(pkg.value()), OutputListener.NONE);
    }
    Map<String, String> fields = ShowOutput.fields(profile.packages(), r.stdout());
    if (fields.isEmpty()) {
      throw new AppboxException(
          ErrorCode.PACKAGE_NOT_FOUND,
          "No package " + pkg + " in box " + name + ".",
          "Search for it: appbox search --box " + name + " " + pkg.bare());
    }
    return ShowOutput.details(
        profile.packages(), pkg.bare(), fields, installed.get().containsKey(pkg.bare()));
  }

  /** The installed packages, each marked as asked for or not where the profile can tell. */
  public List<BoxPackage> installed(BoxName name) {
    ContainerState box = boxes.running(name);
    DistroProfile profile = packages.profileOf(box);
    Optional<Set<String>> manual =
        profile.packages().queries().listManual().map(c -> manual(box, profile, c));
    List<BoxPackage> out = new ArrayList<>();
    pm.versions(box, profile)
        .forEach(
            (n, v) -> out.add(new BoxPackage(n, v, manual.map(m -> m.contains(n)).orElse(null))));
    return out;
  }

  private Set<String> manual(ContainerState box, DistroProfile profile, PackageCommand command) {
    ExecResult r = pm.exec(box, profile, command, List.of(), OutputListener.NONE);
    if (!r.ok()) {
      throw BoxPackageManager.failed(box, profile, "tell which packages you asked for", r);
    }
    Set<String> names = new TreeSet<>();
    for (Map<String, String> record : BoxPackageManager.records(command, r.stdout())) {
      names.add(record.get("name"));
    }
    return names;
  }
}
