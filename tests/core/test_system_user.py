"""Outside systems act through inactive accounts named after them, so timelines say who did it."""

from motcua.core.system import system_user


def test_a_system_user_is_one_inactive_account_that_cannot_log_in(db):
    user = system_user("payment-platform", "Nền tảng thanh toán quốc gia")
    assert (user.username, user.get_full_name()) == (
        "system.payment-platform", "Nền tảng thanh toán quốc gia",
    )  # fmt: skip
    assert not user.is_active and not user.has_usable_password()
    assert system_user("payment-platform", "Nền tảng thanh toán quốc gia") == user
