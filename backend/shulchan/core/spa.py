"""Serving the built SPA from the API's origin, with client-side routes falling back to index.html."""

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, HTMLResponse, Response
from swagger_ui_bundle import swagger_ui_path

from shulchan.core.errors import problem_response

_PLACEHOLDER = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shulchan</title></head>
<body><h1>Shulchan API</h1><p>The web app has not been built yet (<code>make run</code> builds it).</p>
<p>API documentation: <a href="/api/docs">/api/docs</a> · spec: <a href="/api/openapi.json">/api/openapi.json</a></p>
</body></html>"""

_DOCS = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shulchan API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head><body><div id="swagger-ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/assets/docs-init.js"></script></body></html>"""

# Served as a file, not inline, so the docs page runs under the same script policy as the SPA.
_DOCS_INIT = """window.ui = SwaggerUIBundle({url: '/api/openapi.json', dom_id: '#swagger-ui',
  persistAuthorization: true, displayRequestDuration: true, deepLinking: true,
  oauth2RedirectUrl: window.location.origin + '/api/docs/assets/oauth2-redirect.html'});"""


def _safe_file(root: Path, relative: str) -> Path | None:
    """A file under root, or None; '..' and links out of root never resolve to a file."""
    try:
        candidate = (root / relative).resolve()
        candidate.relative_to(root.resolve())
    except (ValueError, OSError):
        return None
    return candidate if candidate.is_file() else None


def install_docs(app: FastAPI) -> None:
    assets = Path(swagger_ui_path)

    @app.get("/api/docs", include_in_schema=False)
    async def api_docs() -> HTMLResponse:
        return HTMLResponse(_DOCS)

    @app.get("/api/docs/assets/docs-init.js", include_in_schema=False)
    async def api_docs_init() -> Response:
        return Response(_DOCS_INIT, media_type="text/javascript")

    @app.get("/api/docs/assets/{name}", include_in_schema=False)
    async def api_docs_asset(name: str, request: Request) -> Response:
        found = _safe_file(assets, name)
        if found is None:
            return problem_response(request, 404, detail="No such file.")
        return FileResponse(found)


def install_spa(app: FastAPI, dist: Path) -> None:
    """Registered last: anything not matched by the API is the SPA's to route."""

    @app.get("/{path:path}", include_in_schema=False)
    async def spa(path: str, request: Request) -> Response:
        if path == "api" or path.startswith("api/"):
            return problem_response(request, 404, detail="No such API endpoint.")
        index = dist / "index.html"
        if not index.is_file():
            return HTMLResponse(_PLACEHOLDER)
        found = _safe_file(dist, path) if path else None
        if found is not None:
            cache = "public, max-age=31536000, immutable" if path.startswith("assets/") else "no-cache"
            return FileResponse(found, headers={"Cache-Control": cache})
        return FileResponse(index, headers={"Cache-Control": "no-cache"})
