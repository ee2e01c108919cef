#!/usr/bin/python3
"""The table of scripts/bench-peer.sh: mbp (JMH) against PyTorch per row, median over rounds.

Usage: bench_peer_table.py OUT ROUNDS THREADS CURVE LAPACK_LIBRARY
Reads OUT/mbp-R.json and OUT/torch-R.json (and OUT/curve-*-R-D.json when CURVE is 1) for
R = 1..ROUNDS, prints Markdown tables and writes OUT/summary.json (and OUT/curve.tsv).
"""
import json
import os
import platform
import re
import statistics
import sys

import numpy
import torch

DIMS = (32, 64, 128, 256, 512)


def mbp_rows(path):
    """{(precision, route, form, d): ms per matrix} of one JMH result file."""
    rows = {}
    for r in json.load(open(path)):
        p = r["params"]
        key = (p["precision"], p["route"], p["form"], int(p["dimensions"]))
        rows[key] = r["primaryMetric"]["score"] / int(p["batch"])
    return rows


def torch_rows(path):
    rows = {}
    for r in json.load(open(path))["results"]:
        rows[(r["precision"], r["route"], r["form"], r.get("dimensions", 256))] = r["ms_per_matrix"]
    return rows


def peer_libraries(lapack):
    config = torch.__config__.show()
    info = re.findall(r"\b(?:BLAS_INFO|LAPACK_INFO)=[^,\s]*", config)
    return (f"PyTorch {torch.__version__} ({', '.join(info)}: the system libblas.so.3/liblapack.so.3), "
            f"NumPy {numpy.__version__}; liblapack.so.3 -> {os.path.realpath(lapack)}")


def main():
    out, rounds, threads, curve, lapack = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4] == "1", sys.argv[5]
    mbp = [mbp_rows(os.path.join(out, f"mbp-{r}.json")) for r in range(1, rounds + 1)]
    peer = [torch_rows(os.path.join(out, f"torch-{r}.json")) for r in range(1, rounds + 1)]
    print(f"Peer: {peer_libraries(lapack)}")
    print(f"Machine: {platform.platform()}, {os.cpu_count()} CPUs; {threads} threads; {rounds} interleaved rounds")
    print()
    print("F 169x256, batch 16, ms per matrix (median over rounds); ratio = median of the rounds' mbp / PyTorch")
    print()
    print("| precision | route | form | mbp ms | PyTorch ms | mbp / PyTorch |")
    print("|---|---|---|---|---|---|")
    summary = dict(peer=peer_libraries(lapack), threads=threads, rounds=rounds, rows=[], best=[], curve=[])
    for precision in ("double", "float"):
        for route in ("svd", "eig"):
            for form in ("paper", "stable"):
                key = (precision, route, form, 256)
                a = statistics.median(m[key] for m in mbp)
                b = statistics.median(p[key] for p in peer)
                ratio = statistics.median(m[key] / p[key] for m, p in zip(mbp, peer))
                summary["rows"].append(dict(precision=precision, route=route, form=form, mbp_ms=a,
                                            torch_ms=b, ratio=ratio))
                print(f"| {precision} | {route} | {form} | {a:.2f} | {b:.2f} | {ratio:.2f} |")
    print()
    print("| precision | mbp's best row (ms) | PyTorch's best route (ms) | ratio (median of rounds) |")
    print("|---|---|---|---|")
    for precision in ("double", "float"):
        def best(rows, forms):
            return min(v for k, v in rows.items() if k[0] == precision and k[2] in forms and k[3] == 256)
        ratios = [best(m, ("paper", "stable")) / best(p, ("paper", "stable")) for m, p in zip(mbp, peer)]
        a = statistics.median(best(m, ("paper", "stable")) for m in mbp)
        b = statistics.median(best(p, ("paper", "stable")) for p in peer)
        summary["best"].append(dict(precision=precision, mbp_ms=a, torch_ms=b, ratio=statistics.median(ratios)))
        print(f"| {precision} | {a:.2f} | {b:.2f} | {statistics.median(ratios):.2f} |")
    if curve:
        print()
        print("Cost curve, double, stable form, ms per matrix (median over rounds)")
        print()
        print("| d | F | mbp svd | mbp eig | PyTorch svd | PyTorch eig | mbp best / PyTorch best |")
        print("|---|---|---|---|---|---|---|")
        lines = ["d\tmbp svd\tmbp eig\tPyTorch svd\tPyTorch eig"]
        for d in DIMS:
            m = [mbp_rows(os.path.join(out, f"curve-mbp-{r}-{d}.json")) for r in range(1, rounds + 1)]
            p = [torch_rows(os.path.join(out, f"curve-torch-{r}-{d}.json")) for r in range(1, rounds + 1)]
            cells = [statistics.median(x[("double", route, "stable", d)] for x in rows)
                     for rows in (m, p) for route in ("svd", "eig")]
            ratio = statistics.median(
                min(x[("double", r, "stable", d)] for r in ("svd", "eig"))
                / min(y[("double", r, "stable", d)] for r in ("svd", "eig")) for x, y in zip(m, p))
            summary["curve"].append(dict(d=d, mbp_svd=cells[0], mbp_eig=cells[1], torch_svd=cells[2],
                                         torch_eig=cells[3], best_ratio=ratio))
            lines.append("\t".join([str(d)] + [repr(c) for c in cells]))
            print(f"| {d} | {(66 * d + 99) // 100}x{d} | " + " | ".join(f"{c:.3f}" for c in cells) + f" | {ratio:.2f} |")
        with open(os.path.join(out, "curve.tsv"), "w") as f:
            f.write("\n".join(lines) + "\n")
    with open(os.path.join(out, "summary.json"), "w") as f:
        json.dump(summary, f, indent=2)


if __name__ == "__main__":
    main()
