"""Stored ratings mapped to the one enumeration of `dossiers.ratings` (criteria and levels).

Ratings were stored under four key sets: the back office's form (tiep_nhan, giai_quyet,
tra_ket_qua), the citizen portal's form (receipt, processing, result), and the demo simulation and
the bench generator (tiep_nhan, thoi_gian, thai_do, ket_qua). Each key is mapped explicitly below;
a key of none of them (and a level that is not one of the three) is dropped, and the migration
prints how many ratings lost which keys. A rating with nothing left becomes "not rated". The
timeline's `rate` events keep the rating as it was given (history). The report facts read the
dissatisfied flag, which the mapping keeps; `motcua rebuild-reports` brings them in step if a
dissatisfied level sat under a dropped key.

The mapping is written here, not imported, so that this migration means the same thing later.
"""

from django.db import migrations

KEYS = {
    # the back office's action form
    "tiep_nhan": "receipt",
    "giai_quyet": "processing",
    "tra_ket_qua": "result",
    # the citizen portal's form: already the new keys
    "receipt": "receipt",
    "processing": "processing",
    "result": "result",
    # the demo simulation and the bench generator (tiep_nhan as above)
    "thoi_gian": "processing",
    "thai_do": "attitude",
    "ket_qua": "result",
    # the new key of no old form
    "attitude": "attitude",
}
LEVELS = ("dissatisfied", "neutral", "satisfied")  # least satisfied first


def mapped_rating(rating: dict) -> tuple[dict | None, set[str]]:
    """The rating under the new keys (None when nothing is left) and the keys dropped. Two old
    keys of one criterion keep the less satisfied level."""
    new: dict[str, str] = {}
    dropped = set()
    for key, level in rating.items():
        criterion = KEYS.get(key)
        if criterion is None or level not in LEVELS:
            dropped.add(key)
        elif criterion not in new or LEVELS.index(level) < LEVELS.index(new[criterion]):
            new[criterion] = level
    return (new or None), dropped


def forwards(apps, schema_editor) -> None:
    Dossier = apps.get_model("dossiers", "Dossier")
    changed, dropped_keys, losing = [], set(), 0
    ratings = Dossier.objects.filter(rating__isnull=False).only("rating")
    for dossier in ratings.iterator(chunk_size=2000):
        if not isinstance(dossier.rating, dict):
            new, dropped = None, {"(không phải từ điển)"}
        else:
            new, dropped = mapped_rating(dossier.rating)
        if new != dossier.rating:
            dossier.rating = new
            changed.append(dossier)
        if dropped:
            losing += 1
            dropped_keys |= dropped
        if len(changed) >= 2000:
            Dossier.objects.bulk_update(changed, ["rating"])
            changed = []
    Dossier.objects.bulk_update(changed, ["rating"])
    if losing:
        print(  # noqa: T201 (the operator reads what the migration dropped)
            f"\n  dossiers.0003: {losing} đánh giá có tiêu chí không xác định đã bị bỏ: "
            + ", ".join(sorted(dropped_keys))
        )


class Migration(migrations.Migration):
    dependencies = [
        ("dossiers", "0002_pending_effects"),
    ]

    operations = [
        migrations.RunPython(forwards, migrations.RunPython.noop, elidable=False),
    ]
