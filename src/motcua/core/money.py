"""Amounts of money as Vietnamese writes them on official papers and in messages: "200.000 đồng".

Pages use the `money` template filter instead, which follows the page's language.
"""


def dong(amount: int) -> str:
    """An integer amount of đồng with dots between thousands: 200000 → "200.000 đồng"."""
    return f"{amount:,} đồng".replace(",", ".")
