"""A procedure's JSON Schema becomes form fields, and the cleaned form the JSON it describes."""

from datetime import date
from decimal import Decimal

import jsonschema
import pytest
from django import forms

from motcua.catalog.schema_forms import (
    UnsupportedSchema,
    form_data,
    schema_fields,
    schema_form_class,
)

SCHEMA = {
    "type": "object",
    "required": ["name", "born", "kind", "children"],
    "properties": {
        "name": {"type": "string", "title": "Họ tên", "minLength": 2, "maxLength": 50},
        "born": {"type": "string", "format": "date", "title": "Ngày sinh"},
        "kind": {"type": "string", "enum": ["Nam", "Nữ"], "title": "Giới tính"},
        "children": {"type": "integer", "minimum": 0, "maximum": 20, "title": "Số con"},
        "area": {"type": "number", "title": "Diện tích (m²)", "description": "theo sổ đỏ"},
        "twins": {"type": "boolean", "title": "Sinh đôi"},
        "email": {"type": "string", "format": "email"},
        "zip": {"type": "string", "pattern": "^[0-9]{6}$"},
        "note": {"type": "string", "maxLength": 2000},
    },
}
GOOD = {"name": "Lan", "born": "2026-01-02", "kind": "Nữ", "children": "2", "area": "72.5"}


def test_each_type_gets_its_field_with_label_required_and_bounds():
    fields = schema_fields(SCHEMA)
    assert list(fields) == list(SCHEMA["properties"])
    assert isinstance(fields["born"], forms.DateField)
    assert isinstance(fields["kind"], forms.ChoiceField)
    assert fields["kind"].choices == [("Nam", "Nam"), ("Nữ", "Nữ")]
    assert isinstance(fields["children"], forms.IntegerField)
    assert (fields["children"].min_value, fields["children"].max_value) == (0, 20)
    assert isinstance(fields["area"], forms.DecimalField)
    assert fields["area"].help_text == "theo sổ đỏ"
    assert isinstance(fields["twins"], forms.BooleanField)
    assert isinstance(fields["email"], forms.EmailField)
    assert isinstance(fields["note"].widget, forms.Textarea)
    assert fields["name"].label == "Họ tên" and fields["name"].max_length == 50
    assert [n for n, f in fields.items() if f.required] == ["name", "born", "kind", "children"]


def test_a_valid_form_gives_json_the_schema_accepts():
    form = schema_form_class(SCHEMA)(GOOD)
    assert form.is_valid(), form.errors
    data = form_data(SCHEMA, form.cleaned_data)
    assert data == {"name": "Lan", "born": "2026-01-02", "kind": "Nữ", "children": 2,
                    "area": 72.5, "twins": False}  # fmt: skip
    jsonschema.validate(data, SCHEMA)


@pytest.mark.parametrize(
    ("field", "value"),
    [("name", "L"), ("born", "02/31/2026"), ("kind", "Khác"), ("children", "21"),
     ("email", "khong-phai-thu"), ("zip", "12ab56"), ("name", "")],
)  # fmt: skip
def test_values_the_schema_refuses_are_form_errors(field, value):
    form = schema_form_class(SCHEMA)({**GOOD, field: value})
    assert not form.is_valid()
    assert field in form.errors


def test_an_optional_enum_may_be_left_empty_and_is_left_out():
    schema = {"properties": {"kind": {"type": "string", "enum": ["a", "b"]}}}
    form = schema_form_class(schema)({"kind": ""})
    assert form.is_valid()
    assert form_data(schema, form.cleaned_data) == {}


def test_values_convert_to_json():
    cleaned = {"born": date(2026, 1, 2), "area": Decimal("70"), "children": 3}
    assert form_data(SCHEMA, cleaned) == {"born": "2026-01-02", "area": 70, "children": 3,
                                          "twins": False}  # fmt: skip


def test_an_empty_schema_has_no_fields():
    assert schema_fields({}) == {}
    assert form_data({}, {}) == {}


@pytest.mark.parametrize("kind", ["object", "array"])
def test_nested_structures_are_refused_plainly(kind):
    with pytest.raises(UnsupportedSchema):
        schema_fields({"properties": {"x": {"type": kind}}})
