"""Report pages under /bao-cao/."""

from django.urls import path

from motcua.reports import views

urlpatterns = [
    path("", views.dashboard, name="reports-dashboard"),
    path("thong-ke/", views.statistics_page, name="reports-statistics"),
    path("ho-so/", views.dossiers_page, name="reports-dossiers"),
    path("so-theo-doi-ho-so/", views.register_page, name="reports-register"),
]
