#!/usr/bin/env bash
# Training throughput of mbp beside the same architectures in PyTorch on this machine, same thread
# count, interleaved: in each of --rounds rounds every network trains in mbp (this checkout's
# jar), in mbp of --before JAR when given (an earlier build), and in PyTorch, back to back, so
# that the VM's drift hits all of them alike. The table gives each one's median images/s over the
# rounds and the median of the rounds' ratios.
#
# mbp: `mbp train` on --train-size Fashion-MNIST images for two epochs, the second epoch's train
# images/s (JIT warm) from epochs.csv; DeepNCuts on 64 generated 64x64 scenes, batch 8.
# PyTorch: scripts/peer_train_torch.py (random input, 5 warm-up and --peer-batches timed batches).
# The peer is PyTorch on OpenBLAS (Debian python3-torch with libopenblas0-pthread); the script
# installs both when run as root and missing, and prints the peer's BLAS and LAPACK.
# Both mbp jars run with the JVM options of scripts/java-options (the launcher's), or the before jar
# with those of --before-options FILE (same format), to measure a change of the options themselves.
# Usage: scripts/bench-train.sh [--rounds 3] [--threads 2] [--before JAR] [--before-options FILE]
#                               [--networks LIST] [--train-size 6400] [--peer-batches 100] [--out DIR]
#   LIST: comma-separated of gap,gap-fc,deepo2p,deepo2p-fc,deepncuts (default: all)
#   Run on an otherwise idle machine.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
rounds=3
threads=2
before=""
before_options="scripts/java-options"
networks="gap,gap-fc,deepo2p,deepo2p-fc,deepncuts"
size=6400
peer_batches=100
out=""
while [ $# -gt 0 ]; do
    case "$1" in
        --rounds) rounds="$2"; shift 2 ;;
        --threads) threads="$2"; shift 2 ;;
        --before) before="$2"; shift 2 ;;
        --before-options) before_options="$2"; shift 2 ;;
        --networks) networks="$2"; shift 2 ;;
        --train-size) size="$2"; shift 2 ;;
        --peer-batches) peer_batches="$2"; shift 2 ;;
        --out) out="$2"; shift 2 ;;
        -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench-train: unknown option '$1' (see --help)" >&2; exit 2 ;;
    esac
done
if [ -n "$before" ] && [ ! -f "$before" ]; then
    echo "bench-train: --before $before is not a file (an mbp.jar of an earlier build)" >&2
    exit 2
fi
if [ ! -f "$before_options" ]; then
    echo "bench-train: --before-options $before_options is not a file (JVM options, one per line)" >&2
    exit 2
fi
mapfile -t after_jvm < <(grep -v '^#' scripts/java-options | grep .)
mapfile -t before_jvm < <(grep -v '^#' "$before_options" | grep .)
lapack=/usr/lib/x86_64-linux-gnu/openblas-pthread/liblapack.so.3
if ! /usr/bin/python3 -c 'import torch' 2>/dev/null || [ ! -e "$lapack" ]; then
    if [ "$(id -u)" = 0 ]; then
        apt-get install -y python3-torch libopenblas0-pthread >/dev/null
    else
        echo "bench-train: the peer needs Debian's python3-torch and libopenblas0-pthread (run as root to install them)" >&2
        exit 2
    fi
fi
./mbp --version >/dev/null
scripts/ensure-fonts.sh
if [ -z "$out" ]; then
    out="$(mktemp -d)"
fi
mkdir -p "$out"
jar=experiments/cli/target/mbp.jar

train() {  # JAR NETWORK FOLDER JVM-OPTION...
    local java=(java "${@:4}" -jar "$1")
    rm -rf "$3"
    if [ "$2" = deepncuts ]; then
        "${java[@]}" train deepncuts --scenes 64 --test-scenes 16 --epochs 2 --batch 8 --fashion-fraction 0 \
            --threads "$threads" --out "$3" >"$3.log" 2>&1
    else
        "${java[@]}" train deepo2p --variant "$2" --train-size "$size" --test-size 1000 --epochs 2 \
            --threads "$threads" --out "$3" >"$3.log" 2>&1
    fi
}

IFS=, read -r -a chosen <<<"$networks"
for ((r = 1; r <= rounds; r++)); do
    for net in "${chosen[@]}"; do
        echo "round $r of $rounds: $net" >&2
        train "$jar" "$net" "$out/after-$net-$r" "${after_jvm[@]}"
        if [ -n "$before" ]; then
            train "$before" "$net" "$out/before-$net-$r" "${before_jvm[@]}"
        fi
        peer="$net"
        case "$net" in deepo2p) peer=o2p ;; deepo2p-fc) peer=o2p-fc ;; esac
        /usr/bin/python3 scripts/peer_train_torch.py --arch "$peer" --threads "$threads" \
            --batches "$peer_batches" >"$out/torch-$net-$r.json"
    done
done
/usr/bin/python3 scripts/bench_train_table.py "$out" "$rounds" "$threads" "$networks" "$lapack" "${before:+1}"
