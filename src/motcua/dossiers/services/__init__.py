"""Every change of a dossier: one entry point per transition, checked, recorded and audited.

`dossier_submit` creates a dossier; `dossier_act` performs one action of `workflow.TRANSITIONS`,
each action's own work in the module of its stage (`receipt`, `processing`, `payment`,
`closing`); `dossiers_move_to_successor` moves a merged agency's dossiers. Each checks the actor's
role in the right agency, the state and the version (`guards`), and writes the change, a timeline
event and an audit event in one transaction (`recording`).
"""

from motcua.dossiers.services.act import dossier_act, dossier_record_online_payment
from motcua.dossiers.services.submit import dossier_submit
from motcua.dossiers.services.transfer import dossiers_move_to_successor

__all__ = [
    "dossier_act",
    "dossier_record_online_payment",
    "dossier_submit",
    "dossiers_move_to_successor",
]
