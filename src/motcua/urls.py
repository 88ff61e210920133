"""URL map: the v1 API, its schema and docs, health, admin, and the pages."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import SimpleRouter
from rest_framework_simplejwt.views import TokenRefreshView

from motcua.agencies.api import AgencyViewSet, CalendarDayViewSet, StaffViewSet, calendar_due
from motcua.catalog.api import ProcedureViewSet
from motcua.core.api import health
from motcua.core.auth import TokenObtainView
from motcua.dossiers.api import DossierViewSet, agency_merge, dossier_form, public_dossier
from motcua.integrations.api import PartnerDossierViewSet, PartnerTokenView, citizen
from motcua.notifications.views import unsubscribe
from motcua.reports.api import index_766_report, register_07_report, tthc_statistics_report

router = SimpleRouter()
router.register("agencies", AgencyViewSet, basename="agency")
router.register("staff", StaffViewSet, basename="staff")
router.register("procedures", ProcedureViewSet, basename="procedure")
router.register("calendar/days", CalendarDayViewSet, basename="calendar-day")
router.register("dossiers", DossierViewSet, basename="dossier")
router.register("partner/dossiers", PartnerDossierViewSet, basename="partner-dossier")

api_v1 = [
    path("auth/token/", TokenObtainView.as_view(), name="token"),
    path("auth/token/refresh/", TokenRefreshView.as_view(), name="token-refresh"),
    path("auth/partner-token/", PartnerTokenView.as_view(), name="partner-token"),
    path("calendar/due/", calendar_due, name="calendar-due"),
    path("agencies/<str:code>/merge/", agency_merge, name="agency-merge"),
    path("citizens/<str:id_number>/", citizen, name="citizen"),
    path("public/dossiers/<str:code>/", public_dossier, name="public-dossier"),
    path("dossiers/<str:code>/forms/<str:number>.<str:fmt>", dossier_form, name="dossier-form"),
    path("reports/index-766/", index_766_report, name="report-index-766"),
    path("reports/tthc-statistics/", tthc_statistics_report, name="report-tthc-statistics"),
    path("reports/register-07/", register_07_report, name="report-register-07"),
    *router.urls,
]

urlpatterns = [
    path("healthz", health, name="health"),
    path("", include("motcua.payments.urls")),
    path("api/v1/", include(api_v1)),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="api-docs"),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("motcua.portal.urls")),
    path("ngung-nhan-tin/<str:token>/", unsubscribe, name="notifications-unsubscribe"),
    path("bao-cao/", include("motcua.reports.urls")),
    path("mot-cua/", include("motcua.backoffice.urls")),
]

handler404 = "motcua.core.error_pages.not_found"
handler500 = "motcua.core.api.json_error_500"

if settings.MOTCUA_BENCH:  # bench/run.py's framework ceiling; never on in production
    from motcua.benchdata.views import hello

    urlpatterns.append(path("bench/hello", hello, name="bench-hello"))
