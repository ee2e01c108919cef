#!/usr/bin/python3
"""The table of scripts/bench-train.sh: mbp (and an earlier mbp) against PyTorch, median over rounds.

Usage: bench_train_table.py OUT ROUNDS THREADS NETWORKS LAPACK_LIBRARY [BEFORE]
Reads OUT/after-NET-R/**/epochs.csv, OUT/before-NET-R/**/epochs.csv (when BEFORE is 1) and
OUT/torch-NET-R.json for R = 1..ROUNDS, prints a Markdown table and writes OUT/summary.json.
"""
import csv
import glob
import json
import os
import platform
import statistics
import sys

from bench_peer_table import peer_libraries


def mbp_rate(folder):
    """The last epoch's train images/s of the run in folder."""
    path = glob.glob(os.path.join(folder, "**", "epochs.csv"), recursive=True)[0]
    rows = list(csv.DictReader(open(path)))
    return float(rows[-1]["train_images_per_s"])


def torch_rate(path):
    return json.loads(open(path).read().strip().splitlines()[-1])["train_images_per_s"]


def main():
    out, rounds, threads, networks, lapack = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
    before = len(sys.argv) > 6 and sys.argv[6] == "1"
    print(f"Peer: {peer_libraries(lapack)}")
    print(f"Machine: {platform.platform()}, {os.cpu_count()} CPUs; {threads} threads; {rounds} interleaved rounds")
    print()
    head = "| network | mbp img/s |" + (" before img/s | after / before |" if before else "")
    print(head + " PyTorch img/s | mbp / PyTorch | target ≥ 1.0 |")
    print("|---|---|" + ("---|---|" if before else "") + "---|---|---|")
    summary = dict(peer=peer_libraries(lapack), threads=threads, rounds=rounds, rows=[])
    for net in networks.split(","):
        after = [mbp_rate(os.path.join(out, f"after-{net}-{r}")) for r in range(1, rounds + 1)]
        peer = [torch_rate(os.path.join(out, f"torch-{net}-{r}.json")) for r in range(1, rounds + 1)]
        ratio = statistics.median(a / p for a, p in zip(after, peer))
        row = dict(network=net, mbp=after, torch=peer, ratio=ratio)
        line = f"| {net} | {statistics.median(after):.0f} |"
        if before:
            old = [mbp_rate(os.path.join(out, f"before-{net}-{r}")) for r in range(1, rounds + 1)]
            speedup = statistics.median(a / b for a, b in zip(after, old))
            row.update(before=old, speedup=speedup)
            line += f" {statistics.median(old):.0f} | {speedup:.2f} |"
        line += f" {statistics.median(peer):.0f} | {ratio:.2f} | {'met' if ratio >= 1.0 else '**not met**'} |"
        print(line)
        summary["rows"].append(row)
    with open(os.path.join(out, "summary.json"), "w") as f:
        json.dump(summary, f, indent=1)


if __name__ == "__main__":
    main()
