"""The lifecycle table in docs/architecture.md is the one the code runs."""

from pathlib import Path

from motcua.dossiers.workflow import transitions_markdown

DOC = Path(__file__).resolve().parents[2] / "docs" / "architecture.md"


def test_architecture_doc_shows_the_current_transition_table():
    assert transitions_markdown() in DOC.read_text(encoding="utf-8"), (
        "docs/architecture.md is out of date: paste motcua.dossiers.workflow.transitions_markdown()"
    )
