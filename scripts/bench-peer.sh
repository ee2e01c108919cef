#!/usr/bin/env bash
# mbp's DeepO2P forward + backward (JMH DeepO2PBenchmark, EjmlOps.fastest: OpenBLAS products and
# LAPACK decompositions) beside PyTorch's (scripts/peer_pytorch.py) on this machine, as ratios.
# The two run back to back, interleaved, for --rounds rounds (a noisy VM drifts; interleaving
# exposes both to the same drift), and the table gives each row's median over the rounds and the
# median of the per-round ratios mbp / PyTorch. Rows: F 169x256, batch 16, both precisions, both
# routes (svd, eig), both forms (paper, stable). With --curve also the cost per matrix for
# d = 32, 64, 128, 256, 512 (F of ceil(0.66 d) x d, double, stable form, both routes), as a table
# and as a log-log chart (curve.png, drawn by the reports module's charts).
# The peer is PyTorch on OpenBLAS (Debian python3-torch with libopenblas0-pthread); the script
# installs both when run as root and missing, and prints the peer's BLAS and LAPACK.
# The curve runs batches of 4 (the time per matrix is what is compared), with fewer repetitions.
# Usage: scripts/bench-peer.sh [--rounds 3] [--threads 2] [--peer-reps 10] [--curve] [--out DIR]
#   MBP_MVN_FLAGS="-o" for an offline build.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
rounds=3
threads=2
reps=10
curve=0
out=""
while [ $# -gt 0 ]; do
    case "$1" in
        --rounds) rounds="$2"; shift 2 ;;
        --threads) threads="$2"; shift 2 ;;
        --peer-reps) reps="$2"; shift 2 ;;
        --curve) curve=1; shift ;;
        --out) out="$2"; shift 2 ;;
        -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench-peer: unknown option '$1' (see --help)" >&2; exit 2 ;;
    esac
done
lapack=/usr/lib/x86_64-linux-gnu/openblas-pthread/liblapack.so.3
if ! /usr/bin/python3 -c 'import torch' 2>/dev/null || [ ! -e "$lapack" ]; then
    if [ "$(id -u)" = 0 ]; then
        apt-get install -y python3-torch libopenblas0-pthread >/dev/null
    else
        echo "bench-peer: the peer needs Debian's python3-torch and libopenblas0-pthread (run as root to install them)" >&2
        exit 2
    fi
fi
mvn -q -B ${MBP_MVN_FLAGS:-} -Pjmh -pl toolkit -am -DskipTests package
if [ "$curve" = 1 ]; then
    ./mbp --version >/dev/null
fi
if [ -z "$out" ]; then
    out="$(mktemp -d)"
fi
mkdir -p "$out"
jmh=(java -jar toolkit/target/mbp-benchmarks.jar DeepO2PBenchmark -f 1 -w 2 -r 2 -p "threads=$threads")
for ((r = 1; r <= rounds; r++)); do
    echo "round $r of $rounds: mbp" >&2
    "${jmh[@]}" -wi 2 -i 3 -p batch=16 -rf json -rff "$out/mbp-$r.json" >"$out/mbp-$r.log"
    echo "round $r of $rounds: PyTorch" >&2
    /usr/bin/python3 scripts/peer_pytorch.py --threads "$threads" --reps "$reps" --warmup 1 --json "$out/torch-$r.json" >"$out/torch-$r.log"
    if [ "$curve" = 1 ]; then
        for d in 32 64 128 256 512; do
            m=$(( (66 * d + 99) / 100 ))
            echo "round $r of $rounds: cost curve d = $d" >&2
            "${jmh[@]}" -wi 1 -i 2 -p batch=4 -p precision=double -p form=stable -p "locations=$m" -p "dimensions=$d" \
                -rf json -rff "$out/curve-mbp-$r-$d.json" >"$out/curve-mbp-$r-$d.log"
            /usr/bin/python3 scripts/peer_pytorch.py --threads "$threads" --dims "$d" --precisions double \
                --forms stable --batch 4 --reps "$(( (reps + 1) / 2 ))" --warmup 1 --json "$out/curve-torch-$r-$d.json" >"$out/curve-torch-$r-$d.log"
        done
    fi
done
/usr/bin/python3 scripts/bench_peer_table.py "$out" "$rounds" "$threads" "$curve" "$lapack"
if [ "$curve" = 1 ]; then
    java -Djava.awt.headless=true -cp experiments/cli/target/mbp.jar scripts/CostCurveChart.java "$out/curve.tsv" "$out/curve.png"
    echo "chart: $out/curve.png" >&2
fi
