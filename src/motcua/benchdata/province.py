"""The synthetic province: ~200 agencies, ~60 fields, 2,000 procedures and who performs them.

Two-tier layout (since 1 July 2025): the province `H44`, its departments (`H44.01`…), the
public-administration service centre (`H44.30`, a one-stop desk receiving for the departments)
and 180 communes and wards (`H44.101`…). Commune procedures are offered by every commune; a
province procedure by its department and by the service centre, which hands it over.
Names, codes and figures are illustrative, not any province's published data.
"""

import itertools
import random
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from django.contrib.auth.models import User
from django.db import transaction

from motcua.agencies.models import Agency
from motcua.agencies.services import agency_create
from motcua.benchdata.writer import write_rows
from motcua.catalog.models import FeeItem, Field, Procedure, ProcessStep, RequiredDocument
from motcua.core.text import fold
from motcua.demo.seed import internal_process

PROVINCE_CODE = "H44"
CENTRE_CODE = "H44.30"
COMMUNES = 180
PROCEDURES = 2000
# About 6% of a province's procedures are performed by every commune (hộ tịch, chứng thực, cư
# trú, bảo trợ xã hội…); the rest by a department, received also by the service centre.
COMMUNE_SHARE = 0.06
DEPARTMENTS = [
    "Văn phòng Ủy ban nhân dân", "Sở Nội vụ", "Sở Tài chính", "Sở Tư pháp", "Sở Công Thương",
    "Sở Xây dựng", "Sở Nông nghiệp và Môi trường", "Sở Giáo dục và Đào tạo", "Sở Y tế",
    "Sở Khoa học và Công nghệ", "Sở Văn hóa, Thể thao và Du lịch", "Sở Dân tộc và Tôn giáo",
    "Thanh tra tỉnh", "Ban Quản lý các khu công nghiệp", "Sở Ngoại vụ",
    "Văn phòng Đăng ký đất đai", "Quỹ Phát triển đất", "Bảo hiểm xã hội tỉnh",
    "Công an tỉnh", "Cục Thuế tỉnh",
]  # fmt: skip
SYLLABLES = ["Tân", "Hưng", "Phú", "Thịnh", "An", "Hòa", "Đồng", "Xuân", "Sơn", "Minh",
             "Thanh", "Văn", "Long", "Hà", "Vĩnh", "Phong", "Lâm"]  # fmt: skip
COMMUNE_FIELDS = {
    "HT": "Hộ tịch", "CT": "Chứng thực", "CUTRU": "Đăng ký, quản lý cư trú",
    "BTXH": "Bảo trợ xã hội", "NCC": "Người có công", "HKD": "Hộ kinh doanh",
    "DDX": "Đất đai cấp xã", "XDX": "Xây dựng nhà ở riêng lẻ", "NN": "Nông nghiệp",
    "TDKT": "Thi đua, khen thưởng", "HGD": "Hòa giải ở cơ sở", "TG": "Tín ngưỡng, tôn giáo",
}  # fmt: skip
PROVINCE_FIELDS = [
    "Đất đai", "Xây dựng", "Quy hoạch", "Nhà ở", "Đăng ký doanh nghiệp", "Đầu tư",
    "Lý lịch tư pháp", "Công chứng", "Luật sư", "Giám định tư pháp", "Đấu giá tài sản",
    "Quốc tịch", "Nuôi con nuôi", "Môi trường", "Tài nguyên nước", "Khoáng sản",
    "Lâm nghiệp", "Thủy sản", "Thú y", "Trồng trọt", "Giao thông đường bộ", "Đường thủy",
    "Giáo dục", "Y tế dự phòng", "Khám chữa bệnh", "Dược phẩm", "An toàn thực phẩm",
    "Văn hóa", "Du lịch", "Thể thao", "Xuất bản", "Lao động", "Việc làm", "Giáo dục nghề nghiệp",
    "Khoa học công nghệ", "Tiêu chuẩn đo lường", "Điện lực", "Hóa chất", "Thương mại",
    "Công chức, viên chức", "Tôn giáo", "Thanh tra", "Khiếu nại, tố cáo", "Ngoại vụ",
    "Khu công nghiệp", "Bảo hiểm xã hội", "Thuế",
]  # fmt: skip
ACTIONS = ["Cấp", "Cấp lại", "Cấp đổi", "Điều chỉnh", "Gia hạn", "Đăng ký", "Xác nhận",
           "Thẩm định", "Phê duyệt", "Công nhận", "Chấp thuận", "Thông báo"]  # fmt: skip
OBJECTS = ["giấy phép", "giấy chứng nhận", "văn bản xác nhận", "quyết định", "chứng chỉ",
           "hồ sơ", "phương án", "đề án", "thông tin"]  # fmt: skip
DOCS = [
    ("Tờ khai theo mẫu", "original", False),
    ("Căn cước của người yêu cầu", "original", True),
    ("Giấy tờ chứng minh nơi cư trú", "copy", True),
    ("Bản sao giấy chứng nhận đăng ký doanh nghiệp", "copy", True),
    ("Bản vẽ, thuyết minh kỹ thuật", "original", False),
    ("Văn bản ủy quyền (nếu có)", "original", False),
]
DAYS = [Decimal(d) for d in ("0.5", "1", "3", "5", "7", "10", "15", "20", "30")]
DAY_WEIGHTS = [8, 10, 14, 16, 12, 14, 12, 8, 6]
PUBLISHED = [("Quyết định 1876/QĐ-UBND", date(2025, 8, 20)),
             ("Quyết định 2045/QĐ-UBND", date(2025, 9, 5)),
             ("Quyết định 312/QĐ-UBND", date(2026, 2, 10))]  # fmt: skip


STEP_COLUMNS = ["procedure_id", "agency_id", "order", "name", "role", "unit_id", "days"]


class Step(NamedTuple):
    """A step of an internal process, as the generator needs it."""

    role: str
    unit_id: int
    days: Decimal


@dataclass
class Offering:
    """A procedure as one agency offers it: its internal process and what a dossier needs."""

    procedure: Procedure
    agency: Agency
    steps: list[Step]
    weight: float
    fees: list[tuple[str, int]] = field(default_factory=list)
    documents: list[tuple[int, str, str, bool]] = field(default_factory=list)  # id, name, kind


@dataclass
class Province:
    """What the dossier generator needs about the province it fills."""

    root: Agency
    centre: Agency
    departments: list[Agency]
    communes: list[Agency]
    offerings: dict[int, list[Offering]]  # agency id → what it offers

    @property
    def agencies(self) -> list[Agency]:
        return [self.root, self.centre, *self.departments, *self.communes]


def _commune_names() -> list[str]:
    pairs = [f"{a} {b}" for a, b in itertools.permutations(SYLLABLES, 2)]
    return [f"{'phường' if i % 5 == 0 else 'xã'} {name}" for i, name in enumerate(pairs)]


@transaction.atomic
def build_agencies(
    actor: User, communes: int = COMMUNES
) -> tuple[Agency, Agency, list[Agency], list[Agency]]:
    """The agency tree, through the agencies service (a couple of hundred rows)."""

    def create(code: str, name: str, level: str, **fields) -> Agency:
        return agency_create(actor=actor, code=code, name=name, level=level, **fields)

    root = create(PROVINCE_CODE, "Ủy ban nhân dân tỉnh Phú Thọ", "province")
    centre = create(CENTRE_CODE, "Trung tâm Phục vụ hành chính công tỉnh Phú Thọ", "department",
                    parent=root, is_one_stop=True, works_saturday_morning=True)  # fmt: skip
    departments = [
        create(f"H44.{i + 1:02d}", f"{name} tỉnh Phú Thọ", "department", parent=root)
        for i, name in enumerate(DEPARTMENTS)
    ]
    units = [
        create(f"H44.{101 + i}", f"Ủy ban nhân dân {name}", "commune", parent=root,
               is_one_stop=True)
        for i, name in enumerate(_commune_names()[:communes])
    ]  # fmt: skip
    return root, centre, departments, units


def _fields() -> tuple[list[Field], list[Field]]:
    commune = [Field(code=code, name=name) for code, name in COMMUNE_FIELDS.items()]
    province = [Field(code=f"F{i + 1:02d}", name=name) for i, name in enumerate(PROVINCE_FIELDS)]
    Field.objects.bulk_create(commune + province)
    return list(Field.objects.filter(code__in=COMMUNE_FIELDS)), list(
        Field.objects.exclude(code__in=COMMUNE_FIELDS)
    )


def _procedure(rng: random.Random, index: int, field_: Field, level: str) -> Procedure:
    name = f"{rng.choice(ACTIONS)} {rng.choice(OBJECTS)} về {field_.name.lower()}"
    code = f"{1 + index % 2}.{900000 + index:06d}"
    days = rng.choices(DAYS, DAY_WEIGHTS)[0]
    online = rng.choices(["full", "partial", "info"], [70, 20, 10])[0]
    decision, published = rng.choice(PUBLISHED)
    return Procedure(
        code=code,
        name=name,
        search_text=fold(f"{code} {name}"),
        field=field_,
        levels=[level],
        online_level=online,
        partial_reason="Người yêu cầu phải có mặt để đối chiếu bản chính." if online == "partial"
        else "",
        processing_days=days,
        online_processing_days=None,
        subjects=["individual"] if rng.random() < 0.7 else ["individual", "organisation"],
        steps="Nộp hồ sơ tại Bộ phận Một cửa hoặc trực tuyến; nhận kết quả theo giấy hẹn.",
        result_type=rng.choice(["Giấy phép", "Giấy chứng nhận", "Văn bản", "Quyết định"]),
        result_on_paper=rng.random() < 0.7,
        legal_basis="Nghị định 118/2025/NĐ-CP",
        publication_decision=decision,
        published_on=published,
        form_schema={},
    )  # fmt: skip


def _details(rng: random.Random, procedures: list[Procedure]) -> None:
    fees, docs = [], []
    for procedure in procedures:
        if rng.random() < 0.45:
            for order in range(rng.choice([1, 1, 2])):
                amount = rng.choice([10, 20, 50, 100, 200, 500]) * 1000
                fees.append(FeeItem(procedure=procedure, name=("Lệ phí", "Phí thẩm định")[order],
                                    amount=amount, order=order))  # fmt: skip
        for order, (name, kind, national) in enumerate(rng.sample(DOCS[1:], rng.randint(0, 3))):
            docs.append(RequiredDocument(procedure=procedure, name=name, kind=kind,
                                         from_national_data=national, order=order + 1))  # fmt: skip
        docs.append(RequiredDocument(procedure=procedure, name=DOCS[0][0], order=0))
    FeeItem.objects.bulk_create(fees, batch_size=2000)
    RequiredDocument.objects.bulk_create(docs, batch_size=2000)


@transaction.atomic
def build_catalogue(
    rng: random.Random, root, centre, departments, communes, count: int = PROCEDURES
) -> Province:
    """`count` procedures with fees, documents, agencies and internal processes (bulk inserts)."""
    commune_fields, province_fields = _fields()
    procedures, performer = [], {}
    for index in range(count):
        if index < max(1, round(count * COMMUNE_SHARE)):
            field_ = commune_fields[index % len(commune_fields)]
            procedure = _procedure(rng, index, field_, "commune")
        else:
            field_ = province_fields[index % len(province_fields)]
            procedure = _procedure(rng, index, field_, "province")
            performer[procedure.code] = departments[index % len(departments)]
        procedures.append(procedure)
    Procedure.objects.bulk_create(procedures, batch_size=1000)
    procedures = list(Procedure.objects.order_by("code"))
    _details(rng, procedures)
    fees = _by_procedure(FeeItem.objects.values_list("procedure_id", "name", "amount"))
    documents = _by_procedure(
        RequiredDocument.objects.values_list("procedure_id", "id", "name", "kind",
                                             "from_national_data")
    )  # fmt: skip
    links, steps, offerings = [], [], {}
    for rank, procedure in enumerate(rng.sample(procedures, len(procedures))):
        weight = 1 / (rank + 1) ** 0.8  # a few procedures take most dossiers
        dept = performer.get(procedure.code)
        pairs = [(c, c) for c in communes] if dept is None else [(dept, dept), (centre, dept)]
        for desk, unit in pairs:
            links.append((procedure.pk, desk.pk))
            process = []
            for order, s in enumerate(internal_process(procedure.processing_days, desk, unit)):
                process.append(Step(s["role"], s["unit"].pk, s["days"]))
                steps.append((procedure.pk, desk.pk, order, s["name"], s["role"], s["unit"].pk,
                              s["days"]))  # fmt: skip
            offerings.setdefault(desk.pk, []).append(
                Offering(procedure, desk, process, weight, fees.get(procedure.pk, []),
                         documents.get(procedure.pk, []))
            )  # fmt: skip
    write_rows(Procedure.agencies.through, ["procedure_id", "agency_id"], links)
    write_rows(ProcessStep, STEP_COLUMNS, steps)
    return Province(root, centre, departments, communes, offerings)


def _by_procedure(rows) -> dict[int, list[tuple]]:
    grouped: dict[int, list[tuple]] = {}
    for procedure_id, *rest in rows:
        grouped.setdefault(procedure_id, []).append(tuple(rest))
    return grouped
