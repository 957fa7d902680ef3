#!/usr/bin/env python3
"""Writes the test corpus of training logs in samples/logs/, one file (or folder) per layout that
batchscope diagnose reads. The files are written by this script, not copied: each is modelled on what
the named tool writes (header spelling, column order, blank cells, separators, encodings), with curves
drawn from a fixed random seed so rerunning the script gives the same bytes.

Run from the repository root:  python3 samples/logs/make_corpus.py
Needs numpy. The hand-made files keras/bs8.csv, keras/bs64.csv, lightning/bs32/metrics.csv,
tensorboard/run-bs16-tag-train_loss.csv and wandb/export.csv are not touched.
"""
import math
import os

import numpy as np

ROOT = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20261201)


def write(relative, text, encoding="utf-8", bom=b""):
    path = os.path.join(ROOT, relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(bom + text.encode(encoding))


def r(value, digits=4):
    return f"{round(float(value), digits):.{digits}f}".rstrip("0").rstrip(".") if math.isfinite(value) else value


def accuracy_curve(n, start, end, wiggle):
    t = np.arange(n)
    return start + (end - start) * (1 - np.exp(-t / (n / 3))) + wiggle * rng.standard_normal(n)


def loss_curve(n, start, end, wiggle):
    t = np.arange(n)
    return end + (start - end) * np.exp(-t / (n / 3)) + wiggle * np.abs(rng.standard_normal(n))


def keras_rows(n):
    return (accuracy_curve(n, 0.55, 0.92, 0.01), loss_curve(n, 1.2, 0.25, 0.02),
            accuracy_curve(n, 0.50, 0.85, 0.03), loss_curve(n, 1.3, 0.45, 0.06))


# Keras CSVLogger(separator='\t'): epoch first, then the metrics in alphabetical order
acc, loss, val_acc, val_loss = keras_rows(12)
lines = ["epoch\taccuracy\tloss\tval_accuracy\tval_loss"]
lines += [f"{e}\t{r(acc[e])}\t{r(loss[e])}\t{r(val_acc[e])}\t{r(val_loss[e])}" for e in range(12)]
write("keras/tab-separated.csv", "\n".join(lines) + "\n")

# Keras CSVLogger(separator=';') with a learning-rate column, as a German-locale user would write it
acc, loss, val_acc, val_loss = keras_rows(10)
lines = ["epoch;accuracy;learning_rate;loss;val_accuracy;val_loss"]
lines += [f"{e};{r(acc[e])};0.001;{r(loss[e])};{r(val_acc[e])};{r(val_loss[e])}" for e in range(10)]
write("keras/semicolon.csv", "\n".join(lines) + "\n")

# A hand-written training loop: capitalised names with spaces, epochs from 1
acc, loss, val_acc, val_loss = keras_rows(15)
lines = ["Epoch,Train Loss,Train Acc,Val Loss,Val Acc"]
lines += [f"{e + 1},{r(loss[e])},{r(acc[e])},{r(val_loss[e])},{r(val_acc[e])}" for e in range(15)]
write("keras/capital-epoch.csv", "\n".join(lines) + "\n")

# A PyTorch loop that logs accuracy in percent (0-100)
acc, loss, val_acc, val_loss = keras_rows(10)
lines = ["epoch,train_loss,train_acc,val_loss,val_acc"]
lines += [f"{e},{r(loss[e])},{r(100 * acc[e], 2)},{r(val_loss[e])},{r(100 * val_acc[e], 2)}" for e in range(10)]
write("keras/percent-accuracy.csv", "\n".join(lines) + "\n")

# A run that diverged: the loss blows up to inf at epoch 8 and is nan from then on
acc, loss, val_acc, val_loss = keras_rows(12)
lines = ["epoch,accuracy,loss,val_accuracy,val_loss"]
for e in range(12):
    if e < 8:
        lines.append(f"{e},{r(acc[e])},{r(loss[e])},{r(val_acc[e])},{r(val_loss[e])}")
    elif e == 8:
        lines.append(f"{e},0.1,inf,0.1,inf")
    else:
        lines.append(f"{e},0.1,nan,0.1,nan")
write("keras/diverged.csv", "\n".join(lines) + "\n")

# pandas.DataFrame(history.history).to_csv(index=False): no epoch column at all
acc, loss, val_acc, val_loss = keras_rows(10)
lines = ["loss,accuracy,val_loss,val_accuracy"]
lines += [f"{r(loss[e])},{r(acc[e])},{r(val_loss[e])},{r(val_acc[e])}" for e in range(10)]
write("pandas/history-no-index.csv", "\n".join(lines) + "\n")

# pandas.DataFrame(history.history).to_csv(): the unnamed index column first
acc, loss, val_acc, val_loss = keras_rows(10)
lines = [",loss,accuracy,val_loss,val_accuracy"]
lines += [f"{e},{r(loss[e])},{r(acc[e])},{r(val_loss[e])},{r(val_acc[e])}" for e in range(10)]
write("pandas/history-unnamed-index.csv", "\n".join(lines) + "\n")

# Lightning CSVLogger with a test loop: train_loss every step, validation per epoch, one test row.
# Columns in Lightning's (alphabetical) order, so test_* sorts before train_loss.
steps_per_epoch, epochs = 50, 8
lines = ["epoch,step,test_acc,test_loss,train_loss,val_acc,val_loss"]
level = 2.0
for e in range(epochs):
    for s in range(steps_per_epoch):
        step = e * steps_per_epoch + s
        level = 0.3 + 1.7 * math.exp(-step / 120)
        value = level * (1 + 0.08 * rng.standard_normal())
        if rng.random() < 0.02:
            value *= 3.0  # a minibatch of hard examples
        lines.append(f"{e},{step},,,{r(value)},,")
    last = e * steps_per_epoch + steps_per_epoch - 1
    lines.append(f"{e},{last},,,,{r(0.6 + 0.3 * (1 - math.exp(-e / 2)) + 0.02 * rng.standard_normal())},"
                 f"{r(0.5 + 1.0 * math.exp(-e / 2) + 0.03 * rng.standard_normal())}")
lines.append(f"{epochs},{epochs * steps_per_epoch},0.8712,0.4127,,,")
write("lightning/with-test/metrics.csv", "\n".join(lines) + "\n")

# Lightning CSVLogger with validation logged on_step and on_epoch: *_step and *_epoch columns; the
# validation step rows have a step but no epoch. val_acc_mean_pos is a mean rank (about 6), not an accuracy.
lines = ["epoch,step,train_loss_epoch,train_loss_step,val_acc_epoch,val_acc_mean_pos_epoch,"
         "val_acc_mean_pos_step,val_acc_step,val_loss_epoch,val_loss_step"]
for e in range(10):
    for s in range(0, 40, 10):
        step = e * 40 + s
        lines.append(f"{e},{step},,{r(1.0 * math.exp(-step / 150) + 0.2 + 0.05 * rng.standard_normal())},,,,,,")
    for v in range(3):
        lines.append(f",{e * 40 + 39},,,,,{r(6.3 + 0.4 * rng.standard_normal())},"
                     f"{r(0.6 + 0.03 * e + 0.05 * rng.standard_normal())},,{r(0.9 - 0.04 * e + 0.05 * rng.standard_normal())}")
    lines.append(f"{e},{e * 40 + 39},{r(1.0 * math.exp(-e * 40 / 150) + 0.25)},,"
                 f"{r(0.6 + 0.03 * e + (0.04 if e % 2 else -0.04))},{r(6.3 + 0.1 * rng.standard_normal())},,,"
                 f"{r(0.9 - 0.04 * e + 0.02 * rng.standard_normal())},")
write("lightning/val-on-step/metrics.csv", "\n".join(lines) + "\n")

# W&B panel export with epoch as the x axis: <run> - <metric> with __MIN/__MAX companions
lines = ['"epoch","bs64 - val_acc","bs64 - val_acc__MIN","bs64 - val_acc__MAX",'
         '"bs512 - val_acc","bs512 - val_acc__MIN","bs512 - val_acc__MAX"']
small = accuracy_curve(20, 0.5, 0.88, 0.025)
large = accuracy_curve(20, 0.5, 0.86, 0.006)
for e in range(20):
    lines.append(f'{e},{r(small[e])},{r(small[e])},{r(small[e])},{r(large[e])},{r(large[e])},{r(large[e])}')
write("wandb/x-epoch.csv", "\n".join(lines) + "\n")

# W&B export against Lightning's trainer/global_step: training loss every 10 steps, validation every 100
lines = ['"trainer/global_step","resnet-bs128 - train/loss","resnet-bs128 - train/loss__MIN",'
         '"resnet-bs128 - train/loss__MAX","resnet-bs128 - val/acc","resnet-bs128 - val/acc__MIN",'
         '"resnet-bs128 - val/acc__MAX"']
for step in range(0, 2000, 10):
    loss = 0.4 + 1.6 * math.exp(-step / 500) + 0.05 * abs(rng.standard_normal())
    if step % 100 == 99 - 9:
        acc = 0.55 + 0.35 * (1 - math.exp(-step / 600)) + 0.01 * rng.standard_normal()
        lines.append(f"{step},{r(loss)},{r(loss)},{r(loss)},{r(acc)},{r(acc)},{r(acc)}")
    else:
        lines.append(f"{step},{r(loss)},{r(loss)},{r(loss)},,,")
write("wandb/x-global-step.csv", "\n".join(lines) + "\n")

# TensorBoard exports of the log folder itself (run "."): two tags of one run
walltime = 1733000000.0
for tag, curve in (("epoch_loss", loss_curve(12, 1.2, 0.3, 0.04)), ("epoch_accuracy", accuracy_curve(12, 0.5, 0.9, 0.02))):
    lines = ["Wall time,Step,Value"] + [f"{walltime + 60 * e:.3f},{e},{r(curve[e], 6)}" for e in range(12)]
    write(f"tensorboard/root/run-.-tag-{tag}.csv", "\n".join(lines) + "\n")

# TensorBoard exports of a Keras fit: train and validation sub-runs of one run
for run, curve in (("train", loss_curve(10, 1.1, 0.3, 0.02)), ("validation", loss_curve(10, 1.2, 0.5, 0.08))):
    lines = ["Wall time,Step,Value"] + [f"{walltime + 60 * e:.3f},{e},{r(curve[e], 6)}" for e in range(10)]
    write(f"tensorboard/keras-fit/run-{run}-tag-epoch_loss.csv", "\n".join(lines) + "\n")

# A Keras log saved by Windows PowerShell (Out-File): UTF-16LE with a byte-order mark
acc, loss, val_acc, val_loss = keras_rows(8)
lines = ["epoch,accuracy,loss,val_accuracy,val_loss"]
lines += [f"{e},{r(acc[e])},{r(loss[e])},{r(val_acc[e])},{r(val_loss[e])}" for e in range(8)]
write("encodings/utf16.csv", "\r\n".join(lines) + "\r\n", encoding="utf-16-le", bom=b"\xff\xfe")

# A log written in Latin-1 (ISO-8859-1) with an accented column name
acc, loss, val_acc, val_loss = keras_rows(8)
lines = ["epoch,loss,val_loss,durée (s)"]
lines += [f"{e},{r(loss[e])},{r(val_loss[e])},{12 + e}" for e in range(8)]
write("encodings/latin1.csv", "\n".join(lines) + "\n", encoding="latin-1")
