"""Citizen pages: Vietnamese paths, as citizens read and share them."""

from django.urls import path

from motcua.portal.views import account, apply, catalog, lookup, mine, pay

urlpatterns = [
    path("", catalog.home, name="portal-home"),
    path("thu-tuc/<str:code>/", catalog.procedure_page, name="portal-procedure"),
    path("tra-cuu/", lookup.lookup, name="portal-lookup"),
    path("dang-nhap/", account.sign_in, name="portal-sign-in"),
    path("dang-nhap/vneid/", account.sign_in_callback, name="portal-sign-in-callback"),
    path("dang-xuat/", account.sign_out, name="portal-sign-out"),
    path("nop-ho-so/<str:code>/", apply.apply, name="portal-apply"),
    path("nop-ho-so/<str:code>/xem-lai/", apply.review, name="portal-apply-review"),
    path("ca-nhan/ho-so/", mine.my_dossiers, name="portal-mine"),
    path("ca-nhan/ho-so/<str:code>/", mine.my_dossier, name="portal-my-dossier"),
    path("ca-nhan/ho-so/<str:code>/da-nop/", mine.my_dossier, name="portal-receipt"),
    path("ca-nhan/ho-so/<str:code>/bo-sung/", mine.supplement, name="portal-supplement"),
    path("ca-nhan/ho-so/<str:code>/danh-gia/", mine.rate, name="portal-rate"),
    path("ca-nhan/ho-so/<str:code>/rut/", mine.withdraw, name="portal-withdraw"),
    path("ca-nhan/ho-so/<str:code>/thanh-toan/", pay.pay, name="portal-pay"),
    path(
        "ca-nhan/ho-so/<str:code>/<str:kind>/<int:pk>/",
        mine.download,
        name="portal-download",
    ),
]
