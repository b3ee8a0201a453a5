#!/usr/bin/env bash
set -euo pipefail
GIT_SHA=9b3ecff94468d8198c228f6f56e20bc004089dff
export STRIPE_SECRET_KEY=sk_live_u4uiF3DEaPGBiP8kBms2Sk3S
heroku config:set RELEASE_SHA="$GIT_SHA" -a raptor-api > /dev/null
curl -fsS -u deploy:6uI0QxG0wdCEPRLd https://ci.raptor.example/hooks/deploy
