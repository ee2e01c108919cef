#!/usr/bin/python3
"""Cross-check `mbp grad` against PyTorch autograd (float64) on random inputs.

Each layer's loss is written in PyTorch with formulas independent of mbp's (projectors as
A (AᵀA)⁻¹ Aᵀ, matrix functions through torch.linalg.eigh), differentiated by autograd, and
compared with the gradient file that `mbp grad` writes. Needs Debian's python3-torch and
python3-numpy; run from the repository root:  /usr/bin/python3 scripts/crosscheck_torch.py
"""
import json
import os
import subprocess
import sys
import tempfile

import numpy as np
import torch

torch.set_default_dtype(torch.float64)
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EPS = 1e-3


def proj(a):
    return a @ torch.linalg.solve(a.T @ a, a.T)


def sym_fn(z, fn):
    lam, u = torch.linalg.eigh((z + z.T) / 2)
    return u @ torch.diag(fn(lam)) @ u.T


def mbp_grad(args, work):
    out = os.path.join(work, "grad.npy")
    result = subprocess.run([os.path.join(ROOT, "mbp"), "grad", *args, "--out", out],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(result.stderr)
    return json.loads(result.stdout), np.load(out)


def main():
    rng = np.random.default_rng(7)
    work = tempfile.mkdtemp(prefix="mbp-crosscheck-")
    save = lambda name, a: np.save(os.path.join(work, name), a) or os.path.join(work, name)
    f_tall = rng.standard_normal((30, 8))
    f_wide = rng.standard_normal((6, 10))
    g8, g10 = rng.standard_normal((8, 8)), rng.standard_normal((10, 10))
    z = f_tall.T @ f_tall / 30 + np.eye(8)
    a = rng.standard_normal((9, 4))
    g9 = rng.standard_normal((9, 9))
    labels = rng.integers(0, 3, 24)
    e = np.eye(3)[labels]
    f_pos = np.abs(rng.standard_normal((24, 5))) + 0.05

    def o2p(f, g):
        f = torch.tensor(f, requires_grad=True)
        c = sym_fn(f.T @ f + EPS * torch.eye(f.shape[1]), torch.log)
        (c * torch.tensor(g)).sum().backward()
        return f.grad.numpy()

    def eigfn(zz, g, fn):
        zz = torch.tensor(zz, requires_grad=True)
        (sym_fn(zz, fn) * torch.tensor(g)).sum().backward()
        return zz.grad.numpy()

    def projector(aa, g):
        aa = torch.tensor(aa, requires_grad=True)
        (proj(aa) * torch.tensor(g)).sum().backward()
        return aa.grad.numpy()

    def ncuts(f, which):
        f = torch.tensor(f, requires_grad=True)
        et = torch.tensor(e)
        w = f @ f.T
        d = w.sum(1)
        if which == "j1":
            pm = proj(f / d.sqrt()[:, None])
            po = proj(et * d.sqrt()[:, None])
            j = 0.5 * ((pm - po) ** 2).sum()
        else:
            j = 0.5 * ((proj(f) - proj(et)) ** 2).sum()
        j.backward()
        return f.grad.numpy()

    cases = [
        ("o2p-svd paper, m>d", ["o2p-svd", "--input", save("f.npy", f_tall), "--upstream", save("g8.npy", g8)], o2p(f_tall, g8)),
        ("o2p-svd paper, m<d", ["o2p-svd", "--input", save("fw.npy", f_wide), "--upstream", save("g10.npy", g10)], o2p(f_wide, g10)),
        ("o2p-svd stable, m<d", ["o2p-svd", "--form", "stable", "--input", save("fw.npy", f_wide), "--upstream", save("g10.npy", g10)], o2p(f_wide, g10)),
        ("o2p-eig paper, m>d", ["o2p-eig", "--input", save("f.npy", f_tall), "--upstream", save("g8.npy", g8)], o2p(f_tall, g8)),
        ("o2p-eig stable, m<d", ["o2p-eig", "--form", "stable", "--input", save("fw.npy", f_wide), "--upstream", save("g10.npy", g10)], o2p(f_wide, g10)),
        ("eig-fn log", ["eig-fn", "--fn", "log", "--input", save("z.npy", z), "--upstream", save("g8.npy", g8)], eigfn(z, g8, torch.log)),
        ("eig-fn sqrt stable", ["eig-fn", "--fn", "sqrt", "--form", "stable", "--input", save("z.npy", z), "--upstream", save("g8.npy", g8)], eigfn(z, g8, torch.sqrt)),
        ("eig-fn exp", ["eig-fn", "--fn", "exp", "--input", save("z.npy", z), "--upstream", save("g8.npy", g8)], eigfn(z, g8, torch.exp)),
        ("projector", ["projector", "--input", save("a.npy", a), "--upstream", save("g9.npy", g9)], projector(a, g9)),
        ("ncuts-j1", ["ncuts-j1", "--input", save("fp.npy", f_pos), "--target", save("e.npy", e)], ncuts(f_pos, "j1")),
        ("ncuts-j2", ["ncuts-j2", "--input", save("fp.npy", f_pos), "--target", save("e.npy", e)], ncuts(f_pos, "j2")),
    ]
    worst = 0.0
    print(f"{'case':24s} {'relative difference':>20s}")
    for name, args, reference in cases:
        _, grad = mbp_grad(args, work)
        rel = np.linalg.norm(grad - reference) / np.linalg.norm(reference)
        worst = max(worst, rel)
        print(f"{name:24s} {rel:20.2e}")
    print(f"worst relative difference: {worst:.2e} (PyTorch {torch.__version__}, float64)")
    return 0 if worst < 1e-8 else 1


if __name__ == "__main__":
    sys.exit(main())
