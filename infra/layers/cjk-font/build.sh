#!/usr/bin/env bash
# Builds the certificate function's font layer: Debian's Noto Serif CJK (fonts-noto-cjk) under fonts/, which
# Lambda mounts at /opt/fonts. The font is copied at build time and never committed (see .gitignore).
# Usage: bash infra/layers/cjk-font/build.sh   (before sam build / sam deploy)
set -euo pipefail
# shellcheck source=infra/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/../../lib.sh"

FONT=/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc
LAYER="$ZC_ROOT/infra/layers/cjk-font"

ensure_apt_packages fonts-noto-cjk
[ -f "$FONT" ] || die "fonts-noto-cjk is installed but $FONT is missing"
mkdir -p "$LAYER/fonts"
cp -f "$FONT" "$LAYER/fonts/"
cp -f /usr/share/doc/fonts-noto-cjk/copyright "$LAYER/fonts/LICENSE-fonts-noto-cjk" 2>/dev/null || true
log "font layer ready: $LAYER/fonts ($(du -sh "$LAYER/fonts" | cut -f1))"
