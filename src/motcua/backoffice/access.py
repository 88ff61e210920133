"""Every back-office page is for officers only: anonymous users go to the staff login page."""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from motcua.backoffice.forms import is_staff_member
from motcua.core.errors import DomainError


def error_page(request: HttpRequest, error: DomainError) -> HttpResponse:
    """A refusal of a service as a page with its Vietnamese message and HTTP status."""
    return render(request, "office/error.html", {"message": error.detail}, status=error.status)


def staff_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Require an officer's login; a refusal (403, 404…) raised by the view becomes a page."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("office:login"))
        if not is_staff_member(request.user):
            message = _("Trang này chỉ dành cho cán bộ các cơ quan.")
            return render(request, "office/error.html", {"message": message}, status=403)
        try:
            return view(request, *args, **kwargs)
        except DomainError as error:
            return error_page(request, error)

    return wrapper
