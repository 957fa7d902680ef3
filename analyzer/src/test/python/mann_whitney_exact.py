"""Reference two-sided p-values of the exact Mann-Whitney (permutation) test, for SeedComparisonTest.

Enumerates every split of the pooled values into groups of sizes n_A and n_B with itertools and numpy
(no scipy), U = sum over pairs of [a < b] + 1/2 [a = b], p = share of splits with |U - n_A n_B / 2| at
least the observed one. Run once; output stored as
../resources/org/batchscope/analyzer/metrics/mann_whitney_exact.csv:

    python3 mann_whitney_exact.py > ../resources/org/batchscope/analyzer/metrics/mann_whitney_exact.csv
"""
import itertools

import numpy as np


def u_statistic(a, b):
    a = np.asarray(a)[:, None]
    b = np.asarray(b)[None, :]
    return float(np.sum(a < b) + 0.5 * np.sum(a == b))


def p_value(a, b):
    pooled = np.array(list(a) + list(b))
    n, na = len(pooled), len(a)
    centre = na * len(b) / 2
    observed = abs(u_statistic(a, b) - centre) - 1e-9
    hits = total = 0
    for chosen in itertools.combinations(range(n), na):
        mask = np.zeros(n, dtype=bool)
        mask[list(chosen)] = True
        total += 1
        hits += abs(u_statistic(pooled[mask], pooled[~mask]) - centre) >= observed
    return hits / total


CASES = [
    ([0.01, 0.02, 0.03], [0.10, 0.12, 0.15]),
    ([0.01, 0.02, 0.03], [0.025, 0.12, 0.15]),
    ([0.05, 0.05, 0.02], [0.05, 0.06, 0.01]),
    ([0.1, 0.2], [0.3, 0.4]),
    ([0.11, 0.42, 0.05, 0.3, 0.2], [0.5, 0.45, 0.6, 0.33, 0.9, 0.8]),
    ([0.3, 0.1, 0.2, 0.4, 0.5, 0.6, 0.7, 0.8], [0.35, 0.9, 1.0, 1.1, 1.2, 0.95, 0.85, 1.3]),
]
print("a,b,p")
for a, b in CASES:
    print(f"{' '.join(map(str, a))},{' '.join(map(str, b))},{p_value(a, b):.12f}")
