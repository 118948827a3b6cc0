package io.appbox.core.profile;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The package manager of a distribution, command by command.
 *
 * @param install install packages (names appended)
 * @param remove remove packages (names appended)
 * @param search search the repositories (term appended); {@code output} yields name and summary
 * @param show describe one package (name appended); {@code output} yields key and value
 * @param listInstalled installed packages; {@code output} yields name and version
 * @param listFiles the files one package installed (name appended); {@code output} yields {@code
 *     path}, relative to the box's root when it does not start with '/'
 * @param owner the package that owns a file (path appended); {@code output} yields name
 * @param update refresh the package index
 * @param upgrade upgrade every package
 * @param autoremove remove packages nothing needs any more
 * @param clean drop downloaded package files
 * @param healthCheck exits 0 when the package database is consistent
 * @param notFound searched through standard output and error together for the package manager's
 *     message about an unknown package; group {@code name} names it
 * @param progress how the package manager reports progress on its output
 * @param hasIndex exits 0 when the box has a package index; a fresh image has none (no apt lists,
 *     no dnf or zypper cache, no pacman sync database), and appbox then refreshes it once, as root,
 *     before the first query or install. Empty: the box always has one.
 * @param locked searched through standard output and error together for the package manager's
 *     message that another process holds its lock
 * @param plans how to tell which packages a change would remove
 * @param repair finishes what an interrupted run left unfinished ({@code dpkg --configure -a});
 *     empty when the package manager has no such command
 * @param queries what a frontend asks beyond search and show: versions, manual packages, fields
 */
public record PackageCommands(
    PackageCommand install,
    PackageCommand remove,
    PackageCommand search,
    PackageCommand show,
    PackageCommand listInstalled,
    PackageCommand listFiles,
    PackageCommand owner,
    PackageCommand update,
    PackageCommand upgrade,
    PackageCommand autoremove,
    PackageCommand clean,
    PackageCommand healthCheck,
    Optional<Pattern> notFound,
    ProgressFormat progress,
    Optional<Pattern> locked,
    RemovalPlans plans,
    Optional<PackageCommand> hasIndex,
    Optional<PackageCommand> repair,
    QueryCommands queries) {

  /** Commands without the queries a frontend asks beyond search and show. */
  public PackageCommands(
      PackageCommand install,
      PackageCommand remove,
      PackageCommand search,
      PackageCommand show,
      PackageCommand listInstalled,
      PackageCommand listFiles,
      PackageCommand owner,
      PackageCommand update,
      PackageCommand upgrade,
      PackageCommand autoremove,
      PackageCommand clean,
      PackageCommand healthCheck,
      Optional<Pattern> notFound,
      ProgressFormat progress,
      Optional<Pattern> locked,
      RemovalPlans plans,
      Optional<PackageCommand> hasIndex,
      Optional<PackageCommand> repair) {
    this(
        install,
        remove,
        search,
        show,
        listInstalled,
        listFiles,
        owner,
        update,
        upgrade,
        autoremove,
        clean,
        healthCheck,
        notFound,
        progress,
        locked,
        plans,
        hasIndex,
        repair,
        QueryCommands.NONE);
  }

  /**
   * Commands of a package manager with no lock message, no plans appbox knows, an index always
   * there.
   */
  public PackageCommands(
      PackageCommand install,
      PackageCommand remove,
      PackageCommand search,
      PackageCommand show,
      PackageCommand listInstalled,
      PackageCommand listFiles,
      PackageCommand owner,
      PackageCommand update,
      PackageCommand upgrade,
      PackageCommand autoremove,
      PackageCommand clean,
      PackageCommand healthCheck,
      Optional<Pattern> notFound,
      ProgressFormat progress) {
    this(
        install,
        remove,
        search,
        show,
        listInstalled,
        listFiles,
        owner,
        update,
        upgrade,
        autoremove,
        clean,
        healthCheck,
        notFound,
        progress,
        Optional.empty(),
        RemovalPlans.NONE,
        Optional.empty(),
        Optional.empty(),
        QueryCommands.NONE);
  }
}
