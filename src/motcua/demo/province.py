"""The demo province as data: Phú Thọ (H44) as it stands since 1 July 2025, its staff and catalogue.

Two tiers (DOMAIN.md, the demo province): the province with four departments, a land
registration office carrying a legacy-form code (`000.23.22.H44`, a unit of `H44.22`) and the
provincial public-administration service centre (one-stop desk); fifteen communes and wards
directly under the province, each with its one-stop desk. The five districts (huyện, thị xã,
thành phố) dissolved on 1 July 2025 are kept as records only (`level: district`, valid until 30
June 2025, no staff, nothing filed with them); the wards and communes named after their seats
took over their procedures and keep their staff's usernames (`tiepnhan.vietri`).
Procedure codes are the national ones where known; the others are illustrative codes in the same
format. Fees, decisions and dates are realistic demo values, not the province's published data.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

PROVINCE_CODE = "H44"
PROVINCE_NAME = "Ủy ban nhân dân tỉnh Phú Thọ"
PROVINCE_PLACE = "Phú Thọ"
TWO_TIERS_FROM = date(2025, 7, 1)  # Nghị quyết 202/2025/QH15: districts dissolved
ONE_STOP_CODE = "H44.30"
LAND_OFFICE_CODE = "000.23.22.H44"


@dataclass(frozen=True)
class Unit:
    """An agency of the demo: code, name, level, and the slug its staff usernames end with."""

    code: str
    name: str
    level: str
    slug: str
    parent: str | None = PROVINCE_CODE
    is_one_stop: bool = False
    works_saturday_morning: bool = False
    roles: tuple[str, ...] = ("receiver", "specialist", "approver", "clerk")
    place: str = PROVINCE_PLACE  # địa danh on what it issues
    valid_to: date | None = None
    merged_into: str | None = None


def _former_district(code: str, name: str, slug: str, successor: str) -> Unit:
    """A district dissolved on 1 July 2025: a record for old dossiers and statistics only."""
    return Unit(code, name, "district", slug, roles=(), valid_to=TWO_TIERS_FROM - timedelta(1),
                merged_into=successor)  # fmt: skip


def _commune(number: str, name: str, slug: str, place: str) -> Unit:
    """A commune or ward directly under the province, with its one-stop desk."""
    code = f"{PROVINCE_CODE}.{number}"
    return Unit(code, name, "commune", slug, is_one_stop=True, place=place)


DEPARTMENTS = {
    "tai-chinh": Unit("H44.12", "Sở Tài chính tỉnh Phú Thọ", "department", "sotaichinh"),
    "tu-phap": Unit("H44.17", "Sở Tư pháp tỉnh Phú Thọ", "department", "sotuphap"),
    "xay-dung": Unit("H44.18", "Sở Xây dựng tỉnh Phú Thọ", "department", "soxaydung"),
    "nn-mt": Unit("H44.22", "Sở Nông nghiệp và Môi trường tỉnh Phú Thọ", "department", "sonnmt"),
}
LAND_OFFICE = Unit(
    LAND_OFFICE_CODE, "Văn phòng Đăng ký đất đai tỉnh Phú Thọ", "department", "vpdkdd",
    parent="H44.22",
)  # fmt: skip
ONE_STOP = Unit(
    ONE_STOP_CODE,
    "Trung tâm Phục vụ hành chính công tỉnh Phú Thọ",
    "department",
    "hcc",
    is_one_stop=True,
    works_saturday_morning=True,
    roles=("receiver",),
)
COMMUNES = [
    _commune("148", "Ủy ban nhân dân phường Việt Trì", "vietri", "Việt Trì"),
    _commune("151", "Ủy ban nhân dân phường Gia Cẩm", "giacam", "Gia Cẩm"),
    _commune("189", "Ủy ban nhân dân xã Hy Cương", "hycuong", "Hy Cương"),
    _commune("205", "Ủy ban nhân dân phường Phú Thọ", "phutho", "Phú Thọ"),
    _commune("215", "Ủy ban nhân dân phường Hùng Vương", "hungvuong", "Hùng Vương"),
    _commune("227", "Ủy ban nhân dân xã Thanh Minh", "thanhminh", "Thanh Minh"),
    _commune("301", "Ủy ban nhân dân xã Lâm Thao", "lamthao", "Lâm Thao"),
    _commune("310", "Ủy ban nhân dân xã Hùng Sơn", "hungson", "Hùng Sơn"),
    _commune("334", "Ủy ban nhân dân xã Sơn Vi", "sonvi", "Sơn Vi"),
    _commune("401", "Ủy ban nhân dân xã Thanh Sơn", "thanhson", "Thanh Sơn"),
    _commune("412", "Ủy ban nhân dân xã Tất Thắng", "tatthang", "Tất Thắng"),
    _commune("436", "Ủy ban nhân dân xã Văn Miếu", "vanmieu", "Văn Miếu"),
    _commune("501", "Ủy ban nhân dân phường Vĩnh Yên", "vinhyen", "Vĩnh Yên"),
    _commune("521", "Ủy ban nhân dân phường Liên Bảo", "lienbao", "Liên Bảo"),
    _commune("545", "Ủy ban nhân dân xã Thanh Trù", "thanhtru", "Thanh Trù"),
]
FORMER_DISTRICTS = [
    _former_district("H44.05", "Ủy ban nhân dân thành phố Việt Trì", "cu-vietri", "H44.148"),
    _former_district("H44.06", "Ủy ban nhân dân thị xã Phú Thọ", "cu-phutho", "H44.205"),
    _former_district("H44.07", "Ủy ban nhân dân huyện Lâm Thao", "cu-lamthao", "H44.301"),
    _former_district("H44.08", "Ủy ban nhân dân huyện Thanh Sơn", "cu-thanhson", "H44.401"),
    _former_district("H44.09", "Ủy ban nhân dân thành phố Vĩnh Yên", "cu-vinhyen", "H44.501"),
]
# Created in this order (parents and successors first).
UNITS = [ONE_STOP, *DEPARTMENTS.values(), LAND_OFFICE, *COMMUNES, *FORMER_DISTRICTS]

# Username prefix of each role (`tiepnhan.vietri`); the province has `quantri` and `thanhtra`.
ROLE_PREFIXES = {
    "receiver": "tiepnhan",
    "specialist": "chuyenvien",
    "approver": "lanhdao",
    "clerk": "vanthu",
}
ADMIN_ACCOUNT = "quantri"
AUDITOR_ACCOUNTS = [("thanhtra", PROVINCE_CODE), ("giamsat.hcc", ONE_STOP_CODE)]
ROLE_NAMES = {
    "admin": "quản trị hệ thống",
    "auditor": "thanh tra, giám sát (chỉ xem)",
    "receiver": "tiếp nhận hồ sơ",
    "specialist": "chuyên viên thụ lý",
    "approver": "lãnh đạo phê duyệt",
    "clerk": "văn thư",
}


def staff_accounts() -> list[tuple[str, str, str]]:
    """(username, role, agency code) of every demo officer after `quantri`, in creation order."""
    accounts = [(username, "auditor", code) for username, code in AUDITOR_ACCOUNTS]
    accounts += [
        (f"{ROLE_PREFIXES[role]}.{unit.slug}", role, unit.code)
        for unit in UNITS
        for role in unit.roles
    ]
    return accounts


def accounts_markdown() -> str:
    """docs/demo-accounts.md: every demo account, its role and agency."""
    names = {unit.code: unit.name for unit in UNITS} | {PROVINCE_CODE: PROVINCE_NAME}
    lines = [
        "# Tài khoản trình diễn (demo accounts)",
        "",
        "Mọi tài khoản dùng chung mật khẩu `MotCua@2026`. `admin` là quản trị Django (`/admin/`);",
        "các tài khoản khác là cán bộ của tỉnh Phú Thọ trình diễn, theo cơ quan và vai trò.",
        "Generated from `src/motcua/demo/province.py`; a test keeps the two equal.",
        "",
        "| tài khoản | vai trò | cơ quan | mã cơ quan |",
        "|---|---|---|---|",
        "| `admin` | quản trị Django | — | — |",
        f"| `{ADMIN_ACCOUNT}` | {ROLE_NAMES['admin']} | {PROVINCE_NAME} | `{PROVINCE_CODE}` |",
    ]
    for username, role, code in staff_accounts():
        lines.append(f"| `{username}` | {ROLE_NAMES[role]} | {names[code]} | `{code}` |")
    return "\n".join(lines) + "\n"


FIELDS = {
    "HT": "Hộ tịch",
    "CT": "Chứng thực",
    "CUTRU": "Đăng ký, quản lý cư trú",
    "BTXH": "Bảo trợ xã hội",
    "KNTC": "Giải quyết khiếu nại, tố cáo",
    "HKD": "Thành lập và hoạt động của hộ kinh doanh",
    "DN": "Thành lập và hoạt động của doanh nghiệp",
    "XD": "Hoạt động xây dựng",
    "DD": "Đất đai",
    "LLTP": "Lý lịch tư pháp",
    "CC": "Công chứng",
    "ATTP": "An toàn thực phẩm",
    "MT": "Môi trường",
    "TNN": "Tài nguyên nước",
    "LTHH": "Lưu thông hàng hóa trong nước",
}


@dataclass(frozen=True)
class Doc:
    """A required document: name, original or copy, how many, template, held by national data."""

    name: str
    kind: str = "original"
    count: int = 1
    template: str = ""
    national: bool = False


@dataclass(frozen=True)
class ProcedureSpec:
    """A procedure of the demo catalogue and who performs it.

    `performer`: "commune" means every commune and ward; a key of DEPARTMENTS or
    "land-office" means that agency, and the service centre also receives it (liên thông).
    `weight`: how often the demo files dossiers for it.
    """

    code: str
    name: str
    field: str
    performer: str
    days: str
    result: str
    legal: str
    decision: str
    published: date
    effective: date
    on_national_db: date
    docs: tuple[Doc, ...]
    fees: tuple[tuple, ...] = ()  # (name, amount[, note[, condition, included]])
    online: str = "full"
    reason: str = ""
    online_days: str | None = None
    subjects: tuple[str, ...] = ("individual",)
    paper: bool = True
    supplement_clock: str = "resume"
    payment_pauses: bool = False
    form: dict = field(default_factory=dict)
    weight: int = 2
    symbol: str = "QĐ"


ID_CARD = Doc("Căn cước hoặc căn cước công dân của người yêu cầu", national=True)
RESIDENCE = Doc("Giấy tờ chứng minh nơi cư trú", kind="copy", national=True)

LAW_CIVIL = "Luật Hộ tịch năm 2014\nNghị định 123/2015/NĐ-CP\nThông tư 04/2020/TT-BTP"
LAW_CERT = "Nghị định 23/2015/NĐ-CP\nThông tư 01/2020/TT-BTP\nThông tư 226/2016/TT-BTC"
LAW_RESIDENCE = "Luật Cư trú năm 2020\nNghị định 62/2021/NĐ-CP\nThông tư 55/2021/TT-BCA"
LAW_LAND = "Luật Đất đai năm 2024\nNghị định 101/2024/NĐ-CP\nNghị định 102/2024/NĐ-CP"
LAW_BUILD = "Luật Xây dựng năm 2014, sửa đổi năm 2020\nNghị định 175/2024/NĐ-CP"
LAW_BUSINESS = "Luật Doanh nghiệp năm 2020\nNghị định 168/2025/NĐ-CP\nThông tư 47/2019/TT-BTC"
LAW_HOUSEHOLD = "Nghị định 01/2021/NĐ-CP\nThông tư 02/2023/TT-BKHĐT"
LAW_RECORD = "Luật Lý lịch tư pháp năm 2009\nNghị định 111/2010/NĐ-CP\nThông tư 244/2016/TT-BTC"
LAW_SOCIAL = "Luật Người khuyết tật năm 2010\nNghị định 20/2021/NĐ-CP"
LAW_COMPLAINT = "Luật Khiếu nại năm 2011\nNghị định 124/2020/NĐ-CP"

# Publication decisions: number, date, the day their legal basis took effect, the day the
# procedures appeared on the national procedure database. Two are late, as happens: the district
# one came 4 working days before its basis took effect (5 are due), the land one reached the
# national database on the 7th working day (5 are due; 31 Aug-2 Sep are holidays).
DECISION_COMMUNE = (
    "Quyết định 512/QĐ-UBND",
    date(2026, 3, 13),
    date(2026, 4, 1),
    date(2026, 3, 17),
)
DECISION_DISTRICT = (
    "Quyết định 498/QĐ-UBND",
    date(2026, 3, 9),
    date(2026, 3, 13),
    date(2026, 3, 12),
)
DECISION_PROVINCE = (
    "Quyết định 1876/QĐ-UBND",
    date(2026, 8, 20),
    date(2026, 9, 3),
    date(2026, 8, 25),
)
DECISION_LAND = ("Quyết định 2045/QĐ-UBND", date(2026, 9, 4), date(2026, 9, 15), date(2026, 9, 15))

PARTIAL_PRESENCE = "Các bên phải có mặt để ký, điểm chỉ trước người có thẩm quyền theo quy định."
PARTIAL_ORIGINAL = "Người yêu cầu phải xuất trình bản chính để đối chiếu khi chứng thực."

BIRTH_FORM = {
    "type": "object",
    "title": "Tờ khai đăng ký khai sinh",
    "required": ["ho_ten_tre", "ngay_sinh", "gioi_tinh", "noi_sinh", "ho_ten_me"],
    "properties": {
        "ho_ten_tre": {
            "type": "string",
            "title": "Họ, chữ đệm, tên của trẻ",
            "minLength": 2,
            "examples": ["Nguyễn Minh Khang", "Trần Bảo Ngọc", "Lê Gia Huy", "Phạm Thu An"],
        },
        "ngay_sinh": {"type": "string", "format": "date", "title": "Ngày, tháng, năm sinh"},
        "gioi_tinh": {"type": "string", "title": "Giới tính", "enum": ["Nam", "Nữ"]},
        "dan_toc": {"type": "string", "title": "Dân tộc", "examples": ["Kinh", "Mường", "Dao"]},
        "noi_sinh": {
            "type": "string",
            "title": "Nơi sinh",
            "examples": ["Bệnh viện Đa khoa tỉnh Phú Thọ", "Bệnh viện Sản Nhi tỉnh Phú Thọ"],
        },
        "ho_ten_me": {
            "type": "string",
            "title": "Họ, chữ đệm, tên của mẹ",
            "examples": ["Hà Thị Lan", "Đinh Thu Trang", "Bùi Thị Hạnh"],
        },
        "ho_ten_cha": {
            "type": "string",
            "title": "Họ, chữ đệm, tên của cha",
            "examples": ["Nguyễn Văn Hùng", "Trần Đức Long", "Lê Quang Minh"],
        },
    },
}
MARITAL_FORM = {
    "type": "object",
    "title": "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân",
    "required": ["muc_dich", "tinh_trang"],
    "properties": {
        "muc_dich": {
            "type": "string",
            "title": "Mục đích sử dụng",
            "examples": ["Đăng ký kết hôn", "Bổ sung hồ sơ vay vốn", "Mua bán nhà đất"],
        },
        "tinh_trang": {
            "type": "string",
            "title": "Tình trạng hôn nhân",
            "enum": ["Chưa đăng ký kết hôn với ai", "Đã ly hôn", "Người có vợ/chồng đã chết"],
        },
    },
}
HOUSEHOLD_FORM = {
    "type": "object",
    "title": "Giấy đề nghị đăng ký hộ kinh doanh",
    "required": ["ten_ho_kinh_doanh", "nganh_nghe", "von_kinh_doanh"],
    "properties": {
        "ten_ho_kinh_doanh": {
            "type": "string",
            "title": "Tên hộ kinh doanh",
            "examples": ["Hộ kinh doanh Tạp hóa Minh Anh", "Hộ kinh doanh Phở Hùng Vương"],
        },
        "nganh_nghe": {
            "type": "string",
            "title": "Ngành, nghề kinh doanh",
            "examples": ["Bán lẻ lương thực, thực phẩm", "Dịch vụ ăn uống", "Sửa chữa xe máy"],
        },
        "von_kinh_doanh": {
            "type": "integer",
            "title": "Vốn kinh doanh (đồng)",
            "minimum": 0,
            "examples": [50000000, 100000000, 300000000],
        },
    },
}
RECORD_FORM = {
    "type": "object",
    "title": "Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp",
    "required": ["loai_phieu", "so_luong", "muc_dich"],
    "properties": {
        "loai_phieu": {"type": "string", "title": "Loại phiếu", "enum": ["Số 1", "Số 2"]},
        "so_luong": {
            "type": "integer",
            "title": "Số lượng phiếu",
            "minimum": 1,
            "maximum": 10,
            "examples": [1, 2, 3],
        },
        "muc_dich": {
            "type": "string",
            "title": "Mục đích sử dụng",
            "examples": ["Xin việc làm", "Du học", "Xuất khẩu lao động"],
        },
    },
}


def _p(*args, decision=DECISION_COMMUNE, **kw) -> ProcedureSpec:
    number, published, effective, on_national_db = decision
    return ProcedureSpec(*args, decision=number, published=published, effective=effective,
                         on_national_db=on_national_db, **kw)  # fmt: skip


# fmt: off
PROCEDURES: list[ProcedureSpec] = [
    # ---- commune: civil status, certification, residence, social protection -----------------
    _p("1.001193", "Đăng ký khai sinh", "HT", "commune", "1", "Giấy khai sinh", LAW_CIVIL,
       docs=(Doc("Tờ khai đăng ký khai sinh", template="Mẫu tờ khai đăng ký khai sinh"),
             Doc("Giấy chứng sinh"), ID_CARD),
       fees=(("Lệ phí đăng ký khai sinh đúng hạn", 0, "Miễn"),),
       form=BIRTH_FORM, weight=9, symbol="TLKS"),
    _p("1.000894", "Đăng ký kết hôn", "HT", "commune", "1", "Giấy chứng nhận kết hôn",
       LAW_CIVIL, online="partial", reason=PARTIAL_PRESENCE,
       docs=(Doc("Tờ khai đăng ký kết hôn", template="Mẫu tờ khai đăng ký kết hôn"),
             Doc("Giấy xác nhận tình trạng hôn nhân"), ID_CARD),
       fees=(("Lệ phí đăng ký kết hôn", 0, "Miễn"),), weight=5, symbol="GCNKH"),
    _p("1.000656", "Đăng ký khai tử", "HT", "commune", "1", "Trích lục khai tử", LAW_CIVIL,
       docs=(Doc("Tờ khai đăng ký khai tử", template="Mẫu tờ khai đăng ký khai tử"),
             Doc("Giấy báo tử hoặc giấy tờ thay thế giấy báo tử"), ID_CARD),
       fees=(("Lệ phí đăng ký khai tử đúng hạn", 0, "Miễn"),), weight=4, symbol="TLKT"),
    _p("1.004873", "Cấp Giấy xác nhận tình trạng hôn nhân", "HT", "commune", "3",
       "Giấy xác nhận tình trạng hôn nhân", LAW_CIVIL,
       docs=(Doc("Tờ khai cấp Giấy xác nhận tình trạng hôn nhân", template="Mẫu tờ khai"),
             ID_CARD, RESIDENCE),
       fees=(("Lệ phí cấp Giấy xác nhận tình trạng hôn nhân", 5000),), form=MARITAL_FORM,
       weight=6, symbol="XNTTHN"),
    _p("1.001022", "Đăng ký nhận cha, mẹ, con", "HT", "commune", "3",
       "Trích lục đăng ký nhận cha, mẹ, con", LAW_CIVIL, online="partial",
       reason=PARTIAL_PRESENCE,
       docs=(Doc("Tờ khai đăng ký nhận cha, mẹ, con"),
             Doc("Văn bản của cơ quan y tế xác nhận quan hệ cha, con hoặc mẹ, con"), ID_CARD),
       fees=(("Lệ phí đăng ký nhận cha, mẹ, con", 15000),), weight=1, symbol="TLNCMC"),
    _p("2.000635", "Cấp bản sao Trích lục hộ tịch", "HT", "commune", "1",
       "Bản sao Trích lục hộ tịch", LAW_CIVIL,
       docs=(Doc("Tờ khai cấp bản sao trích lục hộ tịch"), ID_CARD),
       fees=(("Phí cấp bản sao trích lục hộ tịch", 8000, "mỗi bản sao"),), paper=False,
       weight=5, symbol="BSTL"),
    _p("1.004859", "Thay đổi, cải chính, bổ sung thông tin hộ tịch", "HT", "commune", "3",
       "Trích lục thay đổi, cải chính hộ tịch", LAW_CIVIL,
       docs=(Doc("Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch"),
             Doc("Giấy tờ làm căn cứ cải chính", kind="copy"), ID_CARD),
       fees=(("Lệ phí thay đổi, cải chính hộ tịch", 15000),), weight=2, symbol="TLCC"),
    _p("1.000893", "Đăng ký giám hộ", "HT", "commune", "3", "Trích lục đăng ký giám hộ",
       LAW_CIVIL, docs=(Doc("Tờ khai đăng ký giám hộ"), Doc("Văn bản cử người giám hộ"), ID_CARD),
       fees=(("Lệ phí đăng ký giám hộ", 0, "Miễn"),), weight=1, symbol="TLGH"),
    _p("2.000908", "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền "
       "của Việt Nam cấp hoặc chứng nhận", "CT", "commune", "1", "Bản sao được chứng thực",
       LAW_CERT, online="partial", reason=PARTIAL_ORIGINAL,
       docs=(Doc("Bản chính giấy tờ, văn bản làm cơ sở chứng thực bản sao"),
             Doc("Bản sao cần chứng thực", kind="copy")),
       fees=(("Phí chứng thực bản sao từ bản chính", 2000, "mỗi trang; từ trang thứ ba 1.000 "
              "đồng/trang, tối đa 200.000 đồng/bản"),), weight=8, symbol="SCT/BS"),
    _p("2.000884", "Chứng thực chữ ký trong các giấy tờ, văn bản", "CT", "commune", "1",
       "Giấy tờ, văn bản được chứng thực chữ ký", LAW_CERT, online="partial",
       reason="Người yêu cầu phải ký trước mặt người thực hiện chứng thực (Nghị định "
       "23/2015/NĐ-CP, Điều 24).",
       docs=(Doc("Giấy tờ, văn bản mà mình sẽ ký"), ID_CARD),
       fees=(("Phí chứng thực chữ ký", 10000, "mỗi trường hợp"),), weight=4, symbol="SCT/CK"),
    _p("2.000913", "Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản", "CT",
       "commune", "2", "Hợp đồng, giao dịch được chứng thực", LAW_CERT, online="partial",
       reason=PARTIAL_PRESENCE,
       docs=(Doc("Dự thảo hợp đồng, giao dịch"),
             Doc("Giấy tờ chứng minh quyền sở hữu tài sản", kind="copy"), ID_CARD),
       fees=(("Phí chứng thực hợp đồng, giao dịch", 50000),), weight=2, symbol="SCT/HĐGD"),
    _p("1.004194", "Đăng ký thường trú", "CUTRU", "commune", "7",
       "Thông báo kết quả đăng ký thường trú", LAW_RESIDENCE,
       docs=(Doc("Tờ khai thay đổi thông tin cư trú", template="Mẫu CT01"),
             Doc("Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp", kind="copy"), ID_CARD),
       fees=(("Lệ phí đăng ký thường trú", 20000, "nộp trực tuyến: 10.000 đồng"),),
       paper=False, weight=6, symbol="TB-CT"),
    _p("1.004222", "Đăng ký tạm trú", "CUTRU", "commune", "3",
       "Thông báo kết quả đăng ký tạm trú", LAW_RESIDENCE,
       docs=(Doc("Tờ khai thay đổi thông tin cư trú", template="Mẫu CT01"),
             Doc("Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp", kind="copy")),
       fees=(("Lệ phí đăng ký tạm trú", 15000, "nộp trực tuyến: 7.000 đồng"),), paper=False,
       weight=4, symbol="TB-TT"),
    _p("1.001776", "Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng", "BTXH",
       "commune", "15", "Quyết định hưởng trợ cấp xã hội hằng tháng", LAW_SOCIAL,
       docs=(Doc("Tờ khai đề nghị trợ giúp xã hội", template="Mẫu số 1a, 1b, 1c, 1d"),
             Doc("Giấy xác nhận khuyết tật", kind="copy"), ID_CARD),
       weight=2, symbol="QĐ-UBND"),
    _p("1.001731", "Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội", "BTXH", "commune",
       "5", "Quyết định hỗ trợ chi phí mai táng", LAW_SOCIAL,
       docs=(Doc("Tờ khai đề nghị hỗ trợ chi phí mai táng"), Doc("Giấy báo tử", kind="copy")),
       weight=1, symbol="QĐ-UBND"),
    _p("2.002283", "Giải quyết khiếu nại lần đầu tại cấp xã", "KNTC", "commune", "30",
       "Quyết định giải quyết khiếu nại", LAW_COMPLAINT, online="info",
       docs=(Doc("Đơn khiếu nại"), Doc("Tài liệu, chứng cứ liên quan", kind="copy")),
       subjects=("individual", "organisation"), weight=1, symbol="QĐ-GQKN"),
    # ---- commune, district-level until 30 June 2025 (published then by DECISION_DISTRICT) ------
    _p("2.000575", "Đăng ký thành lập hộ kinh doanh", "HKD", "commune", "3",
       "Giấy chứng nhận đăng ký hộ kinh doanh", LAW_HOUSEHOLD, decision=DECISION_DISTRICT,
       docs=(Doc("Giấy đề nghị đăng ký hộ kinh doanh", template="Phụ lục III-1"), ID_CARD,
             Doc("Biên bản họp thành viên hộ gia đình (nếu có)")),
       fees=(("Lệ phí đăng ký hộ kinh doanh", 100000, "miễn khi nộp trực tuyến"),),
       form=HOUSEHOLD_FORM, weight=6, symbol="GCN-HKD"),
    _p("2.000720", "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh", "HKD", "commune", "3",
       "Giấy chứng nhận đăng ký hộ kinh doanh", LAW_HOUSEHOLD, decision=DECISION_DISTRICT,
       docs=(Doc("Thông báo thay đổi nội dung đăng ký hộ kinh doanh"),
             Doc("Giấy chứng nhận đăng ký hộ kinh doanh đã cấp")),
       fees=(("Lệ phí đăng ký thay đổi hộ kinh doanh", 50000),), weight=3, symbol="GCN-HKD"),
    _p("1.009794", "Cấp giấy phép xây dựng nhà ở riêng lẻ", "XD", "commune", "15",
       "Giấy phép xây dựng", LAW_BUILD, decision=DECISION_DISTRICT,
       docs=(Doc("Đơn đề nghị cấp giấy phép xây dựng", template="Mẫu số 01 Phụ lục II"),
             Doc("Giấy tờ hợp pháp về đất đai", kind="copy"),
             Doc("Bản vẽ thiết kế xây dựng", count=2)),
       fees=(("Lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ", 75000),), weight=5,
       symbol="GPXD"),
    _p("1.012756", "Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử "
       "dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu", "DD", "commune", "20",
       "Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất", LAW_LAND,
       decision=DECISION_DISTRICT, online="partial",
       reason="Phải nộp bản gốc giấy tờ về quyền sử dụng đất và kiểm tra hiện trạng thửa đất.",
       payment_pauses=True,
       docs=(Doc("Đơn đăng ký, cấp Giấy chứng nhận", template="Mẫu số 04/ĐK"),
             Doc("Giấy tờ về quyền sử dụng đất"), Doc("Sơ đồ nhà ở, công trình xây dựng")),
       fees=(("Lệ phí cấp Giấy chứng nhận", 100000),
             ("Phí thẩm định hồ sơ cấp Giấy chứng nhận", 500000)), weight=4, symbol="GCN"),
    _p("1.000990", "Đăng ký kết hôn có yếu tố nước ngoài", "HT", "commune", "10",
       "Giấy chứng nhận kết hôn", LAW_CIVIL, decision=DECISION_DISTRICT, online="partial",
       reason=PARTIAL_PRESENCE,
       docs=(Doc("Tờ khai đăng ký kết hôn"), Doc("Giấy xác nhận tình trạng hôn nhân"),
             Doc("Giấy xác nhận của tổ chức y tế về sức khỏe tâm thần"),
             Doc("Hộ chiếu của bên nước ngoài", kind="copy")),
       fees=(("Lệ phí đăng ký kết hôn có yếu tố nước ngoài", 1000000),), weight=1,
       symbol="GCNKH"),
    _p("1.001695", "Đăng ký khai sinh có yếu tố nước ngoài", "HT", "commune", "3",
       "Giấy khai sinh", LAW_CIVIL, decision=DECISION_DISTRICT,
       docs=(Doc("Tờ khai đăng ký khai sinh"), Doc("Giấy chứng sinh"),
             Doc("Văn bản thỏa thuận chọn quốc tịch cho con", kind="copy")),
       fees=(("Lệ phí đăng ký khai sinh có yếu tố nước ngoài", 75000),), weight=1,
       symbol="GKS"),
    _p("2.000633", "Cấp Giấy phép bán lẻ rượu", "LTHH", "commune", "10",
       "Giấy phép bán lẻ rượu", "Nghị định 105/2017/NĐ-CP\nNghị định 17/2020/NĐ-CP",
       decision=DECISION_DISTRICT, subjects=("individual", "organisation"),
       docs=(Doc("Đơn đề nghị cấp Giấy phép bán lẻ rượu", template="Mẫu số 01"),
             Doc("Giấy chứng nhận đăng ký kinh doanh", kind="copy"),
             Doc("Giấy tờ về quyền sử dụng địa điểm kinh doanh", kind="copy")),
       fees=(("Phí thẩm định cấp Giấy phép bán lẻ rượu", 1200000, "tại thành phố, thị xã"),),
       weight=2, symbol="GP-BLR"),
    # ---- province: departments, received at the service centre ---------------------------
    _p("2.000488", "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư "
       "trú tại Việt Nam", "LLTP", "tu-phap", "10", "Phiếu lý lịch tư pháp", LAW_RECORD,
       decision=DECISION_PROVINCE, online_days="9", paper=False,
       docs=(Doc("Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp", template="Mẫu số 03/2013/TT-LLTP"),
             ID_CARD, RESIDENCE),
       fees=(("Phí cung cấp thông tin lý lịch tư pháp", 200000,
              "sinh viên, người có công: 100.000 đồng"),
             ("Phí cấp từ Phiếu thứ 3 trở đi", 5000, "mỗi Phiếu", "per_extra_copy", 2)),
       form=RECORD_FORM, weight=6, symbol="LLTP"),
    _p("2.000789", "Đăng ký hành nghề và cấp Thẻ công chứng viên", "CC", "tu-phap", "10",
       "Thẻ công chứng viên", "Luật Công chứng năm 2024\nNghị định 104/2025/NĐ-CP",
       decision=DECISION_PROVINCE,
       docs=(Doc("Giấy đề nghị đăng ký hành nghề công chứng", template="Mẫu TP-CC-06"),
             Doc("Quyết định bổ nhiệm công chứng viên", kind="copy"), Doc("Ảnh 2cm x 3cm")),
       fees=(("Lệ phí cấp Thẻ công chứng viên", 100000),), weight=1, symbol="TCCV"),
    _p("2.000778", "Đăng ký hoạt động Văn phòng công chứng", "CC", "tu-phap", "10",
       "Giấy đăng ký hoạt động Văn phòng công chứng",
       "Luật Công chứng năm 2024\nNghị định 104/2025/NĐ-CP", decision=DECISION_PROVINCE,
       subjects=("organisation",),
       docs=(Doc("Đơn đăng ký hoạt động", template="Mẫu TP-CC-08"),
             Doc("Quyết định cho phép thành lập Văn phòng công chứng", kind="copy")),
       fees=(("Phí thẩm định điều kiện hoạt động Văn phòng công chứng", 1000000),), weight=1,
       symbol="ĐKHĐ"),
    _p("2.001610", "Đăng ký thành lập doanh nghiệp tư nhân", "DN", "tai-chinh", "3",
       "Giấy chứng nhận đăng ký doanh nghiệp", LAW_BUSINESS, decision=DECISION_PROVINCE,
       paper=False,
       docs=(Doc("Giấy đề nghị đăng ký doanh nghiệp tư nhân", template="Phụ lục I-1"),
             ID_CARD),
       fees=(("Lệ phí đăng ký doanh nghiệp", 50000, "miễn khi nộp trực tuyến"),
             ("Phí công bố nội dung đăng ký doanh nghiệp", 100000)), weight=3,
       symbol="GCN-ĐKDN"),
    _p("2.002038", "Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên", "DN",
       "tai-chinh", "3", "Giấy chứng nhận đăng ký doanh nghiệp", LAW_BUSINESS,
       decision=DECISION_PROVINCE, paper=False,
       docs=(Doc("Giấy đề nghị đăng ký doanh nghiệp", template="Phụ lục I-2"),
             Doc("Điều lệ công ty"), ID_CARD),
       fees=(("Lệ phí đăng ký doanh nghiệp", 50000, "miễn khi nộp trực tuyến"),
             ("Phí công bố nội dung đăng ký doanh nghiệp", 100000)), weight=3,
       symbol="GCN-ĐKDN"),
    _p("2.002041", "Đăng ký thay đổi người đại diện theo pháp luật của công ty trách nhiệm "
       "hữu hạn, công ty cổ phần", "DN", "tai-chinh", "3",
       "Giấy chứng nhận đăng ký doanh nghiệp", LAW_BUSINESS, decision=DECISION_PROVINCE,
       subjects=("organisation",), paper=False,
       docs=(Doc("Thông báo thay đổi người đại diện theo pháp luật", template="Phụ lục II-2"),
             Doc("Nghị quyết, quyết định của chủ sở hữu hoặc hội đồng thành viên")),
       fees=(("Lệ phí đăng ký doanh nghiệp", 50000, "miễn khi nộp trực tuyến"),
             ("Phí công bố nội dung đăng ký doanh nghiệp", 100000)), weight=2,
       symbol="GCN-ĐKDN"),
    _p("1.009972", "Cấp chứng chỉ hành nghề hoạt động xây dựng hạng II, hạng III", "XD",
       "xay-dung", "20", "Chứng chỉ hành nghề hoạt động xây dựng", LAW_BUILD,
       decision=DECISION_PROVINCE,
       docs=(Doc("Đơn đề nghị cấp chứng chỉ hành nghề", template="Mẫu số 01 Phụ lục IV"),
             Doc("Văn bằng được đào tạo", kind="copy"), Doc("Ảnh màu 4cm x 6cm")),
       fees=(("Lệ phí cấp chứng chỉ hành nghề", 300000),), weight=2, symbol="CCHN"),
    _p("1.009975", "Cấp giấy phép xây dựng mới đối với công trình cấp I, cấp II", "XD",
       "xay-dung", "20", "Giấy phép xây dựng", LAW_BUILD, decision=DECISION_PROVINCE,
       subjects=("organisation",),
       docs=(Doc("Đơn đề nghị cấp giấy phép xây dựng", template="Mẫu số 01 Phụ lục II"),
             Doc("Quyết định phê duyệt dự án", kind="copy"),
             Doc("Bản vẽ thiết kế xây dựng", count=2)),
       fees=(("Lệ phí cấp giấy phép xây dựng công trình", 150000),), weight=1,
       symbol="GPXD"),
    _p("1.004141", "Thẩm định báo cáo đánh giá tác động môi trường", "MT", "nn-mt", "25",
       "Quyết định phê duyệt kết quả thẩm định báo cáo đánh giá tác động môi trường",
       "Luật Bảo vệ môi trường năm 2020\nNghị định 08/2022/NĐ-CP", decision=DECISION_PROVINCE,
       online="partial",
       reason="Chủ dự án trình bày báo cáo trước hội đồng thẩm định (Luật Bảo vệ môi trường "
       "2020, Điều 34).", subjects=("organisation",),
       docs=(Doc("Văn bản đề nghị thẩm định"), Doc("Báo cáo đánh giá tác động môi trường"),
             Doc("Báo cáo nghiên cứu khả thi của dự án")),
       fees=(("Phí thẩm định báo cáo đánh giá tác động môi trường", 8000000,
              "dự án có tổng vốn đầu tư đến 50 tỷ đồng"),), weight=1, symbol="QĐ-SNNMT"),
    _p("1.004232", "Cấp giấy phép khai thác nước dưới đất với lưu lượng dưới 3.000 m³/ngày đêm",
       "TNN", "nn-mt", "23", "Giấy phép khai thác nước dưới đất",
       "Luật Tài nguyên nước năm 2023\nNghị định 54/2024/NĐ-CP", decision=DECISION_PROVINCE,
       subjects=("organisation",),
       docs=(Doc("Đơn đề nghị cấp giấy phép", template="Mẫu số 01"),
             Doc("Báo cáo kết quả thăm dò nước dưới đất"),
             Doc("Kết quả phân tích chất lượng nguồn nước")),
       fees=(("Phí thẩm định đề án khai thác nước dưới đất", 1500000),), weight=1, symbol="GP"),
    _p("2.000355", "Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm", "ATTP", "nn-mt",
       "15", "Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm",
       "Luật An toàn thực phẩm năm 2010\nNghị định 15/2018/NĐ-CP",
       decision=DECISION_PROVINCE, subjects=("individual", "organisation"),
       docs=(Doc("Đơn đề nghị cấp Giấy chứng nhận"),
             Doc("Bản thuyết minh về cơ sở vật chất, trang thiết bị"),
             Doc("Giấy xác nhận đủ sức khỏe của chủ cơ sở", kind="copy")),
       fees=(("Phí thẩm định cơ sở sản xuất, kinh doanh thực phẩm", 700000),), weight=2,
       symbol="GCN-ATTP"),
    _p("1.012790", "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với "
       "đất do chuyển nhượng, tặng cho, thừa kế", "DD", "land-office", "10",
       "Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất", LAW_LAND,
       decision=DECISION_LAND, online="partial",
       reason="Phải nộp bản gốc Giấy chứng nhận đã cấp (Nghị định 101/2024/NĐ-CP).",
       payment_pauses=True,
       docs=(Doc("Đơn đăng ký biến động đất đai", template="Mẫu số 11/ĐK"),
             Doc("Hợp đồng chuyển nhượng, tặng cho có công chứng"),
             Doc("Giấy chứng nhận đã cấp")),
       fees=(("Lệ phí cấp Giấy chứng nhận", 50000),
             ("Phí thẩm định hồ sơ đăng ký biến động", 300000)), weight=5, symbol="GCN"),
    _p("1.012801", "Cung cấp thông tin, dữ liệu đất đai", "DD", "land-office", "2",
       "Văn bản cung cấp thông tin, dữ liệu đất đai", LAW_LAND, decision=DECISION_LAND,
       paper=False, subjects=("individual", "organisation"),
       docs=(Doc("Phiếu yêu cầu cung cấp thông tin, dữ liệu đất đai", template="Mẫu số 13/ĐK"),
             ID_CARD),
       fees=(("Phí khai thác, sử dụng tài liệu đất đai", 50000, "mỗi thửa đất"),), weight=3,
       symbol="CV-VPĐK"),
]
# fmt: on
