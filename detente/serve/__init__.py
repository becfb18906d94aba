"""``detente serve``: a JSON API and a server-rendered dashboard over one store (docs/serve.md).

Needs the ``serve`` extra (FastAPI, uvicorn, Jinja2); ``import detente`` never loads this package."""

from detente.serve.app import create_app

__all__ = ["create_app"]
