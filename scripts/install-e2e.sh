#!/usr/bin/env bash
# Installs code-server (a real VS Code served to a browser) and playwright-core into e2e/, for the
# real VS Code test tier (test/vscode/). They live in their own folder with their own lockfile
# because they take about 300 MB and a minute of native builds, which the extension's own
# `npm ci` should not pay. Run scripts/install-peers.sh first: code-server's native modules need
# ripgrep, libkrb5-dev and pkg-config, and the tier drives Debian's chromium. A failed install
# leaves the tier skipped with a message, as the peer tiers do.
set -u
cd "$(dirname "$0")/../e2e"

lockfile_hash="$(cat package.json package-lock.json | sha256sum | cut -d' ' -f1)"
done_marker="node_modules/.install-e2e-done"
if [ -f "$done_marker" ] && [ "$(cat "$done_marker")" = "$lockfile_hash" ]; then
  echo "install-e2e: e2e/node_modules is up to date with e2e/package.json and its lockfile"
  exit 0
fi

if [ ! -x /usr/bin/rg ]; then
  echo "install-e2e: /usr/bin/rg is missing (Debian package ripgrep)," \
    "so the VS Code tier is skipped" >&2
  exit 0
fi

# @vscode/ripgrep, which code-server's VS Code depends on, downloads ripgrep from GitHub in its
# postinstall unless the release tarball is already in its cache. The cache folder and file name
# are those of @vscode/ripgrep 1.15.11 (ripgrep v13.0.0-10), and a tarball of Debian's rg is put
# there instead.
ripgrep_cache="$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-1.15.11"
ripgrep_tarball="$ripgrep_cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
mkdir -p "$ripgrep_cache"
[ -f "$ripgrep_tarball" ] || tar -czf "$ripgrep_tarball" -C /usr/bin rg

# code-server's postinstall rejects running as root without unsafe-perm, and node-pty's runs
# `npx node-gyp`, which waits for a confirmation unless npm_config_yes is set.
rm -f "$done_marker"
if npm_config_unsafe_perm=true npm_config_yes=true npm ci --no-audit --no-fund; then
  echo "$lockfile_hash" >"$done_marker"
  echo "install-e2e: installed code-server and playwright-core into e2e/node_modules"
else
  echo "install-e2e: npm ci in e2e/ failed, so the VS Code tier is skipped" >&2
fi
exit 0
