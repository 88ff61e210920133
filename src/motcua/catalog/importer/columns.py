"""The workbook's sheets and columns, and the words each column accepts."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from motcua.core.text import fold


@dataclass(frozen=True)
class Column:
    """A column of a sheet: its key, its Vietnamese header, and what the template says of it."""

    key: str
    title: str
    required: bool = False
    example: Any = ""
    help: str = ""


@dataclass(frozen=True)
class Sheet:
    name: str
    columns: tuple[Column, ...]


C = Column
# fmt: off


PROCEDURES = Sheet("ThuTuc", (
    C("code", "Mã thủ tục", True, "1.004884", "Mã trên CSDL quốc gia về TTHC."),
    C("name", "Tên thủ tục", True, "Đăng ký lại khai sinh", "Tên như quyết định công bố."),
    C("field_code", "Mã lĩnh vực", True, "HT", "Tối đa 32 ký tự."),
    C("field_name", "Tên lĩnh vực", False, "Hộ tịch", "Dùng khi lĩnh vực chưa có."),
    C("levels", "Cấp thực hiện", True, "xã",
      "Một hoặc nhiều, cách nhau bởi dấu phẩy: tỉnh, huyện, xã."),
    C("online_level", "Mức độ trực tuyến", False, "toàn trình",
      "toàn trình (mặc định), một phần, thông tin."),
    C("partial_reason", "Lý do trực tuyến một phần", False, "",
      "Bắt buộc khi mức độ là một phần (Nghị định 224/2026)."),
    C("processing_days", "Thời hạn giải quyết (ngày làm việc)", True, 5,
      "Số ngày làm việc, có thể lẻ: 0,5 hoặc 0.5."),
    C("online_processing_days", "Thời hạn khi nộp trực tuyến (ngày làm việc)", False, "",
      "Để trống nếu như nộp trực tiếp; không dài hơn thời hạn giải quyết."),
    C("subjects", "Đối tượng thực hiện", False, "cá nhân", "cá nhân, tổ chức."),
    C("result_type", "Kết quả thực hiện", False, "Giấy khai sinh", "Ví dụ: Giấy phép."),
    C("result_on_paper", "Kết quả bản giấy", False, "có",
      "có (mặc định) hoặc không (chỉ trả kết quả điện tử)."),
    C("legal_basis", "Căn cứ pháp lý", False, "Luật Hộ tịch năm 2014; Nghị định 123/2015/NĐ-CP",
      "Các văn bản, mỗi văn bản một dòng."),
    C("publication_decision", "Quyết định công bố", False, "Quyết định 1024/QĐ-UBND",
      "Số, ký hiệu quyết định công bố thủ tục."),
    C("published_on", "Ngày công bố", False, date(2025, 3, 15),
      "Ngày ban hành quyết định công bố; ô ngày hoặc dd/mm/yyyy."),
    C("effective_on", "Ngày văn bản quy định có hiệu lực", False, date(2025, 4, 1),
      "Ngày văn bản quy phạm pháp luật quy định thủ tục có hiệu lực; ô ngày hoặc dd/mm/yyyy."),
    C("national_db_published_on", "Ngày công khai trên CSDL quốc gia", False, date(2025, 3, 19),
      "Ngày thủ tục được công khai trên CSDL quốc gia về TTHC; ô ngày hoặc dd/mm/yyyy."),
    C("supplement_clock", "Thời hạn sau bổ sung", False, "tiếp tục",
      "tiếp tục (mặc định: tính tiếp thời gian còn lại) hoặc tính lại (từ đầu)."),
    C("payment_pauses_clock", "Thời gian nộp phí không tính vào thời hạn", False, "không",
      "có hoặc không (mặc định)."),
    C("agencies", "Cơ quan thực hiện (mã định danh)", False, "H44.189",
      "Mã định danh các cơ quan thực hiện, cách nhau bởi dấu phẩy."),
))


FEES = Sheet("PhiLePhi", (
    C("procedure", "Mã thủ tục", True, "1.004884", "Thủ tục có trong trang ThuTuc."),
    C("name", "Tên khoản phí, lệ phí", True, "Lệ phí đăng ký lại khai sinh"),
    C("amount", "Số tiền (đồng)", True, 5000, "Số nguyên đồng, 0 khi miễn: 50000 hoặc 50.000."),
    C("note", "Ghi chú", False, "Mức thu theo nghị quyết của HĐND tỉnh"),
    C("condition", "Điều kiện thu", False, "luôn thu",
      "luôn thu (mặc định); theo bản vượt: số tiền cho mỗi bản sau số bản đã gồm (ví dụ «Phí "
      "cấp từ Phiếu thứ 3 trở đi»); khi chọn: chỉ thu khi cán bộ chọn (dịch vụ, khoản tùy chọn)."),
    C("included", "Số bản đã gồm", False, "",
      "Chỉ với điều kiện theo bản vượt: số bản không thu khoản này, ví dụ 2 khi thu từ Phiếu "
      "thứ 3; mặc định 0."),
))


DOCUMENTS = Sheet("ThanhPhanHoSo", (
    C("procedure", "Mã thủ tục", True, "1.004884", "Thủ tục có trong trang ThuTuc."),
    C("name", "Tên giấy tờ", True, "Tờ khai đăng ký lại khai sinh"),
    C("kind", "Loại bản", False, "bản chính", "bản chính (mặc định) hoặc bản sao."),
    C("count", "Số lượng", False, 1, "Từ 1 đến 100, mặc định 1."),
    C("template", "Mẫu đơn, tờ khai", False, "Mẫu tờ khai đăng ký lại khai sinh",
      "Tên hoặc số hiệu mẫu."),
    C("from_national_data", "Khai thác từ CSDL quốc gia", False, "không",
      "có: không yêu cầu người dân nộp lại; không (mặc định)."),
))


PROCESSES = Sheet("QuyTrinh", (
    C("procedure", "Mã thủ tục", True, "1.004884",
      "Thủ tục có trong trang ThuTuc hoặc đã có trong danh mục."),
    C("agency", "Mã cơ quan thực hiện", True, "H44.189",
      "Cơ quan có quy trình này; phải là cơ quan thực hiện thủ tục."),
    C("order", "Thứ tự bước", True, 1, "1, 2, 3... không trùng trong một quy trình."),
    C("name", "Tên bước", True, "Tiếp nhận, kiểm tra hồ sơ"),
    C("role", "Vai trò thực hiện", True, "tiếp nhận",
      "tiếp nhận, chuyên viên, lãnh đạo, văn thư."),
    C("unit", "Mã đơn vị thực hiện bước", False, "H44.189",
      "Đơn vị làm bước này; mặc định là cơ quan thực hiện."),
    C("days", "Thời gian (ngày làm việc)", True, 0.25,
      "Tổng các bước không vượt thời hạn giải quyết."),
))
# fmt: on


SHEETS = (PROCEDURES, FEES, DOCUMENTS, PROCESSES)


HELP_SHEET = "HuongDan"


class _Choices(dict):
    """Folded spelling → canonical value; `hint` names the accepted Vietnamese spellings."""

    def __init__(self, mapping: dict[str, list[str]]):
        super().__init__(
            (fold(spelling), value)
            for value, spellings in mapping.items()
            for spelling in (value, *spellings)
        )
        self.hint = ", ".join(spellings[0] for spellings in mapping.values())
        self.hint += f" (hoặc {', '.join(mapping)})"


LEVELS = _Choices(
    {
        "province": ["tỉnh", "cấp tỉnh", "thành phố", "cấp thành phố"],
        "district": ["huyện", "cấp huyện"],
        "commune": ["xã", "cấp xã", "phường", "đặc khu"],
    }
)


ONLINE_LEVELS = _Choices(
    {
        "full": ["toàn trình", "trực tuyến toàn trình"],
        "partial": ["một phần", "trực tuyến một phần"],
        "info": ["thông tin", "cung cấp thông tin"],
    }
)


SUBJECTS = _Choices(
    {
        "individual": ["cá nhân", "công dân"],
        "organisation": ["tổ chức", "organization", "doanh nghiệp"],
    }
)


SUPPLEMENT_CLOCKS = _Choices(
    {
        "resume": ["tiếp tục", "tiếp tục tính thời gian còn lại"],
        "restart": ["tính lại", "tính lại từ đầu"],
    }
)


FEE_CONDITIONS = _Choices(
    {
        "always": ["luôn thu", "luôn", "bắt buộc"],
        "per_extra_copy": ["theo bản vượt", "mỗi bản vượt", "theo số bản"],
        "chosen": ["khi chọn", "khi được chọn", "tùy chọn"],
    }
)


KINDS = _Choices({"original": ["bản chính"], "copy": ["bản sao", "bản sao chứng thực"]})


ROLES = _Choices(
    {
        "receiver": ["tiếp nhận", "cán bộ tiếp nhận", "một cửa"],
        "specialist": ["chuyên viên", "chuyên viên thụ lý", "thụ lý"],
        "approver": ["lãnh đạo", "lãnh đạo phê duyệt", "phê duyệt"],
        "clerk": ["văn thư"],
        "admin": ["quản trị"],
        "auditor": ["thanh tra", "thanh tra, kiểm tra", "kiểm tra"],
    }
)
