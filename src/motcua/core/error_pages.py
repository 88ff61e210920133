"""Error pages for people: a 404 or a refused form post (CSRF) as an HTML page in Vietnamese.

API paths keep the JSON error body of API.md; everything else is a page a browser shows.
"""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from motcua.core.api import MESSAGES, error_body, json_error_404


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
