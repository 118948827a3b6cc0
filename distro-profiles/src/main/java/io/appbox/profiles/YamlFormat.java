package io.appbox.profiles;

/**
 * One of appbox's YAML formats, as its reader needs to know it: what to call it in messages, how
 * large a file may be, and what to tell the user when something in it is wrong.
 *
 * @param what the format in words, {@code profile} or {@code manifest}
 * @param maxBytes the largest file read
 * @param maxAliases the most aliases to lists or mappings, against alias bombs
 * @param hint said with every problem that has no more specific hint
 * @param needs what an empty file lacks, for its message
 */
record YamlFormat(String what, int maxBytes, int maxAliases, String hint, String needs) {}
