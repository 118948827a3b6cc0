package io.appbox.core.engine;

/** What a pull reports as it goes, layer by layer. */
public interface PullListener {
  PullListener NONE = (layer, status, done, total) -> {};

  /**
   * @param layer the layer's id, or empty for a line about the whole image
   * @param status the engine's words ({@code Downloading}, {@code Pull complete})
   * @param done bytes of the layer transferred so far, or -1 when the engine does not say
   * @param total the layer's size in bytes, or -1 when the engine does not say
   */
  void layer(String layer, String status, long done, long total);
}
