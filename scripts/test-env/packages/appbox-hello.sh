#!/bin/sh
# The test application: says its version, then each argument it got, one a line in brackets,
# so a test can see that arguments arrive byte for byte.
echo "appbox-hello @VERSION@"
for arg in "$@"; do
  printf '[%s]\n' "$arg"
done
