#!/usr/bin/env bash
# The steps of the Raxx.Guardrails composite action (action.yml), as a script a test can run without GitHub.
#   run.sh install    build the CLI from this checkout (or install the given version); exports RAXX_GUARDRAILS_CLI
#   run.sh check      run the repository rules (and the build, when asked) and write SARIF
#   run.sh annotate   turn the SARIF into PR annotations and the job summary; set outputs; apply fail-on
#   run.sh all        the three in order (what a test runs)
# Inputs come as environment variables, as the action passes them:
#   INPUT_PATH (.)  INPUT_BUILD (false)  INPUT_FAIL_ON (error|warning|none)  INPUT_SARIF_OUTPUT (raxx-guardrails.sarif)
#   INPUT_VERSION (empty: build from this checkout)  INPUT_ARGS (extra arguments for `check`)
# RAXX_GUARDRAILS_CLI, when set, is the CLI to run (an executable or a .dll) and skips the install.
set -euo pipefail

phase="${1:-all}"
action_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
path="${INPUT_PATH:-.}"
build="${INPUT_BUILD:-false}"
fail_on="${INPUT_FAIL_ON:-error}"
sarif="${INPUT_SARIF_OUTPUT:-raxx-guardrails.sarif}"
version="${INPUT_VERSION:-}"
temp="${RUNNER_TEMP:-${TMPDIR:-/tmp}}"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 MSBUILDDISABLENODEREUSE=1

case "$fail_on" in
  error|warning|none) ;;
  *) echo "::error title=raxx-guardrails::fail-on must be error, warning or none, not '$fail_on'"; exit 2 ;;
esac
case "$build" in
  true|false) ;;
  *) echo "::error title=raxx-guardrails::build must be true or false, not '$build'"; exit 2 ;;
esac

cli() {
  if [[ "$RAXX_GUARDRAILS_CLI" == *.dll ]]; then
    dotnet "$RAXX_GUARDRAILS_CLI" "$@"
  else
    "$RAXX_GUARDRAILS_CLI" "$@"
  fi
}

install() {
  if [[ -n "${RAXX_GUARDRAILS_CLI:-}" ]]; then
    echo "raxx-guardrails: using $RAXX_GUARDRAILS_CLI" >&2
  elif [[ -n "$version" ]]; then
    local tool_dir="$temp/raxx-guardrails-tool-$version"
    if [[ ! -x "$tool_dir/raxx-guardrails" ]]; then
      dotnet tool install Raxx.Guardrails.Cli --version "$version" --tool-path "$tool_dir" >&2
    fi
    RAXX_GUARDRAILS_CLI="$tool_dir/raxx-guardrails"
  else
    local out_dir="$temp/raxx-guardrails-cli"
    echo "raxx-guardrails: building the CLI from $action_dir/../Raxx.Guardrails.Cli" >&2
    dotnet build "$action_dir/../Raxx.Guardrails.Cli/Raxx.Guardrails.Cli.csproj" -c Release -o "$out_dir" -nologo -v:q -clp:NoSummary >&2
    RAXX_GUARDRAILS_CLI="$out_dir/raxx-guardrails.dll"
  fi
  export RAXX_GUARDRAILS_CLI
  if [[ -n "${GITHUB_ENV:-}" ]]; then
    echo "RAXX_GUARDRAILS_CLI=$RAXX_GUARDRAILS_CLI" >> "$GITHUB_ENV"
  fi
  cli --version >&2
}

check() {
  local args=(check "$path" --format sarif --output "$sarif" --fail-on none)
  if [[ "$build" == "true" ]]; then
    args+=(--build)
  fi
  if [[ -n "${INPUT_ARGS:-}" ]]; then
    # shellcheck disable=SC2206 # extra arguments are split on whitespace, like a command line
    args+=(${INPUT_ARGS})
  fi
  local status=0
  cli "${args[@]}" || status=$?
  if [[ $status -ne 0 ]]; then
    echo "::error title=raxx-guardrails::check failed with exit code $status (usage, config or build error; see the log above)"
    exit "$status"
  fi
}

annotate() {
  local sarif_full
  sarif_full="$(cd "$(dirname "$sarif")" && pwd)/$(basename "$sarif")"
  if [[ -n "${GITHUB_OUTPUT:-}" ]]; then
    echo "sarif=$sarif_full" >> "$GITHUB_OUTPUT"
  fi
  local status=0
  cli annotate "$sarif_full" --root "${GITHUB_WORKSPACE:-$PWD}" --fail-on "$fail_on" || status=$?
  if [[ -n "${GITHUB_OUTPUT:-}" ]]; then
    echo "failed=$([[ $status -eq 1 ]] && echo true || echo false)" >> "$GITHUB_OUTPUT"
  fi
  if [[ $status -eq 1 ]]; then
    echo "raxx-guardrails: findings at or above '$fail_on' (fail-on); see the annotations and the job summary" >&2
  fi
  exit "$status"
}

case "$phase" in
  install) install ;;
  check) : "${RAXX_GUARDRAILS_CLI:?run the install phase first}"; check ;;
  annotate) : "${RAXX_GUARDRAILS_CLI:?run the install phase first}"; annotate ;;
  all) install; check; annotate ;;
  *) echo "usage: run.sh [install|check|annotate|all]" >&2; exit 2 ;;
esac
