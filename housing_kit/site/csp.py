"""The Content-Security-Policy every page carries (as a ``<meta http-equiv>``, main.html).

No inline script runs: Material's own inline scripts are served as files
(overrides/partials/javascripts/, overrides/assets/javascripts/), so script-src
is the site itself only, and an event handler or ``<script>`` that slipped
into a page would not run. Inline styles stay allowed: Material and the chart
bars set them, and they cannot run code. Nothing loads from another host,
except that the request form may POST to the endpoint configured in
mkdocs.yml (``extra.organisation.form_endpoint``).
"""

from __future__ import annotations

from urllib.parse import urlsplit


def content_security_policy(form_endpoint: str = "", *, serving: bool = False) -> str:
    """The policy; ``serving``: ``mkdocs serve`` injects an inline live-reload script, which must run."""
    connect = ["'self'"]
    endpoint = urlsplit(form_endpoint or "")
    if endpoint.scheme in ("http", "https") and endpoint.netloc:
        connect.append(f"{endpoint.scheme}://{endpoint.netloc}")
    script = ["'self'", "'unsafe-inline'"] if serving else ["'self'"]
    directives = {
        "default-src": ["'self'"],
        "script-src": script,
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],
        "connect-src": connect,
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
    }
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())
