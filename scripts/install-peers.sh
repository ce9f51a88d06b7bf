#!/usr/bin/env bash
# Installs the Debian packages that the peer test tiers need: Django's own `check --deploy`
# (python3-django), `nginx -t` (nginx-light), Neovim as a second LSP client (neovim), unzip to
# unpack the .vsix in the packaging test, and for the real VS Code tier Chromium plus what
# code-server's native modules build with (ripgrep, libkrb5-dev, pkg-config). Tests that need a
# missing peer skip with a message, so a failed install shows up as skipped tests rather than a
# broken run.
set -u

packages=(python3-django nginx-light neovim chromium ripgrep libkrb5-dev pkg-config unzip)

missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-peers: ${packages[*]} already installed"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-peers: not root, so ${missing[*]} stay missing and their tests are skipped" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
if apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
  echo "install-peers: installed ${missing[*]}"
else
  echo "install-peers: apt-get failed, so ${missing[*]} stay missing and their tests are skipped" >&2
fi
exit 0
