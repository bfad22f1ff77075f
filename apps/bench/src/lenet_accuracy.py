"""PyTorch's side of lenet-accuracy.ts: issue 12's LeNet on MNIST, test accuracy per epoch.

Reads a JSON plan on stdin (the digit files lenet-accuracy.ts wrote, the schedule) and
prints one JSON line per epoch: {"epoch", "accuracy", "seconds"}. PyTorch's default
initialisation, or NeuNet's initial weights when the plan names a file of them; Adam,
batch 64, a fresh permutation of the training digits every epoch.
"""

import json
import sys
import time

import torch
import torch.nn.functional as F

from bench_torch import lenet, load


def copy_neunet_weights(net, path):
    """NeuNet's weights in its order and layouts (NHWC): kernels [kh, kw, in, out], then
    biases; the Dense kernel [256, 10] reads the features flattened as (h, w, c), where
    torch's Flatten gives (c, h, w)."""
    c1, _, _, c2, _, _, _, fc = net
    flat = torch.frombuffer(bytearray(open(path, "rb").read()), dtype=torch.float32)
    shapes = [(5, 5, 1, 8), (8,), (5, 5, 8, 16), (16,), (4, 4, 16, 10), (10,)]
    parts, at = [], 0
    for shape in shapes:
        size = 1
        for d in shape:
            size *= d
        parts.append(flat[at : at + size].reshape(shape))
        at += size
    if at != len(flat):
        raise ValueError(f"{path}: {len(flat)} weights, expected {at}")
    with torch.no_grad():
        c1.weight.copy_(parts[0].permute(3, 2, 0, 1))
        c1.bias.copy_(parts[1])
        c2.weight.copy_(parts[2].permute(3, 2, 0, 1))
        c2.bias.copy_(parts[3])
        fc.weight.copy_(parts[4].permute(3, 2, 0, 1).reshape(10, 256))
        fc.bias.copy_(parts[5])


def accuracy(net, X, y):
    net.eval()
    correct = 0
    with torch.no_grad():
        for i in range(0, len(X), 1000):
            correct += (net(X[i : i + 1000]).argmax(1) == y[i : i + 1000]).sum().item()
    net.train()
    return correct / len(X)


def main():
    plan = json.load(sys.stdin)
    torch.set_num_threads(plan["threads"])
    torch.manual_seed(plan["seed"])
    gen = torch.Generator().manual_seed(plan["seed"])
    X, y = load(plan["train"], plan["trainSamples"])
    Xt, yt = load(plan["test"], plan["testSamples"])
    net = lenet()
    if plan.get("init"):
        copy_neunet_weights(net, plan["init"])
    opt = torch.optim.Adam(net.parameters(), lr=plan["learningRate"])
    batch = plan["batch"]
    for epoch in range(1, plan["epochs"] + 1):
        t0 = time.perf_counter()
        order = torch.randperm(len(X), generator=gen)
        for i in range(0, len(X), batch):
            idx = order[i : i + batch]
            opt.zero_grad(set_to_none=True)
            F.cross_entropy(net(X[idx]), y[idx]).backward()
            opt.step()
        seconds = time.perf_counter() - t0
        line = {"epoch": epoch, "accuracy": accuracy(net, Xt, yt), "seconds": seconds}
        print(json.dumps(line), flush=True)


if __name__ == "__main__":
    main()
