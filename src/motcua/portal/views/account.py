"""Citizen sign-in with VNeID (OpenID Connect) and sign-out."""

import logging

from authlib.integrations.base_client import OAuthError
from django.contrib.auth import login, logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from requests import RequestException

from motcua.core.citizens import citizen_sign_in
from motcua.core.errors import DomainError
from motcua.portal.vneid import SESSION_ID_TOKEN, vneid_client

log = logging.getLogger(__name__)
SESSION_NEXT = "portal_next"


def _safe_next(request: HttpRequest, target: str | None) -> str:
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}):
        return target
    return reverse("portal-mine")


def sign_in(request: HttpRequest) -> HttpResponse:
    """Send the citizen to the identity provider (authorisation code + PKCE)."""
    request.session[SESSION_NEXT] = _safe_next(request, request.GET.get("next"))
    callback = request.build_absolute_uri(reverse("portal-sign-in-callback"))
    try:
        return vneid_client().authorize_redirect(request, callback)
    except RequestException:
        log.warning("identity provider unreachable", exc_info=True)
        return _failed(request, _("Hệ thống định danh điện tử đang không phản hồi."), 503)


def sign_in_callback(request: HttpRequest) -> HttpResponse:
    """The provider's answer: check it, open or refresh the citizen's account, sign them in."""
    try:
        token = vneid_client().authorize_access_token(request)
        citizen = citizen_sign_in(claims=dict(token["userinfo"]))
    except OAuthError as error:
        if error.error == "access_denied":
            return redirect("portal-home")
        log.warning("sign-in refused: %s", error)
        return _failed(request, _("Đăng nhập không thành công, vui lòng thử lại."), 400)
    except RequestException:
        log.warning("identity provider unreachable", exc_info=True)
        return _failed(request, _("Hệ thống định danh điện tử đang không phản hồi."), 503)
    except DomainError as error:
        return _failed(request, error.detail, 400)
    target = request.session.pop(SESSION_NEXT, None)
    login(request, citizen.user, backend="django.contrib.auth.backends.ModelBackend")
    request.session[SESSION_ID_TOKEN] = token.get("id_token", "")
    return redirect(_safe_next(request, target))


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    """End the session here, then at the provider (RP-initiated logout)."""
    id_token = request.session.get(SESSION_ID_TOKEN)
    logout(request)
    home = request.build_absolute_uri(reverse("portal-home"))
    if not id_token:
        return redirect(home)
    try:
        return vneid_client().logout_redirect(
            request, post_logout_redirect_uri=home, id_token_hint=id_token
        )
    except RequestException:
        return redirect(home)


def _failed(request: HttpRequest, message: str, status: int) -> HttpResponse:
    return render(request, "portal/sign_in_failed.html", {"message": message}, status=status)
