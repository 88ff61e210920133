"""The procedure catalogue over HTTP: public reading and search, admin writes, processes."""

from decimal import Decimal

import pytest

from motcua.catalog.models import Field, Procedure, ProcessStep
from tests.factories import make_procedure, make_staff

URL = "/api/v1/procedures/"
FORM_SCHEMA = {
    "type": "object",
    "properties": {
        "ho_ten_chong": {"type": "string", "minLength": 1},
        "ngay_sinh_chong": {"type": "string", "format": "date"},
    },
    "required": ["ho_ten_chong"],
}


def new_procedure(code: str = "1.000894", **extra) -> dict:
    return {
        "code": code,
        "name": "Đăng ký kết hôn",
        "field": "HT",
        "field_name": "Hộ tịch",
        "levels": ["commune"],
        "online_level": "full",
        "processing_days": "5",
        "subjects": ["individual"],
        "fees": [{"name": "Lệ phí đăng ký", "amount": 0}, {"name": "Phí bản sao", "amount": 8000}],
        "required_documents": [
            {"name": "Tờ khai đăng ký kết hôn", "kind": "original", "count": 1},
            {"name": "Giấy xác nhận tình trạng hôn nhân", "kind": "copy", "count": 2},
        ],
        "form_schema": FORM_SCHEMA,
        "agencies": ["H44.189", "H44.190"],
        **extra,
    }


def process_url(code: str = "1.001193", agency: str | None = "H44.189") -> str:
    query = f"?agency={agency}" if agency is not None else ""
    return f"{URL}{code}/process/{query}"


# Reading and searching: open to everyone.


def test_anonymous_lists_and_reads_procedures(api, procedure):
    client = api()

    listed = client.get(URL)
    detail = client.get(f"{URL}1.001193/")

    assert listed.status_code == 200
    assert [p["code"] for p in listed.json()["results"]] == ["1.001193"]
    assert detail.status_code == 200
    body = detail.json()
    assert body["name"] == "Đăng ký khai sinh"
    assert body["field"] == "HT"
    assert body["online_level"] == "full"
    assert Decimal(body["processing_days"]) == 3
    assert body["fees"] == [
        {"name": "Lệ phí", "amount": 8000, "note": "", "condition": "always", "included": 0}
    ]
    assert [d["name"] for d in body["required_documents"]] == ["Tờ khai đăng ký khai sinh"]
    assert sorted(body["agencies"]) == ["H44.189", "H44.190"]


def test_unknown_procedure_is_404(api, procedure):
    response = api().get(f"{URL}9.999999/")

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


@pytest.mark.parametrize(
    "q",
    [
        "dang ky khai sinh",
        "KHAI SINH",
        "Đăng ký khai sinh",
        "ĐĂNG KÝ KHAI SINH",
        "khai",
        "1.001193",
        "001193",
    ],
)
def test_search_ignores_diacritics_and_case_and_finds_codes(api, procedure, q):
    make_procedure(code="1.000894", name="Đăng ký kết hôn")

    response = api().get(URL, {"q": q})

    assert response.status_code == 200
    assert [p["code"] for p in response.json()["results"]] == ["1.001193"]


def test_search_without_a_match_is_empty_and_blank_query_lists_all(api, procedure):
    make_procedure(code="1.000894", name="Đăng ký kết hôn")
    client = api()

    nothing = client.get(URL, {"q": "khai tử"})
    everything = client.get(URL, {"q": "  "})
    both = client.get(URL, {"q": "dang ky"})

    assert nothing.json()["results"] == []
    assert {p["code"] for p in everything.json()["results"]} == {"1.001193", "1.000894"}
    assert {p["code"] for p in both.json()["results"]} == {"1.001193", "1.000894"}


def test_inactive_procedures_are_not_listed(api, procedure):
    make_procedure(code="1.000894", name="Đăng ký kết hôn", is_active=False)

    response = api().get(URL, {"q": "dang ky"})

    assert [p["code"] for p in response.json()["results"]] == ["1.001193"]


# Writing: administrators only.


def test_admin_creates_a_procedure_with_everything(api, admin_user, commune, other_commune):
    response = api(admin_user).post(URL, new_procedure(), format="json")

    assert response.status_code == 201, response.json()
    procedure = Procedure.objects.get(code="1.000894")
    assert procedure.field.name == "Hộ tịch"
    assert procedure.processing_days == Decimal(5)
    assert [(f.name, f.amount) for f in procedure.fees.all()] == [
        ("Lệ phí đăng ký", 0),
        ("Phí bản sao", 8000),
    ]
    assert [(d.name, d.kind, d.count) for d in procedure.required_documents.all()] == [
        ("Tờ khai đăng ký kết hôn", "original", 1),
        ("Giấy xác nhận tình trạng hôn nhân", "copy", 2),
    ]
    assert sorted(procedure.agencies.values_list("code", flat=True)) == ["H44.189", "H44.190"]
    assert procedure.form_schema == FORM_SCHEMA
    body = api().get(f"{URL}1.000894/").json()
    assert body["form_schema"] == FORM_SCHEMA
    assert body["fees"][1] == {
        "name": "Phí bản sao",
        "amount": 8000,
        "note": "",
        "condition": "always",
        "included": 0,
    }
    # The new procedure is searchable at once.
    found = api().get(URL, {"q": "ket hon"}).json()["results"]
    assert [p["code"] for p in found] == ["1.000894"]


def test_creating_an_existing_code_is_409_and_changes_nothing(api, admin_user, procedure):
    response = api(admin_user).post(URL, new_procedure(code="1.001193"), format="json")

    assert response.status_code == 409
    procedure.refresh_from_db()
    assert procedure.name == "Đăng ký khai sinh"
    assert procedure.fees.count() == 1


def test_put_replaces_the_whole_procedure(api, admin_user, procedure, department):
    procedure.partial_reason = "lý do cũ"
    procedure.legal_basis = "Luật Hộ tịch 2014"
    procedure.save()
    body = new_procedure(
        code="ignored-in-body",
        name="Đăng ký khai sinh (sửa)",
        processing_days="2",
        fees=[{"name": "Lệ phí mới", "amount": 5000}],
        required_documents=[{"name": "Giấy chứng sinh", "kind": "copy", "count": 1}],
        agencies=["H44.17"],
        form_schema={"type": "object"},
    )

    response = api(admin_user).put(f"{URL}1.001193/", body, format="json")

    assert response.status_code == 200, response.json()
    procedure.refresh_from_db()
    assert procedure.name == "Đăng ký khai sinh (sửa)"
    assert procedure.processing_days == Decimal(2)
    assert [(f.name, f.amount) for f in procedure.fees.all()] == [("Lệ phí mới", 5000)]
    assert [d.name for d in procedure.required_documents.all()] == ["Giấy chứng sinh"]
    assert list(procedure.agencies.values_list("code", flat=True)) == ["H44.17"]
    assert procedure.form_schema == {"type": "object"}
    # What the replacement leaves out goes back to its default.
    assert (procedure.partial_reason, procedure.legal_basis) == ("", "")
    assert not Procedure.objects.filter(code="ignored-in-body").exists()
    assert api().get(URL, {"q": "sua"}).json()["results"][0]["code"] == "1.001193"


def test_put_of_an_unknown_code_is_404(api, admin_user, commune, other_commune):
    response = api(admin_user).put(f"{URL}9.999999/", new_procedure(), format="json")

    assert response.status_code == 404
    assert not Procedure.objects.filter(code="9.999999").exists()


def test_partial_online_level_needs_a_reason(api, admin_user, commune, other_commune):
    client = api(admin_user)

    refused = client.post(URL, new_procedure(online_level="partial"), format="json")
    accepted = client.post(
        URL,
        new_procedure(
            online_level="partial",
            partial_reason="Hai bên nam nữ phải có mặt khi đăng ký (Luật Hộ tịch, Điều 18).",
        ),
        format="json",
    )

    assert refused.status_code == 422
    assert "partial_reason" in refused.json()["fields"]
    assert accepted.status_code == 201


def test_put_to_partial_without_reason_is_422(api, admin_user, procedure):
    body = new_procedure(online_level="partial", agencies=["H44.189"])

    response = api(admin_user).put(f"{URL}1.001193/", body, format="json")

    assert response.status_code == 422
    procedure.refresh_from_db()
    assert procedure.online_level == "full"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"form_schema": {"type": "not-a-type"}}, "form_schema"),
        ({"form_schema": {"properties": {"x": {"minLength": -1}}}}, "form_schema"),
        ({"form_schema": ["type", "object"]}, "form_schema"),
        ({"agencies": ["H44.189", "H99.999"]}, "agencies"),
        ({"fees": [{"name": "Lệ phí", "amount": -1}]}, "fees"),
        ({"fees": [{"name": "Lệ phí", "amount": "nhiều"}]}, "fees"),
        ({"required_documents": [{"name": "Tờ khai", "kind": "photo"}]}, "required_documents"),
        ({"required_documents": [{"name": "Tờ khai", "count": 0}]}, "required_documents"),
        ({"online_level": "level4"}, "online_level"),
        ({"processing_days": "-1"}, "processing_days"),
        ({"online_processing_days": "-1"}, "online_processing_days"),
        ({"proactive_level": 5}, "proactive_level"),
        ({"code": "mã có dấu"}, "code"),
        ({"name": ""}, "name"),
    ],
)
def test_invalid_procedure_is_400(api, admin_user, commune, other_commune, change, field):
    response = api(admin_user).post(URL, new_procedure(**change), format="json")

    assert response.status_code == 400
    assert field in response.json()["fields"]
    assert not Procedure.objects.exists()
    assert not Field.objects.exists()


def test_non_admin_cannot_write_the_catalogue(api, receiver, procedure):
    client = api(receiver)

    created = client.post(URL, new_procedure(field="MOI"), format="json")
    replaced = client.put(f"{URL}1.001193/", new_procedure(name="Đổi"), format="json")

    assert created.status_code == 403
    assert replaced.status_code == 403
    assert not Procedure.objects.filter(code="1.000894").exists()
    assert not Field.objects.filter(code="MOI").exists()
    procedure.refresh_from_db()
    assert procedure.name == "Đăng ký khai sinh"


def test_anonymous_cannot_write_the_catalogue(api, procedure):
    client = api()

    assert client.post(URL, new_procedure(), format="json").status_code == 401
    assert client.put(f"{URL}1.001193/", new_procedure(), format="json").status_code == 401


# The internal process of a procedure at one agency.


def test_anyone_reads_the_process_of_an_agency(api, procedure):
    response = api().get(process_url())

    assert response.status_code == 200
    assert [(s["name"], s["role"], s["unit"], Decimal(s["days"])) for s in response.json()] == [
        ("Tiếp nhận hồ sơ", "receiver", "H44.189", Decimal("0.5")),
        ("Thẩm định", "specialist", "H44.189", Decimal("1.5")),
        ("Phê duyệt", "approver", "H44.189", Decimal("0.5")),
    ]
    assert api().get(process_url(agency="H44.190")).json() == []


def test_admin_replaces_a_process(api, admin_user, procedure, department):
    steps = [
        {"name": "Tiếp nhận", "role": "receiver", "unit": "H44.189", "days": "0.5"},
        {"name": "Xác minh", "role": "specialist", "unit": "H44.17", "days": "2"},
        {"name": "Trả kết quả", "role": "clerk", "unit": "H44.189", "days": "0.5"},
    ]

    response = api(admin_user).put(process_url(), steps, format="json")

    assert response.status_code == 200, response.json()
    assert [s["name"] for s in response.json()] == ["Tiếp nhận", "Xác minh", "Trả kết quả"]
    stored = ProcessStep.objects.filter(procedure=procedure, agency__code="H44.189")
    assert [(s.order, s.name, s.role, s.unit.code, s.days) for s in stored] == [
        (0, "Tiếp nhận", "receiver", "H44.189", Decimal("0.5")),
        (1, "Xác minh", "specialist", "H44.17", Decimal(2)),
        (2, "Trả kết quả", "clerk", "H44.189", Decimal("0.5")),
    ]


def test_process_longer_than_the_procedure_is_422(api, admin_user, procedure):
    steps = [
        {"name": "Tiếp nhận", "role": "receiver", "unit": "H44.189", "days": "1"},
        {"name": "Thẩm định", "role": "specialist", "unit": "H44.189", "days": "2.5"},
    ]

    response = api(admin_user).put(process_url(), steps, format="json")

    assert response.status_code == 422
    assert response.json()["code"] == "process_too_long"
    assert ProcessStep.objects.filter(procedure=procedure).count() == 3


def test_process_exactly_as_long_as_the_procedure_is_accepted(api, admin_user, procedure):
    steps = [{"name": "Toàn bộ", "role": "specialist", "unit": "H44.189", "days": "3"}]

    assert api(admin_user).put(process_url(), steps, format="json").status_code == 200


def test_process_needs_the_agency_parameter(api, admin_user, procedure):
    client = api(admin_user)

    read = client.get(process_url(agency=None))
    write = client.put(process_url(agency=None), [], format="json")

    assert read.status_code == 422
    assert write.status_code == 422
    assert "agency" in read.json()["fields"]
    assert ProcessStep.objects.filter(procedure=procedure).count() == 3


def test_process_of_an_unknown_agency_or_procedure(api, admin_user, procedure):
    client = api(admin_user)

    assert client.get(process_url(agency="H99.999")).status_code == 422
    assert client.get(process_url(code="9.999999")).status_code == 404


def test_process_at_an_agency_not_performing_the_procedure_is_422(api, admin_user, procedure):
    steps = [{"name": "Thụ lý", "role": "specialist", "unit": "H44", "days": "1"}]

    response = api(admin_user).put(process_url(agency="H44"), steps, format="json")

    assert response.status_code == 422
    assert not ProcessStep.objects.filter(agency__code="H44").exists()


@pytest.mark.parametrize(
    ("step", "field"),
    [
        ({"role": "director"}, "role"),
        ({"unit": "H99.999"}, "unit"),
        ({"days": "-0.5"}, "days"),
        ({"days": "nửa ngày"}, "days"),
        ({"name": ""}, "name"),
    ],
)
def test_invalid_step_is_400_with_its_index(api, admin_user, procedure, step, field):
    steps = [
        {"name": "Tiếp nhận", "role": "receiver", "unit": "H44.189", "days": "0.5"},
        {"name": "Thẩm định", "role": "specialist", "unit": "H44.189", "days": "1", **step},
    ]

    response = api(admin_user).put(process_url(), steps, format="json")

    assert response.status_code == 400
    assert field in response.json()["fields"]["1"]
    assert "0" not in response.json()["fields"]
    assert ProcessStep.objects.filter(procedure=procedure).count() == 3


def test_only_admins_of_the_agency_change_its_process(api, receiver, procedure, other_commune):
    other_admin = make_staff("quantri2", other_commune, "admin")
    steps = [{"name": "Thụ lý", "role": "specialist", "unit": "H44.189", "days": "1"}]

    by_receiver = api(receiver).put(process_url(), steps, format="json")
    by_other_admin = api(other_admin).put(process_url(), steps, format="json")
    by_anonymous = api().put(process_url(), steps, format="json")

    assert by_receiver.status_code == 403
    assert by_other_admin.status_code == 403
    assert by_anonymous.status_code == 401
    assert ProcessStep.objects.filter(procedure=procedure).count() == 3
