package io.appbox.profiles;

import io.appbox.core.AppboxException;
import io.appbox.core.ErrorCode;

/**
 * The error for a malformed YAML file of appbox's (a profile, a manifest). Its message always
 * starts with where the problem is, {@code file:line: field: what is wrong}, so that an editor can
 * jump to it.
 */
final class YamlProblem {
  private YamlProblem() {}

  static AppboxException at(String file, int line, String path, String problem, String hint) {
    String field = path.isEmpty() ? "" : path + ": ";
    return new AppboxException(
        ErrorCode.INVALID_INPUT, file + ":" + line + ": " + field + problem, hint);
  }

  /** For problems with the file as a whole, where no line applies. */
  static AppboxException inFile(String file, String problem, String hint) {
    return new AppboxException(ErrorCode.INVALID_INPUT, file + ": " + problem, hint);
  }
}
