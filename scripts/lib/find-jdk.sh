# Sourced by ./turnout and packaging/jpackage.sh: prints the home of a JDK >= ${1:-25}.
# Looks where JDKs are installed by default: JAVA_HOME, /usr/lib/jvm, ~/.jdks, SDKMAN, macOS.
find_jdk() {
  local want="${1:-25}" c v
  local candidates=()
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME")
  candidates+=(/usr/lib/jvm/* "$HOME"/.jdks/* "$HOME"/.sdkman/candidates/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home /opt/java/*)
  for c in "${candidates[@]}"; do
    [[ -x "$c/bin/java" && -x "$c/bin/javac" ]] || continue
    # The `release` file states the version without starting a JVM (saves ~100 ms per launch).
    v="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$c/release" 2>/dev/null)"
    [[ -z "$v" ]] && v="$("$c/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')"
    if [[ "$v" =~ ^[0-9]+$ && "$v" -ge "$want" ]]; then echo "$c"; return 0; fi
  done
  return 1
}
