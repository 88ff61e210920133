"""Vietnamese names, identity numbers and addresses for demo staff and applicants."""

import random
from dataclasses import dataclass

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đỗ", "Bùi", "Đặng", "Ngô", "Dương",
          "Đinh", "Hà", "Tạ", "Lương", "Cao", "Phùng", "Kiều"]  # fmt: skip
MALE_MIDDLE = ["Văn", "Minh", "Quang", "Hữu", "Đức", "Thanh", "Xuân", "Tiến"]
FEMALE_MIDDLE = ["Thị", "Thu", "Ngọc", "Hồng", "Thanh", "Minh", "Phương", "Kim"]
MALE_GIVEN = ["An", "Bình", "Cường", "Dũng", "Hải", "Hiếu", "Hùng", "Khánh", "Long", "Nam",
              "Phong", "Quân", "Sơn", "Thắng", "Tuấn", "Việt", "Trung", "Đạt"]  # fmt: skip
FEMALE_GIVEN = ["Anh", "Dung", "Giang", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai",
                "Nga", "Nhung", "Phương", "Thảo", "Trang", "Vân", "Yến", "Huyền"]  # fmt: skip
STREETS = ["Khu 1", "Khu 3", "Khu 5", "Khu 7", "Tổ 2", "Tổ 4", "Tổ 9", "Thôn Đồng Lạng",
           "Thôn Tân Phú", "Xóm Mới", "Đường Hùng Vương", "Phố Nguyễn Tất Thành",
           "Đường Trần Phú", "Phố Hòa Phong"]  # fmt: skip
COMPANIES = ["Công ty TNHH Thương mại Đất Tổ", "Công ty TNHH Xây dựng Sông Lô",
             "Công ty cổ phần Chè Phú Thọ", "Công ty TNHH Dịch vụ Việt Trì Xanh",
             "Công ty TNHH Vật liệu Lâm Thao", "Hợp tác xã Nông nghiệp Thanh Sơn",
             "Công ty cổ phần Du lịch Đền Hùng", "Công ty TNHH Cơ khí Vĩnh Yên"]  # fmt: skip
PHU_THO_ID_PREFIX = "025"  # the province part of a personal identification number
PHU_THO_TAX_PREFIX = "26"


def _name(rng: random.Random, male: bool) -> str:
    middle, given = (MALE_MIDDLE, MALE_GIVEN) if male else (FEMALE_MIDDLE, FEMALE_GIVEN)
    return f"{rng.choice(FAMILY)} {rng.choice(middle)} {rng.choice(given)}"


def person_name(index: int) -> str:
    """A staff member's full name, the same for the same index on every run."""
    rng = random.Random(f"staff-{index}")  # noqa: S311 (demo data, not secrets)
    return _name(rng, male=index % 2 == 0)


@dataclass(frozen=True)
class Applicant:
    id_number: str
    full_name: str
    phone: str
    email: str
    address: str

    def as_dict(self) -> dict:
        return {
            "id_number": self.id_number,
            "full_name": self.full_name,
            "phone": self.phone,
            "email": self.email,
            "address": self.address,
        }


def applicant(rng: random.Random, locality: str, organisation: bool) -> Applicant:
    """A citizen (12-digit personal number) or an organisation (10-digit tax code)."""
    address = f"{rng.choice(STREETS)}, {locality}, tỉnh Phú Thọ"
    phone = rng.choice(["09", "03", "08"]) + f"{rng.randrange(10**8):08d}"
    if organisation:
        tax_code = f"{PHU_THO_TAX_PREFIX}{rng.randrange(10**8):08d}"
        return Applicant(tax_code, rng.choice(COMPANIES), phone, "", address)
    male = rng.random() < 0.5
    year = rng.randint(1950, 2006)
    century_sex = (0 if year < 2000 else 2) + (0 if male else 1)
    id_number = f"{PHU_THO_ID_PREFIX}{century_sex}{year % 100:02d}{rng.randrange(10**6):06d}"
    email = f"congdan{rng.randrange(10**5):05d}@example.vn" if rng.random() < 0.4 else ""
    return Applicant(id_number, _name(rng, male), phone, email, address)
