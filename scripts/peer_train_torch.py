#!/usr/bin/python3
"""PyTorch peer of mbp's Fashion-MNIST and deep normalized-cuts training: CPU throughput.

Measures training (forward, cross-entropy or J2 loss, backward, SGD step with momentum 0.9 and
weight decay 5e-4) and test (forward only, eval mode, no grad) throughput in images/s, float32,
NCHW, on random input of the right shape (content does not matter for throughput): --warmup
batches, then --batches timed batches; images/s = timed images / timed seconds.

  trunk      conv3x3(1->16, pad 1) ReLU maxpool2, conv3x3(16->32, pad 1) ReLU maxpool2
             -> F: 49 locations x 32 features per 1x28x28 image
  gap        mean of F over the locations -> Linear(32->10)
  gap-fc     mean -> Linear(32->128) ReLU Dropout(0.5) -> Linear(128->10)
  o2p        C = logm(F'F / 49 + 1e-3 I) = U diag(log l) U' (torch.linalg.eigh), upper triangle
             with the diagonal (528 values) -> Linear(528->10). The backward is Daleckii-Krein
             (divided differences of log, as mbp's stable form): autograd through eigh divides
             by eigenvalue gaps and gives NaN on the first batch, since a ReLU channel that is
             zero at all 49 locations leaves eigenvalue 1e-3 repeated.
  o2p-fc     528 -> Linear(528->128) ReLU Dropout(0.5) -> Linear(128->10)
  deepncuts  3x64x64 input, conv3x3(3->16) ReLU maxpool2, conv3x3(16->32) ReLU maxpool2,
             conv3x3(32->64) ReLU, conv1x1(64->20) ReLU (3x3 convolutions padded by 1)
             -> F: 256 locations x 20; W = F F'; loss J2 = 0.5 ||P_W - P_E||_F^2 with
             P_W = W pinv(W) (hermitian, rtol 1e-6) and P_E = E (E'E)^-1 E' for a fixed random
             one-hot E of k = 6 segments; batch --ncuts-batch images. Its "test" is the forward
             J2 without grad. If autograd through pinv fails (error or non-finite gradient) the
             projector onto the eigenvectors of W with eigenvalue > rtol * max is used instead,
             and the JSON says so ("projector").

Run with Debian's interpreter (torch 1.13, CPU):
  /usr/bin/python3 scripts/peer_train_torch.py [--arch all|gap|gap-fc|o2p|o2p-fc|deepncuts]
      [--threads 2] [--batch 64] [--ncuts-batch 1] [--warmup 5] [--batches 50]
Prints one JSON object per architecture, one per line.
"""
import argparse
import json
import time

import torch
from torch import nn

from peer_pytorch import divided_differences_log

ARCHS = ("gap", "gap-fc", "o2p", "o2p-fc", "deepncuts")
CLASSES = 10
O2P_EPS = 1e-3
NCUTS_RTOL = 1e-6
NCUTS_SEGMENTS = 6


def trunk():
    """The two-convolution Fashion-MNIST trunk: 1x28x28 -> 32x7x7."""
    return nn.Sequential(
        nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))


def locations(x):
    """N x C x H x W -> N x (H W) x C: one row of features per location."""
    return x.flatten(2).transpose(1, 2)


class GlobalAverage(nn.Module):
    def forward(self, x):
        return locations(x).mean(dim=1)


class SpdLog(torch.autograd.Function):
    """logm of symmetric positive definite C = U diag(log l) U' (torch.linalg.eigh) with the
    Daleckii-Krein backward U (Gamma o U' sym(Cbar) U) U', finite at tied eigenvalues."""

    @staticmethod
    def forward(ctx, c):
        lam, u = torch.linalg.eigh(c)
        ctx.save_for_backward(lam, u)
        return (u * torch.log(lam).unsqueeze(-2)) @ u.transpose(-1, -2)

    @staticmethod
    def backward(ctx, c_bar):
        lam, u = ctx.saved_tensors
        ut = u.transpose(-1, -2)
        inner = divided_differences_log(lam) * (ut @ (c_bar + c_bar.transpose(-1, -2)) / 2 @ u)
        return u @ inner @ ut


class LogCovariance(nn.Module):
    """Upper triangle (with the diagonal) of logm(F'F / n + eps I)."""

    def forward(self, x):
        f = locations(x)
        n, d = f.shape[1], f.shape[2]
        c = f.transpose(1, 2) @ f / n + O2P_EPS * torch.eye(d, dtype=f.dtype)
        rows, cols = torch.triu_indices(d, d)
        return SpdLog.apply(c)[:, rows, cols]


def head(features, fc):
    if fc:
        return nn.Sequential(nn.Linear(features, 128), nn.ReLU(), nn.Dropout(0.5), nn.Linear(128, CLASSES))
    return nn.Linear(features, CLASSES)


def classifier(arch):
    pooling, features = (GlobalAverage(), 32) if arch.startswith("gap") else (LogCovariance(), 32 * 33 // 2)
    return nn.Sequential(trunk(), pooling, head(features, arch.endswith("-fc")))


def ncuts_trunk():
    """3x64x64 -> 20x16x16."""
    return nn.Sequential(
        nn.Conv2d(3, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(),
        nn.Conv2d(64, 20, 1), nn.ReLU())


def projector_pinv(w):
    return w @ torch.linalg.pinv(w, rtol=NCUTS_RTOL, hermitian=True)


def projector_eigh(w):
    lam, v = torch.linalg.eigh(w)
    kept = (lam > NCUTS_RTOL * lam.amax(dim=-1, keepdim=True)).to(w.dtype)
    return (v * kept.unsqueeze(-2)) @ v.transpose(-1, -2)


class NCutsLoss(nn.Module):
    """J2 = 0.5 ||P_W - P_E||_F^2 summed over the batch, W = F F'."""

    def __init__(self, segment_projector, projector):
        super().__init__()
        self.segment_projector = segment_projector
        self.projector = projector

    def forward(self, x):
        f = locations(x)
        p_w = self.projector(f @ f.transpose(1, 2))
        return 0.5 * ((p_w - self.segment_projector) ** 2).sum()


def segment_projector(batch, n, k, gen):
    """P_E = E (E'E)^-1 E' for random one-hot E (n x k), every segment non-empty."""
    labels = torch.stack([torch.arange(n)[torch.randperm(n, generator=gen)] % k for _ in range(batch)])
    e = nn.functional.one_hot(labels, k).to(torch.float32)
    return e @ torch.linalg.inv(e.transpose(1, 2) @ e) @ e.transpose(1, 2)


def sgd(model):
    return torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, weight_decay=5e-4)


def throughput(step, batch, warmup, batches):
    for _ in range(warmup):
        step()
    start = time.perf_counter()
    for _ in range(batches):
        step()
    return batch * batches / (time.perf_counter() - start)


def measure_classifier(arch, args, gen):
    model = classifier(arch)
    optimizer = sgd(model)
    x = torch.randn(args.batch, 1, 28, 28, generator=gen)
    y = torch.randint(0, CLASSES, (args.batch,), generator=gen)
    loss_fn = nn.CrossEntropyLoss()
    last = {}

    def train_step():
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        last["loss"] = loss.item()

    def test_step():
        with torch.no_grad():
            model(x).argmax(dim=1)

    model.train()
    train = throughput(train_step, args.batch, args.warmup, args.batches)
    model.eval()
    test = throughput(test_step, args.batch, args.warmup, args.batches)
    result = dict(batch=args.batch, train=train, test=test, final_loss=last["loss"])
    if arch.startswith("o2p"):
        result["log_backward"] = "Daleckii-Krein (autograd of eigh is NaN at tied eigenvalues)"
    return result


def ncuts_gradient_is_finite(projector, x, p_e):
    model = nn.Sequential(ncuts_trunk(), NCutsLoss(p_e, projector))
    try:
        model(x).backward()
    except RuntimeError as error:
        return f"autograd of pinv failed: {error}"
    if not all(torch.isfinite(p.grad).all() for p in model.parameters()):
        return "autograd of pinv gave a non-finite gradient"
    return None


def measure_deepncuts(args, gen):
    batch = args.ncuts_batch
    x = torch.rand(batch, 3, 64, 64, generator=gen)
    p_e = segment_projector(batch, 256, NCUTS_SEGMENTS, gen)
    failure = ncuts_gradient_is_finite(projector_pinv, x, p_e)
    projector = projector_pinv if failure is None else projector_eigh
    model = nn.Sequential(ncuts_trunk(), NCutsLoss(p_e, projector))
    optimizer = sgd(model)
    last = {}

    def train_step():
        optimizer.zero_grad()
        loss = model(x)
        loss.backward()
        optimizer.step()
        last["loss"] = loss.item()

    def test_step():
        with torch.no_grad():
            model(x)

    train = throughput(train_step, batch, args.warmup, args.batches)
    test = throughput(test_step, batch, args.warmup, args.batches)
    result = dict(batch=batch, train=train, test=test, final_loss=last["loss"],
                  projector="W pinv(W), autograd" if failure is None else "eigh, eigenvalues > rtol max")
    if failure is not None:
        result["projector_note"] = failure
    return result


def cpu_model():
    try:
        with open("/proc/cpuinfo") as info:
            for line in info:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--arch", choices=("all",) + ARCHS, default="all")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--batch", type=int, default=64, help="images per batch (classifiers)")
    parser.add_argument("--ncuts-batch", type=int, default=1, help="images per batch (deepncuts)")
    parser.add_argument("--warmup", type=int, default=5, help="untimed batches first")
    parser.add_argument("--batches", type=int, default=50, help="timed batches")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    cpu = cpu_model()
    for arch in ARCHS if args.arch == "all" else (args.arch,):
        gen = torch.Generator().manual_seed(0)
        torch.manual_seed(0)
        r = measure_deepncuts(args, gen) if arch == "deepncuts" else measure_classifier(arch, args, gen)
        row = dict(name=arch, threads=torch.get_num_threads(), batch=r.pop("batch"),
                   train_images_per_s=round(r.pop("train"), 1), test_images_per_s=round(r.pop("test"), 1),
                   warmup=args.warmup, batches=args.batches, dtype="float32", torch=torch.__version__, cpu=cpu)
        row.update(r)
        print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main()
