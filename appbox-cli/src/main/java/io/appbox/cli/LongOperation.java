package io.appbox.cli;

/**
 * A command that writes JSON Lines with --json (progress events, then one result), even when it
 * fails before its work starts, so a frontend reads every outcome the same way.
 */
interface LongOperation {}
