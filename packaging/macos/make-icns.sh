#!/usr/bin/env bash
# macOS only: builds packaging/macos/turnout.icns from icons/turnout-*.png with iconutil.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SET="$(mktemp -d)/turnout.iconset"; mkdir -p "$SET"
for s in 16 32 128 256 512; do
  cp "$ROOT/icons/turnout-$s.png" "$SET/icon_${s}x${s}.png"
  d=$((s * 2)); [[ -f "$ROOT/icons/turnout-$d.png" ]] && cp "$ROOT/icons/turnout-$d.png" "$SET/icon_${s}x${s}@2x.png"
done
iconutil -c icns "$SET" -o "$ROOT/packaging/macos/turnout.icns"
echo "wrote packaging/macos/turnout.icns"
