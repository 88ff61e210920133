"""The page an unsubscribe link in an e-mail opens: confirm, then stop that channel."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from motcua.core.errors import NotFound
from motcua.notifications.addresses import mask
from motcua.notifications.models import Channel
from motcua.notifications.services import optout_record, unsubscribe_target


@csrf_exempt  # the signed token is the credential; mail providers POST it in one click (RFC 8058)
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET asks for confirmation (link scanners must not unsubscribe anyone); POST records it."""
    try:
        address, channel = unsubscribe_target(token)
    except NotFound as error:
        return render(request, "notifications/unsubscribe.html", {"error": error.detail},
                      status=404)  # fmt: skip
    context = {"address": mask(address), "channel": Channel(channel).label, "done": False}
    if request.method == "POST":
        optout_record(actor=None, address=address, channel=channel, source="link")
        context["done"] = True
    return render(request, "notifications/unsubscribe.html", context)
