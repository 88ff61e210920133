"""The payer's return from the payment platform: a page saying whether the fees are paid."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from motcua.integrations.connectors.payment_signing import signature_valid
from motcua.payments.models import PaymentOrder
from motcua.payments.selectors import order_by_id


def payment_result(request: HttpRequest) -> HttpResponse:
    """Kết quả thanh toán: the platform sends the browser here with the signed result.

    What the page says comes from our books (the server-to-server callback), never from the
    browser's parameters alone; a signed "paid" not yet confirmed says it is being recorded.
    """
    params = request.GET.dict()
    if not signature_valid(params, settings.MOTCUA_CONNECTORS["payment"]["secret"]):
        return render(request, "payments/result.html", {"invalid": True}, status=400)
    order = order_by_id(params.get("order_id", ""))
    if order is None:
        return render(request, "payments/result.html", {"invalid": True}, status=404)
    context = {
        "order": order,
        "paid": order.state == PaymentOrder.State.PAID,
        "pending": order.state != PaymentOrder.State.PAID and params.get("status") == "paid",
    }
    return render(request, "payments/result.html", context)
