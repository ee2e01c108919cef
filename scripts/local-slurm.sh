#!/usr/bin/env bash
# A one-node Slurm on this machine, for trying scripts/slurm-study.sh and for its integration test
# (scripts/test-slurm.sh). It uses Debian's packages (slurm-wlm, munge; installed when missing and
# we are root with apt-get), keeps everything it writes in one state folder (its own slurm.conf,
# munge key and socket, spool, logs, pid files) and stops only the daemons it started.
#
#   scripts/local-slurm.sh start     # starts munged, slurmctld and slurmd; waits until the node is idle
#   eval "$(scripts/local-slurm.sh env)"   # SLURM_CONF for sbatch, sinfo, squeue in this shell
#   scripts/local-slurm.sh status    # the daemons and the node's state
#   scripts/local-slurm.sh stop      # stops what start started
#
# State folder: MBP_SLURM_STATE (default /tmp/mbp-slurm). The daemons run as root (SlurmUser=root)
# and munged as the munge user: the settings known to work in a container (no cgroups:
# proctrack/linuxproc, task/none; select/cons_tres so that jobs share the node by CPU and memory).
set -euo pipefail

state="${MBP_SLURM_STATE:-/tmp/mbp-slurm}"
conf="$state/slurm.conf"
node="$(hostname -s)"

say() { echo "local-slurm: $*" >&2; }
die() { say "$*"; exit 1; }

running() { # pid file
    [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null
}

ensure_packages() {
    local missing=()
    command -v slurmctld >/dev/null 2>&1 && command -v slurmd >/dev/null 2>&1 && command -v sbatch >/dev/null 2>&1 ||
        missing+=(slurm-wlm)
    command -v munged >/dev/null 2>&1 || missing+=(munge)
    [[ ${#missing[@]} -eq 0 ]] && return 0
    if [[ "$(id -u)" != 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
        die "needs ${missing[*]} (Debian: apt-get install -y slurm-wlm munge, as root)"
    fi
    say "installing ${missing[*]}"
    { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q slurm-wlm munge; } >"$state/apt.log" 2>&1 ||
        die "could not install ${missing[*]} (log: $state/apt.log)"
}

write_conf() {
    # The node as slurmd sees it (CPUs, sockets, cores, memory), so that it is not drained for a mismatch.
    local hardware
    hardware="$(slurmd -C | head -n 1)"
    cat >"$conf" <<EOF
# Written by scripts/local-slurm.sh: a one-node cluster for tests.
ClusterName=mbp-local
SlurmctldHost=$node(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$state/munge/munge.socket
SlurmctldPort=${MBP_SLURM_PORT:-6817}
SlurmdPort=$(( ${MBP_SLURM_PORT:-6817} + 1 ))
StateSaveLocation=$state/ctld
SlurmdSpoolDir=$state/spool
SlurmctldPidFile=$state/slurmctld.pid
SlurmdPidFile=$state/slurmd.pid
SlurmctldLogFile=$state/slurmctld.log
SlurmdLogFile=$state/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
SchedulerType=sched/backfill
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
ReturnToService=2
MinJobAge=600
KillWait=5
$hardware NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=local Nodes=$node Default=YES MaxTime=INFINITE State=UP
EOF
    sed -i 's/ UpTime=[^ ]*//' "$conf"
}

start_munge() {
    local dir="$state/munge"
    if running "$dir/munged.pid"; then
        return 0
    fi
    # Others may enter the folder (munged requires it: root's daemons reach the socket through it).
    install -d -o munge -g munge -m 0711 "$dir"
    [[ -f "$dir/munge.key" ]] || runuser -u munge -- mungekey --create --keyfile="$dir/munge.key"
    runuser -u munge -- munged --socket="$dir/munge.socket" --key-file="$dir/munge.key" \
        --log-file="$dir/munged.log" --pid-file="$dir/munged.pid" --seed-file="$dir/munged.seed" ||
        die "munged did not start (log: $dir/munged.log)"
}

wait_idle() {
    local deadline=$(( SECONDS + 60 )) s
    while (( SECONDS < deadline )); do
        s="$(SLURM_CONF="$conf" sinfo -h -n "$node" -o %T 2>/dev/null || true)"
        case "$s" in
            idle | mixed | allocated) say "node $node is $s"; return 0 ;;
            down* | drain*) SLURM_CONF="$conf" scontrol update nodename="$node" state=resume 2>/dev/null || true ;;
        esac
        sleep 1
    done
    die "the node did not become idle in 60 s (state '${s:-unknown}'; logs: $state/slurmctld.log, $state/slurmd.log)"
}

start() {
    [[ "$(id -u)" = 0 ]] || die "must run as root (slurmd runs jobs as their users; munged as the munge user)"
    mkdir -p "$state"
    chmod 0755 "$state"
    ensure_packages
    id munge >/dev/null 2>&1 || die "the munge user is missing (reinstall the munge package)"
    mkdir -p "$state/ctld" "$state/spool"
    running "$state/slurmctld.pid" || running "$state/slurmd.pid" || write_conf
    start_munge
    running "$state/slurmctld.pid" || SLURM_CONF="$conf" slurmctld -i || die "slurmctld did not start (log: $state/slurmctld.log)"
    running "$state/slurmd.pid" || SLURM_CONF="$conf" slurmd || die "slurmd did not start (log: $state/slurmd.log)"
    wait_idle
    echo "export SLURM_CONF=$conf"
}

stop_one() { # name pid-file
    running "$2" || return 0
    local pid
    pid="$(cat "$2")"
    kill "$pid"
    for _ in $(seq 50); do
        kill -0 "$pid" 2>/dev/null || { say "stopped $1"; return 0; }
        sleep 0.2
    done
    kill -9 "$pid" 2>/dev/null || true
    say "killed $1"
}

stop() {
    stop_one slurmd "$state/slurmd.pid"
    stop_one slurmctld "$state/slurmctld.pid"
    stop_one munged "$state/munge/munged.pid"
}

status() {
    local name file
    for name in munged slurmctld slurmd; do
        file="$state/$name.pid"
        [[ "$name" = munged ]] && file="$state/munge/munged.pid"
        if running "$file"; then echo "$name: running (pid $(cat "$file"))"; else echo "$name: not running"; fi
    done
    if running "$state/slurmctld.pid"; then
        SLURM_CONF="$conf" sinfo -N -o "%N %P %T %c %m"
    fi
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    env) echo "export SLURM_CONF=$conf" ;;
    *) echo "usage: $0 start|stop|status|env   (state folder: $state, MBP_SLURM_STATE)" >&2; exit 2 ;;
esac
