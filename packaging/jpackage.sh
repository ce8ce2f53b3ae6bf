#!/usr/bin/env bash
# Builds a self-contained Turnout with a jlink'd runtime (JavaFX inside, as classpath jars).
#   packaging/jpackage.sh app-image   → target/dist/Turnout/            (Linux, macOS, Windows)
#   packaging/jpackage.sh deb         → target/dist/turnout_*.deb       (Debian/Ubuntu; needs fakeroot)
#   packaging/jpackage.sh msi | dmg   → run on Windows (WiX 3) / macOS; same script under Git Bash/zsh
# Run `mvn -Ppackage package` (calls this script) or run it after `mvn package`.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TYPE="${1:-app-image}"
source "$ROOT/scripts/lib/find-jdk.sh"
JDK="$(find_jdk 25)" || { echo "jpackage.sh: needs a JDK 25+" >&2; exit 2; }

VERSION="$(sed -n 's/^version=//p' "$ROOT/target/classes/io/turnout/version.properties")"
APP_VERSION="${VERSION%%-*}"                  # jpackage wants digits only: 0.1.0-SNAPSHOT → 0.1.0
OUT="$ROOT/target/dist"
INPUT="$ROOT/target/package-input"
RUNTIME="$ROOT/target/runtime"

rm -rf "$INPUT" && mkdir -p "$INPUT/lib" "$OUT"
cp "$ROOT/target/turnout.jar" "$INPUT/"
cp "$ROOT"/target/lib/*.jar "$INPUT/lib/"

if [[ ! -d "$RUNTIME" || "$ROOT/target/turnout.jar" -nt "$RUNTIME" ]]; then
  rm -rf "$RUNTIME"
  # Modules the app and its jars need, computed rather than guessed; plus the crypto and
  # locale providers that are loaded reflectively (SSH ciphers, TLS to tcp:// engines).
  MODS="$("$JDK/bin/jdeps" --multi-release 25 --ignore-missing-deps --print-module-deps \
          --class-path "$INPUT/lib/*" "$INPUT/turnout.jar" 2>/dev/null | tail -1)"
  MODS="$MODS,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.localedata,jdk.zipfs,jdk.net,jdk.management,jdk.unsupported,java.desktop"
  "$JDK/bin/jlink" --add-modules "$MODS" --strip-debug --no-header-files --no-man-pages \
     --compress zip-6 --output "$RUNTIME"
fi

ICON="$ROOT/icons/turnout-256.png"
EXTRA=()
case "$TYPE" in
  deb) EXTRA+=(--linux-package-deps libgtk-3-0 --linux-shortcut --linux-menu-group "Development;System"
               --linux-app-category admin --linux-deb-maintainer "turnout@users.noreply.github.com") ;;
  msi) ICON="$ROOT/icons/turnout.ico"; EXTRA+=(--win-menu --win-shortcut --win-dir-chooser --win-upgrade-uuid 6d1b3f0e-8a55-4c9f-9d7e-4f1f0b7e2a11) ;;
  dmg) ICON="$ROOT/packaging/macos/turnout.icns"; EXTRA+=(--mac-package-identifier io.turnout.console) ;;
esac

rm -rf "$OUT/Turnout"
"$JDK/bin/jpackage" --type "$TYPE" --dest "$OUT" \
  --name Turnout --app-version "$APP_VERSION" --vendor "Turnout" \
  --description "Desktop console for zero-downtime releases on Docker hosts and Kubernetes" \
  --input "$INPUT" --main-jar turnout.jar --main-class io.turnout.app.Main \
  --runtime-image "$RUNTIME" --icon "$ICON" \
  --java-options "--enable-native-access=ALL-UNNAMED" \
  --java-options "-XX:UserThreadWaitAttemptsAtExit=0" \
  "${EXTRA[@]}"
echo "jpackage.sh: built $TYPE in $OUT"
ls -la "$OUT"
