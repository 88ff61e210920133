"""Reads of online payment."""

from motcua.payments.models import PaymentOrder


def order_by_id(order_id: str) -> PaymentOrder | None:
    """The order with its dossier, or None."""
    return PaymentOrder.objects.select_related("dossier").filter(order_id=order_id).first()
