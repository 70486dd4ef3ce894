"""Safe folder and file names from people's and units' names (issue 17, point 4)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thidua.ten_tep import ten_an_toan

THIET_BI = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


def _hop_le(ten: str) -> None:
    assert ten and ten == unicodedata.normalize("NFC", ten)
    assert not re.search(r'[<>:"/\\|?*\x00-\x1f\x7f]', ten), ten
    assert ".." not in ten
    assert ten[0] not in " ." and ten[-1] not in " .", repr(ten)
    assert len(ten) <= 100 and len(ten.encode("utf-8")) <= 240
    assert ten.split(".")[0].strip().casefold() not in THIET_BI


@pytest.mark.parametrize(("vao", "ra"), [
    ("Phòng Kế hoạch/Tài chính", "Phòng Kế hoạch-Tài chính"),
    ("..", "khong-ten"),
    ("../../etc/passwd", "-.-etc-passwd"),
    ("CON", "_CON"),
    ("nul.docx", "_nul.docx"),
    ("Com1", "_Com1"),
    ("Trạm Khuyến nông. ", "Trạm Khuyến nông"),
    ("  Nguyễn   Văn\tAn  ", "Nguyễn Văn An"),
    ("Phòng A\\B: <C>?*|\"D\"", "Phòng A-B- -C-D-"),
    ("", "khong-ten"),
    (None, "khong-ten"),
])
def test_ten_an_toan_vi_du(vao: object, ra: str) -> None:
    assert ten_an_toan(vao) == ra
    _hop_le(ten_an_toan(vao))


def test_ten_dai_bi_cat_va_nfd_thanh_nfc() -> None:
    dai = "Trung tâm Quan trắc tài nguyên và môi trường " * 5
    t = ten_an_toan(dai)
    assert len(t) <= 100 and t == t.rstrip()
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Thuỷ")
    assert ten_an_toan(nfd) == "Nguyễn Thị Thuỷ"


def test_trung_ten_thi_them_so_khong_phan_biet_hoa_thuong() -> None:
    da_dung: set[str] = set()
    assert ten_an_toan("Nguyễn Văn An", da_dung) == "Nguyễn Văn An"
    assert ten_an_toan("Nguyễn Văn An", da_dung) == "Nguyễn Văn An (2)"
    assert ten_an_toan("NGUYỄN VĂN AN", da_dung) == "NGUYỄN VĂN AN (3)"
    assert ten_an_toan("x" * 300, da_dung) == "x" * 100
    assert ten_an_toan("x" * 300, da_dung) == "x" * 96 + " (2)"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(min_size=0, max_size=160), min_size=1, max_size=8))
def test_moi_ten_deu_tao_duoc_tep_va_khong_trung(tmp_path: Path, cac_ten: list[str]) -> None:
    da_dung: set[str] = set()
    thu_muc = tmp_path / "ho-so"
    thu_muc.mkdir(exist_ok=True)
    ra = [ten_an_toan(t, da_dung) for t in cac_ten]
    for t in ra:
        _hop_le(t)
        assert ten_an_toan(t) == t  # idempotent
    assert len({t.casefold() for t in ra}) == len(ra)
    for t in ra:
        p = thu_muc / f"{t}.docx"
        assert p.parent == thu_muc  # stays in its folder
        p.write_bytes(b"x")
    assert len(list(thu_muc.iterdir())) == len(ra)
    for p in thu_muc.iterdir():
        p.unlink()
