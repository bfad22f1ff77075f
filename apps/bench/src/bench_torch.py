"""The PyTorch side of W6: reads a JSON plan on stdin, prints JSON rows (and a breakdown).

Run by /usr/bin/python3 (Debian's python3-torch). The LeNet of apps/bench/src/lenet.ts in
NCHW with one channel, so the NHWC images NeuNet writes are already in torch's layout. The
figures are measured as measure.ts does (bench_numpy.measure). The breakdown times each
kernel of a step on its own, on the step's shapes, and reports the rest of the step (the
autograd engine, Python) as "other".
"""

import json
import statistics
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

from bench_numpy import measure

PIXELS = 28 * 28


def load(path, samples):
    raw = open(path, "rb").read()
    images = torch.frombuffer(bytearray(raw[: samples * PIXELS * 4]), dtype=torch.float32)
    labels = torch.frombuffer(bytearray(raw[samples * PIXELS * 4 :]), dtype=torch.int32)
    return images.reshape(samples, 1, 28, 28), labels.long()


def lenet():
    return nn.Sequential(
        nn.Conv2d(1, 8, 5),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Conv2d(8, 16, 5),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Flatten(),
        nn.Linear(256, 10),
    )


def train_work(net, opt, X, y, batch, gen):
    """One unit is one step on the next batch of a permutation drawn each epoch, as NeuNet's train shuffles."""
    steps = len(X) // batch
    state = {"next": 0, "order": None}

    def work(units):
        for _ in range(units):
            s = state["next"] % steps
            if s == 0:
                state["order"] = torch.randperm(len(X), generator=gen)
            idx = state["order"][s * batch : (s + 1) * batch]
            opt.zero_grad(set_to_none=True)
            F.cross_entropy(net(X[idx]), y[idx]).backward()
            opt.step()
            state["next"] += 1

    return work


def per_call(fn, seconds=0.04, blocks=5):
    """Median seconds per call of fn, over blocks of about `seconds`."""
    fn()
    t0 = time.perf_counter()
    fn()
    reps = max(1, round(seconds / max(time.perf_counter() - t0, 1e-7)))
    times = []
    for _ in range(blocks):
        t0 = time.perf_counter()
        for _ in range(reps):
            fn()
        times.append((time.perf_counter() - t0) / reps)
    return statistics.median(times)


def conv_backward(g, x, w, mask):
    return torch.ops.aten.convolution_backward(
        g, x, w, [w.shape[0]], [1, 1], [0, 0], [1, 1], False, [0, 0], 1, mask
    )


def pool_backward(g, x, idx):
    return torch.ops.aten.max_pool2d_with_indices_backward(g, x, [2, 2], [2, 2], [0, 0], [1, 1], False, idx)


def train_breakdown(net, opt, X, y, batch, step_seconds):
    """Seconds per training step in each category, each timed alone on the step's tensors."""
    c1, _, _, c2, _, _, _, fc = net
    w1, b1, w2, b2, W, b = c1.weight, c1.bias, c2.weight, c2.bias, fc.weight, fc.bias
    idx = torch.randperm(len(X))[:batch]
    with torch.no_grad():
        x, t = X[idx], y[idx]
        r1 = F.relu(F.conv2d(x, w1, b1))
        p1, i1 = F.max_pool2d(r1, 2, return_indices=True)
        r2 = F.relu(F.conv2d(p1, w2, b2))
        p2, i2 = F.max_pool2d(r2, 2, return_indices=True)
        flat = p2.flatten(1)
        logits = F.linear(flat, W, b)
        lp = torch.log_softmax(logits, 1)
        g2 = torch.randn_like(r2)
        g1 = torch.randn_like(r1)
        gp2 = torch.randn_like(p2)
        gp1 = torch.randn_like(p1)
        gl = torch.randn_like(logits)
        one = torch.tensor(1.0)
        total = torch.tensor(float(batch))
    # The optimizer needs gradients: one real step leaves them.
    F.cross_entropy(net(x), t).backward()

    def conv_forward():
        F.relu(F.conv2d(x, w1, b1))
        F.relu(F.conv2d(p1, w2, b2))

    def pool_forward():
        F.max_pool2d(r1, 2, return_indices=True)
        F.max_pool2d(r2, 2, return_indices=True)

    def dense():
        F.linear(flat, W, b)
        gl.t().mm(flat)
        gl.mm(W)
        gl.sum(0)

    def softmax_loss():
        lp2 = torch.log_softmax(logits, 1)
        F.nll_loss(lp2, t)
        g = torch.ops.aten.nll_loss_backward(one, lp2, t, None, 1, -100, total)
        torch.ops.aten._log_softmax_backward_data(g, lp2, 1, torch.float32)

    def other_kernels():
        X[idx], y[idx]
        torch.ops.aten.threshold_backward(g2, r2, 0)
        torch.ops.aten.threshold_backward(g1, r1, 0)

    with torch.no_grad():
        parts = {
            "conv forward": per_call(conv_forward),
            "conv input grad": per_call(lambda: conv_backward(g2, p1, w2, [True, False, False])),
            "conv kernel grad": per_call(
                lambda: (
                    conv_backward(g2, p1, w2, [False, True, True]),
                    conv_backward(g1, x, w1, [False, True, True]),
                )
            ),
            "pool forward": per_call(pool_forward),
            "pool backward": per_call(lambda: (pool_backward(gp2, r2, i2), pool_backward(gp1, r1, i1))),
            "dense": per_call(dense),
            "softmax, loss": per_call(softmax_loss),
            "optimizer": per_call(opt.step),
            "other kernels": per_call(other_kernels),
        }
    parts["other"] = max(0.0, step_seconds - sum(parts.values()))
    return parts


def infer_breakdown(net, X, batch, predict_seconds):
    c1, _, _, c2, _, _, _, fc = net
    with torch.inference_mode():
        x = X[:batch]
        r1 = F.relu(c1(x))
        p1 = F.max_pool2d(r1, 2)
        r2 = F.relu(c2(p1))
        flat = F.max_pool2d(r2, 2).flatten(1)
        logits = fc(flat)
        parts = {
            "conv forward": per_call(lambda: (F.relu(c1(x)), F.relu(c2(p1)))),
            "pool forward": per_call(lambda: (F.max_pool2d(r1, 2), F.max_pool2d(r2, 2))),
            "dense": per_call(lambda: fc(flat)),
            "softmax, loss": per_call(lambda: F.softmax(logits, 1)),
        }
    parts["other"] = max(0.0, predict_seconds - sum(parts.values()))
    return parts


def main():
    plan = json.load(sys.stdin)
    torch.set_num_threads(plan["threads"])
    torch.manual_seed(plan["seed"])
    gen = torch.Generator().manual_seed(plan["seed"])
    runs, target, warmup = plan["runs"], plan["targetSeconds"], plan["warmupSeconds"]
    X, y = load(plan["data"], plan["samples"])
    impl = plan["impl"]
    rows, breakdown = [], {}

    def emit(case, batch, seconds):
        rows.append(
            {
                "workload": "W6",
                "case": case,
                "impl": impl,
                "unit": "samples/s",
                "higherIsBetter": True,
                "runs": [batch / s for s in seconds],
            }
        )

    net = lenet()
    opt = torch.optim.Adam(net.parameters(), lr=plan["train"]["learningRate"])
    batch = plan["train"]["batch"]
    work = train_work(net, opt, X, y, batch, gen)
    seconds = measure(work, runs, target, warmup)
    emit(plan["train"]["case"], batch, seconds)
    if "train" in plan["breakdown"]:
        breakdown["train"] = train_breakdown(net, opt, X, y, batch, statistics.median(seconds))

    batch = plan["infer"]["batch"]
    x = X[:batch]

    def predict(units):
        with torch.inference_mode():
            for _ in range(units):
                F.softmax(net(x), 1)

    seconds = measure(predict, runs, target, warmup)
    emit(plan["infer"]["case"], batch, seconds)
    if "infer" in plan["breakdown"]:
        breakdown["infer"] = infer_breakdown(net, X, batch, statistics.median(seconds))

    json.dump({"torch": torch.__version__, "rows": rows, "breakdown": breakdown}, sys.stdout)


if __name__ == "__main__":
    main()
