#!/usr/bin/env python3
"""Reference values for LogCorpusTest: the oscillation metrics of the series each file of
samples/logs/ should be compared on, and the loss-spike counts of its per-step training losses,
computed with numpy from the files as this script is told to read them (separator, encoding, column,
scale written out by hand below, not sniffed), independently of the Java code.

Run from the repository root:  python3 analyzer/src/test/python/log_corpus_reference.py
It writes analyzer/src/test/resources/logs/corpus-reference.json.

Metric definitions (window W = the last ceil(T/2) finite points):
  amplitude = sample std (ddof 1); mean_abs_change = mean |diff|; reversal_rate = share of sign
  changes between adjacent non-zero differences (0 when fewer than two); detrended_std = sqrt(sum r^2
  / (n - 1)) of the least-squares line's residuals r; hf_power_share = power of the FFT of r
  zero-padded to K = next power of two >= n in bins K/4 < k <= K/2 over bins 1 <= k <= K/2 (0 when
  rms(r) <= 1e-12 max|w|); max_drawdown = largest fall from the running best (rise from the running
  minimum for a loss). Loss spikes: x_t > m_{t-1} + 3 sqrt(v_{t-1}), m_0 = x_0, v_0 = 0,
  delta = x_t - m_{t-1}, m_t = m_{t-1} + 0.1 delta, v_t = 0.9 (v_{t-1} + 0.1 delta^2), t >= 1.
"""
import csv
import io
import json
import math
import os

import numpy as np

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))
LOGS = os.path.join(ROOT, "samples", "logs")


def column(path, name, sep=",", encoding="utf-8", scale=1.0, where=None):
    with open(os.path.join(LOGS, path), encoding=encoding, newline="") as f:
        text = f.read().lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(text), delimiter=sep))
    header = [h.strip() for h in rows[0]]
    c = header.index(name)
    values = []
    for row in rows[1:]:
        if not row or c >= len(row) or row[c].strip() == "":
            continue
        if where is not None and not where(dict(zip(header, row))):
            continue
        v = float(row[c])
        if math.isfinite(v):
            values.append(v * scale)
    return np.array(values)


def metrics(series, lower_is_better):
    n = (len(series) + 1) // 2
    w = series[-n:]
    d = np.diff(w)
    nz = d[d != 0]
    reversal = float(np.mean(np.sign(nz[1:]) != np.sign(nz[:-1]))) if len(nz) >= 2 else 0.0
    t = np.arange(n, dtype=float)
    slope, intercept = np.polyfit(t, w, 1)
    residuals = w - (slope * t + intercept)
    k = 1
    while k < n:
        k *= 2
    if math.sqrt(np.mean(residuals ** 2)) <= 1e-12 * np.max(np.abs(w)):
        hf = 0.0
    else:
        power = np.abs(np.fft.fft(np.concatenate([residuals, np.zeros(k - n)]))) ** 2
        bins = np.arange(k)
        hf = float(power[(4 * bins > k) & (bins <= k // 2)].sum() / power[(bins >= 1) & (bins <= k // 2)].sum())
    if lower_is_better:
        drawdown = float(np.max(w - np.minimum.accumulate(w)))
    else:
        drawdown = float(np.max(np.maximum.accumulate(w) - w))
    return {
        "amplitude": float(np.std(w, ddof=1)),
        "mean_abs_change": float(np.mean(np.abs(d))),
        "reversal_rate": reversal,
        "detrended_std": float(math.sqrt(np.sum(residuals ** 2) / (n - 1))),
        "hf_power_share": hf,
        "max_drawdown": drawdown,
    }


def spikes(losses):
    m, v, count = losses[0], 0.0, 0
    for x in losses[1:]:
        if x > m + 3 * math.sqrt(v):
            count += 1
        delta = x - m
        m = m + 0.1 * delta
        v = 0.9 * (v + 0.1 * delta * delta)
    return count


def entry(series, lower_is_better, spike_series=None):
    out = {"points": len(series), "metrics": metrics(series, lower_is_better)}
    if spike_series is not None:
        out["loss_spikes"] = spikes(spike_series)
        out["loss_points"] = len(spike_series)
    return out


reference = {
    "keras/tab-separated.csv": {"tab-separated": entry(column("keras/tab-separated.csv", "val_accuracy", sep="\t"), False)},
    "keras/semicolon.csv": {"semicolon": entry(column("keras/semicolon.csv", "val_accuracy", sep=";"), False)},
    "keras/capital-epoch.csv": {"capital-epoch": entry(column("keras/capital-epoch.csv", "Val Acc"), False)},
    "keras/percent-accuracy.csv": {"percent-accuracy": entry(column("keras/percent-accuracy.csv", "val_acc", scale=0.01), False)},
    "keras/diverged.csv": {"diverged": entry(column("keras/diverged.csv", "val_accuracy"), False)},
    "pandas/history-no-index.csv": {"history-no-index": entry(column("pandas/history-no-index.csv", "val_accuracy"), False)},
    "pandas/history-unnamed-index.csv": {"history-unnamed-index": entry(column("pandas/history-unnamed-index.csv", "val_accuracy"), False)},
    "lightning/with-test/metrics.csv": {"with-test": entry(column("lightning/with-test/metrics.csv", "val_acc"), False,
                                                          column("lightning/with-test/metrics.csv", "train_loss"))},
    "lightning/val-on-step/metrics.csv": {"val-on-step": entry(column("lightning/val-on-step/metrics.csv", "val_acc_epoch"), False)},
    "wandb/x-epoch.csv": {"bs64": entry(column("wandb/x-epoch.csv", "bs64 - val_acc"), False),
                          "bs512": entry(column("wandb/x-epoch.csv", "bs512 - val_acc"), False)},
    "wandb/x-global-step.csv": {"resnet-bs128": entry(column("wandb/x-global-step.csv", "resnet-bs128 - val/acc"), False,
                                                      column("wandb/x-global-step.csv", "resnet-bs128 - train/loss"))},
    "tensorboard/root": {"root": entry(column("tensorboard/root/run-.-tag-epoch_loss.csv", "Value"), True)},
    "tensorboard/keras-fit": {"keras-fit": entry(column("tensorboard/keras-fit/run-validation-tag-epoch_loss.csv", "Value"), True)},
    "encodings/utf16.csv": {"utf16": entry(column("encodings/utf16.csv", "val_accuracy", encoding="utf-16"), False)},
    "encodings/latin1.csv": {"latin1": entry(column("encodings/latin1.csv", "val_loss", encoding="latin-1"), True)},
}

target = os.path.join(ROOT, "analyzer", "src", "test", "resources", "logs", "corpus-reference.json")
with open(target, "w") as f:
    json.dump(reference, f, indent=1, sort_keys=True)
    f.write("\n")
print("wrote", target)
