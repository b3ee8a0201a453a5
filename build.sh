#!/usr/bin/env bash
# One entry point for the README's commands; needs only the .NET SDK (and python3 for .ci/run).
#   ./build.sh test      build everything and run every test project
#   ./build.sh samples   run the guardrails on the bundled samples (incidents caught, companion clean)
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
    python3 - "$filter" <<'PY'
import json, os, re, sys
projects = []
for line in open("Raxx.Guardrails.sln", encoding="utf-8"):
    m = re.match(r'Project\("[^"]+"\) = "[^"]+", "([^"]+\.csproj)"', line)
    if not m:
        continue
    path = m.group(1).replace("\\", "/")
    folder = os.path.dirname(path)
    if not os.path.basename(path).endswith("Tests.csproj"):
        continue
    has_tests = any(f.endswith("Tests.cs") for root, dirs, files in os.walk(folder)
                    if "/bin" not in root and "/obj" not in root for f in files)
    if has_tests:
        projects.append(path)
json.dump({"solution": {"path": os.path.abspath("Raxx.Guardrails.sln"), "projects": projects}}, open(sys.argv[1], "w"), indent=2)
PY
    dotnet test "$filter" -c Release --no-build -nologo --logger "trx" --logger "console;verbosity=minimal" "$@"
    ;;
  samples)
    dotnet run --project ci-actions/Raxx.Guardrails.Cli -c Release -- check samples --build "$@"
    ;;
  *)
    echo "usage: ./build.sh [test|samples]" >&2
    exit 2
    ;;
esac
