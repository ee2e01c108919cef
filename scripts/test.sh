#!/bin/sh
# The test suite, as the README names it and .ci/run runs it: the whole build verified and
# installed into the local Maven repository, then the example project docs/examples/user-layer
# (a user's layers on the installed toolkit, not a module of the build) built and tested against
# those installed artifacts. Extra arguments go to both Maven runs (e.g. -o for offline).
set -eu
cd "$(dirname "$0")/.."
mvn -B "$@" install
mvn -B "$@" -f docs/examples/user-layer/pom.xml verify
