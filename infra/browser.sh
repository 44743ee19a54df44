#!/usr/bin/env bash
# Makes sure the browser the end-to-end tests drive is installed: Debian's Chromium at /usr/bin/chromium,
# and the Noto CJK fonts (the pages are zh-CN first, so screenshots and PDFs need CJK glyphs).
# Usage: bash infra/browser.sh        (idempotent; runs apt-get only when something is missing)
set -euo pipefail
# shellcheck source=infra/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_apt_packages chromium fonts-noto-cjk
[ -x /usr/bin/chromium ] || die "/usr/bin/chromium is missing even though the chromium package is installed"
log "browser: $(/usr/bin/chromium --headless=new --no-sandbox --version 2>/dev/null || echo /usr/bin/chromium)"
