package io.appbox.runtime.locate;

import java.nio.file.Path;

/** A socket that answered, and what answered it. */
record Candidate(Path socket, Ping ping) {}
