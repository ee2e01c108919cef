#!/bin/bash
# Runs one study at cluster scale as a Slurm job array: task i of N computes shard i/N of the
# grid into its own folder; a last job, started when every task has succeeded, merges the
# shards into the outputs an unsharded run gives (results.csv, summary.json, charts).
#
#   sbatch --array=0-31 scripts/slurm-study.sh svd-vs-eig          # 32 shards
#   sbatch --dependency=afterok:<array job id> --export=ALL,MERGE=1 scripts/slurm-study.sh svd-vs-eig
#
# Or submit both at once with scripts/slurm-study.sh --submit STUDY [SHARDS] from a login node.
# OUT (default: mbp-full) is where the shards and the merged result go; it must be on a file
# system every node sees. Extra options after the study name go to `mbp study` (e.g. --d 128,256).
#SBATCH --job-name=mbp-study
#SBATCH --cpus-per-task=8
#SBATCH --mem=16G
#SBATCH --time=04:00:00
#SBATCH --output=mbp-study-%A_%a.log
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
out="${OUT:-mbp-full}"

if [ "${1:-}" = "--submit" ]; then
    study="${2:?usage: slurm-study.sh --submit STUDY [SHARDS] [mbp study options]}"
    shards="${3:-32}"
    shift $(( $# >= 3 ? 3 : 2 ))
    "$root/mbp" --version >/dev/null    # build once on the login node, not in every task
    array=$(sbatch --parsable --array="0-$((shards - 1))" "$0" "$study" "$@")
    sbatch --dependency="afterok:${array%%;*}" --export=ALL,MERGE=1 "$0" "$study" "$@"
    exit 0
fi

study="${1:?usage: slurm-study.sh STUDY [mbp study options]}"
shift

if [ "${MERGE:-0}" = 1 ]; then
    exec "$root/mbp" merge --out "$out/merged" "$out"/shard-*
fi

: "${SLURM_ARRAY_TASK_ID:?run as a job array (sbatch --array=0-N), or with --submit}"
: "${SLURM_ARRAY_TASK_COUNT:?run as a job array (sbatch --array=0-N), or with --submit}"
exec "$root/mbp" study "$study" --scale full --threads "${SLURM_CPUS_PER_TASK:-1}" \
    --shard "$SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT" --resume \
    --out "$out/shard-$SLURM_ARRAY_TASK_ID" "$@"
