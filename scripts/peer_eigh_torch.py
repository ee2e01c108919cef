#!/usr/bin/env python3
"""Times PyTorch's batched double-precision eigh and svd on the GPU, as the peer of mbp's batched
Jacobi kernels in scripts/device-check.sh: batch 128 of d×d matrices, the same input law as
mbp device-check (org.mbp.devicecheck.JacobiCheck): symmetric A = (G + Gᵀ)/2 with standard normal
G for eigh, G itself for svd. Prints one JSON object: {"device": ..., "torch": ..., "eigh": {d: ms}, "svd": {d: ms}}.

Usage: /usr/bin/python3 scripts/peer_eigh_torch.py [--batch 128] [--sizes 32,64,128,256] [--repeats 5]
"""
import argparse
import json
import statistics
import sys
import time

import torch


def median_ms(fn, repeats):
    fn()
    torch.cuda.synchronize()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        torch.cuda.synchronize()
        times.append(1e3 * (time.perf_counter() - start))
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, default=128)
    parser.add_argument("--sizes", default="32,64,128,256")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    if not torch.cuda.is_available():
        print(json.dumps({"error": "torch sees no CUDA device"}))
        return 1
    gen = torch.Generator(device="cuda").manual_seed(20261129)
    result = {"device": torch.cuda.get_device_name(0), "torch": torch.__version__, "batch": args.batch,
              "eigh": {}, "svd": {}}
    for d in [int(s) for s in args.sizes.split(",")]:
        g = torch.randn(args.batch, d, d, dtype=torch.float64, device="cuda", generator=gen)
        a = (g + g.transpose(1, 2)) / 2
        result["eigh"][str(d)] = median_ms(lambda: torch.linalg.eigh(a), args.repeats)
        result["svd"][str(d)] = median_ms(lambda: torch.linalg.svd(g, full_matrices=False), args.repeats)
        print(f"torch d={d}: eigh {result['eigh'][str(d)]:.2f} ms, svd {result['svd'][str(d)]:.2f} ms",
              file=sys.stderr)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
