#!/usr/bin/env bash
# One entry point for the README's commands; needs only the .NET SDK (and python3 for .ci/run).
#   ./build.sh test      build everything and run every test project
#   ./build.sh samples   run the guardrails on the bundled samples (incidents caught, companion clean)
#   ./build.sh bench     print performance figures (analyzer overhead, repository checks, incremental build)
set -euo pipefail
cd "$(dirname "$0")"
command="${1:-test}"
shift || true

case "$command" in
  test)
    dotnet build Raxx.Guardrails.sln -c Release -nologo -v:q
    # Run every test project of the solution that has test classes (a project without any would
    # fail `dotnet test` with "No test is available"), through a generated solution filter.
    filter="$(mktemp -d)/tests.slnf"
    entries=""
    for project in $(grep -oE '"[^"]+Tests\.csproj"' Raxx.Guardrails.sln | tr -d '"' | tr '\\' '/'); do
      # (-print -quit, not `| grep -q .`: under pipefail, grep leaving early kills a long find with SIGPIPE and the
      # project with the most test files was silently left out)
      if [ -n "$(find "$(dirname "$project")" -name '*Tests.cs' -not -path '*/bin/*' -not -path '*/obj/*' -print -quit)" ]; then
        entries="${entries:+$entries,}\"$project\""
      fi
    done
    printf '{"solution":{"path":"%s","projects":[%s]}}\n' "$PWD/Raxx.Guardrails.sln" "$entries" > "$filter"
    dotnet test "$filter" -c Release --no-build -nologo --logger "trx" --logger "console;verbosity=minimal" "$@"
    ;;
  samples)
    # Every incident caught (its EXPECTED findings), the companion and fixed twins clean; exit 0 only then.
    dotnet run --project ci-actions/Raxx.Guardrails.Cli -c Release -- samples samples "$@"
    ;;
  bench)
    # Timed harnesses that print the README's performance figures (not part of the test run).
    dotnet build Raxx.Guardrails.sln -c Release -nologo -v:q
    if [ "${1:-}" = secrets ] && [ "${2:-}" = compare ]; then
      # ours (one-shot and steady state) vs secretlint on one generated tree: benchmarks/secrets-compare.sh
      exec benchmarks/secrets-compare.sh "${@:3}"
    fi
    dotnet run --project benchmarks/Raxx.Guardrails.Benchmarks -c Release --no-build -- "$@"
    ;;
  *)
    echo "usage: ./build.sh [test|samples|bench]" >&2
    exit 2
    ;;
esac
