"""A procedure's application form (tờ khai), described as JSON Schema, as Django form fields.

`schema_form_class(schema)` builds a form with one field per property (string, number, integer,
boolean, enum, string formats date and email; `required`, `title`, `description`, lengths,
bounds, `pattern`), and `form_data(schema, cleaned_data)` turns what the form cleaned back into the
JSON the schema validates (dates as ISO strings, empty optional values left out). The desk pages
and the citizen portal share it; `dossiers.services` validates the result against the schema.
"""

from datetime import date
from decimal import Decimal

from django import forms
from django.core.validators import RegexValidator


class UnsupportedSchema(ValueError):
    """A schema construct the generated form cannot represent (nested objects, arrays)."""


def _string_field(spec: dict, common: dict) -> forms.Field:
    if "enum" in spec:
        choices = [(value, value) for value in spec["enum"]]
        if not common["required"]:
            choices.insert(0, ("", "—"))
        return forms.ChoiceField(choices=choices, **common)
    if spec.get("format") == "date":
        # A date input takes and gives ISO dates whatever the page's language (the browser shows
        # them in the reader's order).
        widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
        return forms.DateField(widget=widget, **common)
    validators = [RegexValidator(spec["pattern"])] if "pattern" in spec else []
    kwargs = {"max_length": spec.get("maxLength"), "min_length": spec.get("minLength")}
    if spec.get("format") == "email":
        return forms.EmailField(validators=validators, **kwargs, **common)
    widget = forms.Textarea(attrs={"rows": 3}) if (spec.get("maxLength") or 0) > 255 else None
    return forms.CharField(validators=validators, widget=widget, **kwargs, **common)


def _number_field(spec: dict, common: dict) -> forms.Field:
    bounds = {"min_value": spec.get("minimum"), "max_value": spec.get("maximum")}
    if spec["type"] == "integer":
        return forms.IntegerField(**bounds, **common)
    return forms.DecimalField(**bounds, **common)


def schema_field(spec: dict, required: bool) -> forms.Field:
    """One form field for the property `spec` of a JSON Schema."""
    kind = spec.get("type", "string")
    common = {
        "label": spec.get("title", ""),
        "help_text": spec.get("description", ""),
        "required": required and kind != "boolean",
    }
    if kind == "string":
        return _string_field(spec, common)
    if kind in ("number", "integer"):
        return _number_field(spec, common)
    if kind == "boolean":
        return forms.BooleanField(**common)
    raise UnsupportedSchema(f"Biểu mẫu chưa hỗ trợ kiểu dữ liệu '{kind}'.")


def schema_fields(schema: dict) -> dict[str, forms.Field]:
    """Property name → form field, in the schema's order."""
    required = set(schema.get("required", []))
    return {
        name: schema_field(spec, name in required)
        for name, spec in (schema.get("properties") or {}).items()
    }


def schema_form_class(schema: dict) -> type[forms.Form]:
    """A form class with the schema's fields (use a prefix so its names cannot clash)."""
    return type("SchemaForm", (forms.Form,), schema_fields(schema))


def _json_value(value):
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def answer_value(spec: dict, value):
    """A stored answer as a page shows it: a date (an ISO string in the JSON) as a date, which
    the page writes dd/mm/yyyy; anything else as it is."""
    if spec.get("format") == "date" and isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value
    return value


def form_data(schema: dict, cleaned_data: dict) -> dict:
    """The cleaned form as the JSON the schema describes (empty optional values omitted)."""
    properties = schema.get("properties") or {}
    data = {}
    for name, spec in properties.items():
        value = cleaned_data.get(name)
        if spec.get("type") == "boolean":
            data[name] = bool(value)
        elif value not in (None, ""):
            data[name] = _json_value(value)
    return data
