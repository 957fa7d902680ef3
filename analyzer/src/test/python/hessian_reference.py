#!/usr/bin/python3
"""Reference Hessian-vector products and top Hessian eigenvalues for the lean engine's tests.

Run once (Debian's python3-torch and python3-numpy):

    /usr/bin/python3 analyzer/src/test/python/hessian_reference.py \
        > analyzer/src/test/resources/curvature/hessian-reference.json

For a small MLP and a small CNN of batchscope's built-in architectures, it draws float32 weights, data
and a direction v with a fixed numpy seed, then in float64 PyTorch:
  * hv: the Hessian of the mean softmax cross-entropy times v, by double backward
    (torch.autograd.grad of the gradient . v);
  * top_eigenvalue: the largest eigenvalue of the full Hessian (built column by column from
    Hessian-vector products with the unit vectors, symmetrised, numpy.linalg.eigvalsh);
  * batch_sharpness: for consecutive minibatches of batch_sharpness_batch samples, the mean over the
    minibatches of g^T H g / |g|^2 with g and H the gradient and Hessian of the minibatch's mean loss.
The weights are written in batchscope's canonical layout: per dense layer W[in][out] row-major then
b[out]; per convolution W[out][in][3][3] then b[out]; layers in order, convolutions first. The networks
are those of the lean engine: conv 3x3 (stride 1, zero padding 1) -> ReLU -> 2x2 max-pool per block,
flatten C,H,W, then dense -> ReLU per hidden layer, then the output dense layer.
"""
import json

import numpy as np
import torch

torch.set_default_dtype(torch.float64)


def layout_sizes(arch):
    """(kind, shape of W, size of b) per layer, in canonical order."""
    layers = []
    if arch["kind"] == "cnn":
        c = arch["channels"]
        h, w = arch["height"], arch["width"]
        for o in arch["conv"]:
            layers.append(("conv", (o, c, 3, 3), o))
            c, h, w = o, h // 2, w // 2
        features = c * h * w
    else:
        features = arch["inputs"]
    for d in arch["dense"] + [arch["classes"]]:
        layers.append(("dense", (features, d), d))
        features = d
    return layers


def unflatten(flat, arch):
    tensors, at = [], 0
    for kind, wshape, bsize in layout_sizes(arch):
        n = int(np.prod(wshape))
        tensors.append(flat[at:at + n].reshape(wshape))
        at += n
        tensors.append(flat[at:at + bsize])
        at += bsize
    return tensors


def loss_fn(flat, arch, x, y):
    tensors = unflatten(flat, arch)
    layers = layout_sizes(arch)
    a = x
    t = 0
    for i, (kind, _, _) in enumerate(layers):
        weight, bias = tensors[t], tensors[t + 1]
        t += 2
        last = i == len(layers) - 1
        if kind == "conv":
            a = torch.nn.functional.conv2d(a, weight, bias, stride=1, padding=1)
            a = torch.nn.functional.max_pool2d(torch.relu(a), 2)
            if layers[i + 1][0] == "dense":
                a = a.flatten(1)
        else:
            a = a @ weight + bias
            if not last:
                a = torch.relu(a)
    return torch.nn.functional.cross_entropy(a, y)


def case(arch, n, seed, weight_scale, sharpness_batch):
    rng = np.random.default_rng(seed)
    p = sum(int(np.prod(w)) + b for _, w, b in layout_sizes(arch))
    params = (rng.standard_normal(p) * weight_scale).astype(np.float32)
    if arch["kind"] == "cnn":
        shape = (n, arch["channels"], arch["height"], arch["width"])
    else:
        shape = (n, arch["inputs"])
    features = rng.uniform(-1, 1, size=shape).astype(np.float32)
    labels = rng.integers(0, arch["classes"], size=n)
    v = rng.standard_normal(p).astype(np.float32)

    flat = torch.tensor(params.astype(np.float64), requires_grad=True)
    x = torch.tensor(features.astype(np.float64))
    y = torch.tensor(labels)
    loss = loss_fn(flat, arch, x, y)
    (grad,) = torch.autograd.grad(loss, flat, create_graph=True)

    def hvp(vec):
        (out,) = torch.autograd.grad(grad, flat, grad_outputs=vec, retain_graph=True)
        return out

    hv = hvp(torch.tensor(v.astype(np.float64)))
    hessian = np.empty((p, p))
    for i in range(p):
        e = torch.zeros(p)
        e[i] = 1
        hessian[:, i] = hvp(e).numpy()
    hessian = (hessian + hessian.T) / 2
    eigenvalues = np.linalg.eigvalsh(hessian)

    quotients = []
    for start in range(0, n - sharpness_batch + 1, sharpness_batch):
        part = slice(start, start + sharpness_batch)
        (g,) = torch.autograd.grad(loss_fn(flat, arch, x[part], y[part]), flat, create_graph=True)
        (hg,) = torch.autograd.grad(g, flat, grad_outputs=g.detach())
        g = g.detach()
        quotients.append(float(g @ hg / (g @ g)))
    return {
        "architecture": arch,
        "samples": n,
        "params": [float(f) for f in params],
        "features": [float(f) for f in features.reshape(-1)],
        "labels": [int(l) for l in labels],
        "v": [float(f) for f in v],
        "loss": float(loss),
        "hv": [float(f) for f in hv.numpy()],
        "top_eigenvalue": float(eigenvalues[-1]),
        "second_eigenvalue": float(eigenvalues[-2]),
        "smallest_eigenvalue": float(eigenvalues[0]),
        "batch_sharpness_batch": sharpness_batch,
        "batch_sharpness": float(np.mean(quotients)),
    }


def main():
    mlp = {"kind": "mlp", "inputs": 10, "dense": [16, 8], "classes": 3}
    # 24 x 24 inputs with 2 channels: the first convolution runs in two chunks of samples (12 + 4)
    cnn = {"kind": "cnn", "channels": 2, "height": 24, "width": 24, "conv": [4, 6], "dense": [8], "classes": 3}
    out = {
        "torch_version": torch.__version__,
        "mlp": case(mlp, 12, 1, 0.5, 4),
        "cnn": case(cnn, 16, 2, 0.3, 8),
    }
    json.dump(out, __import__("sys").stdout)


if __name__ == "__main__":
    main()
