package io.appbox.core.profile;

import java.util.Optional;

/**
 * What a frontend asks beyond the basic queries.
 *
 * @param versions the versions the repositories offer (package names appended); {@code output}
 *     yields name and version, the first record of a name wins. For profiles whose search prints no
 *     version (apt-cache, dnf, zypper); empty: search results carry the version the search prints,
 *     or none.
 * @param listManual the installed packages the user asked for, as opposed to those installed as
 *     dependencies ({@code apt-mark showmanual}, {@code pacman -Qeq}); {@code output} yields name.
 *     Empty: appbox cannot tell.
 * @param queryInstalled the packages named (names appended) that are installed, with their versions
 *     ({@code rpm -q}, {@code pacman -Q}); {@code output} yields name and version, a name not
 *     installed yields no record, and an exit status below 126 is an answer. Empty: appbox lists
 *     every installed package ({@code list-installed}) and picks, which costs rpm a read of every
 *     package's header on a full box.
 * @param showFields how show's fields map to appbox's keys
 * @param searchesOneWord the search matches any of several words (zypper, apk) or takes one (xbps):
 *     appbox gives it the longest word and keeps the results that match every word in their name or
 *     summary. False: the search matches all the words itself (apt-cache, dnf, pacman).
 */
public record QueryCommands(
    Optional<PackageCommand> versions,
    Optional<PackageCommand> listManual,
    Optional<PackageCommand> queryInstalled,
    ShowFields showFields,
    boolean searchesOneWord) {
  public static final QueryCommands NONE =
      new QueryCommands(
          Optional.empty(), Optional.empty(), Optional.empty(), ShowFields.NONE, false);
}
