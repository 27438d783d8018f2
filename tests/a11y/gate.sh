#!/usr/bin/env bash
# Accessibility gate: checks the built ./site (run `make a11y`, or `mkdocs build --strict` first).
#   pa11y-ci (axe + HTML_CodeSniffer, WCAG2AA) on every page, light and dark scheme
#   vnu (Nu HTML Checker) on every HTML file, linkinator (internal links + fragments),
#   Playwright tests in Python (tests/a11y/test_*.py).
# Offline and idempotent; installs what it needs on a fresh Debian machine (root).
# Env: SITE_DIR (default ./site), A11Y_REPORTS (default tests/a11y/reports).
# Ends with exactly one line "a11y: <N> pages, <E> errors" and exits 1 if anything failed.
set -euo pipefail

A11Y_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$A11Y_DIR/../.." && pwd)"
cd "$ROOT"
SITE_DIR="$(realpath "${SITE_DIR:-site}")"
REPORTS="${A11Y_REPORTS:-$A11Y_DIR/reports}"
PY="$ROOT/.venv/bin/python"
TOOLS="$A11Y_DIR/gate_tools.py"
export PUPPETEER_SKIP_DOWNLOAD=1 PUPPETEER_EXECUTABLE_PATH=/usr/bin/chromium
export NO_MKDOCS_2_WARNING=1

log() { printf '[a11y] %s\n' "$*" >&2; }
secs() { echo $(( $(date +%s) - $1 ))s; }

[ -f "$SITE_DIR/sitemap.xml" ] || { log "no built site in $SITE_DIR (run make site)"; exit 1; }
[ -x "$PY" ] || { log "no venv at .venv (run make)"; exit 1; }

# 1. Tools -----------------------------------------------------------------------------------
t0=$(date +%s)
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v java >/dev/null || missing+=(default-jre-headless)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]} from Debian"
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null
fi
# npm ci only when the lockfile changed since the last install (idempotent and fast).
if ! [ "$A11Y_DIR/node_modules/.gate-stamp" -nt "$A11Y_DIR/package-lock.json" ]; then
  log "npm ci"
  (cd "$A11Y_DIR" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  touch "$A11Y_DIR/node_modules/.gate-stamp"
fi
if ! "$PY" -c 'import importlib.metadata as m, sys; sys.exit(m.version("playwright") != "1.65.2")' 2>/dev/null; then
  log "pip install playwright"
  "$PY" -m pip install -q --disable-pip-version-check "playwright==1.65.2"
fi
log "tools ready ($(secs "$t0"))"

# 2. Serve the site on loopback ----------------------------------------------------------------
PORT="$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
BASE="http://127.0.0.1:$PORT"
python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$SITE_DIR" >/dev/null 2>&1 &
SERVER_PID=$!
trap 'kill "$SERVER_PID" 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -fs "$BASE/" >/dev/null && break; sleep 0.1; done
curl -fs "$BASE/" >/dev/null || { log "server did not start"; exit 1; }

rm -rf "$REPORTS" && mkdir -p "$REPORTS"
mapfile -t URLS < <("$PY" "$TOOLS" urls "$SITE_DIR" "$BASE")
PAGES=${#URLS[@]}
log "$PAGES pages at $BASE"
ERRORS=0
add_errors() {  # tool report: print the findings, add the count
  local out n
  out="$("$PY" "$TOOLS" count "$1" "$2")"
  n="$(tail -n1 <<<"$out")"
  [ "$n" -eq 0 ] || { head -n -1 <<<"$out" | head -n 200 >&2; log "$1: $n errors (report: $2)"; }
  ERRORS=$((ERRORS + n))
}

# 3. pa11y-ci, light and dark ------------------------------------------------------------------
FIND="$("$PY" "$TOOLS" sitemap-prefix "$SITE_DIR")"
for scheme in light dark; do
  t0=$(date +%s)
  "$PY" "$TOOLS" pa11y-config "$REPORTS/pa11yci-$scheme.json" "$BASE" "$([ $scheme = dark ] && echo dark)"
  (cd "$A11Y_DIR" && npx --no-install pa11y-ci --config "$REPORTS/pa11yci-$scheme.json" --json \
     --sitemap "$BASE/sitemap.xml" --sitemap-find "$FIND" --sitemap-replace "$BASE/") \
     >"$REPORTS/pa11y-$scheme.json" 2>"$REPORTS/pa11y-$scheme.log" || true
  add_errors pa11y "$REPORTS/pa11y-$scheme.json"
  log "pa11y-ci $scheme done ($(secs "$t0"))"
done

# 4. vnu on every HTML file ----------------------------------------------------------------------
t0=$(date +%s)
java -jar "$A11Y_DIR/node_modules/vnu-jar/build/dist/vnu.jar" --skip-non-html --errors-only \
  --format json "$SITE_DIR" 2>"$REPORTS/vnu.json" || true
add_errors vnu "$REPORTS/vnu.json"
log "vnu done ($(secs "$t0"))"

# 5. linkinator: internal links and #fragments, external hosts skipped --------------------------
t0=$(date +%s)
(cd "$A11Y_DIR" && npx --no-install linkinator "${URLS[@]}" --recurse --check-fragments \
   --skip "^(?!http://127\\.0\\.0\\.1:$PORT)" --format json) \
   >"$REPORTS/linkinator.json" 2>"$REPORTS/linkinator.log" || true
add_errors linkinator "$REPORTS/linkinator.json"
add_errors fragments "$SITE_DIR"   # cross-page #fragments, which linkinator 7 misses
log "linkinator done ($(secs "$t0"))"

# 6. Playwright tests (own pytest run; other runs use --ignore=tests/a11y) ------------------------
t0=$(date +%s)
set +e
A11Y_BASE_URL="$BASE" A11Y_SITE_DIR="$SITE_DIR" "$PY" -m pytest -q -p no:cacheprovider \
  --junitxml="$REPORTS/pytest.xml" "$A11Y_DIR"
PYTEST_RC=$?
set -e
FAILED="$("$PY" -c 'import sys, xml.etree.ElementTree as E
s = E.parse(sys.argv[1]).getroot(); s = s if s.tag == "testsuite" else s[0]
print(int(s.get("failures", 0)) + int(s.get("errors", 0)))' "$REPORTS/pytest.xml" 2>/dev/null || echo 1)"
[ "$PYTEST_RC" -eq 0 ] || [ "$FAILED" -gt 0 ] || FAILED=1
ERRORS=$((ERRORS + FAILED))
log "pytest done ($(secs "$t0"))"

echo "a11y: $PAGES pages, $ERRORS errors"
[ "$ERRORS" -eq 0 ]
