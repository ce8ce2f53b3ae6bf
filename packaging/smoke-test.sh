#!/usr/bin/env bash
# Builds the Linux app-image and proves the packaged launcher works: --version, and a real
# `ps` against the sandbox host over SSH with the bundled (jlink'd) runtime. Run by .ci/run.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
[[ -f target/turnout.jar ]] || mvn -B -q -ntp -DskipTests package
bash packaging/jpackage.sh app-image >/dev/null
APP=target/dist/Turnout/bin/Turnout
"$APP" --version | grep -q '^turnout ' || { echo "smoke: --version failed" >&2; exit 1; }
eval "$(scripts/sandbox env)"
out="$("$APP" --ssh-config "$TURNOUT_SANDBOX_SSH_CONFIG" ps --all --host turnout-sandbox)"
head -1 <<<"$out" | grep -q '^NAME ' || { echo "smoke: packaged ps printed no table: $out" >&2; exit 1; }
echo "smoke: packaged app-image ($(du -sh target/dist/Turnout | cut -f1)) ran --version and ps over SSH"
