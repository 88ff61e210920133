"""The worklist's long filter lists are written without a template per option."""

from motcua.backoffice.forms import LongSelect


def test_the_chosen_option_is_selected_and_labels_are_escaped():
    widget = LongSelect(choices=[("", "Tất cả"), ("1.001", "Cấp <b>phép</b>"), ("2.002", "B")])
    html = widget.render("procedure", "1.001", {"id": "id_procedure"})
    assert html.startswith('<select name="procedure" id="id_procedure">')
    assert '<option value="1.001" selected>Cấp &lt;b&gt;phép&lt;/b&gt;</option>' in html
    assert '<option value="2.002">B</option>' in html
    assert html.count("selected") == 1


def test_without_a_value_the_empty_choice_is_selected_as_django_does():
    html = LongSelect(choices=[("", "Tất cả"), ("x", "X")]).render("agency", None)
    assert '<option value="" selected>Tất cả</option><option value="x">X</option>' in html
