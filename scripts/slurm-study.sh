#!/usr/bin/env bash
# Runs one study at cluster scale on Slurm: a job array whose task i computes shard i/N of the grid
# into OUT/shard-i, and a merge job, started only when every shard has succeeded (afterok), that
# combines the shards into OUT/merged: the files an unsharded run writes (results.csv,
# summary.json, charts).
#
#   scripts/slurm-study.sh --submit [OPTIONS] STUDY [SHARDS] [mbp study options]
#   scripts/slurm-study.sh --status [--out DIR]                # every shard's state; failures and what to do
#   scripts/slurm-study.sh --resubmit I[,J...] [OPTIONS]       # failed shards again (they resume), then the merge
#
# OPTIONS, per array task (a resubmission keeps the submission's unless named again): --cpus N
# (default 2), --mem SIZE (default 4G), --time T (default 04:00:00), --partition P (default: the
# cluster's default partition); and --out DIR (default: $OUT or mbp-full; a folder every node sees). Before submitting, the request is compared with what sinfo says the
# partition's nodes have, and a request that could never start is refused. Logs go to OUT/logs/,
# the job ids and the request to OUT/slurm/. Extra options after the study (and shard count) go to
# `mbp study`, e.g. --d 128,256. Slurm copies this script into its spool, so the tasks find the
# project through MBP_ROOT, which --submit exports (or SLURM_SUBMIT_DIR, when submitted by hand
# from the checkout).
#SBATCH --job-name=mbp-study
set -euo pipefail

say() { echo "slurm-study: $*" >&2; }
refuse() { say "$*"; exit 2; }

# ---- Inside Slurm: one array task, or the merge -------------------------------------------------
in_job() {
    local root="${MBP_ROOT:-${SLURM_SUBMIT_DIR:-}}"
    [[ -n "$root" && -x "$root/mbp" ]] ||
        refuse "cannot find the mbp checkout (got '${root}'): set MBP_ROOT, or submit with scripts/slurm-study.sh --submit"
    local out="${OUT:-mbp-full}" study="${1:?the study is missing}"
    shift
    # The JVM sizes its heap from the task's memory, not the node's.
    if [[ -n "${SLURM_MEM_PER_NODE:-}" ]]; then
        export MBP_JAVA_OPTS="${MBP_JAVA_OPTS:-} -XX:MaxRAM=${SLURM_MEM_PER_NODE}m -XX:MaxRAMPercentage=75"
    fi
    if [[ "${MERGE:-0}" = 1 ]]; then
        exec "$root/mbp" merge --out "$out/merged" "$out"/shard-*
    fi
    local task="${SLURM_ARRAY_TASK_ID:?run as a job array, with scripts/slurm-study.sh --submit}"
    local shards="${MBP_SHARDS:-${SLURM_ARRAY_TASK_COUNT:?run as a job array, with scripts/slurm-study.sh --submit}}"
    exec "$root/mbp" study "$study" --scale full --threads "${SLURM_CPUS_PER_TASK:-1}" \
        --shard "$task/$shards" --resume --out "$out/shard-$task" "$@"
}

if [[ -n "${SLURM_JOB_ID:-}" && "${1:-}" != -* ]]; then
    in_job "$@"
fi

# ---- On the login node ----------------------------------------------------------------------------
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
self="$root/scripts/slurm-study.sh"

usage() {
    echo "usage:" >&2
    sed -n '7,9p' "$self" | sed 's/^#   /  /' >&2
    exit 2
}

# Slurm time (M, M:S, H:M:S, D-H, D-H:M, D-H:M:S; "infinite"/"UNLIMITED") in minutes, -1 for no limit.
minutes() {
    local t="$1" days=0 h=0 m=0 s=0
    case "$t" in infinite | UNLIMITED | "") echo -1; return ;; esac
    if [[ "$t" == *-* ]]; then
        days="${t%%-*}"; t="${t#*-}"
        IFS=: read -r h m s <<<"$t"
    else
        local parts
        IFS=: read -ra parts <<<"$t"
        case ${#parts[@]} in
            1) m="${parts[0]}" ;;
            2) m="${parts[0]}"; s="${parts[1]}" ;;
            *) h="${parts[0]}"; m="${parts[1]}"; s="${parts[2]}" ;;
        esac
    fi
    [[ "$days$h${m:-0}${s:-0}" =~ ^[0-9]+$ ]] || return 1
    echo $(( 10#$days * 1440 + 10#${h:-0} * 60 + 10#${m:-0} + (10#${s:-0} > 0 ? 1 : 0) ))
}

# Slurm memory (a number in MB, or with K, M, G, T) in MB.
megabytes() {
    [[ "$1" =~ ^([0-9]+)([KkMmGgTt]?)[Bb]?$ ]] || return 1
    local n="${BASH_REMATCH[1]}"
    case "${BASH_REMATCH[2]}" in
        K | k) echo $(( (n + 1023) / 1024 )) ;;
        "" | M | m) echo "$n" ;;
        G | g) echo $(( n * 1024 )) ;;
        T | t) echo $(( n * 1024 * 1024 )) ;;
    esac
}

# Refuses a request that no node of the partition can ever satisfy (it would pend forever).
check_request() {
    command -v sinfo >/dev/null 2>&1 || refuse "sinfo is not on PATH: run this on a Slurm login node (or scripts/local-slurm.sh start)"
    local listed
    listed="$(sinfo -h -o %P 2>&1)" || refuse "sinfo failed: $listed"
    if [[ -z "$partition" ]]; then
        partition="$(grep '\*$' <<<"$listed" | head -n 1 | tr -d '*')"
        [[ -n "$partition" ]] || refuse "the cluster has no default partition; name one with --partition ($(tr -d '*' <<<"$listed" | sort -u | paste -sd ' '))"
    fi
    local nodes
    nodes="$(sinfo -h -p "$partition" -N -o '%c %m %l' 2>/dev/null || true)"
    [[ -n "$nodes" ]] || refuse "partition '$partition' does not exist or has no nodes (partitions: $(tr -d '*' <<<"$listed" | sort -u | paste -sd ' '))"
    local cpus_max=0 mem_max=0 limit c m l
    while read -r c m l; do
        c="${c%+}"; m="${m%+}"
        (( c > cpus_max )) && cpus_max=$c
        (( m > mem_max )) && mem_max=$m
        limit="$l"
    done <<<"$nodes"
    local want_mem want_time max_time
    want_mem="$(megabytes "$mem")" || refuse "--mem: '$mem' is not a size (e.g. 4G, 4000M)"
    want_time="$(minutes "$time")" || refuse "--time: '$time' is not a Slurm time (e.g. 04:00:00, 1-00:00:00)"
    max_time="$(minutes "$limit")" || max_time=-1
    (( cpus >= 1 )) || refuse "--cpus: must be at least 1, got $cpus"
    (( cpus <= cpus_max )) ||
        refuse "--cpus $cpus can never start: the largest node of partition '$partition' has $cpus_max CPUs (ask for --cpus $cpus_max or fewer)"
    (( want_mem <= mem_max )) ||
        refuse "--mem $mem can never start: the largest node of partition '$partition' has ${mem_max} MB (ask for --mem ${mem_max}M or less)"
    (( max_time < 0 || want_time <= max_time )) ||
        refuse "--time $time can never start: partition '$partition' allows at most $limit"
}

# The state of a job (or array task) as Slurm reports it; "unknown" once Slurm has forgotten it.
job_state() {
    local s
    s="$(squeue -h -t all -j "$1" -o %T 2>/dev/null | head -n 1 || true)"
    [[ -z "$s" ]] && s="$(sacct -n -X -P -j "$1" -o State 2>/dev/null | head -n 1 | cut -d' ' -f1 || true)"
    echo "${s:-unknown}"
}

failed_state() {
    case "$1" in FAILED | CANCELLED* | TIMEOUT | OUT_OF_MEMORY | NODE_FAIL | BOOT_FAIL | DEADLINE | PREEMPTED) return 0 ;; esac
    return 1
}

submit_merge() { # dependency (afterok:... or empty)
    local dependency=()
    [[ -n "$1" ]] && dependency=(--dependency="$1")
    sbatch --parsable "${common[@]}" --cpus-per-task=1 --job-name="mbp-$study-merge" \
        --output="$out/logs/merge-%j.log" "${dependency[@]}" \
        --export="ALL,MBP_ROOT=$root,OUT=$out,MERGE=1" "$self" "$study" "${study_args[@]}"
}

submit_shards() { # array index list
    sbatch --parsable "${common[@]}" --cpus-per-task="$cpus" --job-name="mbp-$study" --array="$1" \
        --output="$out/logs/shard-%a-%A.log" \
        --export="ALL,MBP_ROOT=$root,OUT=$out,MBP_SHARDS=$shards" "$self" "$study" "${study_args[@]}"
}

mode="" resubmit="" out="${OUT:-mbp-full}"
given=()    # options named on this command line: they override a resubmission's saved request
while [[ $# -gt 0 ]]; do
    case "$1" in
        --submit | --status) mode="${1#--}"; shift ;;
        --resubmit) mode=resubmit; resubmit="${2:?--resubmit needs the shard numbers, e.g. 3 or 1,4}"; shift 2 ;;
        --cpus | --mem | --time | --partition) given+=("${1#--}=${2:?$1 needs a value}"); shift 2 ;;
        --out) out="${2:?--out needs a folder}"; shift 2 ;;
        -h | --help) usage ;;
        *) break ;;
    esac
done
[[ -n "$mode" ]] || usage
cpus=2 mem=4G time=04:00:00 partition=""
apply_given() {
    local option
    for option in "${given[@]}"; do
        printf -v "${option%%=*}" '%s' "${option#*=}"
    done
}
apply_given
if [[ "$mode" = submit ]]; then
    mkdir -p "$out/logs" "$out/slurm" || refuse "cannot create $out"
fi
[[ -d "$out" ]] || refuse "$out does not exist (--out names the folder of a submitted run)"
out="$(cd "$out" && pwd)"
request="$out/slurm/request"
jobs="$out/slurm/jobs"

case "$mode" in
submit)
    study="${1:-}"
    [[ -n "$study" ]] || usage
    shift
    shards=32
    if [[ "${1:-}" =~ ^[0-9]+$ ]]; then shards="$1"; shift; fi
    (( shards >= 1 )) || refuse "SHARDS must be at least 1, got $shards"
    study_args=("$@")
    [[ ! -s "$jobs" ]] || refuse "$out already holds a submitted run ($jobs); use --status, --resubmit, or another --out"
    check_request
    common=(--partition="$partition" --mem="$mem" --time="$time")
    "$root/mbp" --version >/dev/null    # build once here, not in every task
    declare -p study shards study_args cpus mem time partition >"$request"
    array="$(submit_shards "0-$((shards - 1))")"
    array="${array%%;*}"
    merge="$(submit_merge "afterok:$array")"
    { for ((i = 0; i < shards; i++)); do echo "shard $i ${array}_$i"; done; echo "merge ${merge%%;*}"; } >"$jobs"
    say "submitted $study in $shards shard(s) as job array $array, the merge as job ${merge%%;*} (after every shard succeeds)"
    say "logs: $out/logs/; state: $self --status --out $out"
    ;;
status)
    [[ -s "$jobs" ]] || refuse "$out holds no submitted run (no $jobs)"
    failed=() active=0
    while read -r kind index job; do
        [[ "$kind" = shard ]] || continue
        s="$(job_state "$job")"
        echo "shard $index: $s (job $job)"
        if failed_state "$s"; then failed+=("$index"); elif [[ "$s" != COMPLETED && "$s" != unknown ]]; then active=1; fi
    done <"$jobs"
    merge="$(awk '$1 == "merge" {print $2}' "$jobs")"
    s="$(job_state "$merge")"
    reason="$(squeue -h -t all -j "$merge" -o %r 2>/dev/null || true)"
    echo "merge: $s${reason:+ ($reason)} (job $merge)"
    if [[ ${#failed[@]} -gt 0 ]]; then
        list="$(IFS=,; echo "${failed[*]}")"
        echo "failed: shard(s) $list; the merge will not run. Logs: $out/logs/. Resubmit (they resume from their cells.jsonl):"
        echo "  $self --resubmit $list --out $out"
        exit 1
    fi
    if [[ "$s" = COMPLETED ]]; then echo "merged: $out/merged"; elif (( active )); then echo "running"; fi
    ;;
resubmit)
    [[ -s "$request" && -s "$jobs" ]] || refuse "$out holds no submitted run (no $jobs)"
    # shellcheck disable=SC1090
    source "$request"
    apply_given
    [[ "$resubmit" =~ ^[0-9]+(,[0-9]+)*$ ]] || refuse "--resubmit: expected shard numbers such as 3 or 1,4, got '$resubmit'"
    IFS=, read -ra again <<<"$resubmit"
    for i in "${again[@]}"; do
        (( i < shards )) || refuse "--resubmit: shard $i does not exist (the run has shards 0 to $((shards - 1)))"
    done
    check_request
    common=(--partition="$partition" --mem="$mem" --time="$time")
    # The merge must also wait for the shards still queued or running; a failed shard not named is an error.
    waiting=()
    while read -r kind index job; do
        [[ "$kind" = shard ]] || continue
        [[ ",$resubmit," == *",$index,"* ]] && continue
        s="$(job_state "$job")"
        if failed_state "$s"; then
            refuse "shard $index failed too ($s): resubmit it as well (--resubmit $resubmit,$index)"
        fi
        case "$s" in PENDING | RUNNING | CONFIGURING | COMPLETING | SUSPENDED | REQUEUED) waiting+=("$job") ;; esac
    done <"$jobs"
    old_merge="$(awk '$1 == "merge" {print $2}' "$jobs")"
    scancel "$old_merge" 2>/dev/null || true
    array="$(submit_shards "$resubmit")"
    array="${array%%;*}"
    dependency="afterok:$array"
    for job in "${waiting[@]}"; do dependency="$dependency:$job"; done
    merge="$(submit_merge "$dependency")"
    {
        while read -r kind index job; do
            if [[ "$kind" = shard ]]; then
                if [[ ",$resubmit," == *",$index,"* ]]; then echo "shard $index ${array}_$index"; else echo "shard $index $job"; fi
            fi
        done <"$jobs"
        echo "merge ${merge%%;*}"
    } >"$jobs.new"
    mv "$jobs.new" "$jobs"
    say "resubmitted shard(s) $resubmit as job array $array; the merge is job ${merge%%;*} (old merge $old_merge cancelled)"
    ;;
esac
