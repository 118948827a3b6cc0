#!/usr/bin/env bash
# The test command. On a fresh Debian 12 machine, as root or with sudo: installs and starts what
# the tests need (scripts/test-env.sh), then builds appbox and runs every unit and end-to-end test.
# Extra arguments go to Maven, e.g. scripts/test.sh -Dtest='BoxLifecycleTest'.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" != 0 ]; then
  exec sudo --preserve-env=PATH,JAVA_HOME "$0" "$@"
fi
env_file=$(mktemp)
trap 'rm -f "$env_file"' EXIT
APPBOX_TEST_ENV_FILE=$env_file ./scripts/test-env.sh
set -a
. "$env_file"
set +a
mvn -B -ntp -De2e -Dsurefire.failIfNoSpecifiedTests=false verify "$@"
