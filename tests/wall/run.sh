#!/usr/bin/env bash
# The wall suite: headed Chromium on one 3840×2160 Xvfb screen whose framebuffer the spec reads
# (-fbdir) for the whole-screen picture. Build the renderer first (npm run test:wall does).
set -euo pipefail
cd "$(dirname "$0")/../.."
fbdir="$(mktemp -d /tmp/rc-wall-fb.XXXXXX)"
trap 'rm -rf "$fbdir"' EXIT
RC_WALL_FBDIR="$fbdir" xvfb-run -a -s "-screen 0 3840x2160x24 -fbdir $fbdir" \
  npx playwright test -c tests/wall/playwright.config.ts "$@"
