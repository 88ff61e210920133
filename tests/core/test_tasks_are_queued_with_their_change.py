"""A background task is queued with the change that causes it: inside its transaction on the
database backend, only once it has committed on any other backend (Redis)."""

import pytest
from django.db import transaction
from django_tasks import default_task_backend
from django_tasks_db.models import DBTaskResult

from motcua.core.queue import enqueue
from motcua.integrations.tasks import deliver_exchange


class Rollback(Exception):
    pass


def test_on_the_database_backend_a_rolled_back_change_leaves_no_task(db):
    with pytest.raises(Rollback), transaction.atomic():
        enqueue(deliver_exchange, 1)
        assert DBTaskResult.objects.count() == 1  # written in the change's transaction
        raise Rollback
    assert DBTaskResult.objects.count() == 0


@pytest.fixture
def outside_backend(settings):
    """A backend outside the database (django-tasks' dummy, which keeps what it is given)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    default_task_backend.clear()
    yield default_task_backend
    default_task_backend.clear()


def test_elsewhere_a_task_is_queued_only_when_the_change_commits(
    db, outside_backend, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        enqueue(deliver_exchange, 7)
        assert outside_backend.results == []  # not before the commit
    assert len(callbacks) == 1
    assert [r.args for r in outside_backend.results] == [[7]]

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(Rollback),
        transaction.atomic(),
    ):
        enqueue(deliver_exchange, 8)
        raise Rollback
    assert callbacks == []  # a rolled-back change queues nothing
    assert [r.args for r in outside_backend.results] == [[7]]
