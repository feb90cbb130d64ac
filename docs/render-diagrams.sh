#!/usr/bin/env bash
# Renders every processes/*.bpmn to docs/images/<name>.png, as bpmn-js draws it, in headless
# Chromium. Run it after changing a model. Needs node/npm and Chromium (Debian: apt-get install
# chromium); set CHROMIUM to use another binary.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -f node_modules/bpmn-js/dist/bpmn-viewer.production.min.js ] || npm ci
browser="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}"
if [ -z "$browser" ]; then
  echo "render-diagrams: no Chromium found (set CHROMIUM)" >&2
  exit 1
fi

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
mkdir -p docs/images

for model in processes/*.bpmn; do
  name=$(basename "$model" .bpmn)
  read -r x y w h < <(node docs/render/diagram-box.mjs "$model")
  "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --no-first-run --hide-scrollbars --allow-file-access-from-files \
    --user-data-dir="$profile" --virtual-time-budget=10000 --window-size="$w,$h" \
    --screenshot="docs/images/$name.png" \
    "file://$PWD/docs/render/viewer.html?diagram=../../$model&x=$x&y=$y" 2>/dev/null
  echo "docs/images/$name.png (${w}x${h})"
done
