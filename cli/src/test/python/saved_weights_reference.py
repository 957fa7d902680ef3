#!/usr/bin/python3
"""Outside references for `analyze --save-weights` (SaveWeightsTest in the cli module).

Debian's python3-numpy, python3-torch and python3-scipy; run once, in two steps, from the repository root:

  1. the datasets (fixed numpy seeds; written as test resources):

       /usr/bin/python3 cli/src/test/python/saved_weights_reference.py data cli/src/test/resources/saved-weights

  2. the runs, with the options of SaveWeightsTest.OPTIONS (one run per case), then the reference:

       D=cli/src/test/resources/saved-weights
       ./batchscope analyze --data $D/mlp/train_X.npy --out /tmp/saved-weights-mlp --model mlp --hidden 8 \\
           --batch-sizes 8 --seeds 1 --epochs 6 --lr 0.1 --sharpness-samples 32 --lanczos-iterations 200 \\
           --lanczos-tolerance 1e-5 --probes-per-run 2 --threads 1 --no-report --save-weights
       ./batchscope analyze --data $D/cnn/train_X.npy --out /tmp/saved-weights-cnn --model cnn \\
           --batch-sizes 8 --seeds 1 --epochs 4 --lr 0.05 --sharpness-samples 24 --lanczos-iterations 200 \\
           --lanczos-tolerance 1e-5 --probes-per-run 2 --threads 1 --no-report --save-weights
       /usr/bin/python3 cli/src/test/python/saved_weights_reference.py reference mlp=/tmp/saved-weights-mlp \\
           cnn=/tmp/saved-weights-cnn > $D/reference.json

Step 2 reads each results folder's only weights/<config-hash>/ folder as a user would: numpy.load on every
.npy file (which checks the headers), the tensors' names, dtypes and shapes against weights.json, the
curvature samples against the training split (curvature-x.npy and curvature-y.npy must be the rows of
train_X.npy and train_y.npy at the indices of curvature-samples.npy), then rebuilds the model in PyTorch
from weights.json's tensors (torch.nn.functional, float64) and computes on the curvature samples
  * loss: the mean softmax cross-entropy;
  * top_eigenvalue: the largest Hessian eigenvalue of that loss, from Hessian-vector products by double
    backward, by scipy's ARPACK (eigsh, which='LA', tol 1e-12); for a model of at most 2,000 parameters
    also from the full Hessian (built from products with the unit vectors) by numpy.linalg.eigvalsh
    (full_hessian_top_eigenvalue), as a cross-check.
It prints them with the SHA-256 of every .npy file read, so the reference belongs to those bytes.
"""
import hashlib
import json
import os
import sys

import numpy as np
import scipy.sparse.linalg
import torch

torch.set_default_dtype(torch.float64)


def write_datasets(root):
    """A 3-class table (6 columns) and a 2-class image set (2 x 8 x 8), train and val splits."""
    rng = np.random.default_rng(20261202)
    mixing = rng.standard_normal((6, 3))
    for split, n in (("train", 48), ("val", 16)):
        x = rng.standard_normal((n, 6)).astype(np.float32)
        y = np.argmax(x @ mixing + 0.3 * rng.standard_normal((n, 3)), axis=1).astype(np.int64)
        save(root, "mlp", split, x, y)
    for split, n in (("train", 32), ("val", 8)):
        y = rng.integers(0, 2, size=n).astype(np.int64)
        x = rng.uniform(0, 1, size=(n, 2, 8, 8)).astype(np.float32)
        # class 1 is brighter in the top-left quadrant of channel 0
        x[:, 0, :4, :4] += 0.5 * y[:, None, None]
        save(root, "cnn", split, np.clip(x, 0, 1).astype(np.float32), y)


def save(root, case, split, x, y):
    os.makedirs(os.path.join(root, case), exist_ok=True)
    np.save(os.path.join(root, case, split + "_X.npy"), x)
    np.save(os.path.join(root, case, split + "_y.npy"), y)


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def forward(tensors, names, x):
    """The built-in models as weights.json describes them: conv blocks, flatten (C, H, W), dense layers."""
    a = x
    dense = [n[: -len(".weight")] for n in names if n.startswith("dense") and n.endswith(".weight")]
    convs = [n[: -len(".weight")] for n in names if n.startswith("conv") and n.endswith(".weight")]
    for c in convs:
        a = torch.nn.functional.conv2d(a, tensors[c + ".weight"], tensors[c + ".bias"], stride=1, padding=1)
        a = torch.nn.functional.max_pool2d(torch.relu(a), 2)
    a = a.flatten(1)
    for i, d in enumerate(dense):
        a = torch.nn.functional.linear(a, tensors[d + ".weight"], tensors[d + ".bias"])
        if i < len(dense) - 1:
            a = torch.relu(a)
    return a


def reference(results, data_root):
    weights_root = os.path.join(results, "weights")
    (run,) = os.listdir(weights_root)
    folder = os.path.join(weights_root, run)
    with open(os.path.join(folder, "weights.json")) as f:
        manifest = json.load(f)
    hashes = {}

    def load(name, dtype):
        array = np.load(os.path.join(folder, name))
        assert array.dtype == np.dtype(dtype), (name, array.dtype)
        hashes[name] = sha256(os.path.join(folder, name))
        return array

    names, flats = [], []
    tensors = {}
    for t in manifest["tensors"]:
        array = load(t["file"], "<f4")
        assert list(array.shape) == t["shape"], (t["name"], array.shape, t["shape"])
        names.append(t["name"])
        flats.append(array.astype(np.float64).reshape(-1))
    curv = manifest["curvature"]
    indices = load(curv["indices_file"], "<i8")
    x = load(curv["features_file"], "<f4")
    y = load(curv["labels_file"], "<i8")
    assert len(indices) == len(x) == len(y) == curv["samples"]
    train_x = np.load(os.path.join(data_root, "train_X.npy"))
    train_y = np.load(os.path.join(data_root, "train_y.npy"))
    assert np.array_equal(train_x[indices], x) and np.array_equal(train_y[indices], y)
    assert len(set(indices.tolist())) == len(indices)

    sizes = [f.size for f in flats]
    flat = torch.tensor(np.concatenate(flats), requires_grad=True)
    xt = torch.tensor(x.astype(np.float64))
    yt = torch.tensor(y)

    def loss_of(vector):
        parts = torch.split(vector, sizes)
        shaped = {n: p.reshape(t["shape"]) for n, p, t in zip(names, parts, manifest["tensors"])}
        return torch.nn.functional.cross_entropy(forward(shaped, names, xt), yt)

    loss = loss_of(flat)
    (grad,) = torch.autograd.grad(loss, flat, create_graph=True)

    def hvp(v):
        (out,) = torch.autograd.grad(grad, flat, grad_outputs=torch.tensor(np.asarray(v, dtype=np.float64).reshape(-1)),
                                     retain_graph=True)
        return out.detach().numpy()

    p = flat.numel()
    operator = scipy.sparse.linalg.LinearOperator((p, p), matvec=hvp, dtype=np.float64)
    start = np.random.default_rng(0).standard_normal(p)
    top = scipy.sparse.linalg.eigsh(operator, k=1, which="LA", tol=1e-12, v0=start, return_eigenvectors=False)
    out = {
        "run": manifest["config_hash"],
        "parameters": p,
        "samples": int(curv["samples"]),
        "sha256": hashes,
        "loss": float(loss),
        "top_eigenvalue": float(top[0]),
    }
    if p <= 2000:
        hessian = np.column_stack([hvp(np.eye(p)[i]) for i in range(p)])
        out["full_hessian_top_eigenvalue"] = float(np.linalg.eigvalsh((hessian + hessian.T) / 2)[-1])
    return out


def main():
    if sys.argv[1] == "data":
        write_datasets(sys.argv[2])
        return
    data = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "saved-weights")
    cases = dict(arg.split("=", 1) for arg in sys.argv[2:])
    out = {"torch_version": torch.__version__, "numpy_version": np.__version__,
           "scipy_version": scipy.__version__,
           "cases": {name: reference(path, os.path.join(data, name)) for name, path in sorted(cases.items())}}
    json.dump(out, sys.stdout, indent=2, sort_keys=True)
    print()


if __name__ == "__main__":
    main()
