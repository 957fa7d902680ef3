#!/usr/bin/env bash
# Regenerates samples/dataset/ and samples/report/ with the tool itself:
#   bash samples/regenerate.sh [DEMO_DIR]
# samples/dataset/images: a 32x32 image dataset (r = 3, 40 images per split, counterfactuals);
# samples/dataset/table:  a small table (r = 3, 100/40/40 rows);
# samples/report:         the default demo's report.pdf, its main PNGs and its printed summary (the demo
#                         runs in a temp folder, or resumes in DEMO_DIR, e.g. batchscope-demo after ./batchscope demo).
# The report carries the date and run times, so it changes on every regeneration.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bs="$root/batchscope"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$bs" generate images --out "$root/samples/dataset/images" --ratio 3 --size 32 --train 40 --val 40 --test 40 \
    --seed 1 --overwrite
"$bs" generate tabular --out "$root/samples/dataset/table" --ratio 3 --train 100 --val 40 --test 40 --seed 1 \
    --overwrite

demo="${1:-$work/demo}"
"$bs" demo --out "$demo" | tee "$work/demo.txt"
report="$root/samples/report"
rm -rf "$report"
mkdir -p "$report"
cp "$demo/report/report.pdf" "$work/demo.txt" "$report/"
for png in seed-picture-1 seed-picture-3 oscillation-metrics heatmaps noise-robustness background-reliance \
           contact-sheet-1 contact-sheet-3 generalization-gap sharpness cost; do
    cp "$demo/report/$png.png" "$report/"
done
du -sh "$root/samples/dataset" "$report"
