"""Reference coverage of the Student-t 95% interval of the mean (SeedStatistics) at 2..10 seeds.

Run once with numpy (no scipy needed: the t quantiles are the textbook values, printed to 8
digits), output stored as ../resources/org/batchscope/analyzer/metrics/t_interval_coverage.csv:

    python3 t_interval_coverage.py > ../resources/org/batchscope/analyzer/metrics/t_interval_coverage.csv

Coverage = share of 400,000 simulated cells whose interval holds the true mean. Distributions:
normal(0, 1) (coverage 0.95 by theory), lognormal(0, 0.5) (true mean exp(0.125)), exponential(1)
(true mean 1). Monte Carlo standard error <= sqrt(0.12 * 0.88 / 400000) = 0.0005.
"""
import math

import numpy as np

# t_{0.975, df} for df = 1..9 (Student 1908; any table)
T975 = [12.7062047, 4.30265273, 3.18244631, 2.77644511, 2.57058184, 2.44691185, 2.36462425,
        2.30600414, 2.26215716]
REPLICATES = 400_000

rng = np.random.default_rng(20261201)
cases = [
    ("normal", lambda size: rng.normal(0.0, 1.0, size), 0.0),
    ("lognormal_0.5", lambda size: rng.lognormal(0.0, 0.5, size), math.exp(0.125)),
    ("exponential", lambda size: rng.exponential(1.0, size), 1.0),
]
print("distribution,seeds,coverage")
for name, draw, true_mean in cases:
    for n in range(2, 11):
        x = draw((REPLICATES, n))
        mean = x.mean(axis=1)
        half = T975[n - 2] * x.std(axis=1, ddof=1) / math.sqrt(n)
        covered = np.mean((mean - half <= true_mean) & (true_mean <= mean + half))
        print(f"{name},{n},{covered:.5f}")
