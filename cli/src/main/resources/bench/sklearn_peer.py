"""Python peer of `batchscope bench tabular`: scikit-learn's make_classification + pandas to_csv.

Usage: sklearn_peer.py ROWS COLUMNS OUT_CSV
Prints one line `seconds=<wall seconds> cpu_seconds=<process CPU seconds>` covering generation and CSV
writing (imports excluded, as the Java side excludes JVM start-up). Exits with code 3 and a message when sklearn or pandas is missing.
"""
import sys
import time

try:
    import pandas as pd
    from sklearn.datasets import make_classification
except ImportError as missing:
    print(f"missing Python module: {missing.name}", file=sys.stderr)
    sys.exit(3)

rows, columns, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
start = time.perf_counter()
cpu_start = time.process_time()
X, y = make_classification(n_samples=rows, n_features=columns, n_informative=4, n_redundant=2,
                           random_state=0)
frame = pd.DataFrame(X, columns=[f"x{j}" for j in range(columns)])
frame["label"] = y
frame.to_csv(out, index=False)
print(f"seconds={time.perf_counter() - start:.6f} cpu_seconds={time.process_time() - cpu_start:.6f}")
