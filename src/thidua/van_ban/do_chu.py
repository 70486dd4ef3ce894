"""How wide a text is in Times New Roman, and where to break an agency's name (Decree 30 header block).

Widths are the advance widths of Times New Roman (identical to Liberation Serif, its metric-compatible stand-in
that LibreOffice uses), in thousandths of an em, for the Latin letters; a Vietnamese letter is as wide as its
base letter (its marks sit above or below), with a small allowance for the horn of ơ/ư. The table is built in so
that a document breaks the same way on every machine, with or without the fonts installed.
"""

from __future__ import annotations

import functools
import unicodedata

_KY_TU = ("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ "
          "–—“”‘’…Đđ")
_THUONG = (500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500,
           278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 722, 667, 667, 722, 611, 556,
           722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333,
           408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 278, 278, 564, 564, 564, 444, 921,
           333, 278, 333, 469, 500, 333, 480, 200, 480, 541, 250, 500, 1000, 444, 444, 333, 333, 1000, 722, 500)
_DAM = (500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278,
        833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 722, 667, 722, 722, 667, 611, 778, 778,
        389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 555, 500, 500,
        1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 333, 333, 570, 570, 570, 500, 930, 333, 278, 333, 581,
        500, 333, 394, 220, 394, 520, 250, 500, 1000, 500, 500, 333, 333, 1000, 722, 556)
_RONG = {False: dict(zip(_KY_TU, _THUONG, strict=True)), True: dict(zip(_KY_TU, _DAM, strict=True))}
_SUNG = {"ư", "ơ", "Ư", "Ơ"}  # the horn sticks out to the right
PT_MM = 25.4 / 72
LE_O_MM = 2 * 1.905  # a table cell's left + right margins (Word's default 0.19 cm each)


def rong_chu(chu: str, co_chu: float, dam: bool = False) -> float:
    """Width of ``chu`` in millimetres at ``co_chu`` points (Times New Roman, bold when ``dam``)."""
    bang = _RONG[dam]
    tong = 0
    for k in unicodedata.normalize("NFC", chu):
        goc = "Đ" if k == "Đ" else "đ" if k == "đ" else unicodedata.normalize("NFD", k)[0]
        tong += bang.get(goc, 1000 if unicodedata.east_asian_width(goc) in "WF" else 556)
        if k in _SUNG:
            tong += 60
    return tong / 1000 * co_chu * PT_MM


def tu_dai_nhat(chu: str, co_chu: float, dam: bool = False) -> float:
    """Width in mm of the widest word of ``chu`` (a column narrower than this breaks a word)."""
    return max((rong_chu(t, co_chu, dam) for t in chu.split()), default=0.0)


_TU_NOI = {"VÀ", "VA", "&", "–", "-"}  # a header line may begin with these ("… / VÀ MÔI TRƯỜNG")
# Two-syllable words of agencies' names that a header never splits across lines (a Vietnamese word is written as
# separate syllables, so a line break between them reads as a break inside a word — a reviewer: "PHÒNG VĂN BẢN QUY /
# PHẠM PHÁP LUẬT VÀ PHỔ / BIẾN…", "VỆ SINH MÔI / TRƯỜNG"). Not every word: those of units' and agencies' names.
_TU_GHEP = frozenset("""
BAN HÀNH|BẢO TÀNG|BẢO VỆ|BỔ TRỢ|CÁN BỘ|CHĂN NUÔI|CHI CỤC|CHỨNG THỰC|CÔNG CHỨNG|CÔNG NGHỆ|CÔNG THƯƠNG|CÔNG TÁC|
DÂN SỰ|DÂN TỘC|DI SẢN|DU LỊCH|ĐẤT ĐAI|ĐẦU TƯ|ĐĂNG KÝ|ĐÀO TẠO|ĐÔ THỊ|GIAO THÔNG|GIÁO DỤC|HÀNH CHÍNH|HẠ TẦNG|
HỘ TỊCH|HỘI ĐỒNG|KẾ HOẠCH|KHEN THƯỞNG|KHOA HỌC|KHOÁNG SẢN|KHUYẾN NÔNG|KIỂM LÂM|KIỂM SOÁT|KINH TẾ|LAO ĐỘNG|
MÔI TRƯỜNG|NGOẠI VỤ|NHÀ NƯỚC|NHÂN DÂN|NỘI VỤ|NÔNG NGHIỆP|NÔNG THÔN|NƯỚC SẠCH|PHÁP CHẾ|PHÁP LÝ|PHÁP LUẬT|
PHÁT TRIỂN|PHÒNG HỘ|PHỔ BIẾN|QUẢN LÝ|QUAN TRẮC|QUY HOẠCH|QUY PHẠM|TÀI CHÍNH|TÀI NGUYÊN|THANH TRA|THI ĐUA|
THI HÀNH|THÔNG TIN|THỂ THAO|THỦY LỢI|THỦY SẢN|THỰC VẬT|THÚ Y|TỔ CHỨC|TỔNG HỢP|TÔN GIÁO|TRỢ GIÚP|TRỒNG TRỌT|
TRUNG TÂM|TRUYỀN THÔNG|TƯ PHÁP|VĂN BẢN|VĂN HÓA|VĂN PHÒNG|VẬN TẢI|VỆ SINH|XÃ HỘI|XÂY DỰNG|Y TẾ
""".replace("\n", "").split("|"))


def ngat_dong_ten(ten: str, rong_mm: float, co_chu: float = 13, dam: bool = True) -> list[str]:
    """Break an agency's name into lines as a real header does.

    One line when it fits. Otherwise the fewest lines that fit, preferring breaks before "VÀ" or after a comma
    (where the name's parts join), then lines of even length; never a line of one short word left alone, and a
    two-syllable word of agencies' names (``_TU_GHEP``) split only when no layout of up to four lines avoids it. E.g.
    "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG" → "SỞ NÔNG NGHIỆP" / "VÀ MÔI TRƯỜNG"; "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH" →
    "SỞ VĂN HÓA, THỂ THAO" / "VÀ DU LỊCH". Worked out once per name and width (every document of a batch has
    the same headers: 2,500 names broken at 0.4 ms each for 20,000 staff, issue 15).
    """
    return list(_ngat_dong_ten(ten, rong_mm, co_chu, dam))


@functools.lru_cache(maxsize=4096)
def _ngat_dong_ten(ten: str, rong_mm: float, co_chu: float, dam: bool) -> tuple[str, ...]:
    return tuple(_ngat(ten, rong_mm, co_chu, dam))


def _ngat(ten: str, rong_mm: float, co_chu: float, dam: bool) -> list[str]:
    tu = ten.split()
    if not tu or rong_chu(" ".join(tu), co_chu, dam) <= rong_mm:
        return [" ".join(tu)] if tu else []
    n = len(tu)

    def diem_ngat(i: int) -> float:
        """Cost of breaking before word i (lower is better)."""
        if tu[i].upper() in _TU_NOI:
            return 0.0
        if tu[i - 1].endswith((",", ";")):
            return 0.5
        if f"{tu[i - 1]} {tu[i]}".upper() in _TU_GHEP:
            return 20.0  # inside a word: only when no other way fits, even on one more line
        return 3.0

    tot: tuple[float, list[str]] | None = None
    for so_dong in range(2, min(n, 4) + 1):
        # all ways to cut n words into so_dong lines (names are short: at most a few hundred ways)
        def chia(bat_dau: int, con: int) -> list[list[int]]:
            if con == 1:
                return [[]]
            return [[i, *r] for i in range(bat_dau + 1, n - con + 2) for r in chia(i, con - 1)]

        for cat in chia(0, so_dong):
            bien = [0, *cat, n]
            dong = [" ".join(tu[bien[j]:bien[j + 1]]) for j in range(so_dong)]
            rong = [rong_chu(d, co_chu, dam) for d in dong]
            if max(rong) > rong_mm:
                continue
            if any(bien[j + 1] - bien[j] == 1 and len(tu[bien[j]]) <= 4 for j in range(so_dong)):
                continue
            # each line beyond two costs more than an ordinary break, less than a break inside a word
            chi_phi = sum(diem_ngat(i) for i in cat) + (max(rong) - min(rong)) / rong_mm + 5.0 * (so_dong - 2)
            if tot is None or chi_phi < tot[0]:
                tot = (chi_phi, dong)
    if tot is not None:
        return tot[1]
    # nothing fits (a very long name): let Word wrap it
    return [" ".join(tu)]
