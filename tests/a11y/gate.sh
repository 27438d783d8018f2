#!/usr/bin/env bash
# The project's accessibility gate on the built ./site (run `make a11y`):
#   1. `rathaus audit` – what every town's pipeline runs: pa11y-ci (axe + HTML_CodeSniffer) in
#      the light and the dark scheme, vnu, links and #fragments, keyboard, reflow, requests,
#      Leichte Sprache typography; it installs its own tools (apt when root, npm ci).
#   2. The project's own browser tests (tests/a11y/test_*.py): the theme, the payloads, search,
#      video, fragment examples, and `rathaus audit` on a new town's site and on a broken one.
# Env: SITE_DIR (default ./site), A11Y_REPORTS (default tests/a11y/reports).
# Ends with exactly one line "a11y: <N> pages, <E> errors" and exits 1 if anything failed.
set -euo pipefail

A11Y_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$A11Y_DIR/../.." && pwd)"
cd "$ROOT"
SITE_DIR="$(realpath "${SITE_DIR:-site}")"
REPORTS="${A11Y_REPORTS:-$A11Y_DIR/reports}"
PY="$ROOT/.venv/bin/python"
export NO_MKDOCS_2_WARNING=1

log() { printf '[a11y] %s\n' "$*" >&2; }
secs() { echo $(( $(date +%s) - $1 ))s; }

[ -x "$PY" ] || { log "no venv at .venv (run make)"; exit 1; }
rm -rf "$REPORTS" && mkdir -p "$REPORTS"

# 1. rathaus audit ------------------------------------------------------------------------------
t0=$(date +%s)
set +e
"$ROOT/.venv/bin/rathaus" audit "$SITE_DIR" --reports "$REPORTS" | tee "$REPORTS/audit.txt"
AUDIT_RC=${PIPESTATUS[0]}
set -e
SUMMARY="$(tail -n1 "$REPORTS/audit.txt")"
if [[ "$SUMMARY" =~ ^rathaus\ audit:\ ([0-9]+)\ Seiten\ geprüft,\ ([0-9]+)\ Fehler$ ]]; then
  PAGES=${BASH_REMATCH[1]} ERRORS=${BASH_REMATCH[2]}
else
  PAGES=0 ERRORS=1  # the audit could not run
fi
[ "$AUDIT_RC" -eq 0 ] || [ "$ERRORS" -gt 0 ] || ERRORS=1
log "rathaus audit done ($(secs "$t0"))"

# 2. The project's own Playwright tests -----------------------------------------------------------
t0=$(date +%s)
set +e
A11Y_SITE_DIR="$SITE_DIR" "$PY" -m pytest -q -p no:cacheprovider \
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
