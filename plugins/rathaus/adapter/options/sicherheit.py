"""Settings of the ``rathaus/sicherheit`` plugin (mkdocs.yml)."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as opt

# The policy of every page. ``script-src`` gets the SHA-256 hashes of the page's own inline
# scripts at build time; nothing else may run. Directives that a <meta> element cannot carry
# (frame-ancestors, report-to, sandbox) belong in the web server's header (README).
DEFAULT_POLICY: dict[str, list[str]] = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "manifest-src": ["'self'"],
    "media-src": ["'self'"],
    "frame-src": ["'none'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}


class SicherheitConfig(base.Config):
    enabled = opt.Type(bool, default=True)
    """Add the Content-Security-Policy <meta> element to every built HTML page."""

    csp = opt.Type(dict, default=DEFAULT_POLICY)
    """The policy: directive → list of sources; script hashes are added per page."""

    csp_extra = opt.Type(dict, default={})
    """Sources added to the policy's directives (a directive's 'none' is dropped), e.g.
    frame-src for the two-click video players of rathaus/gebaerdensprache."""


def extended(policy: dict[str, list[str]], extra: dict[str, list[str]]) -> dict[str, list[str]]:
    """``policy`` with the sources of ``extra`` added; 'none' goes when a source is added."""
    result = {key: list(values) for key, values in policy.items()}
    for directive, sources in extra.items():
        current = [s for s in result.get(directive, []) if s != "'none'"]
        result[directive] = current + [s for s in sources if s not in current]
    return result
