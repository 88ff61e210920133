"""Dossier codes are unique per agency and day, even when desks receive at once, and follow the
daily sequence without gaps unless a filing fails after taking its number (decision 0013)."""

from concurrent.futures import ThreadPoolExecutor
from unittest.mock import patch

import pytest
from django.db import DatabaseError, connection, connections

from motcua.core.audit import audit_verify
from motcua.core.errors import RuleBroken
from motcua.core.models import AuditEvent
from motcua.dossiers.models import Dossier, DossierFee
from motcua.dossiers.services import dossier_submit

APPLICANT = {"id_number": "025190001234", "full_name": "Đỗ Văn Bình"}


def test_codes_follow_the_daily_sequence(clock, procedure, commune, other_commune, receiver):
    codes = [
        dossier_submit(
            actor=receiver, procedure=procedure, agency=commune, channel="desk", applicant=APPLICANT
        ).code
        for _ in range(3)
    ]
    assert codes == [f"H44.189-261116-000{i}" for i in (1, 2, 3)]
    clock.advance(days=1)
    nxt = dossier_submit(
        actor=receiver, procedure=procedure, agency=commune, channel="desk", applicant=APPLICANT
    )
    assert nxt.code == "H44.189-261117-0001"  # a new day starts a new sequence


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="SQLite serialises writers (IMMEDIATE transactions); the race is PostgreSQL's",
)
def test_concurrent_receipts_get_distinct_codes(procedure, commune, receiver):
    def receive_one(_):
        try:
            return dossier_submit(
                actor=receiver,
                procedure=procedure,
                agency=commune,
                channel="desk",
                applicant=APPLICANT,
            ).code
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=8) as pool:
        codes = list(pool.map(receive_one, range(40)))
    assert len(set(codes)) == 40
    sequences = sorted(int(code.rsplit("-", 1)[1]) for code in codes)
    assert sequences == list(range(1, 41))
    assert Dossier.objects.count() == 40
    # Each filing appended its two events (submit, receive) to one unbroken chain.
    assert audit_verify() == (80, None)
    assert AuditEvent.objects.filter(action="dossier_receive").count() == 40


def file_at_desk(receiver, procedure, commune, **extra) -> Dossier:
    return dossier_submit(actor=receiver, procedure=procedure, agency=commune, channel="desk",
                          applicant=APPLICANT, **extra)  # fmt: skip


def test_a_filing_refused_by_its_checks_takes_no_number(clock, procedure, commune, receiver):
    with pytest.raises(RuleBroken):
        file_at_desk(receiver, procedure, commune, documents=[{"name": " "}])
    assert file_at_desk(receiver, procedure, commune).code == "H44.189-261116-0001"


def test_a_filing_that_fails_after_taking_its_number_leaves_it_unused(
    clock, procedure, commune, receiver
):
    with (
        patch.object(DossierFee.objects, "bulk_create", side_effect=DatabaseError("mất kết nối")),
        pytest.raises(DatabaseError),
    ):
        file_at_desk(receiver, procedure, commune)
    assert not Dossier.objects.exists() and not AuditEvent.objects.exists()
    assert file_at_desk(receiver, procedure, commune).code == "H44.189-261116-0002"
