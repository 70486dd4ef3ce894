"""Vietnamese text helpers: normalisation, matching, sorting, money and dates in words.

These are the few things no maintained library does right (TECH_NOTES, "Vietnamese text helpers"); each has a
golden test in ``tests/test_tieng_viet.py``.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import cache, lru_cache

__all__ = [
    "bo_dau",
    "chuan_hoa",
    "dinh_dang_ngay",
    "dinh_dang_tien",
    "dinh_dang_ty_le",
    "doc_so",
    "doc_so_tien",
    "khoa_sap_xep",
    "khoa_sap_xep_ho_ten",
    "khoa_so_khop",
]

# Old ("hoà", "thuỷ") and new ("hòa", "thủy") tone placement are the same name to an officer.
_DAT_DAU_CU = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_DAT_DAU_RE = re.compile("|".join(_DAT_DAU_CU))


def chuan_hoa(van_ban: object) -> str:
    """NFC, trimmed, inner runs of white space folded to one space. ``None`` becomes ``""``."""
    if van_ban is None:
        return ""
    s = van_ban if isinstance(van_ban, str) else str(van_ban)
    if not s.isascii() and not unicodedata.is_normalized("NFC", s):
        s = unicodedata.normalize("NFC", s)
    return " ".join(s.split())


def _dat_dau_moi(s: str) -> str:
    return _DAT_DAU_RE.sub(lambda m: _DAT_DAU_CU[m.group(0)], s)


def bo_dau(van_ban: str) -> str:
    """Remove every diacritic; đ → d. ``"Lao động tiên tiến"`` → ``"Lao dong tien tien"``."""
    s = unicodedata.normalize("NFD", van_ban)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.replace("đ", "d").replace("Đ", "D")


def khoa_so_khop(van_ban: object, giu_dau: bool = False) -> str:
    """Key used to match names of sheets, headers and codes: case, spaces, ``_``, ``-``, ``.`` ignored.

    With ``giu_dau`` the diacritics are kept (names of people: "Hoà" = "Hòa" but "Hoa" ≠ "Hòa").
    """
    if van_ban is None:
        return ""
    return _khoa(van_ban if isinstance(van_ban, str) else str(van_ban), giu_dau)


@lru_cache(maxsize=1 << 16)
def _khoa(s: str, giu_dau: bool) -> str:
    s = _dat_dau_moi(chuan_hoa(s).lower())
    if not giu_dau:
        s = bo_dau(s)
    return _BO_KY_TU.sub("", s)


_BO_KY_TU = re.compile(r"[\s_\-.:/()%]+")


# ---- sorting -------------------------------------------------------------------------------------------------
_CHU_CAI = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_THU_TU_CHU = {c: i + 1 for i, c in enumerate(_CHU_CAI)}
# tones: ngang < huyền < hỏi < ngã < sắc < nặng
_THANH = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_DAU_CHU = {"\u0306": "ă", "\u0302": "â", "\u031b": "ơ"}


@cache
def _khoa_ky_tu(ky_tu: str) -> tuple[int, int, int]:
    """(letter, tone, case) of one NFC character (the alphabet is small: each is worked out once)."""
    tach = unicodedata.normalize("NFD", ky_tu)
    goc = tach[0]
    thuong = goc.lower()
    tone = 0
    for d in tach[1:]:
        if d in _THANH:
            tone = _THANH[d]
        elif d in _DAU_CHU:
            if d == "\u0302":
                thuong = {"a": "â", "e": "ê", "o": "ô"}.get(thuong, thuong)
            elif d == "\u031b":
                thuong = {"o": "ơ", "u": "ư"}.get(thuong, thuong)
            elif d == "\u0306":
                thuong = {"a": "ă"}.get(thuong, thuong)
    if thuong in _THU_TU_CHU:
        chu = _THU_TU_CHU[thuong]
    elif thuong.isspace():
        chu = 0
    else:
        chu = 100 + ord(thuong)
    return chu, tone, 0 if goc == goc.lower() else 1


@lru_cache(maxsize=1 << 16)
def khoa_sap_xep(van_ban: str) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
    """Sort key in Vietnamese alphabetical order: letters (ă, â, đ, ê, ô, ơ, ư are letters of their own),
    then tones, then case."""
    khoa = [_khoa_ky_tu(c) for c in unicodedata.normalize("NFC", van_ban)]
    return tuple(k[0] for k in khoa), tuple(k[1] for k in khoa), tuple(k[2] for k in khoa)


def khoa_sap_xep_ho_ten(ho_ten: str) -> tuple[object, ...]:
    """Sort people as Vietnamese lists do: by given name (last word), then by family and middle names."""
    s = chuan_hoa(ho_ten)
    phan = s.split(" ")
    return (khoa_sap_xep(phan[-1]), khoa_sap_xep(s))


# ---- numbers in words ----------------------------------------------------------------------------------------
_CHU_SO = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]


def _doc_ba_chu_so(n: int, day_du: bool) -> str:
    """Read 0–999. ``day_du``: the group is not the leading one, so hundreds are always read
    ("không trăm linh năm")."""
    tram, chuc, dv = n // 100, (n // 10) % 10, n % 10
    tu: list[str] = []
    if day_du or tram:
        tu += [_CHU_SO[tram], "trăm"]
    if chuc == 0:
        if dv and tu:
            tu.append("linh")
    elif chuc == 1:
        tu.append("mười")
    else:
        tu += [_CHU_SO[chuc], "mươi"]
    if dv:
        if dv == 1 and chuc >= 2:
            tu.append("mốt")
        elif dv == 5 and chuc >= 1:
            tu.append("lăm")
        else:
            tu.append(_CHU_SO[dv])
    return " ".join(tu)


def _doc_duoi_ty(n: int, dau_tien: bool) -> str:
    nhom = [(n // 1_000_000) % 1000, (n // 1000) % 1000, n % 1000]
    ten = ["triệu", "nghìn", ""]
    tu: list[str] = []
    for gia_tri, don_vi in zip(nhom, ten, strict=True):
        if gia_tri == 0:
            continue
        tu.append(_doc_ba_chu_so(gia_tri, day_du=not (dau_tien and not tu)))
        if don_vi:
            tu.append(don_vi)
    return " ".join(tu)


def doc_so(n: int) -> str:
    """A non-negative integer in formal Vietnamese words, lower case.

    1_001_000 → "một triệu không trăm linh một nghìn"; 3_000_021 → "ba triệu không trăm hai mươi mốt".
    """
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError("doc_so cần một số nguyên")
    if n < 0:
        return "âm " + doc_so(-n)
    if n == 0:
        return "không"
    ty, con_lai = divmod(n, 1_000_000_000)
    if ty == 0:
        return _doc_duoi_ty(con_lai, dau_tien=True)
    tu = doc_so(ty) + " tỷ"
    if con_lai:
        tu += " " + _doc_duoi_ty(con_lai, dau_tien=False)
    return tu


def doc_so_tien(so_tien: int) -> str:
    """Money in words as written on a decision: "Bảy trăm mười nghìn đồng"."""
    chu = doc_so(so_tien) + " đồng"
    return chu[0].upper() + chu[1:]


def dinh_dang_tien(so_tien: int | None) -> str:
    """1234000 → "1.234.000" (Vietnamese thousands separator)."""
    if so_tien is None:
        return ""
    return f"{so_tien:,}".replace(",", ".")


def dinh_dang_ngay(ngay: dt.date, dia_danh: str | None = None) -> str:
    """Decree 30 style: "ngày 05 tháng 01 năm 2026" (leading zero for days 1–9 and months 1–2)."""
    thang = f"{ngay.month:02d}" if ngay.month <= 2 else str(ngay.month)
    chu = f"ngày {ngay.day:02d} tháng {thang} năm {ngay.year}"
    return f"{dia_danh}, {chu}" if dia_danh else chu


def dinh_dang_so(so: float | int) -> str:
    """98.3 → "98,3"; 95.0 → "95"; 93.75 → "93,75" (Vietnamese decimal comma, at most two decimals)."""
    return f"{so:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def khoi_thi_dua(khoi: str) -> str:
    """An emulation block in running text: "Khối chi cục" stays, "K1" → "khối K1" (never "khối Khối …")."""
    return khoi if khoi.strip().lower().startswith("khối") else f"khối {khoi}"


def dinh_dang_ty_le(ty_le: float | None) -> str:
    """0.8889 → "88,89 %"."""
    if ty_le is None:
        return ""
    return f"{ty_le * 100:.2f}".replace(".", ",") + " %"


def doc_dung_sai(gia_tri: object) -> bool:
    """A yes/no cell: "Có", "x", "1", True… → True; "Không", "0", False… → False; else ValueError."""
    if isinstance(gia_tri, bool):
        return gia_tri
    k = khoa_so_khop(gia_tri)
    if k in {"co", "c", "x", "1", "true", "dung", "yes", "1.0"}:
        return True
    if k in {"khong", "k", "0", "false", "sai", "no", "0.0"}:
        return False
    raise ValueError("chọn Có hoặc Không")
