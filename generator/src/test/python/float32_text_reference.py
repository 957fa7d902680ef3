"""Reference text for Float32TextTest: the CSV form of float32 values, computed here from its definition
with Python's own arithmetic (no Java). Run once from the repository root:
    python3 generator/src/test/python/float32_text_reference.py
It writes generator/src/test/resources/org/batchscope/generator/tabular/float32-text-reference.tsv.gz, one
line per value: the float32's bit pattern as 8 hex digits, a tab, the expected text.

The definition (what Float32Text writes, see its javadoc):
- NaN and the infinities as Java's Float.toString writes them; a '-' for a set sign bit; zero as "0.0".
- e = the decimal exponent of |v|: the largest e with P(e) <= |v|, where P(e) is the double nearest 10^e.
- digits = round half up of the double product |v| * P(8 - e) (9 digits; a carry to 10 digits drops the
  last digit and adds one to e).
- plain form for -3 <= e < 7 (e.g. 0.00123456789, 12.3456789), otherwise d.dddddddd E e; trailing
  zeros of the fraction dropped, at least one fraction digit kept.
"""
import gzip
import math
import struct
from decimal import Decimal, ROUND_FLOOR

import numpy as np

P = {k: float("1e%d" % k) for k in range(-64, 65)}  # Python's float() of a decimal string is correctly rounded


def text(bits):
    v = struct.unpack("<f", struct.pack("<I", bits))[0]  # exact float32 value as a Python float (double)
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    sign = "-" if bits >> 31 else ""
    m = abs(v)
    if m == 0:
        return sign + "0.0"
    e = Decimal(m).adjusted()  # floor(log10 m) of the exact value
    while m >= P[e + 1]:
        e += 1
    while m < P[e]:
        e -= 1
    product = m * P[8 - e]  # one IEEE double multiplication, as in Java
    digits = int((Decimal(product) + Decimal("0.5")).to_integral_value(rounding=ROUND_FLOOR))
    if digits >= 10 ** 9:
        digits //= 10
        e += 1
    d = str(digits)
    assert len(d) == 9, (bits, d)
    if -3 <= e < 0:
        return sign + "0." + "0" * (-e - 1) + d.rstrip("0")
    if 0 <= e < 7:
        whole, fraction = d[:e + 1], d[e + 1:].rstrip("0") or "0"
        return sign + whole + "." + fraction
    fraction = d[1:].rstrip("0") or "0"
    return sign + d[0] + "." + fraction + "E" + str(e)


def main():
    rng = np.random.default_rng(20261202)
    values = set()
    values.update(int(b) for b in rng.integers(0, 2 ** 32, size=15000, dtype=np.uint64))  # any bit pattern
    gaussians = (rng.standard_normal(20000) * 10.0 ** rng.integers(-5, 8, size=20000)).astype(np.float32)
    values.update(int(b) for b in gaussians.view(np.uint32))  # table-like values over many scales
    for k in range(-45, 39):  # float32 neighbours of every power of ten, where e changes
        centre = int(np.array([float("1e%d" % k)], dtype=np.float32).view(np.uint32)[0])
        values.update(centre + d for d in range(-40, 41) if 0 < centre + d < 0x7F800000)
    for exponent in range(0, 255):  # neighbours of every power of two, where the binary exponent changes
        centre = exponent << 23
        values.update(centre + d for d in range(-5, 6) if 0 < centre + d < 0x7F800000)
    values.update(range(0, 64))  # zero and the smallest subnormals
    values.update([0x7F7FFFFF, 0x7F800000, 0x7FC00000, 0x3F800000, 0x3DCCCCCD, 0x3A83126F, 0x4B189680])
    values.update(b | 0x80000000 for b in list(values))  # every value with both signs
    path = "generator/src/test/resources/org/batchscope/generator/tabular/float32-text-reference.tsv.gz"
    with gzip.open(path, "wt", compresslevel=9) as out:
        for bits in sorted(values):
            out.write("%08x\t%s\n" % (bits, text(bits)))
    print(len(values), "values written to", path, "with numpy", np.__version__)


if __name__ == "__main__":
    main()
