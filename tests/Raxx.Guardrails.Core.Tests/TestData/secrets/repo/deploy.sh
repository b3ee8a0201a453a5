#!/usr/bin/env bash
set -euo pipefail
export GITHUB_TOKEN=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
export DEPLOY_USER=deploy
./release.sh
