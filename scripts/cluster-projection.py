#!/usr/bin/python3
"""Projects the wall time of the full svd-vs-eig grid on a cluster from measured per-cell costs.

Reads a cells.jsonl of svd-vs-eig (each cell's seconds on one core, and its d and shape), fits
cost = a * d**b per shape by least squares in log-log over the cells with d >= 32 (below, the JVM's
warm-up and fixed costs dominate), and lays out the full grid's cells (SvdVsEigGrid.defaults(FULL),
in the grid's order) on N shards as `mbp study --shard i/N` does (cell index mod N). The projected
wall time on N nodes is the largest shard's sum (one core per shard; with c cores per node and
--threads c, divide by about c while each shard holds many more than c cells).

Usage: scripts/cluster-projection.py CELLS_JSONL [NODES ...]   (default nodes: 32 128)
"""
import json
import sys

import numpy as np

FULL_D = [8, 32, 128, 256]
KAPPAS, GAPS = 5, 8
EPSILONS = {"tall": 3, "wide": 2}  # wide F only with epsilon > 0


def measured(path):
    by = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            cell = json.loads(line)
            if "rows" not in cell:
                continue
            row = cell["rows"][0]
            by.setdefault((row["shape"], row["d"]), []).append(cell["seconds"])
    return {k: float(np.mean(v)) for k, v in by.items()}


def fit(costs, shape):
    points = sorted((d, c) for (s, d), c in costs.items() if s == shape and d >= 32)
    d = np.log([p[0] for p in points])
    c = np.log([p[1] for p in points])
    b, log_a = np.polyfit(d, c, 1)
    return float(np.exp(log_a)), float(b)


def main():
    costs = measured(sys.argv[1])
    nodes = [int(n) for n in sys.argv[2:]] or [32, 128]
    print("measured seconds per cell (one core):")
    for (shape, d), c in sorted(costs.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        print(f"  d = {d:4d} {shape:5s} {c:8.1f}")
    model = {shape: fit(costs, shape) for shape in EPSILONS}
    for shape, (a, b) in model.items():
        print(f"fit {shape}: {a:.3g} * d^{b:.2f} s")
    cells = []  # (d, seconds) in grid order: d, then shape, then kappa, epsilon, gap
    for d in FULL_D:
        for shape in ("tall", "wide"):
            a, b = model[shape]
            cost = costs[(shape, d)] if d < 32 else a * d ** b
            cells += [(d, cost)] * (KAPPAS * EPSILONS[shape] * GAPS)
    seconds = [c for _, c in cells]
    total = sum(seconds)
    print(f"full grid: {len(cells)} cells, {total / 3600:.1f} core-hours")
    for d in FULL_D:
        print(f"  d = {d}: {sum(c for dd, c in cells if dd == d) / 3600:.2f} core-hours")
    for n in [1] + nodes:
        wall = max(sum(seconds[i::n]) for i in range(n))
        print(f"{n:4d} node(s), one core each: {wall / 3600:6.2f} h (ideal {total / n / 3600:.2f} h)")


if __name__ == "__main__":
    main()
