"""Folding Vietnamese text for search that ignores diacritics and case."""

import unicodedata

import pytest

from motcua.core.text import fold, human_size


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Đăng ký Khai sinh", "dang ky khai sinh"),
        ("ĐĂNG KÝ KẾT HÔN", "dang ky ket hon"),
        ("Cấp lại Giấy phép lái xe", "cap lai giay phep lai xe"),
        ("Phường Ngũ Hành Sơn", "phuong ngu hanh son"),
        ("Ưu tiên người cao tuổi", "uu tien nguoi cao tuoi"),
        ("Thủ tục hành chính", "thu tuc hanh chinh"),
        ("Nguyễn Thị Ánh Tuyết", "nguyen thi anh tuyet"),
        ("đường Hùng Vương", "duong hung vuong"),
        ("1.001193 Đăng ký", "1.001193 dang ky"),
        ("plain ascii", "plain ascii"),
        ("", ""),
    ],
)
def test_fold(text, folded):
    assert fold(text) == folded


def test_decomposed_text_folds_like_composed_text():
    composed = "Chứng thực bản sao từ bản chính"
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    assert fold(decomposed) == fold(composed) == "chung thuc ban sao tu ban chinh"


def test_whitespace_is_collapsed_and_trimmed():
    assert fold("  Cấp   lại\u00a0giấy\tphép\n ") == "cap lai giay phep"


def test_the_eth_look_alike_of_d_with_stroke_folds_to_d():
    # Text converted from TCVN3/VNI often carries Ð (U+00D0) where Đ (U+0110) is meant.
    assert fold("\u00d0ăng ký") == fold("Đăng ký") == "dang ky"
    assert fold("\u00f0ường") == "duong"


def test_folding_is_idempotent():
    once = fold("  Giấy CHỨNG NHẬN quyền sử dụng đất ")
    assert fold(once) == once == "giay chung nhan quyen su dung dat"


@pytest.mark.parametrize(
    ("size", "shown"),
    [(200, "200 byte"), (2048, "2 KB"), (1536, "1.5 KB"), (10 * 1024 * 1024, "10 MB")],
)
def test_sizes_read_as_people_say_them(size, shown):
    assert human_size(size) == shown
