"""What every citizen page needs: a VNeID sign-in, and the citizen behind the request."""

from collections.abc import Callable
from functools import wraps
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from motcua.core.errors import DomainError
from motcua.dossiers.selectors import citizen_id_number


def citizen_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Citizens only: anyone else is sent to the VNeID sign-in, staff are told to use theirs."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('portal-sign-in')}?{query}")
        if citizen_id_number(request.user) is None:
            message = _("Trang này dành cho công dân đăng nhập bằng tài khoản VNeID.")
            return render(request, "portal/refused.html", {"message": message}, status=403)
        return view(request, *args, **kwargs)

    return wrapper


def refused(request: HttpRequest, error: DomainError, template: str, context: dict) -> HttpResponse:
    """Render the page again with the service's Vietnamese message and its HTTP status."""
    return render(request, template, {**context, "error": error.detail}, status=error.status)
