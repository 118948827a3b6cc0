package io.appbox.e2e;

/** The engines every capability is proven on. */
enum Engine {
  ROOTLESS_PODMAN("podman", true),
  ROOTFUL_PODMAN("podman", false),
  DOCKER("docker", false);

  final String program;
  final boolean rootless;

  Engine(String program, boolean rootless) {
    this.program = program;
    this.rootless = rootless;
  }
}
