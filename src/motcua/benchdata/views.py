"""The framework ceiling for bench/run.py: served only when MOTCUA_BENCH=1."""

from django.http import HttpRequest, HttpResponse


def hello(request: HttpRequest) -> HttpResponse:
    """The smallest response through the project's middleware: no database, no template."""
    return HttpResponse(b"hello", content_type="text/plain")
