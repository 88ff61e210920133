"""The demo's specialist sets the Phiếu asked on the tờ khai (so_luong) before asking payment."""

from motcua.demo.simulation import _copies_asked
from motcua.dossiers.models import Dossier
from tests.dossiers.helpers import submit


def test_four_phieu_asked_on_the_form_set_the_extra_copy_line(
    api, receiver, record_procedure, commune
):
    filed = submit(api(receiver), record_procedure, commune, channel="desk",
                   form_data={"so_luong": 4})  # fmt: skip
    assert _copies_asked(Dossier.objects.get(code=filed["code"])) == [{"line": 2, "quantity": 4}]
    other = submit(api(receiver), record_procedure, commune, channel="desk")
    assert _copies_asked(Dossier.objects.get(code=other["code"])) == []
