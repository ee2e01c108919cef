#!/usr/bin/env bash
# Integration test of scripts/slurm-study.sh against a live one-node Slurm (scripts/local-slurm.sh,
# started in a folder of its own on its own ports, stopped at the end). .ci/run runs it after
# `mvn -B verify`. It needs root (the daemons) and Debian's slurm-wlm and munge (installed when
# missing, where apt-get is); without them it says why it is skipped and exits 0.
#
#  0. A request for more CPUs than any node has is refused with a message, nothing queued.
#  1. A small gap study in 3 shards: the merge job runs by itself once every shard has succeeded,
#     and its results.csv, charts.json and summary.json (less its "run" object: times, machine) are
#     byte-identical to an unsharded run's.
#  2. The fault path, in parallel with 1: shard 1 of another submission is cancelled after its
#     first cell. The merge must not run (its dependency can never be satisfied), --status must
#     report the failed shard and exit 1; --resubmit 1 resumes the shard from its cells.jsonl, and
#     the merge then matches the unsharded run too.
# Every wait is bounded (MBP_SLURM_TEST_TIMEOUT seconds each, default 120).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

say() { echo "test-slurm: $*"; }
skip() { say "skipped: $*"; exit 0; }
fail() {
    say "FAILED: $*"
    [[ -n "${work:-}" ]] && for log in "$work"/*/logs/*.log; do
        [[ -f "$log" ]] && { echo "--- $log"; tail -n 5 "$log"; }
    done
    exit 1
}

[[ "$(id -u)" = 0 ]] || skip "needs root to start slurmctld, slurmd and munged (CI runs as root)"
if ! command -v slurmctld >/dev/null 2>&1 || ! command -v munged >/dev/null 2>&1; then
    command -v apt-get >/dev/null 2>&1 || skip "needs Debian's slurm-wlm and munge packages, and apt-get is not here to install them"
fi
command -v jq >/dev/null 2>&1 || {
    command -v apt-get >/dev/null 2>&1 || skip "needs jq"
    { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q jq; } >/dev/null 2>&1 || fail "could not install jq"
}

start_time=$SECONDS
timeout="${MBP_SLURM_TEST_TIMEOUT:-120}"
work="$(mktemp -d "${TMPDIR:-/tmp}/test-slurm.XXXXXX")"
chmod 0755 "$work"
export MBP_SLURM_STATE="$work/cluster" MBP_SLURM_PORT="${MBP_SLURM_TEST_PORT:-6917}"
cleanup() {
    scripts/local-slurm.sh stop >/dev/null 2>&1 || true
    if [[ "${passed:-0}" = 1 ]]; then rm -rf "$work"; else say "kept $work (logs, shards, cluster state)"; fi
}
trap cleanup EXIT
scripts/local-slurm.sh start >/dev/null || fail "the local cluster did not start (see $MBP_SLURM_STATE/*.log)"
export SLURM_CONF="$MBP_SLURM_STATE/slurm.conf"
say "local cluster up: $(sinfo -h -N -o '%N, %c CPUs, %m MB, %T')"

study=(gap --size 4 --gaps 1e-2,1e-3,1e-4,1e-5,1e-6,1e-7,1e-8,1e-9,1e-10 --samples 1)
job() { scripts/slurm-study.sh --cpus 1 --mem 1G --time 10 "$@"; }
state() { squeue -h -t all -j "$1" -o %T 2>/dev/null | head -n 1; }
merge_job() { awk '$1 == "merge" {print $2}' "$1/slurm/jobs"; }
shard_job() { awk -v i="$2" '$1 == "shard" && $2 == i {print $3}' "$1/slurm/jobs"; }

wait_state() { # job wanted-state what
    local deadline=$(( SECONDS + timeout )) s=""
    while (( SECONDS < deadline )); do
        s="$(state "$1")"
        [[ "$s" = "$2" ]] && return 0
        case "$s" in FAILED | CANCELLED | TIMEOUT | OUT_OF_MEMORY | NODE_FAIL) fail "$3: job $1 is $s, expected $2" ;; esac
        sleep 1
    done
    fail "$3: job $1 is still ${s:-unknown} after $timeout s (expected $2)"
}

same_as_unsharded() { # merged-folder what
    local f
    for f in results.csv charts.json; do
        cmp -s "$1/gap/$f" "$work/single/gap/$f" || fail "$2: $f differs from the unsharded run's"
    done
    cmp -s <(jq -S 'del(.run)' "$1/gap/summary.json") <(jq -S 'del(.run)' "$work/single/gap/summary.json") ||
        fail "$2: summary.json differs from the unsharded run's"
    say "$2: results.csv, charts.json and summary.json (less its run object) are byte-identical to the unsharded run's"
}

./mbp --version >/dev/null || fail "mbp does not build"

# A request no node can satisfy is refused before anything is queued.
if refusal="$(job --submit --cpus 4096 --out "$work/too-big" gap 3 2>&1)"; then
    fail "--cpus 4096 was submitted on a $(sinfo -h -N -o %c)-CPU node"
fi
grep -q "can never start" <<<"$refusal" || fail "the refusal does not say why: $refusal"
[[ -z "$(squeue -h)" ]] || fail "a refused request left jobs in the queue: $(squeue -h)"
say "refused: ${refusal#slurm-study: }"
job --submit --out "$work/sharded" "${study[@]:0:1}" 3 "${study[@]:1}" >/dev/null
job --submit --out "$work/faulty" "${study[@]:0:1}" 3 "${study[@]:1}" >/dev/null
say "submitted ${study[*]} twice in 3 shards (jobs: $(tr '\n' ' ' <"$work/sharded/slurm/jobs")/ $(tr '\n' ' ' <"$work/faulty/slurm/jobs"))"

# The fault: cancel shard 1 of the second run once it has stored its first cell (of three).
cells="$work/faulty/shard-1/gap/cells.jsonl"
deadline=$(( SECONDS + timeout ))
until [[ -f "$cells" && $(wc -l <"$cells") -ge 2 ]]; do
    (( SECONDS < deadline )) || fail "shard 1 stored no cell in $timeout s"
    sleep 0.1
done
victim="$(shard_job "$work/faulty" 1)"
scancel "$victim"
deadline=$(( SECONDS + timeout ))
until [[ "$(state "$victim")" = CANCELLED ]]; do
    (( SECONDS < deadline )) || fail "shard 1 (job $victim) is $(state "$victim") $timeout s after scancel"
    sleep 0.2
done
done_before=$(( $(wc -l <"$cells") - 1 ))
say "cancelled shard 1 (job $victim) after $done_before of its 3 cells"
(( done_before < 3 )) || fail "shard 1 finished before it could be cancelled; the test grid is too small"

# Meanwhile, the reference: the same study unsharded, outside Slurm.
./mbp study "${study[@]}" --scale full --threads 1 --out "$work/single" >"$work/single.log" 2>&1 ||
    fail "the unsharded run failed (see $work/single.log)"

wait_state "$(merge_job "$work/sharded")" COMPLETED "the 3-shard run's merge"
same_as_unsharded "$work/sharded/merged" "3 shards"

# No merge after a failed shard: its dependency can never be satisfied, and --status says so.
merge="$(merge_job "$work/faulty")"
deadline=$(( SECONDS + timeout ))
until [[ "$(squeue -h -t all -j "$merge" -o %r)" = DependencyNeverSatisfied ]]; do
    (( SECONDS < deadline )) || fail "the merge job $merge is $(state "$merge") ($(squeue -h -t all -j "$merge" -o %r)), expected pending for ever"
    sleep 1
done
[[ ! -e "$work/faulty/merged" ]] || fail "a merge ran although shard 1 was cancelled"
if report="$(scripts/slurm-study.sh --status --out "$work/faulty")"; then
    fail "--status exited 0 with a cancelled shard: $report"
fi
grep -q "^failed: shard(s) 1;" <<<"$report" || fail "--status does not report shard 1: $report"
say "with shard 1 cancelled no merge ran (merge job $merge: $(state "$merge"), DependencyNeverSatisfied); --status exits 1 and reports:"
sed 's/^/    /' <<<"$report"

# Resubmit shard 1 alone: it resumes from its cells.jsonl, and the merge completes.
job --resubmit 1 --out "$work/faulty" >/dev/null
again="$(shard_job "$work/faulty" 1)"
wait_state "$(merge_job "$work/faulty")" COMPLETED "the merge after resubmitting shard 1"
log="$(ls "$work"/faulty/logs/shard-1-"${again%_*}".log)"
grep -q "resuming, $done_before cell(s) already done" "$log" || fail "the resubmitted shard 1 did not resume from its $done_before stored cell(s): $(cat "$log")"
say "resubmitted shard 1 (job $again) resumed with $done_before cell(s) already done; merge job $(merge_job "$work/faulty") completed"
same_as_unsharded "$work/faulty/merged" "after the resubmission"

passed=1
say "passed in $(( SECONDS - start_time )) s"
