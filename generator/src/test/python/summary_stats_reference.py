"""Reference values for SummaryStatsTest: numpy's mean, sample std (ddof=1), min and max of a fixed
series with a large offset (where a naive sum of squares loses digits). Run once from the repository root:
    python3 generator/src/test/python/summary_stats_reference.py
It writes generator/src/test/resources/org/batchscope/generator/summary-stats-reference.json."""
import json
import numpy as np

rng = np.random.default_rng(20261201)
values = 1e6 + rng.standard_normal(1000) * 1e-3 + np.sin(np.arange(1000))
out = {
    "values": [float(v) for v in values],
    "mean": float(np.mean(values)),
    "std": float(np.std(values, ddof=1)),
    "min": float(np.min(values)),
    "max": float(np.max(values)),
    "numpy": np.__version__,
}
with open("generator/src/test/resources/org/batchscope/generator/summary-stats-reference.json", "w") as f:
    json.dump(out, f, indent=1)
