"""Demo citizens of Phú Thọ province held by the population-database simulator.

Số định danh cá nhân (12 digits): `025` is Phú Thọ; the 4th digit gives sex and century of birth
(0 male / 1 female born 1900–1999, 2 male / 3 female born 2000–2099); the next two digits are the
last two of the birth year; the last six are a serial number. Addresses follow the two-level
administrative units (xã/phường, tỉnh) in force since 1 July 2025.
"""

from __future__ import annotations

PROVINCE = "tỉnh Phú Thọ"


def _person(
    id_number: str, full_name: str, date_of_birth: str, sex: str, address: str
) -> dict[str, str]:
    return {
        "id_number": id_number,
        "full_name": full_name,
        "date_of_birth": date_of_birth,
        "sex": sex,
        "permanent_address": f"{address}, {PROVINCE}",
    }


CITIZENS: tuple[dict[str, str], ...] = (
    _person("025190001234", "Phạm Thị Hồng Nhung", "1990-03-14", "Nữ", "Khu 3, xã Hy Cương"),
    _person("025085004512", "Nguyễn Văn Hùng", "1985-07-02", "Nam", "Khu 5, phường Nông Trang"),
    _person(
        "025178002367", "Trần Thị Thu Hà", "1978-11-23", "Nữ", "Tổ dân phố 12, phường Thanh Miếu"
    ),
    _person("025062001198", "Lê Văn Thắng", "1962-01-30", "Nam", "Khu 7, xã Lâm Thao"),
    _person("025203000451", "Hoàng Minh Quân", "2003-09-09", "Nam", "Tổ dân phố 4, phường Vân Phú"),
    _person("025305001876", "Đỗ Ngọc Ánh", "2005-05-21", "Nữ", "Khu 2, xã Phù Ninh"),
    _person("025195003340", "Bùi Thị Lan Anh", "1995-12-01", "Nữ", "Tổ dân phố 8, phường Việt Trì"),
    _person("025070006621", "Vũ Đức Thịnh", "1970-04-18", "Nam", "Khu 6, xã Phù Ninh"),
    _person("025188002905", "Ngô Thị Mai", "1988-08-08", "Nữ", "Khu 9, xã Đoan Hùng"),
    _person("025092004077", "Đinh Công Tuấn", "1992-06-15", "Nam", "Khu 4, xã Thanh Sơn"),
    _person("025155000732", "Hà Thị Xuân", "1955-02-10", "Nữ", "Khu 1, xã Yên Lập"),
    _person("025099005218", "Phùng Văn Toàn", "1999-10-27", "Nam", "Khu 6, xã Cẩm Khê"),
    _person("025301002664", "Nguyễn Thị Thanh Hương", "2001-01-05", "Nữ", "Khu 8, xã Hy Cương"),
    _person("025068003129", "Trịnh Xuân Trường", "1968-03-03", "Nam", "Khu 8, xã Hạ Hòa"),
    _person(
        "025182001457", "Lương Thị Ngọc Bích", "1982-09-19", "Nữ", "Tổ dân phố 3, phường Phong Châu"
    ),
    _person("025200006013", "Cao Minh Khôi", "2000-12-31", "Nam", "Tổ dân phố 2, phường Phú Thọ"),
    _person("025173004802", "Kiều Thị Phương", "1973-07-07", "Nữ", "Khu 10, xã Tam Nông"),
    _person("025087002590", "Đào Quang Vinh", "1987-11-11", "Nam", "Khu 3, xã Thanh Thủy"),
    _person("025310000987", "Tạ Thị Bảo Ngọc", "2010-04-22", "Nữ", "Tổ dân phố 6, phường Âu Cơ"),
    _person("025049000316", "Nguyễn Văn Lộc", "1949-05-19", "Nam", "Tổ dân phố 1, phường Việt Trì"),
    _person(
        "025191007742", "Dương Thị Thu Trang", "1991-02-14", "Nữ", "Tổ dân phố 5, phường Vĩnh Yên"
    ),
)

BY_ID: dict[str, dict[str, str]] = {citizen["id_number"]: citizen for citizen in CITIZENS}

# Citizens with a VNeID account on the identity-provider simulator, and the contact details the
# account holds (not part of the population database's answer).
VNEID_CONTACTS: dict[str, dict[str, str]] = {
    "025190001234": {"phone_number": "+84912001234", "email": "nhung.pham@example.com"},
    "025085004512": {"phone_number": "+84983004512", "email": "hung.nguyen@example.com"},
    "025178002367": {"phone_number": "+84904002367", "email": "ha.tran@example.com"},
    "025203000451": {"phone_number": "+84356000451", "email": "quan.hoang@example.com"},
    "025305001876": {"phone_number": "+84867001876", "email": "anh.do@example.com"},
}
