"""Error pages for people: a 404, a refused form post (CSRF) or a body too large, as a page.

API paths keep the JSON error body of API.md; everything else is a page a browser shows.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from motcua.core.api import MESSAGES, error_body, json_error_404
from motcua.core.text import human_size


def _is_api(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def _page(request: HttpRequest, title: str, message: str, status: int) -> HttpResponse:
    context = {"title": title, "message": message}
    return render(request, "error_page.html", context, status=status)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """404: JSON under /api/, otherwise a page (a dossier of someone else looks like none)."""
    if _is_api(request):
        return json_error_404(request, exception)
    message = _("Không tìm thấy trang hoặc hồ sơ bạn yêu cầu, hoặc bạn không có quyền xem.")
    return _page(request, _("Không tìm thấy"), message, 404)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """403 for a form post without a valid CSRF token (forged, or a page left open too long)."""
    if _is_api(request):
        return JsonResponse(error_body(*MESSAGES[403]), status=403)
    message = _(
        "Biểu mẫu không hợp lệ hoặc đã hết hạn nên không được thực hiện. "
        "Vui lòng tải lại trang rồi gửi lại."
    )
    return _page(request, _("Không thực hiện được"), message, 403)


class BodySizeLimitMiddleware:
    """Refuse request bodies over the limit with 413 before anything reads them.

    The API takes JSON up to `DATA_UPLOAD_MAX_MEMORY_SIZE`; a page's form may carry several
    scans, up to `MOTCUA["FORM_BODY_MAX_BYTES"]` in all, and is refused with a page saying how to
    go on (each scan has its own smaller limit, checked by the form).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if _is_api(request):
            limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
            if limit and length > limit:
                detail = f"Dữ liệu gửi lên quá lớn (tối đa {human_size(limit)})."
                return JsonResponse(error_body("too_large", detail), status=413)
        elif length > (limit := settings.MOTCUA["FORM_BODY_MAX_BYTES"]):
            message = _(
                "Các tệp gửi một lần tổng cộng tối đa %(limit)s. Quay lại trang trước, gửi ít tệp "
                "hơn (lưu nháp), rồi gửi tiếp các tệp còn lại."
            ) % {"limit": human_size(limit)}
            return _page(request, _("Dữ liệu gửi lên quá lớn"), message, 413)
        return self.get_response(request)
