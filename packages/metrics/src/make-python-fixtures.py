"""Writes the reference fixtures of the tests of format-fixed, pairwise-sum and
classification-report.

Run from packages/metrics with a Python 3 that has scikit-learn (Debian's python3-sklearn):
    /usr/bin/python3 src/make-python-fixtures.py
    pnpm exec biome format --write src/*.fixture.json
(numpy 1.24 and scikit-learn 1.2.1 there).
The output is deterministic (seeded), so rerunning it reproduces the committed files.
"""

import json
import random
import struct

import numpy as np
from sklearn.metrics import classification_report

rng = random.Random(10)


def fmt(x, digits):
    return [repr(x), digits, format(x, f".{digits}f")]


def random_double():
    while True:
        (x,) = struct.unpack("<d", rng.getrandbits(64).to_bytes(8, "little"))
        if x == x and abs(x) != float("inf"):
            return x


rows = []
for x, d in [(0.125, 2), (0.375, 2), (2.675, 2), (0.5, 0), (1.5, 0), (2.5, 0), (-0.5, 0),
             (-2.5, 0), (-0.0, 2), (0.0, 0), (-0.001, 2), (1e21, 2), (1e300, 3),
             (5e-324, 20), (0.1, 20), (float("nan"), 2), (float("inf"), 2),
             (float("-inf"), 0), (123456789.125, 2), (0.9995, 3), (0.99995, 4)]:
    rows.append(fmt(x, d))
# Exact ties at d decimals are the odd multiples of 2^-(d+1); and their neighbours.
for _ in range(600):
    d = rng.randrange(0, 8)
    x = (2 * rng.randrange(0, 2**20) + 1) / 2 ** (d + 1)
    rows.append(fmt(x, d))
    rows.append(fmt(float(np.nextafter(x, np.inf)), d))
    rows.append(fmt(float(np.nextafter(x, -np.inf)), d))
# Ratios of small counts, as metrics print them.
for _ in range(400):
    b = rng.randrange(1, 200)
    rows.append(fmt(rng.randrange(0, b + 1) / b, rng.randrange(0, 5)))
for _ in range(300):
    rows.append(fmt(random_double(), rng.randrange(0, 21)))
for _ in range(300):
    rows.append(fmt(rng.uniform(-1000, 1000), rng.randrange(0, 21)))

def write(path, items):
    """One item a line, as Biome formats it."""
    with open(path, "w") as f:
        f.write("[\n" + ",\n".join("  " + json.dumps(item) for item in items) + "\n]\n")


write("src/format-fixed.fixture.json", rows)


def f1_formulas_agree(y_true, y_pred):
    """scikit-learn 1.2 computes F1 as 2pr/(p + r), NeuNet (like later releases) as
    2tp/(2tp + fp + fn); keep only cases where the two doubles are identical."""
    for c in sorted(set(y_true) | set(y_pred)):
        tp = sum(1 for t, p in zip(y_true, y_pred) if t == c and p == c)
        actual = y_true.count(c)
        predicted = y_pred.count(c)
        p = tp / predicted if predicted else 0.0
        r = tp / actual if actual else 0.0
        old = 2 * p * r / (p + r) if p + r else 0.0
        new = 2 * tp / (actual + predicted) if actual + predicted else 0.0
        if old != new:
            return False
    return True


reports = []
# Recall exactly 0.125 and 0.375: scikit-learn prints 0.12 and 0.38.
hand = [
    ([0] * 8 + [1] * 8, [0] + [1] * 7 + [1] * 8, 2),
    ([0] * 8 + [1] * 8, [0] * 3 + [1] * 5 + [1] * 8, 2),
    ([0] * 8 + [1] * 8 + [2] * 16, [0] * 1 + [2] * 7 + [1] * 8 + [2] * 16, 2),
]
for y_true, y_pred, d in hand:
    reports.append([y_true, y_pred, d])
while len(reports) < 120:
    n = rng.choice([4, 8, 16, 32])
    k = rng.randrange(2, 5)
    y_true = [rng.randrange(k) for _ in range(n)]
    y_pred = [t if rng.random() < 0.6 else rng.randrange(k) for t in y_true]
    if f1_formulas_agree(y_true, y_pred):
        reports.append([y_true, y_pred, rng.randrange(1, 4)])
# 8 to 12 classes, where numpy's pairwise sums of the averages differ from a sum taken
# left to right in the last bit more often than not.
while len(reports) < 200:
    k = rng.randrange(8, 13)
    n = rng.choice([16, 32, 40, 64, 80])
    y_true = [rng.randrange(k) for _ in range(n)]
    y_pred = [t if rng.random() < 0.5 else rng.randrange(k) for t in y_true]
    if f1_formulas_agree(y_true, y_pred):
        reports.append([y_true, y_pred, rng.randrange(1, 4)])
fixture = [
    {"yTrue": t, "yPred": p, "digits": d,
     "text": classification_report(t, p, digits=d, zero_division=0)}
    for t, p, d in reports
]
write("src/classification-report.fixture.json", fixture)

# np.sum of float64 arrays of every length class of numpy's pairwise summation.
sums = []
for n in [1, 2, 7, 8, 9, 15, 16, 17, 31, 100, 127, 128, 129, 135, 257, 300]:
    values = [rng.uniform(0, 1) * 10 ** rng.randrange(-3, 4) for _ in range(n)]
    sums.append({"values": values, "sum": repr(float(np.sum(np.array(values))))})
write("src/pairwise-sum.fixture.json", sums)
