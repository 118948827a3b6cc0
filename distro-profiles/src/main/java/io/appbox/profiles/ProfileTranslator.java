package io.appbox.profiles;

import io.appbox.core.AppboxException;
import io.appbox.core.ImageRef;
import io.appbox.core.Quote;
import io.appbox.core.profile.Bootstrap;
import io.appbox.core.profile.DistroProfile;
import io.appbox.core.profile.PackageCommands;
import io.appbox.core.profile.ProgressFormat;
import io.appbox.core.profile.Proof;
import io.appbox.core.profile.ShowFields;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads a profile's YAML tree into a {@link DistroProfile}, checking every field on the way. */
final class ProfileTranslator {
  static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");

  private static final List<String> FIELDS =
      List.of(
          "id",
          "name",
          "image",
          "bootstrap",
          "environment",
          "progress",
          "not-found",
          "locked",
          "sudo",
          "systemd",
          "proven",
          "show-fields",
          "search-words",
          "commands");
  private static final List<String> SHOW_FIELD_KEYS =
      java.util.stream.Stream.concat(
              ShowFields.KEYS.stream(), java.util.stream.Stream.of("size-unit"))
          .toList();
  private static final Set<String> SIZE_UNITS = Set.of("B", "KiB", "MiB", "kB", "MB");
  private static final List<String> PROVEN_FIELDS = List.of("end-to-end", "unit-tests");
  private static final Pattern PACKAGE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9+._@-]*");
  private static final List<String> BOOTSTRAP_FIELDS =
      List.of("tool", "suite", "mirror", "variant", "include");
  private static final Set<String> BOOTSTRAP_TOOLS = Set.of("mmdebstrap");
  private static final Set<String> MMDEBSTRAP_VARIANTS =
      Set.of(
          "extract",
          "custom",
          "essential",
          "apt",
          "required",
          "minbase",
          "buildd",
          "important",
          "debian",
          "standard");
  private static final String DEFAULT_VARIANT = "apt";
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern DEB_PACKAGE = Pattern.compile("[a-z0-9][a-z0-9+.:-]*");
  private static final Pattern SUITE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Map<String, ProgressFormat> PROGRESS =
      Map.of("none", ProgressFormat.NONE, "apt-status", ProgressFormat.APT_STATUS);

  private ProfileTranslator() {}

  /**
   * @param expectedId the id the file name gives, when the profile came from a file
   */
  static DistroProfile translate(YamlField root, String source, Optional<String> expectedId) {
    YamlMapping profile = root.mapping(FIELDS);
    String id = id(profile.required("id"), expectedId);
    String name = profile.required("name").text();
    ImageRef image = image(profile.required("image"));
    Optional<Bootstrap> bootstrap = profile.optional("bootstrap").map(ProfileTranslator::bootstrap);
    Map<String, String> environment =
        profile.optional("environment").map(ProfileTranslator::environment).orElse(Map.of());
    ProgressFormat progress =
        profile.optional("progress").map(ProfileTranslator::progress).orElse(ProgressFormat.NONE);
    Optional<Pattern> notFound =
        profile.optional("not-found").map(field -> OutputPattern.compile(field, List.of("name")));
    Optional<Pattern> locked =
        profile.optional("locked").map(field -> OutputPattern.compile(field, List.of()));
    PackageCommands commands =
        PackageCommandsTranslator.translate(
            profile.required("commands"), notFound, progress, locked);
    ShowFields showFields =
        profile.optional("show-fields").map(ProfileTranslator::showFields).orElse(ShowFields.NONE);
    boolean oneWord =
        profile.optional("search-words").map(ProfileTranslator::searchesOneWord).orElse(false);
    commands = PackageCommandsTranslator.withQueries(commands, showFields, oneWord);
    Optional<String> sudo = profile.optional("sudo").map(ProfileTranslator::packageName);
    Proof proven = profile.optional("proven").map(ProfileTranslator::proven).orElse(Proof.UNKNOWN);
    List<String> systemd =
        profile.optional("systemd").map(ProfileTranslator::systemdPackages).orElse(List.of());
    return new DistroProfile(
        id, name, image, bootstrap, commands, environment, source, sudo, proven, systemd);
  }

  /**
   * appbox's key to the package manager's field names: one name or a list, the first present wins.
   */
  private static ShowFields showFields(YamlField field) {
    YamlMapping mapping = field.mapping(SHOW_FIELD_KEYS);
    Map<String, List<String>> fields = new LinkedHashMap<>();
    for (String key : ShowFields.KEYS) {
      mapping
          .optional(key)
          .ifPresent(f -> fields.put(key, f.isSequence() ? f.strings() : List.of(f.text())));
    }
    Optional<String> unit =
        mapping
            .optional("size-unit")
            .map(
                f -> {
                  if (!SIZE_UNITS.contains(f.string())) {
                    throw f.problem(
                        Quote.of(f.string()) + " is not a unit appbox knows",
                        "Use one of "
                            + String.join(", ", new java.util.TreeSet<>(SIZE_UNITS))
                            + ".");
                  }
                  return f.string();
                });
    return new ShowFields(fields, unit);
  }

  /** all: the search matches every word itself; one: appbox gives it one and matches the rest. */
  private static boolean searchesOneWord(YamlField field) {
    return switch (field.string()) {
      case "all" -> false;
      case "one" -> true;
      default ->
          throw field.problem(
              Quote.of(field.string()) + " is not how a search takes words", "Use all or one.");
    };
  }

  private static String packageName(YamlField field) {
    String name = field.string();
    if (!PACKAGE.matcher(name).matches()) {
      throw field.problem(
          Quote.of(name) + " is not a package name", "Name the package that brings sudo: sudo.");
    }
    return name;
  }

  /** The packages that bring systemd as /sbin/init: at least one, each a package name. */
  private static List<String> systemdPackages(YamlField field) {
    List<YamlField> elements = field.elements();
    List<String> packages = field.strings();
    if (packages.isEmpty()) {
      throw field.problem(
          "expected at least one package",
          "Name the packages that bring systemd as /sbin/init, such as [systemd, systemd-sysv],"
              + " or leave systemd out.");
    }
    for (int i = 0; i < packages.size(); i++) {
      if (!PACKAGE.matcher(packages.get(i)).matches()) {
        throw elements
            .get(i)
            .problem(
                Quote.of(packages.get(i)) + " is not a package name",
                "List one package name per entry, such as systemd.");
      }
    }
    return packages;
  }

  /** One of end-to-end (the tool and version the tests ran) or unit-tests (why not more). */
  private static Proof proven(YamlField field) {
    YamlMapping proven = field.mapping(PROVEN_FIELDS);
    Optional<YamlField> endToEnd = proven.optional("end-to-end");
    Optional<YamlField> unitTests = proven.optional("unit-tests");
    if (endToEnd.isPresent() == unitTests.isPresent()) {
      throw field.problem(
          "expected exactly one of end-to-end and unit-tests",
          "Write end-to-end: TOOL VERSION (what the end-to-end tests ran), or unit-tests: REASON.");
    }
    return endToEnd
        .map(f -> new Proof(Proof.Level.END_TO_END, f.text()))
        .orElseGet(() -> new Proof(Proof.Level.UNIT_TESTS, unitTests.get().text()));
  }

  private static String id(YamlField field, Optional<String> expectedId) {
    String id = field.string();
    if (!ID.matcher(id).matches()) {
      throw field.problem(
          Quote.of(id) + " is not a valid id",
          "Use lower-case letters, digits, '.', '_' and '-', starting with a letter or digit.");
    }
    if (expectedId.isPresent() && !expectedId.get().equals(id)) {
      throw field.problem(
          Quote.of(id) + " does not match the file name " + Quote.of(expectedId.get() + ".yaml"),
          "A profile's id is its file name: rename the file to "
              + id
              + ".yaml or set id: "
              + expectedId.get()
              + ".");
    }
    return id;
  }

  /** A fully qualified image reference, as profiles and manifests both need. */
  static ImageRef image(YamlField field) {
    String text = field.string();
    ImageRef image;
    try {
      image = ImageRef.parse(text);
    } catch (AppboxException e) {
      throw field.problem(
          Quote.of(text) + " is not a valid image reference",
          "Give a fully qualified reference such as docker.io/library/debian:bookworm.");
    }
    if (!image.isFullyQualified()) {
      throw field.problem(
          Quote.of(text) + " does not name its registry",
          "Give a fully qualified reference such as "
              + (text.contains("/") ? "docker.io/" : "docker.io/library/")
              + text
              + "; a short name resolves differently on each machine.");
    }
    return image;
  }

  private static Bootstrap bootstrap(YamlField field) {
    YamlMapping bootstrap = field.mapping(BOOTSTRAP_FIELDS);
    YamlField toolField = bootstrap.required("tool");
    String tool = toolField.string();
    if (!BOOTSTRAP_TOOLS.contains(tool)) {
      throw toolField.problem(
          Quote.of(tool) + " is not a bootstrap tool appbox drives",
          "Use tool: mmdebstrap, or leave bootstrap out.");
    }
    YamlField suiteField = bootstrap.required("suite");
    String suite = suiteField.string();
    if (!SUITE.matcher(suite).matches()) {
      throw suiteField.problem(
          Quote.of(suite) + " is not a release name", "Give a suite such as bookworm or noble.");
    }
    String mirror = mirror(bootstrap.required("mirror"));
    String variant =
        bootstrap.optional("variant").map(ProfileTranslator::variant).orElse(DEFAULT_VARIANT);
    List<String> include =
        bootstrap.optional("include").map(ProfileTranslator::include).orElse(List.of());
    return new Bootstrap(tool, suite, mirror, variant, include);
  }

  private static String mirror(YamlField field) {
    String mirror = field.text();
    try {
      URI uri = new URI(mirror);
      String scheme = uri.getScheme();
      if (scheme != null
          && Set.of("http", "https", "file").contains(scheme)
          && uri.getRawPath() != null
          && !uri.getRawPath().isEmpty()) {
        return mirror;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw field.problem(
        Quote.of(mirror) + " is not a mirror URL",
        "Give the mirror's URL, such as http://deb.debian.org/debian.");
  }

  private static String variant(YamlField field) {
    String variant = field.string();
    if (!MMDEBSTRAP_VARIANTS.contains(variant)) {
      throw field.problem(
          Quote.of(variant) + " is not an mmdebstrap variant",
          "Use one of " + String.join(", ", MMDEBSTRAP_VARIANTS.stream().sorted().toList()) + ".");
    }
    return variant;
  }

  private static List<String> include(YamlField field) {
    List<YamlField> elements = field.elements();
    List<String> packages = field.strings();
    for (int i = 0; i < packages.size(); i++) {
      // mmdebstrap takes them comma-separated, so a comma or space would smuggle in more.
      if (!DEB_PACKAGE.matcher(packages.get(i)).matches()) {
        throw elements
            .get(i)
            .problem(
                Quote.of(packages.get(i)) + " is not a package name",
                "List one package name per entry, such as sudo.");
      }
    }
    return packages;
  }

  private static Map<String, String> environment(YamlField field) {
    YamlMapping mapping = field.anyMapping("variable names to values");
    Map<String, String> environment = new LinkedHashMap<>();
    for (Map.Entry<String, YamlField> entry : mapping.fields().entrySet()) {
      if (!ENV_NAME.matcher(entry.getKey()).matches()) {
        throw entry
            .getValue()
            .problem(
                Quote.of(entry.getKey()) + " is not a variable name",
                "Use letters, digits and '_', not starting with a digit.");
      }
      environment.put(entry.getKey(), entry.getValue().string());
    }
    return environment;
  }

  private static ProgressFormat progress(YamlField field) {
    String value = field.string();
    ProgressFormat progress = PROGRESS.get(value);
    if (progress == null) {
      throw field.problem(Quote.of(value) + " is not a progress format", "Use none or apt-status.");
    }
    return progress;
  }
}
