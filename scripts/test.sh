#!/bin/sh
# The test suite, as the README names it and .ci/run runs it: `mvn -B verify` (unit and property
# tests, about 2½ min on 2 cores), then the Slurm job script against a live one-node cluster
# (scripts/test-slurm.sh: under 2 min; it needs root and says why it is skipped without).
# Arguments go to Maven.
set -eu
cd "$(dirname "$0")/.."
mvn -B verify "$@"
scripts/test-slurm.sh
