#!/usr/bin/env bash
# Credential-scan throughput vs secretlint on one generated tree, one core (run through ./build.sh bench secrets compare).
#   benchmarks/secrets-compare.sh [dir=/tmp/raxx-bench] [megabytes=100]
# 1. generates the tree if missing (deterministic, seed 42);
# 2. ours, one-shot: a whole process running the credential rules (RAXX402-404) as `check` does: list, read, scan;
#    and what a user runs: `raxx-guardrails check <dir>` with a config turning every other repository rule off
#    (it also formats the text report of every finding, source line included);
# 3. ours, warm: the one-shot's whole pass (list, read and decode, RAXX402-404) repeated in one process, best of 5 —
#    compiled code, file reading included (secretlint's figure includes reading too);
#    ours, steady state: the engine alone over the files already in memory after warm-up (best of 10);
# 4. secretlint 13.0.6 + preset-recommend 13.0.6 (npm install into $RAXX_SECRETLINT_DIR, default
#    ~/.cache/raxx-secretlint, outside the repository), skipped when npm is not available;
# 5. the ratios of CPU seconds (user + sys): secretlint's one-shot vs ours one-shot (bench harness, and the CLI),
#    warm pass, and engine in memory.
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-/tmp/raxx-bench}"
mb="${2:-100}"
bench=benchmarks/Raxx.Guardrails.Benchmarks/bin/Release/net10.0/Raxx.Guardrails.Benchmarks
cli=ci-actions/Raxx.Guardrails.Cli/bin/Release/net10.0/raxx-guardrails
pin=""
if command -v taskset >/dev/null; then pin="taskset -c 0"; fi
timer=(/usr/bin/time -f "%e %U %S")
if [ ! -x /usr/bin/time ]; then echo "needs /usr/bin/time (GNU time)" >&2; exit 2; fi

if [ ! -d "$dir" ]; then "$bench" secrets generate "$dir" "$mb"; fi
echo "tree: $dir ($(du -sm "$dir" | cut -f1) MB on disk, $(find "$dir" -type f | wc -l) files); load average: $(cut -d' ' -f1-3 /proc/loadavg)"

# the last line of GNU time's output (a non-zero exit adds a "Command exited with non-zero status" line before it)
cpu() { tail -1 "$1" | awk '{printf "%.2f", $2 + $3}'; }
wall() { tail -1 "$1" | awk '{printf "%.2f", $1}'; }

t=$(mktemp)
$pin "${timer[@]}" -o "$t" "$bench" secrets once "$dir"
ours_once=$(cpu "$t"); echo "ours, one-shot process: $(wall "$t") s wall, $ours_once s CPU (user+sys)"
# the same whole pass (list, read, scan RAXX402-404) repeated in one process: compiled code, file reading included
warm=$($pin "$bench" secrets once "$dir" --warm 5 | grep '^warm pass')
echo "ours, $warm"
ours_warm=$(echo "$warm" | sed -E 's/.*wall, ([0-9.]+)s CPU.*/\1/')
ours_cli=""
if [ -x "$cli" ]; then
  # the credential rules only: every other repository rule off (a config outside the tree)
  conf=$(mktemp --suffix=.yaml)
  echo "severity: { RAXX105: none, RAXX306: none, RAXX501: none, RAXX502: none, RAXX503: none, RAXX504: none, RAXX505: none, RAXX506: none }" > "$conf"
  $pin "${timer[@]}" -o "$t" "$cli" check "$dir" --config "$conf" > /dev/null 2>&1 || true
  ours_cli=$(cpu "$t"); echo "ours, raxx-guardrails check (credential rules, text report to /dev/null): $(wall "$t") s wall, $ours_cli s CPU"
  rm -f "$conf"
fi
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
  awk -v s="$sl_cpu" -v o="$ours_once" -v c="${ours_cli:-0}" -v w="$ours_warm" -v st="$ours_steady" 'BEGIN { printf "ratio (CPU): one-shot %.1fx, CLI check %s, warm pass with reading %.1fx, engine in memory %.1fx (target 15x)\n", s / o, (c > 0 ? sprintf("%.1fx", s / c) : "n/a"), s / w, s / st }'
else
  echo "npm not found: secretlint skipped"
fi
rm -f "$t" "$t.out"
