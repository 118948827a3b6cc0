package io.appbox.core;

/**
 * What went wrong, in words a frontend can switch on. The command line maps each code to an exit
 * status in one place; the domain never speaks in numbers.
 */
public enum ErrorCode {
  INVALID_INPUT,
  BOX_NOT_FOUND,
  PACKAGE_NOT_FOUND,
  PROFILE_NOT_FOUND,
  IMAGE_NOT_FOUND,
  EXPORT_NOT_FOUND,
  SNAPSHOT_NOT_FOUND,
  HOST_COMMAND_NOT_FOUND,
  ENGINE_UNREACHABLE,
  /**
   * The engine, as this host runs it, cannot do what was asked: systemd in a box without a cgroup
   * of its own (rootless Podman without cgroup delegation).
   */
  ENGINE_UNSUPPORTED,
  BOX_EXISTS,
  EXPORT_CONFLICT,
  HOST_COMMAND_CONFLICT,
  LOCKED,
  PACKAGE_MANAGER_FAILED,
  ENGINE_FAILED,
  FAILED
}
