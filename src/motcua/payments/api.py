"""HTTP API of online payment: start a payment for a dossier; the platform's callback."""

from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.decorators import (
    api_view,
    authentication_classes,
    parser_classes,
    permission_classes,
)
from rest_framework.parsers import FormParser, JSONParser
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response

from motcua.core.api import ErrorSerializer, error_body
from motcua.payments.models import PaymentCallback
from motcua.payments.services import payment_callback, payment_order_start, public_url

PaymentStarted = inline_serializer(
    "PaymentStarted",
    {
        "order": serializers.CharField(),
        "amount": serializers.IntegerField(),
        "payment_url": serializers.URLField(),
    },
)
Verdict = PaymentCallback.Verdict
REFUSALS = {
    Verdict.BAD_SIGNATURE: (403, "Chữ ký không hợp lệ."),
    Verdict.UNKNOWN_ORDER: (404, "Không có lệnh thanh toán này."),
    Verdict.WRONG_AMOUNT: (422, "Số tiền không khớp với lệnh thanh toán."),
    Verdict.NOT_DUE: (409, "Hồ sơ không còn chờ thanh toán; khoản tiền sẽ được xử lý hoàn trả."),
}


@extend_schema(request=None, responses={201: PaymentStarted, 503: ErrorSerializer})
@api_view(["POST"])
def dossier_payment_start(request: Request, code: str) -> Response:
    """Thanh toán trực tuyến: create a payment of the dossier's outstanding fees (status
    `awaiting_payment`) on the national payment platform; send the payer to `payment_url`."""
    order = payment_order_start(
        actor=request.user,
        dossier_code=code,
        return_url=public_url("payment-result"),
    )
    return Response(
        {"order": order.order_id, "amount": order.amount, "payment_url": order.payment_url},
        status=201,
    )


@extend_schema(
    request={
        "application/x-www-form-urlencoded": {"type": "object", "additionalProperties": True},
        "application/json": {"type": "object", "additionalProperties": True},
    },
    responses={
        200: inline_serializer("PaymentCallbackAnswer", {"result": serializers.CharField()}),
        **{status: OpenApiResponse(ErrorSerializer) for status, _ in REFUSALS.values()},
    },
    auth=[],
)
@api_view(["POST"])
@authentication_classes([])
@permission_classes([AllowAny])
@parser_classes([FormParser, JSONParser])
def payment_callback_endpoint(request: Request) -> Response:
    """The platform's server-to-server result of a payment, signed with the shared secret
    (HMAC-SHA256 over the sorted `key=value` pairs); the signature is the authentication.
    Every callback is logged; a replay answers `duplicate` and changes nothing."""
    data = request.data if isinstance(request.data, dict) else {}
    params = {
        str(key): value if isinstance(value, str) else str(value) for key, value in data.items()
    }
    logged = payment_callback(params, request.META.get("REMOTE_ADDR"))
    if logged.verdict in REFUSALS:
        status, detail = REFUSALS[logged.verdict]
        return Response(error_body(logged.verdict, detail), status=status)
    return Response({"result": logged.verdict})
