#!/usr/bin/env bash
# Training throughput of mbp beside the same architectures in PyTorch (Debian's python3-torch, CPU),
# on this machine, with the same thread count. Prints a Markdown table for docs/BENCHMARKS.md.
#
# mbp: `mbp train` on a slice of the data for two epochs; the second epoch's images/s (JIT warm)
# from epochs.csv. PyTorch: scripts/peer_train_torch.py (random input, timed batches after warm-up).
# mbp's DeepNCuts test rate includes its spectral-clustering inference and covering; PyTorch's is
# the forward J2 only.
# Usage: scripts/bench-train.sh [THREADS]   (default 2; run on an otherwise idle machine)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
threads="${1:-2}"
./mbp --version >/dev/null
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for variant in gap gap-fc deepo2p deepo2p-fc; do
    ./mbp train deepo2p --variant "$variant" --train-size 12800 --test-size 2000 --epochs 2 \
        --threads "$threads" --out "$work/$variant" >/dev/null 2>&1
done
./mbp train deepncuts --scenes 64 --test-scenes 16 --epochs 2 --batch 8 --fashion-fraction 0 \
    --threads "$threads" --out "$work/deepncuts" >/dev/null 2>&1
/usr/bin/python3 scripts/peer_train_torch.py --threads "$threads" --batches 200 > "$work/torch.jsonl"
/usr/bin/python3 - "$work" "$threads" <<'PY'
import csv, json, os, sys
work, threads = sys.argv[1], sys.argv[2]
torch = {}
for line in open(os.path.join(work, "torch.jsonl")):
    if line.strip():
        r = json.loads(line)
        torch[r["name"]] = r
def epoch2(path):
    rows = list(csv.DictReader(open(path)))
    return float(rows[-1]["train_images_per_s"]), float(rows[-1]["test_images_per_s"])
runs = [("gap", "gap/gap/epochs.csv", "gap"), ("gap-fc", "gap-fc/gap-fc/epochs.csv", "gap-fc"),
        ("deepo2p", "deepo2p/deepo2p/epochs.csv", "o2p"), ("deepo2p-fc", "deepo2p-fc/deepo2p-fc/epochs.csv", "o2p-fc"),
        ("deepncuts (J2)", "deepncuts/deepncuts-j2/epochs.csv", "deepncuts")]
print(f"| network | mbp train img/s | PyTorch train img/s | mbp / PyTorch | mbp test img/s | PyTorch test img/s |")
print("|---|---|---|---|---|---|")
for name, path, peer in runs:
    train, test = epoch2(os.path.join(work, path))
    p = torch[peer]
    print(f"| {name} | {train:.1f} | {p['train_images_per_s']:.1f} | {train / p['train_images_per_s']:.2f} | "
          f"{test:.1f} | {p['test_images_per_s']:.1f} |")
print(f"\nthreads {threads}; torch {next(iter(torch.values()))['torch']}; cpu {next(iter(torch.values()))['cpu']}")
PY
