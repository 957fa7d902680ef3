#!/usr/bin/env bash
# Regenerates samples/dataset/ and samples/report/ with the tool itself:
#   bash samples/regenerate.sh [DEMO_DIR]
# samples/dataset/images: a 32x32 image dataset (r = 3, 40 images per split, counterfactuals);
# samples/dataset/table:  a small table (r = 3, 100/40/40 rows);
# samples/report:         the default demo (the eye-colour experiment): its report.pdf, chart, experiment.json and
#                         printed output, and the sweep reports' main PNGs of two arms (the demo runs in a temp
#                         folder, or resumes in DEMO_DIR, e.g. batchscope-demo after ./batchscope demo).
# The reports carry the date and run times, so they change on every regeneration.
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
cp "$demo/report/report.pdf" "$demo/report/report.html" "$demo/report/experiment-effect.png" "$demo/experiment.json" "$work/demo.txt" "$report/"
for arm in r0.3-rho0 r30-rho0 r3-rho0.9; do
    "$bs" report "$demo/arms/$arm" --out "$work/report-$arm" > /dev/null
    for png in seed-picture contact-sheet shortcut-groups; do
        if [ -f "$work/report-$arm/$png.png" ]; then cp "$work/report-$arm/$png.png" "$report/$arm-$png.png"; fi
    done
done
du -sh "$root/samples/dataset" "$report"
