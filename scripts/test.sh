#!/bin/sh
# The test suite, as the README names it and .ci/run runs it:
# 1. the whole build verified and installed into the local Maven repository (unit and property tests);
# 2. the example project docs/examples/user-layer (a user's layers on the installed toolkit, not a
#    module of the build) built and tested against those installed artifacts;
# 3. the Slurm job script against a live one-node cluster (scripts/test-slurm.sh: under 2 min; it
#    needs root and says why it is skipped without).
# Extra arguments go to both Maven runs (e.g. -o for offline).
set -eu
cd "$(dirname "$0")/.."
mvn -B "$@" install
mvn -B "$@" -f docs/examples/user-layer/pom.xml verify
scripts/test-slurm.sh
