"""Routes of online payment: the v1 API (start, the platform's callback) and the result page."""

from django.urls import path

from motcua.payments.api import dossier_payment_start, payment_callback_endpoint
from motcua.payments.views import payment_result

urlpatterns = [
    path(
        "api/v1/dossiers/<str:code>/payments/",
        dossier_payment_start,
        name="dossier-payment-start",
    ),
    path("api/v1/payments/callback/", payment_callback_endpoint, name="payment-callback"),
    path("thanh-toan/ket-qua/", payment_result, name="payment-result"),
]
