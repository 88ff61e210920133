"""Dossier codes are unique and gap-free per agency and day, even when desks receive at once."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections

from motcua.dossiers.models import Dossier
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
