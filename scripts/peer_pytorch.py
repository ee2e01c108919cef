#!/usr/bin/python3
"""PyTorch peer of the DeepO2P benchmark: forward + backward of L = <G, log(F'F + eps I)>.

The same computation as toolkit/src/jmh/.../DeepO2PBenchmark.java: a batch of 16 F of 169x256
(AlexNet conv5), eps = 1e-3, upstream G a random symmetric 256x256, in float64 and float32, in
the paper's two routes and in the gap-stable form:

  svd/paper   torch.linalg.svd of F (the natural PyTorch form: C = V log(S^2 + eps) V' on the row
              space plus log(eps) on the null space of F), autograd backward
  eig/paper   torch.linalg.eigh of Z = F'F + eps I, C = U log(L) U', autograd backward
  */stable    the same decompositions with a hand-written Daleckii-Krein backward
              (custom autograd.Function), as mbp's stable form

Run with Debian's interpreter: /usr/bin/python3 scripts/peer_pytorch.py [--threads 2] [--json F]
  [--dims 256] [--precisions double,float] [--routes svd,eig] [--forms paper,stable]
F is ceil(0.66 d) x d for each d of --dims (169x256 at the default d = 256).
Prints the time per matrix (batch time / batch size), median of the repetitions.
"""
import argparse
import json
import math
import platform
import statistics
import time

import torch

EPS = 1e-3


def divided_differences_log(lam):
    """Gamma_ij = log1p(|li - lj| / min) / |li - lj|, 1/l on ties (as mbp's Log)."""
    li, lj = lam.unsqueeze(-1), lam.unsqueeze(-2)
    low = torch.minimum(li, lj)
    gap = (li - lj).abs()
    quotient = torch.log1p(gap / low) / gap
    return torch.where(gap == 0, 1.0 / low, quotient)


class StableLogGram(torch.autograd.Function):
    """C = log(F'F + eps I) with the Daleckii-Krein backward; spectrum from SVD or EIG."""

    @staticmethod
    def forward(ctx, f, route):
        d = f.shape[-1]
        if route == "svd":
            _, s, vh = torch.linalg.svd(f, full_matrices=True)
            v = vh.transpose(-1, -2)
            lam = torch.full(f.shape[:-2] + (d,), EPS, dtype=f.dtype)
            lam[..., : s.shape[-1]] += s * s
        else:
            z = f.transpose(-1, -2) @ f + EPS * torch.eye(d, dtype=f.dtype)
            lam, v = torch.linalg.eigh(z)
        c = (v * torch.log(lam).unsqueeze(-2)) @ v.transpose(-1, -2)
        ctx.save_for_backward(f, v, lam)
        return c

    @staticmethod
    def backward(ctx, c_bar):
        f, v, lam = ctx.saved_tensors
        gamma = divided_differences_log(lam)
        inner = gamma * (v.transpose(-1, -2) @ c_bar @ v)
        z_bar = v @ inner @ v.transpose(-1, -2)
        return f @ (z_bar + z_bar.transpose(-1, -2)), None


def paper_svd(f):
    d = f.shape[-1]
    _, s, vh = torch.linalg.svd(f, full_matrices=False)
    v = vh.transpose(-1, -2)
    log_eps = torch.log(torch.tensor(EPS, dtype=f.dtype))
    row_space = (v * (torch.log(s * s + EPS) - log_eps).unsqueeze(-2)) @ v.transpose(-1, -2)
    return row_space + log_eps * torch.eye(d, dtype=f.dtype)


def paper_eig(f):
    d = f.shape[-1]
    z = f.transpose(-1, -2) @ f + EPS * torch.eye(d, dtype=f.dtype)
    lam, u = torch.linalg.eigh(z)
    return (u * torch.log(lam).unsqueeze(-2)) @ u.transpose(-1, -2)


def layer(route, form):
    if form == "stable":
        return lambda f: StableLogGram.apply(f, route)
    return paper_svd if route == "svd" else paper_eig


def time_config(dtype, route, form, batch, m, d, reps, warmup):
    gen = torch.Generator().manual_seed(1)
    f0 = torch.randn(batch, m, d, generator=gen, dtype=torch.float64).to(dtype)
    g = torch.randn(batch, d, d, generator=gen, dtype=torch.float64).to(dtype)
    g = (g + g.transpose(-1, -2)) / 2
    fn = layer(route, form)
    times = []
    for rep in range(warmup + reps):
        f = f0.clone().requires_grad_(True)
        start = time.perf_counter()
        c = fn(f)
        (c * g).sum().backward()
        elapsed = time.perf_counter() - start
        if not torch.isfinite(f.grad).all():
            raise RuntimeError(f"{route}/{form}/{dtype}: non-finite gradient")
        if rep >= warmup:
            times.append(elapsed)
    return statistics.median(times) / batch * 1e3, min(times) / batch * 1e3


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--reps", type=int, default=10)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--json", help="also write the results here")
    parser.add_argument("--dims", default="256", help="comma-separated d; F is ceil(0.66 d) x d")
    parser.add_argument("--precisions", default="double,float")
    parser.add_argument("--routes", default="svd,eig")
    parser.add_argument("--forms", default="paper,stable")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    dtypes = dict(double=torch.float64, float=torch.float32)
    rows = []
    print(f"PyTorch {torch.__version__}, {torch.get_num_threads()} threads, batch {args.batch}")
    print(f"{'F':9s} {'precision':9s} {'route':5s} {'form':6s} {'median ms/matrix':>17s} {'min ms/matrix':>14s}")
    for d in (int(x) for x in args.dims.split(",")):
        m = math.ceil(0.66 * d)
        for name in args.precisions.split(","):
            for route in args.routes.split(","):
                for form in args.forms.split(","):
                    median, best = time_config(dtypes[name], route, form, args.batch, m, d, args.reps,
                                               args.warmup)
                    rows.append(dict(precision=name, route=route, form=form, locations=m, dimensions=d,
                                     ms_per_matrix=median, min_ms_per_matrix=best))
                    print(f"{f'{m}x{d}':9s} {name:9s} {route:5s} {form:6s} {median:17.2f} {best:14.2f}",
                          flush=True)
    if args.json:
        with open(args.json, "w") as out:
            json.dump(dict(torch=torch.__version__, threads=args.threads, batch=args.batch,
                           blas=torch.__config__.show(), machine=platform.platform(), results=rows),
                      out, indent=2)


if __name__ == "__main__":
    main()
