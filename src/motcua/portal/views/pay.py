"""Thanh toán trực tuyến: the citizen pays a dossier's fees on the national payment platform."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from motcua.core.errors import DomainError
from motcua.payments.services import payment_start, public_url
from motcua.portal.views.citizen import citizen_required, refused
from motcua.portal.views.mine import detail_context


@citizen_required
@require_POST
def pay(request: HttpRequest, code: str) -> HttpResponse:
    """Create the payment of the outstanding fees and send the browser to the platform's page.

    The platform brings the payer back to our result page, which reads our books.
    """
    try:
        url = payment_start(
            actor=request.user, dossier_code=code, return_url=public_url("payment-result")
        )
    except DomainError as error:
        if error.status == 404:
            raise Http404(error.detail) from error
        return refused(request, error, "portal/dossier.html", detail_context(request, code))
    return redirect(url)
