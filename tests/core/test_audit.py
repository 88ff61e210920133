"""The audit chain: events chained by SHA-256, tampering detected, `motcua verify-audit`."""

from io import StringIO
from unittest.mock import patch

import pytest
from django.core.management import ManagementUtility, call_command
from django.core.management.base import CommandError
from django.db import connections, transaction

from motcua.core.audit import (
    GENESIS,
    BrokenLink,
    _digest,
    audit_batch,
    audit_record,
    audit_verify,
)
from motcua.core.models import AuditEvent, AuditHead

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(django_user_model):
    return django_user_model.objects.create_user(username="canbo", password="mat-khau-dai-du")


@pytest.fixture
def events(officer):
    """Three events about one dossier, by an officer and by the system."""
    return [
        audit_record(
            actor=officer,
            action="dossier_receive",
            object_type="dossier",
            object_id="H44.189-261122-0001",
            data={"due_at": "2026-11-25T08:00:00+07:00", "ghi_chú": "Đủ hồ sơ"},
        ),
        audit_record(
            actor=officer,
            action="dossier_forward",
            object_type="dossier",
            object_id="H44.189-261122-0001",
            data={"to": "H44.17"},
        ),
        audit_record(
            actor=None,
            action="dossier_overdue",
            object_type="dossier",
            object_id="H44.189-261122-0001",
        ),
    ]


def run_command(*args) -> tuple[int, str, str]:
    """Run `motcua verify-audit` as the command line does; return exit status, stdout, stderr."""
    out, err = StringIO(), StringIO()
    # The command line closes every connection when done; keep the test's transaction open.
    with (
        patch("sys.stdout", out),
        patch("sys.stderr", err),
        patch.object(connections, "close_all"),
    ):
        try:
            ManagementUtility(["motcua", "verify-audit", *args]).execute()
            status = 0
        except SystemExit as exit_:
            status = exit_.code
    return status, out.getvalue(), err.getvalue()


def test_events_are_chained(events, officer):
    first, second, third = (AuditEvent.objects.get(pk=e.pk) for e in events)
    assert first.prev_hash == GENESIS
    assert second.prev_hash == first.hash
    assert third.prev_hash == second.hash
    assert len({first.hash, second.hash, third.hash}) == 3
    assert AuditHead.objects.get(pk=1).last_hash == third.hash
    assert (first.actor_id, first.actor_label) == (officer.pk, "canbo")
    assert (third.actor_id, third.actor_label) == (None, "system")
    assert first.data == {"due_at": "2026-11-25T08:00:00+07:00", "ghi_chú": "Đủ hồ sơ"}
    assert audit_verify() == (3, None)


def test_the_hash_covers_the_content_and_the_previous_hash(events):
    first = AuditEvent.objects.get(pk=events[0].pk)
    assert _digest(GENESIS, first) == first.hash
    assert _digest("f" * 64, first) != first.hash


def test_an_empty_chain_is_intact():
    assert audit_verify() == (0, None)


def test_tampered_data_is_detected_at_that_event(events):
    AuditEvent.objects.filter(pk=events[1].pk).update(data={"to": "H44.190"})
    checked, broken = audit_verify()
    assert checked == 1
    assert broken == BrokenLink(events[1].pk, broken.reason)
    assert "hash" in broken.reason


@pytest.mark.parametrize(
    "change",
    [
        {"action": "dossier_refuse"},
        {"actor_label": "nguoi-khac"},
        {"object_id": "H44.189-261122-0002"},
    ],
)
def test_any_tampered_field_is_detected(events, change):
    AuditEvent.objects.filter(pk=events[0].pk).update(**change)
    assert audit_verify()[1].event_id == events[0].pk


def test_a_rewritten_event_with_a_recomputed_hash_breaks_the_next_link(events):
    forged = AuditEvent.objects.get(pk=events[1].pk)
    forged.data = {"to": "H44.190"}
    forged.hash = _digest(forged.prev_hash, forged)
    AuditEvent.objects.filter(pk=forged.pk).update(data=forged.data, hash=forged.hash)
    checked, broken = audit_verify()
    assert (checked, broken.event_id) == (2, events[2].pk)
    assert "prev_hash" in broken.reason


def test_deleting_a_middle_event_is_detected_at_the_next_one(events):
    AuditEvent.objects.filter(pk=events[1].pk).delete()
    checked, broken = audit_verify()
    assert (checked, broken.event_id) == (1, events[2].pk)


def test_deleting_the_first_event_is_detected(events):
    AuditEvent.objects.filter(pk=events[0].pk).delete()
    checked, broken = audit_verify()
    assert (checked, broken.event_id) == (0, events[1].pk)


def test_deleting_the_last_event_is_detected(events):
    AuditEvent.objects.filter(pk=events[2].pk).delete()
    checked, broken = audit_verify()
    assert checked == 2
    assert broken is not None
    assert broken.event_id == 0


def test_deleting_every_event_is_detected(events):
    AuditEvent.objects.all().delete()
    assert audit_verify()[1] is not None


def test_small_batches_walk_the_same_chain(events):
    assert audit_verify(batch_size=1) == (3, None)


def test_appending_after_verification_keeps_the_chain(events):
    audit_record(actor=None, action="ping", object_type="system", object_id="1")
    assert audit_verify() == (4, None)


class TestVerifyAuditCommand:
    def test_intact_chain(self, events):
        out = StringIO()
        call_command("verify-audit", stdout=out)
        assert out.getvalue().strip() == "Chuỗi nhật ký toàn vẹn: 3 sự kiện."

    def test_broken_chain_raises_command_error_naming_the_event(self, events):
        AuditEvent.objects.filter(pk=events[1].pk).update(data={})
        with pytest.raises(CommandError) as caught:
            call_command("verify-audit", stdout=StringIO())
        assert caught.value.returncode == 1
        assert f"#{events[1].pk}" in str(caught.value)
        assert "hash does not match" in str(caught.value)

    def test_removed_tail_is_reported(self, events):
        AuditEvent.objects.filter(pk=events[2].pk).delete()
        with pytest.raises(CommandError) as caught:
            call_command("verify-audit", "--batch-size", "2", stdout=StringIO())
        assert "cuối chuỗi" in str(caught.value)
        assert "last event was removed" in str(caught.value)

    def test_command_line_exit_status_and_output(self, events):
        status, out, err = run_command()
        assert (status, err) == (0, "")
        assert "Chuỗi nhật ký toàn vẹn: 3 sự kiện." in out

        AuditEvent.objects.filter(pk=events[0].pk).delete()
        status, out, err = run_command()
        assert status == 1
        assert out == ""
        assert f"sự kiện #{events[1].pk}" in err
        assert "prev_hash does not match" in err


def record(object_id: str, actor=None) -> AuditEvent:
    return audit_record(actor=actor, action="dossier_receive", object_type="dossier",
                        object_id=object_id)  # fmt: skip


def test_a_batch_appends_its_events_together_when_it_ends(events, officer):
    head_before = AuditHead.objects.get().last_hash
    with audit_batch():
        record("H44.189-261122-0002", officer)
        with audit_batch():  # a nested block appends with the outermost
            record("H44.189-261122-0003")
        assert AuditEvent.objects.count() == 3  # nothing written, the head untouched
        assert AuditHead.objects.get().last_hash == head_before
    added = list(AuditEvent.objects.order_by("id")[3:])
    assert [e.object_id for e in added] == ["H44.189-261122-0002", "H44.189-261122-0003"]
    assert added[0].prev_hash == head_before and added[1].prev_hash == added[0].hash
    assert audit_verify() == (5, None)


def test_an_exception_in_a_batch_discards_its_events(events):
    with pytest.raises(ValueError), audit_batch():
        record("H44.189-261122-0002")
        raise ValueError("dừng")
    record("H44.189-261122-0004")  # recorded at once again: the batch is closed
    assert AuditEvent.objects.count() == 4 and audit_verify() == (4, None)


@pytest.mark.django_db(transaction=True)
def test_a_batch_needs_the_callers_transaction():
    with pytest.raises(RuntimeError), audit_batch():
        pass
    with transaction.atomic(), audit_batch():
        record("H44.189-261122-0001")
    assert audit_verify() == (1, None)
