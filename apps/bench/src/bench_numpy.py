"""The numpy side of NeuNet's bench: reads a JSON plan on stdin, prints JSON rows.

W1 runs the seed document's own design (Dense, BatchNormalization, ReLU, Dropout, Softmax
with its per-sample Jacobian, categorical cross-entropy with clipping and L2, Adam) in
float64 as the seed wrote it; W2, W3 and W5 are plain float32 numpy on OpenBLAS, the
native ceiling. Each figure is measured as apps/bench/src/measure.ts does: a warm-up that
calibrates the units per run, then equal timed runs, reported per run.
"""

import json
import math
import sys
import time

import numpy as np


STALL_FACTOR = 4
CHUNKS = 4


def measure(work, runs, target, warmup, max_units=None):
    per_unit = math.inf
    end = time.perf_counter() + warmup
    while True:
        t0 = time.perf_counter()
        work(1)
        per_unit = min(per_unit, time.perf_counter() - t0)
        if time.perf_counter() >= end:
            break
    units = max(1, round(target / max(per_unit, 1e-9)))
    if max_units is not None:
        units = min(units, max_units)
    # As in measure.ts: a run that stalls (another process took the core) stops early.
    deadline = STALL_FACTOR * target
    chunk = max(1, math.ceil(units / CHUNKS))
    seconds = []
    for _ in range(runs):
        t0 = time.perf_counter()
        done = 0
        while done < units and (done == 0 or time.perf_counter() - t0 < deadline):
            step = min(units - done, chunk)
            work(step)
            done += step
        seconds.append((time.perf_counter() - t0) / done)
    return seconds


# --- W1: the seed document's design ------------------------------------------------------


class Dense:
    def __init__(self, n_inputs, n_neurons, rng, learning_rate):
        self.weights = rng.standard_normal((n_inputs, n_neurons)) * np.sqrt(2.0 / n_inputs)
        self.biases = np.zeros((1, n_neurons))
        self.optimizer = Adam(learning_rate)

    def forward(self, inputs, training):
        self.inputs = inputs
        self.output = np.dot(inputs, self.weights) + self.biases
        return self.output

    def backward(self, dvalues):
        self.dweight = np.dot(self.inputs.T, dvalues)
        self.dbiases = np.sum(dvalues, axis=0, keepdims=True)
        self.dinputs = np.dot(dvalues, self.weights.T)
        return self.dinputs

    def update(self):
        self.optimizer.update(self, (("weights", "dweight"), ("biases", "dbiases")))


class Adam:
    def __init__(self, learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-8):
        self.learning_rate = learning_rate
        self.beta_1 = beta_1
        self.beta_2 = beta_2
        self.epsilon = epsilon
        self.m = {}
        self.v = {}
        self.t = 0

    def update(self, layer, pairs):
        self.t += 1
        for name, grad_name in pairs:
            value = getattr(layer, name)
            grad = getattr(layer, grad_name).reshape(value.shape)
            if name not in self.m:
                self.m[name] = np.zeros_like(value)
                self.v[name] = np.zeros_like(value)
            self.m[name] = self.beta_1 * self.m[name] + (1 - self.beta_1) * grad
            self.v[name] = self.beta_2 * self.v[name] + (1 - self.beta_2) * np.square(grad)
            m_corrected = self.m[name] / (1 - self.beta_1**self.t)
            v_corrected = self.v[name] / (1 - self.beta_2**self.t)
            value -= self.learning_rate * m_corrected / (np.sqrt(v_corrected) + self.epsilon)


class BatchNormalization:
    def __init__(self, epsilon=1e-5, momentum=0.9):
        self.epsilon = epsilon
        self.momentum = momentum
        self.gamma = None
        self.optimizer = Adam(0.001)

    def forward(self, inputs, training):
        if self.gamma is None:
            width = inputs.shape[1]
            self.gamma = np.ones(width)
            self.beta = np.zeros(width)
            self.running_mean = np.zeros(width)
            self.running_var = np.ones(width)
        if training:
            mean = np.mean(inputs, axis=0)
            var = np.var(inputs, axis=0)
            self.running_mean = self.momentum * self.running_mean + (1 - self.momentum) * mean
            self.running_var = self.momentum * self.running_var + (1 - self.momentum) * var
            self.x_centered = inputs - mean
            self.std = np.sqrt(var + self.epsilon)
            self.x_norm = self.x_centered / self.std
        else:
            self.x_norm = (inputs - self.running_mean) / np.sqrt(self.running_var + self.epsilon)
        self.output = self.gamma * self.x_norm + self.beta
        return self.output

    def backward(self, dvalues):
        # The seed shows only the forward pass; this is the standard batch-norm gradient.
        n = dvalues.shape[0]
        self.dgamma = np.sum(dvalues * self.x_norm, axis=0)
        self.dbeta = np.sum(dvalues, axis=0)
        dx_norm = dvalues * self.gamma
        self.dinputs = (
            n * dx_norm - np.sum(dx_norm, axis=0) - self.x_norm * np.sum(dx_norm * self.x_norm, axis=0)
        ) / (n * self.std)
        return self.dinputs

    def update(self):
        self.optimizer.update(self, (("gamma", "dgamma"), ("beta", "dbeta")))


class ReLU:
    def forward(self, inputs, training):
        self.inputs = inputs
        self.output = np.maximum(0, inputs)
        return self.output

    def backward(self, dvalues):
        self.dinputs = dvalues.copy()
        self.dinputs[self.inputs <= 0] = 0
        return self.dinputs


class Dropout:
    def __init__(self, rate, rng):
        self.keep = 1 - rate
        self.rng = rng

    def forward(self, inputs, training):
        if not training:
            self.output = inputs
            return inputs
        self.mask = self.rng.binomial(1, self.keep, size=inputs.shape) / self.keep
        self.output = inputs * self.mask
        return self.output

    def backward(self, dvalues):
        self.dinputs = dvalues * self.mask
        return self.dinputs


class Softmax:
    def forward(self, inputs, training):
        exp_values = np.exp(inputs - np.max(inputs, axis=1, keepdims=True))
        self.output = exp_values / np.sum(exp_values, axis=1, keepdims=True)
        return self.output

    def backward(self, dvalues):
        self.dinputs = np.zeros_like(dvalues)
        for i in range(len(dvalues)):
            output_single = self.output[i].reshape(-1, 1)
            jacobian_matrix = output_single * (np.eye(len(output_single)) - output_single.T)
            self.dinputs[i] = np.dot(jacobian_matrix, dvalues[i])
        return self.dinputs


class CategoricalCrossentropy:
    def __init__(self, regularization_l2=0.0):
        self.regularization_l2 = regularization_l2

    def calculate(self, y_pred, y_true, dense_layers):
        samples = len(y_pred)
        y_pred_clipped = np.clip(y_pred, 1e-7, 1 - 1e-7)
        correct_confidence = y_pred_clipped[range(samples), y_true]
        data_loss = np.mean(-np.log(correct_confidence))
        regularization_loss = sum(
            self.regularization_l2 * np.sum(layer.weights**2) for layer in dense_layers
        )
        return data_loss + regularization_loss

    def backward(self, y_pred, y_true, dense_layers):
        samples, labels = y_pred.shape
        one_hot = np.eye(labels)[y_true]
        y_pred_clipped = np.clip(y_pred, 1e-7, 1 - 1e-7)
        return -one_hot / y_pred_clipped / samples

    def regularization_gradients(self, dense_layers):
        for layer in dense_layers:
            layer.dweight += 2 * self.regularization_l2 * layer.weights


def create_data(samples, classes, rng):
    X = np.zeros((samples * classes, 2))
    y = np.zeros(samples * classes, dtype="uint8")
    for class_number in range(classes):
        ix = range(samples * class_number, samples * (class_number + 1))
        r = np.linspace(0.0, 1, samples)
        t = np.linspace(class_number * 4, (class_number + 1) * 4, samples)
        t = t + rng.standard_normal(samples) * 0.2
        X[ix] = np.c_[r * np.sin(t * 2.5), r * np.cos(t * 2.5)]
        y[ix] = class_number
    return X, y


class SeedNetwork:
    def __init__(self, rng):
        self.layers = []
        for n_in, n_out in ((2, 128), (128, 64), (64, 32)):
            self.layers += [
                Dense(n_in, n_out, rng, 0.002),
                BatchNormalization(),
                ReLU(),
                Dropout(0.1, rng),
            ]
        self.layers += [Dense(32, 3, rng, 0.002), Softmax()]
        self.dense = [layer for layer in self.layers if isinstance(layer, Dense)]
        self.loss = CategoricalCrossentropy(regularization_l2=0.0001)
        self.rng = rng

    def train_epoch(self, X, y, batch_size):
        indices = self.rng.permutation(len(X))
        X_shuffled, y_shuffled = X[indices], y[indices]
        total_loss = 0
        for i in range(0, len(X), batch_size):
            X_batch = X_shuffled[i : i + batch_size]
            y_batch = y_shuffled[i : i + batch_size]
            output = X_batch
            for layer in self.layers:
                output = layer.forward(output, True)
            total_loss += self.loss.calculate(output, y_batch, self.dense)
            grad = self.loss.backward(output, y_batch, self.dense)
            for layer in reversed(self.layers):
                grad = layer.backward(grad)
            self.loss.regularization_gradients(self.dense)
            for layer in self.layers:
                if hasattr(layer, "update"):
                    layer.update()
        return total_loss


# --- W2, W3, W5: plain float32 numpy on OpenBLAS -----------------------------------------


class Mlp:
    """Dense layers with ReLU between, softmax cross-entropy, Adam; float32 throughout."""

    def __init__(self, sizes, rng, learning_rate=1e-3):
        self.params = []
        for n_in, n_out in zip(sizes[:-1], sizes[1:]):
            w = (rng.standard_normal((n_in, n_out)) * np.sqrt(2.0 / n_in)).astype(np.float32)
            self.params += [w, np.zeros(n_out, dtype=np.float32)]
        self.m = [np.zeros_like(p) for p in self.params]
        self.v = [np.zeros_like(p) for p in self.params]
        self.t = 0
        self.lr = learning_rate

    def step(self, x, y):
        acts = [x]
        h = x
        layers = len(self.params) // 2
        for i in range(layers):
            z = h @ self.params[2 * i] + self.params[2 * i + 1]
            if i + 1 < layers:
                h = np.maximum(z, 0)
            else:
                z -= z.max(axis=1, keepdims=True)
                np.exp(z, out=z)
                z /= z.sum(axis=1, keepdims=True)
                h = z
            acts.append(h)
        n = x.shape[0]
        d = acts[-1]
        d[np.arange(n), y] -= 1
        d /= n
        grads = [None] * len(self.params)
        for i in reversed(range(layers)):
            grads[2 * i] = acts[i].T @ d
            grads[2 * i + 1] = d.sum(axis=0)
            if i > 0:
                d = d @ self.params[2 * i].T
                d *= acts[i] > 0
        self.t += 1
        b1, b2, eps = 0.9, 0.999, 1e-8
        lr_t = self.lr * math.sqrt(1 - b2**self.t) / (1 - b1**self.t)
        for p, g, m, v in zip(self.params, grads, self.m, self.v):
            m *= b1
            m += (1 - b1) * g
            v *= b2
            v += (1 - b2) * (g * g)
            p -= lr_t * m / (np.sqrt(v) + eps)


def train_work(model, X, y, batch):
    steps = len(X) // batch
    state = {"next": 0}

    def work(units):
        for _ in range(units):
            start = (state["next"] % steps) * batch
            model.step(X[start : start + batch], y[start : start + batch])
            state["next"] += 1

    return work


def main():
    plan = json.load(sys.stdin)
    runs, target, warmup = plan["runs"], plan["targetSeconds"], plan["warmupSeconds"]
    impl = plan["impl"]
    rng = np.random.default_rng(plan["seed"])
    rows = []

    def emit(workload, case, unit, higher, values, params=None):
        row = {"workload": workload, "case": case, "impl": impl, "unit": unit}
        row.update({"higherIsBetter": higher, "runs": values})
        if params is not None:
            row["params"] = params
        rows.append(row)

    if "W1" in plan:
        spec = plan["W1"]
        X, y = create_data(100, 3, rng)
        net = SeedNetwork(rng)
        seconds = measure(lambda units: [net.train_epoch(X, y, 32) for _ in range(units)], runs, target, warmup)
        emit("W1", spec["case"], "epochs/s", True, [1 / s for s in seconds])

    if "W2" in plan:
        spec = plan["W2"]
        X = rng.standard_normal((spec["samples"], spec["sizes"][0]), dtype=np.float32)
        y = rng.integers(0, spec["sizes"][-1], spec["samples"])
        work = train_work(Mlp(spec["sizes"], rng), X, y, spec["batch"])
        seconds = measure(work, runs, target, warmup)
        emit("W2", spec["case"], "samples/s", True, [spec["batch"] / s for s in seconds])

    for spec in plan.get("W3", []):
        m, k, n = spec["m"], spec["k"], spec["n"]
        a = rng.standard_normal((k, m) if spec["transA"] else (m, k), dtype=np.float32)
        b = rng.standard_normal((n, k) if spec["transB"] else (k, n), dtype=np.float32)
        op_a = a.T if spec["transA"] else a
        op_b = b.T if spec["transB"] else b
        c = np.empty((m, n), dtype=np.float32)

        def gemm(units, op_a=op_a, op_b=op_b, c=c):
            for _ in range(units):
                np.matmul(op_a, op_b, out=c)

        seconds = measure(gemm, runs, target, warmup)
        emit("W3", spec["case"], "GFLOP/s", True, [2 * m * k * n / s / 1e9 for s in seconds])

    if "W5" in plan:
        spec = plan["W5"]
        X = rng.standard_normal((spec["samples"], 784), dtype=np.float32)
        y = rng.integers(0, 10, spec["samples"])
        for cell in spec["cells"]:
            width, batch = cell["width"], cell["batch"]
            work = train_work(Mlp([784, width, width, 10], rng), X, y, batch)
            seconds = measure(work, runs, target, warmup)
            emit("W5", cell["case"], "samples/s", True, [batch / s for s in seconds], {"width": width, "batch": batch})

    json.dump({"numpy": np.__version__, "rows": rows}, sys.stdout)


if __name__ == "__main__":
    main()
