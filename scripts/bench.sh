#!/usr/bin/env bash
# Benchmarks: each bench/*.py writes its figures to bench/results/NAME.json.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/results
shopt -s nullglob
for script in bench/*.py; do
  echo "== $script"
  .venv/bin/python "$script"
done
