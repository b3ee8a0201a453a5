#!/usr/bin/env bash
# Credential-scan throughput vs secretlint on one generated tree, one core (run through ./build.sh bench secrets compare).
#   benchmarks/secrets-compare.sh [dir=/tmp/raxx-bench] [megabytes=100]
# 1. generates the tree if missing (deterministic, seed 42);
# 2. ours, one-shot: a whole process running the credential rules (RAXX402-404) as `check` does: list, read, scan;
# 3. ours, steady state: the engine over the files in memory after warm-up (best of 10);
# 4. secretlint 13.0.6 + preset-recommend 13.0.6 (npm install into $RAXX_SECRETLINT_DIR, default
#    ~/.cache/raxx-secretlint, outside the repository), skipped when npm is not available;
# 5. the ratios of CPU seconds (user + sys): one-shot vs one-shot, and steady state vs secretlint's one-shot.
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-/tmp/raxx-bench}"
mb="${2:-100}"
bench=benchmarks/Raxx.Guardrails.Benchmarks/bin/Release/net10.0/Raxx.Guardrails.Benchmarks
pin=""
if command -v taskset >/dev/null; then pin="taskset -c 0"; fi
timer=(/usr/bin/time -f "%e %U %S")
if [ ! -x /usr/bin/time ]; then echo "needs /usr/bin/time (GNU time)" >&2; exit 2; fi

if [ ! -d "$dir" ]; then "$bench" secrets generate "$dir" "$mb"; fi
echo "tree: $dir ($(du -sm "$dir" | cut -f1) MB on disk, $(find "$dir" -type f | wc -l) files); load average: $(cut -d' ' -f1-3 /proc/loadavg)"

cpu() { awk '{printf "%.2f", $2 + $3}' "$1"; }
wall() { awk '{printf "%.2f", $1}' "$1"; }

t=$(mktemp)
$pin "${timer[@]}" -o "$t" "$bench" secrets once "$dir"
ours_once=$(cpu "$t"); echo "ours, one-shot process: $(wall "$t") s wall, $ours_once s CPU (user+sys)"
steady=$($pin "$bench" secrets scan "$dir" 10 | grep '^scan')
echo "ours, steady state: $steady"
ours_steady=$(echo "$steady" | sed -E 's/.*; ([0-9.]+)s CPU.*/\1/')

if command -v npm >/dev/null; then
  sl="${RAXX_SECRETLINT_DIR:-$HOME/.cache/raxx-secretlint}"
  if [ ! -x "$sl/node_modules/.bin/secretlint" ]; then
    mkdir -p "$sl"
    (cd "$sl" && [ -f package.json ] || npm init -y >/dev/null) && (cd "$sl" && npm install --no-audit --no-fund secretlint@13.0.6 @secretlint/secretlint-rule-preset-recommend@13.0.6 >/dev/null)
  fi
  echo '{"rules":[{"id":"@secretlint/secretlint-rule-preset-recommend"}]}' > "$sl/.secretlintrc.json"
  (cd "$dir" && $pin "${timer[@]}" -o "$t" node "$sl/node_modules/.bin/secretlint" --secretlintrc "$sl/.secretlintrc.json" "**/*" > "$t.out" 2>&1) || true
  sl_cpu=$(cpu "$t"); echo "secretlint 13.0.6 + preset-recommend, one-shot: $(wall "$t") s wall, $sl_cpu s CPU; $(grep -c '^/' "$t.out" || true) files with findings"
  awk -v s="$sl_cpu" -v o="$ours_once" -v st="$ours_steady" 'BEGIN { printf "ratio (CPU): one-shot %.1fx, steady state %.1fx (target 15x)\n", s / o, s / st }'
else
  echo "npm not found: secretlint skipped"
fi
rm -f "$t" "$t.out"
