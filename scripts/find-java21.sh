#!/usr/bin/env bash
# Prints the home directory of a Java 21+ runtime, which signal-cli 0.13.x needs.
# Looks at $JAVA21_HOME, then /usr/lib/jvm/*, then `java` on the PATH; fails with a clear message.
set -euo pipefail

major_version() {
  # `java -version` prints e.g. `openjdk version "25.0.1" 2025-10-21` or `"1.8.0_402"` on stderr.
  local java_bin="$1" raw
  raw=$("$java_bin" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
  [ -n "$raw" ] || return 1
  case "$raw" in
    1.*) echo "${raw#1.}" | cut -d. -f1 ;;
    *) echo "$raw" | cut -d. -f1 | cut -d- -f1 | cut -d+ -f1 ;;
  esac
}

good_home() {
  local home="$1" major
  [ -n "$home" ] && [ -x "$home/bin/java" ] || return 1
  major=$(major_version "$home/bin/java") || return 1
  [ "$major" -ge 21 ] 2>/dev/null
}

if [ -n "${JAVA21_HOME:-}" ]; then
  if good_home "$JAVA21_HOME"; then
    echo "$JAVA21_HOME"
    exit 0
  fi
  echo "JAVA21_HOME=$JAVA21_HOME is not a Java 21 or newer runtime (no bin/java of version >= 21)." >&2
  exit 1
fi

# Newest first, so a machine with several runtimes uses the most recent one.
for home in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sed 's:/$::' | sort -rV); do
  if good_home "$home"; then
    echo "$home"
    exit 0
  fi
done

if command -v java >/dev/null 2>&1; then
  java_bin=$(readlink -f "$(command -v java)")
  home=$(dirname "$(dirname "$java_bin")")
  if good_home "$home"; then
    echo "$home"
    exit 0
  fi
fi

cat >&2 <<'MSG'
No Java 21 or newer runtime found: signal-cli 0.13.x needs one.
Looked at $JAVA21_HOME, /usr/lib/jvm/* and `java` on the PATH.
Install one (for example Temurin 25: https://adoptium.net) and/or set JAVA21_HOME to its home directory.
MSG
exit 1
