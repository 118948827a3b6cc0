package io.appbox.runtime.api;

import java.time.Duration;

/**
 * How long appbox waits for the engine before it gives up and says so: the longest silence it
 * accepts while connecting, sending, and reading a reply. Silence, not the whole exchange: a pull
 * that keeps sending progress may take as long as it takes.
 *
 * @param reply for ordinary requests: listing, inspecting, starting, renaming
 * @param longWait for requests that legitimately go quiet for long: creating, stopping, removing
 *     and committing a box, pulling and importing images, and the output of a command run in a box
 *     (a package manager's post-install script may print nothing for minutes); {@link
 *     Duration#ZERO} waits without limit
 */
public record EngineTimeouts(Duration reply, Duration longWait) {
  /** The defaults: a minute for an ordinary answer, an hour of silence for the long ones. */
  public static final EngineTimeouts DEFAULTS =
      new EngineTimeouts(Duration.ofSeconds(60), Duration.ofHours(1));

  public EngineTimeouts {
    if (reply.isNegative() || reply.isZero()) {
      throw new IllegalArgumentException("the reply timeout must be positive: " + reply);
    }
    if (longWait.isNegative()) {
      throw new IllegalArgumentException("the long timeout cannot be negative: " + longWait);
    }
  }

  /** The longest silence a request of this patience waits through; zero is no limit. */
  Duration of(ApiRequest.Patience patience) {
    return patience == ApiRequest.Patience.LONG ? longWait : reply;
  }
}
