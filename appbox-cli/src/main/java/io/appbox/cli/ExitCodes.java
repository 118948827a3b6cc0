package io.appbox.cli;

import io.appbox.core.ErrorCode;

/** The exit status of every error, in one place (SPEC section 5). */
final class ExitCodes {
  static final int OK = 0;
  static final int FAILURE = 1;
  static final int USAGE = 2;
  static final int NOT_FOUND = 3;
  static final int NO_ENGINE = 4;
  static final int CONFLICT = 5;
  static final int PACKAGE_MANAGER = 6;

  private ExitCodes() {}

  static int of(ErrorCode code) {
    return switch (code) {
      case INVALID_INPUT -> USAGE;
      case BOX_NOT_FOUND,
          PACKAGE_NOT_FOUND,
          PROFILE_NOT_FOUND,
          IMAGE_NOT_FOUND,
          EXPORT_NOT_FOUND,
          SNAPSHOT_NOT_FOUND,
          HOST_COMMAND_NOT_FOUND ->
          NOT_FOUND;
      case ENGINE_UNREACHABLE, ENGINE_UNSUPPORTED -> NO_ENGINE;
      case BOX_EXISTS, EXPORT_CONFLICT, HOST_COMMAND_CONFLICT, LOCKED -> CONFLICT;
      case PACKAGE_MANAGER_FAILED -> PACKAGE_MANAGER;
      case ENGINE_FAILED, FAILED -> FAILURE;
    };
  }
}
