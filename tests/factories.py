"""Builders for test data: a small province with a commune, a department and staff."""

from decimal import Decimal

from django.contrib.auth import get_user_model

from motcua.agencies.models import Agency, StaffRole
from motcua.catalog.models import FeeItem, Field, Procedure, ProcessStep, RequiredDocument

User = get_user_model()
PASSWORD = "mat-khau-thu-nghiem"
# The tờ khai of a birth registration as a procedure's JSON Schema (online application form).
BIRTH_FORM_SCHEMA = {
    "type": "object",
    "title": "Tờ khai đăng ký khai sinh",
    "required": ["ho_ten_tre", "ngay_sinh"],
    "properties": {
        "ho_ten_tre": {"type": "string", "title": "Họ, chữ đệm, tên của trẻ"},
        "ngay_sinh": {"type": "string", "format": "date", "title": "Ngày sinh"},
        "ho_ten_me": {"type": "string", "title": "Họ tên mẹ", "x-prefill": "full_name"},
    },
}


def make_agency(code: str, name: str, level: str, parent: Agency | None = None, **kw) -> Agency:
    agency = Agency.objects.create(code=code, name=name, level=level, parent=parent, path="/", **kw)
    agency.path = f"{parent.path if parent else '/'}{agency.pk}/"
    agency.save(update_fields=["path"])
    return agency


def make_staff(username: str, agency: Agency, *roles: str, full_name: str = "") -> User:
    user = User.objects.create_user(
        username=username, password=PASSWORD, first_name=full_name or username
    )
    for role in roles:
        StaffRole.objects.create(user=user, agency=agency, role=role)
    return user


def make_procedure(
    code: str = "1.001193",
    name: str = "Đăng ký khai sinh",
    agencies: list[Agency] = (),
    days: str = "3",
    fees: list[tuple] = (),
    **kw,
) -> Procedure:
    field, _ = Field.objects.get_or_create(code="HT", defaults={"name": "Hộ tịch"})
    from motcua.core.text import fold

    procedure = Procedure.objects.create(
        code=code,
        name=name,
        search_text=fold(f"{code} {name}"),
        field=field,
        processing_days=Decimal(days),
        levels=["commune"],
        subjects=["individual"],
        **kw,
    )
    procedure.agencies.set(agencies)
    for i, (fee_name, amount, *how) in enumerate(fees):  # how: condition, included
        FeeItem.objects.create(
            procedure=procedure,
            name=fee_name,
            amount=amount,
            order=i,
            **dict(zip(("condition", "included"), how, strict=False)),
        )
    RequiredDocument.objects.create(procedure=procedure, name="Tờ khai đăng ký khai sinh")
    return procedure


def make_process(procedure: Procedure, agency: Agency, steps: list[tuple]) -> None:
    """steps: (name, role, unit, days)."""
    for order, (name, role, unit, days) in enumerate(steps):
        ProcessStep.objects.create(
            procedure=procedure,
            agency=agency,
            order=order,
            name=name,
            role=role,
            unit=unit,
            days=Decimal(str(days)),
        )


def make_citizen(id_number: str = "025190001234", name: str = "Phạm Thị Hồng Nhung") -> User:
    """A citizen account as the first VNeID login creates it."""
    from motcua.core.citizens import citizen_sign_in

    claims = {"sub": f"sub-{id_number}", "id_number": id_number, "name": name, "acr": "vneid-2"}
    return citizen_sign_in(claims=claims).user
