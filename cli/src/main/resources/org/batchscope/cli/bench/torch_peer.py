"""PyTorch CPU reference for `batchscope bench engines --python`.

Trains the same models as the Java benchmark (MLP 64-64-2; CNN conv3x3x16 + ReLU + pool, conv3x3x32 +
ReLU + pool, dense 64 + ReLU, dense 2 on 3x64x64 inputs) with plain SGD on random data, and prints one
tab-separated line per configuration: model, batch size, "pytorch", steps/s, samples/s.
Run with Debian's python3-torch: /usr/bin/python3 torch_peer.py --models mlp,cnn --batch-sizes 1,4 --seconds 3
"""
import argparse
import sys
import time

import torch
from torch import nn


def model_for(name):
    if name == "mlp":
        return nn.Sequential(nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 2)), (64,)
    if name == "cnn":
        return nn.Sequential(
            nn.Conv2d(3, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(32 * 16 * 16, 64), nn.ReLU(), nn.Linear(64, 2)), (3, 64, 64)
    raise SystemExit("unknown model " + name)


def steps_per_second(name, batch, seconds):
    torch.manual_seed(1)
    model, shape = model_for(name)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    loss_fn = nn.CrossEntropyLoss()
    pool = 256 if name == "cnn" else 4096
    x = torch.rand((pool,) + shape)
    y = torch.randint(0, 2, (pool,))

    def step(i):
        start = (i * batch) % (pool - batch + 1)
        optimizer.zero_grad()
        loss = loss_fn(model(x[start:start + batch]), y[start:start + batch])
        loss.backward()
        optimizer.step()

    def run_for(limit):
        done, begin = 0, time.perf_counter()
        while time.perf_counter() - begin < limit:
            step(done)
            done += 1
        return done / (time.perf_counter() - begin)

    run_for(min(1.0, seconds / 2))  # warm-up
    return run_for(seconds)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--models", default="mlp,cnn")
    parser.add_argument("--batch-sizes", default="1,4,8,32")
    parser.add_argument("--seconds", type=float, default=3.0)
    args = parser.parse_args()
    print("pytorch %s, %d threads" % (torch.__version__, torch.get_num_threads()), file=sys.stderr)
    for name in args.models.split(","):
        for batch in (int(b) for b in args.batch_sizes.split(",")):
            rate = steps_per_second(name, batch, args.seconds)
            print("%s\t%d\tpytorch\t%.1f\t%.1f" % (name, batch, rate, rate * batch), flush=True)


if __name__ == "__main__":
    main()
