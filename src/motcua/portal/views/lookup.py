"""Public lookup of a dossier by its code and the applicant's ID number."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from motcua.core.errors import NotFound
from motcua.dossiers.api import PublicLookupThrottle
from motcua.dossiers.clock import timeliness
from motcua.dossiers.selectors import dossier_public
from motcua.dossiers.workflow import action_label


def lookup(request: HttpRequest) -> HttpResponse:
    """Tra cứu hồ sơ: status, due date and timeline for whoever knows the code and the ID number.

    The QR code on Mẫu 01 opens this page with the code filled in (`?ma=`).
    """
    code = request.GET.get("ma", "").strip()
    id_number = request.GET.get("so_dinh_danh", "").strip()
    context = {"code": code, "id_number": id_number}
    status = 200
    if code and id_number:
        if not PublicLookupThrottle().allow_request(request, None):
            context["error"] = _("Bạn tra cứu quá nhiều lần. Vui lòng thử lại sau ít phút.")
            status = 429
        else:
            try:
                dossier = dossier_public(code, id_number)
            except NotFound as error:
                context["error"], status = error.detail, 404
            else:
                context["dossier"] = dossier
                context["timeliness"] = timeliness(dossier)
                context["timeline"] = [
                    (event, action_label(event.action)) for event in dossier.records["events"]
                ]
    return render(request, "portal/lookup.html", context, status=status)
