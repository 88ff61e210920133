"""The partner access log: every request of a partner system, whatever its outcome."""

import time

from motcua.integrations.models import PartnerToken
from motcua.integrations.oauth import TOKEN_PREFIX
from motcua.integrations.services import partner_request_record


class PartnerAccessLogMiddleware:
    """Record requests to partner views (`partner_api = True`) and any carrying a partner token:
    client (when known), method, path, status, instant, duration and remote address."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.monotonic()
        response = self.get_response(request)
        if getattr(request, "partner_api", False) or _carries_partner_token(request):
            auth = getattr(request, "auth", None)
            partner_request_record(
                client=auth.client
                if isinstance(auth, PartnerToken)
                else getattr(request, "partner_client", None),
                method=request.method,
                path=request.path,
                status=response.status_code,
                duration=time.monotonic() - started,
                remote_addr=request.META.get("REMOTE_ADDR"),
            )
        return response

    def process_view(self, request, view_func, view_args, view_kwargs) -> None:
        view_class = getattr(view_func, "cls", None)
        request.partner_api = getattr(view_class, "partner_api", False)


def _carries_partner_token(request) -> bool:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    return scheme.lower() == "bearer" and token.startswith(TOKEN_PREFIX)
