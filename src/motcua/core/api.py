"""API plumbing shared by every app: the error body of API.md, pagination, body size limit."""

import logging

from axes.exceptions import AxesBackendPermissionDenied
from django.conf import settings
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, JsonResponse
from django.utils import translation
from rest_framework import exceptions, pagination, serializers, status
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from motcua.core.errors import DomainError

logger = logging.getLogger(__name__)

MESSAGES = {
    400: ("invalid", "Dữ liệu gửi lên không hợp lệ."),
    401: ("unauthenticated", "Chưa đăng nhập hoặc phiên đăng nhập không hợp lệ."),
    403: ("forbidden", "Bạn không có quyền thực hiện thao tác này."),
    404: ("not_found", "Không tìm thấy."),
    405: ("method_not_allowed", "Phương thức không được hỗ trợ."),
    415: ("unsupported_media_type", "Chỉ nhận dữ liệu JSON."),
    429: ("throttled", "Quá nhiều yêu cầu, vui lòng thử lại sau."),
}


class FileNegotiation(BaseContentNegotiation):
    """For views that answer with a file they write themselves (a PDF, an .xlsx): any `Accept`
    gets the file (API.md), a `?format=` names the file rather than a renderer, and the error
    bodies stay JSON. DRF's default negotiation would answer 406 to `Accept: application/pdf`,
    having no renderer for it."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


def error_body(code: str, detail: str, fields: dict | None = None) -> dict:
    return {"code": code, "detail": detail, "fields": fields or {}}


class ErrorSerializer(serializers.Serializer):
    """The error body of API.md, for the OpenAPI document."""

    code = serializers.CharField()
    detail = serializers.CharField()
    fields = serializers.DictField()


def exception_handler(exc, context) -> Response | None:
    """Every error as `{"code", "detail", "fields"}` with a Vietnamese message."""
    if isinstance(exc, DomainError):
        return Response(error_body(exc.code, exc.detail, exc.fields), status=exc.status)
    if isinstance(exc, AxesBackendPermissionDenied):
        detail = "Tài khoản tạm khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau."
        return Response(error_body("locked", detail), status=status.HTTP_403_FORBIDDEN)
    if isinstance(exc, RecursionError):
        # Input nested deeper than the parser or a validator can follow: bad input, not a crash.
        logger.warning("Too deeply nested input on %s", context["request"].path)
        detail = "Dữ liệu lồng nhau quá sâu."
        return Response(error_body("malformed", detail), status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    code, detail = MESSAGES.get(response.status_code, ("error", "Có lỗi xảy ra."))
    fields = {}
    if isinstance(exc, exceptions.ValidationError):
        fields = exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail}
    elif isinstance(exc, exceptions.ParseError):
        detail = "Nội dung JSON không đọc được."
        code = "malformed"
    elif isinstance(exc, exceptions.AuthenticationFailed) and response.status_code == 401:
        code = "authentication_failed"
        detail = "Tên đăng nhập hoặc mật khẩu không đúng, hoặc mã truy cập không hợp lệ."
    response.data = error_body(code, detail, fields)
    return response


class CursorPagination(pagination.CursorPagination):
    """Keyset pagination (stable and fast on large tables), newest first."""

    ordering = "-id"
    page_size_query_param = "page_size"
    max_page_size = 100


class ApiLanguageMiddleware:
    """The API speaks Vietnamese whatever Accept-Language says (API.md: messages are Vietnamese).

    Runs after LocaleMiddleware, which chose the language of the pages; labels and messages that
    the pages translate stay Vietnamese in API responses and in the official forms served there.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith("/api/"):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
        return self.get_response(request)


def json_error_404(request, exception=None) -> JsonResponse:
    """404 for paths outside every route, in the API error shape."""
    return JsonResponse(error_body(*MESSAGES[404]), status=404)


def json_error_500(request) -> JsonResponse:
    logger.error("Unhandled error on %s", request.path)
    return JsonResponse(error_body("server_error", "Lỗi hệ thống, đã ghi nhận."), status=500)


def health(request) -> JsonResponse:
    """`GET /healthz`: 200 once the database answers."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
