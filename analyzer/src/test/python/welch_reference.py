"""Reference values for EffectTest: Welch's and one-sample Student t 95% intervals, computed with
numpy and scipy.stats.t (Debian's python3-numpy and python3-scipy). Run from this folder:
    python3 welch_reference.py > ../resources/experiment/welch-reference.json
"""
import json
import numpy as np
from scipy import stats

rng = np.random.default_rng(20261201)
cases = []
for n_a, n_b, shift, scale_b in [(2, 2, 0.1, 1.0), (3, 3, 0.05, 2.0), (3, 5, -0.2, 0.5), (10, 4, 0.0, 3.0), (6, 6, 1.0, 1.0)]:
    a = rng.normal(0.5, 0.1, n_a)
    b = rng.normal(0.5 + shift, 0.1 * scale_b, n_b)
    va, vb = a.var(ddof=1) / n_a, b.var(ddof=1) / n_b
    se = np.sqrt(va + vb)
    df = (va + vb) ** 2 / (va ** 2 / (n_a - 1) + vb ** 2 / (n_b - 1))
    est = a.mean() - b.mean()
    half = stats.t.ppf(0.975, df) * se
    m = a.mean()
    half1 = stats.t.ppf(0.975, n_a - 1) * a.std(ddof=1) / np.sqrt(n_a)
    cases.append({"a": a.tolist(), "b": b.tolist(), "difference": [est, est - half, est + half],
                  "mean_a": [m, m - half1, m + half1]})
print(json.dumps({"how": "welch_reference.py: numpy + scipy.stats.t.ppf(0.975, df)", "cases": cases}, indent=1))
