package io.appbox.core.profile;

import java.util.List;

/**
 * How to make a distribution's root filesystem from its own package mirror, for machines that reach
 * a mirror but no registry.
 *
 * @param tool the bootstrapper; {@code mmdebstrap} is the one appbox drives today
 * @param suite release name ({@code bookworm})
 * @param mirror mirror URL
 * @param variant the tool's variant ({@code apt})
 * @param include extra packages the box needs from its first start ({@code sudo})
 */
public record Bootstrap(
    String tool, String suite, String mirror, String variant, List<String> include) {
  public Bootstrap {
    include = List.copyOf(include);
  }
}
