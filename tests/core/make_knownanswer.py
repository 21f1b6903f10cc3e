#!/usr/bin/env python3
"""Reference values for tst_knownanswer.cpp, computed independently with PyTorch (float64).

Run offline, not by the tests:  /usr/bin/python3 tests/core/make_knownanswer.py > tests/core/data/knownanswer.json
(needs Debian's python3-torch). The network, its weights and its data are defined by the same
closed-form formulas in tst_knownanswer.cpp, so the C++ test needs only the JSON this prints.
"""
import json
import math

import torch

torch.set_default_dtype(torch.float64)

INPUTS, WIDTHS, CLASSES, BATCH = 3, [4, 3], 3, 5
LABELS = [0, 2, 1, 1, 0]


def weight(layer, rows, cols):
    return torch.tensor([[0.5 * math.sin(0.7 * (layer + 1) + 1.3 * i + 0.4 * j) for j in range(cols)]
                         for i in range(rows)])


def bias(layer, rows):
    return torch.tensor([0.1 * math.cos(layer + 0.6 * i) for i in range(rows)])


def inputs():
    # PyTorch is batch × features; the C++ side stores the transpose (features × batch).
    return torch.tensor([[math.cos(0.9 * k + 0.5 * c) * (1 + 0.2 * k) for k in range(INPUTS)]
                         for c in range(BATCH)])


ACTIVATIONS = {"tanh": torch.nn.Tanh, "relu": torch.nn.ReLU, "sigmoid": torch.nn.Sigmoid,
               "elu": torch.nn.ELU, "leaky_relu": lambda: torch.nn.LeakyReLU(0.01)}


def build(activation, batchnorm):
    layers, fan_in = [], INPUTS
    for l, width in enumerate(WIDTHS):
        dense = torch.nn.Linear(fan_in, width)
        with torch.no_grad():
            dense.weight.copy_(weight(l, width, fan_in))
            dense.bias.copy_(bias(l, width))
        layers.append(dense)
        if batchnorm:
            layers.append(torch.nn.BatchNorm1d(width, eps=1e-5, momentum=0.1))
        layers.append(ACTIVATIONS[activation]())
        fan_in = width
    out = torch.nn.Linear(fan_in, CLASSES)
    with torch.no_grad():
        out.weight.copy_(weight(len(WIDTHS), CLASSES, fan_in))
        out.bias.copy_(bias(len(WIDTHS), CLASSES))
    layers.append(out)
    return torch.nn.Sequential(*layers)


def loss_of(model, loss):
    y = model(inputs())
    target = torch.tensor(LABELS)
    if loss == "cross_entropy":
        return y, torch.nn.functional.cross_entropy(y, target)
    return y, torch.nn.functional.mse_loss(y, torch.nn.functional.one_hot(target, CLASSES).double())


def named(model):
    """Parameters in the C++ order and naming: hidden{i}.dense.weight/bias, hidden{i}.batchnorm.gamma/beta, output."""
    names, hidden = [], 0
    modules = list(model)
    for index, m in enumerate(modules):
        if isinstance(m, torch.nn.Linear):
            prefix = "output" if index == len(modules) - 1 else f"hidden{hidden + 1}"
            if prefix != "output":
                hidden += 1
            names += [(f"{prefix}.dense.weight", m.weight, True), (f"{prefix}.dense.bias", m.bias, False)]
        elif isinstance(m, torch.nn.BatchNorm1d):
            names += [(f"hidden{hidden}.batchnorm.gamma", m.weight, False),
                      (f"hidden{hidden}.batchnorm.beta", m.bias, False)]
    return names


def optimizer(kind, params):
    decay = [p for _, p, d in params if d]
    rest = [p for _, p, d in params if not d]
    groups = [{"params": decay, "weight_decay": 0.01}, {"params": rest, "weight_decay": 0.0}]
    if kind == "sgd":
        return torch.optim.SGD(groups, lr=0.1)
    if kind == "momentum":
        return torch.optim.SGD(groups, lr=0.1, momentum=0.9)
    return torch.optim.Adam(groups, lr=0.01, betas=(0.9, 0.999), eps=1e-8)


def case(activation, batchnorm, loss):
    model = build(activation, batchnorm)
    model.train()
    y, value = loss_of(model, loss)
    value.backward()
    result = {
        "activation": activation, "batchnorm": batchnorm, "loss": loss,
        "output": y.detach().t().tolist(),  # classes × batch
        "loss_value": value.item(),
        "gradients": {n: p.grad.tolist() for n, p, _ in named(model)},
        "steps": {},
    }
    for kind, count in [("sgd", 1), ("momentum", 2), ("adam", 2)]:
        model = build(activation, batchnorm)
        model.train()
        params = named(model)
        opt = optimizer(kind, params)
        for _ in range(count):
            opt.zero_grad()
            loss_of(model, loss)[1].backward()
            opt.step()
        step = {"count": count, "parameters": {n: p.detach().tolist() for n, p, _ in params}}
        if batchnorm:
            bns = [m for m in model if isinstance(m, torch.nn.BatchNorm1d)]
            step["running_mean"] = [m.running_mean.tolist() for m in bns]
            step["running_var"] = [m.running_var.tolist() for m in bns]
        result["steps"][kind] = step
    return result


def main():
    cases = [case("tanh", False, "cross_entropy"), case("relu", True, "cross_entropy"),
             case("sigmoid", False, "mse"), case("elu", True, "mse"), case("leaky_relu", False, "cross_entropy")]
    print(json.dumps({"generator": "tests/core/make_knownanswer.py", "torch": torch.__version__,
                      "labels": LABELS, "cases": cases}, indent=1))


if __name__ == "__main__":
    main()
