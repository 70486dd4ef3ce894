"""Reading one cell of a workbook as its column's kind (SPEC §3): dates, IDs, codes, numbers; and the collector
that turns every unreadable cell into a ``VanDe`` naming file, sheet and cell."""

from __future__ import annotations

import datetime as dt
import math
import re
from functools import lru_cache
from typing import Any

from .danh_muc import (
    LOAI_NGHI,
    doc_cap,
    doc_danh_hieu,
    doc_danh_sach_danh_hieu,
    doc_ky_luat,
    doc_loai_khen_thuong,
    doc_loai_nghi,
    doc_loai_sang_kien,
    doc_xep_loai,
)
from .doc_bang import BangTho, thong_bao_o_loi
from .loi import CANH_BAO, LOI, GiaTriKhongHopLe, VanDe
from .ma_cu import sua_ma_cu
from .mo_hinh import KyNghi, NguonDong
from .so_do import (
    CAP,
    CHU,
    CO_KHONG,
    DANH_HIEU_1,
    DINH_DANH,
    DS_DANH_HIEU,
    KY_LUAT_,
    LOAI_KT,
    LOAI_SK,
    MA,
    NGAY,
    NGHI,
    SO,
    SO_NGUYEN,
    XEP_LOAI_,
    Cot,
)
from .tieng_viet import chuan_hoa, doc_dung_sai

_NGAY_CHU = re.compile(r"^\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{4})\s*$")
_NGAY_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$")
_MOC_EXCEL = dt.date(1899, 12, 30)


class LoiO(Exception):
    """A cell value that cannot be read; the message says what is allowed."""


def doc_ngay(v: object) -> dt.date | None:
    """Real date cells, Excel serial numbers, and day-first text (15/03/1985, 15-3-1985) or ISO text."""
    if v in ("", None):
        return None
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    if isinstance(v, int | float) and not isinstance(v, bool):
        if 1 <= v < 2958466:
            return _MOC_EXCEL + dt.timedelta(days=int(v))
        raise LoiO(f"số {v} không phải ngày")
    s = str(v)
    m = _NGAY_CHU.match(s)
    try:
        if m:
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        m = _NGAY_ISO.match(s)
        if m:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise LoiO(f"'{s}' không phải ngày có thật; ghi dạng dd/mm/yyyy, ví dụ 15/03/1985") from None
    raise LoiO(f"'{s}' không phải ngày; ghi dạng dd/mm/yyyy, ví dụ 15/03/1985")


def doc_ma(v: object) -> str:
    """IDs stay text; an ID Excel stored as a number (12.0) becomes "12"."""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return chuan_hoa(v)


_NGHI_MOT = re.compile(r"^(?P<loai>[^\d]+?)\s*:?\s*(?P<so>\d+)\s*(?P<don_vi>ngày|ngay|tháng|thang)?\.?$", re.IGNORECASE)
MAU_NGHI = "thai sản 180 ngày; ốm 20 ngày"


def doc_nghi(v: object) -> tuple[KyNghi, ...]:
    """The CaNhan column ``Nghỉ``: "thai sản 180 ngày; ốm 20 ngày" → one ``KyNghi`` per kind (the same kind
    twice is added up). "N tháng" is read as N × 30 days. Anything else says what to write."""
    tong: dict[str, int] = {}
    for phan in re.split(r"[;,\n]", str(v)):
        phan = chuan_hoa(phan)
        if not phan:
            continue
        m = _NGHI_MOT.match(phan)
        if not m:
            raise GiaTriKhongHopLe(f"Nghỉ: '{phan}' không đọc được; ghi loại nghỉ rồi số ngày, các lần cách nhau "
                                   f"bằng dấu chấm phẩy, ví dụ '{MAU_NGHI}'")
        loai_chu = re.sub(r"^nghỉ\s+", "", m.group("loai").strip(), flags=re.IGNORECASE)
        try:
            loai = doc_loai_nghi(loai_chu)
        except GiaTriKhongHopLe:
            raise GiaTriKhongHopLe(f"Nghỉ: loại '{loai_chu}' không hợp lệ; chọn "
                                   + ", ".join(x.ten for x in LOAI_NGHI.values())) from None
        so = int(m.group("so")) * (30 if (m.group("don_vi") or "").lower() in ("tháng", "thang") else 1)
        tong[loai.ma] = tong.get(loai.ma, 0) + so
    for ma, so in tong.items():
        if so > 366:
            raise GiaTriKhongHopLe(f"Nghỉ: {LOAI_NGHI[ma].ten} {so} ngày, quá số ngày của một năm; kiểm tra lại")
    if not tong:
        raise GiaTriKhongHopLe(f"Nghỉ: không có lần nghỉ nào; ghi ví dụ '{MAU_NGHI}' hoặc để trống")
    return tuple(KyNghi(LOAI_NGHI[ma], so) for ma, so in tong.items())


def doc_so_dinh_danh(v: object) -> str:
    """The 12-digit personal identification number (CCCD), kept as text. A number Excel stored as a number
    has lost its leading zero: the message says so."""
    s = doc_ma(v).replace(" ", "").replace(".", "")
    if not s.isdigit() or len(s) != 12:
        goi_y = (" (ô đang là số nên Excel đã bỏ số 0 ở đầu: định dạng ô là Văn bản rồi gõ lại đủ 12 chữ số)"
                 if s.isdigit() and len(s) < 12 and not isinstance(v, str) else "")
        raise GiaTriKhongHopLe(f"Số định danh cá nhân '{doc_ma(v)}' phải gồm đúng 12 chữ số"
                               f"{' (hiện ' + str(len(s)) + ' chữ số)' if s.isdigit() else ''}{goi_y}")
    return s


_DOC_MA = {DANH_HIEU_1: doc_danh_hieu, DS_DANH_HIEU: doc_danh_sach_danh_hieu, XEP_LOAI_: doc_xep_loai,
           KY_LUAT_: doc_ky_luat, CAP: doc_cap, LOAI_KT: doc_loai_khen_thuong, LOAI_SK: doc_loai_sang_kien,
           NGHI: doc_nghi}


@lru_cache(maxsize=4096)
def _doc_ma_da_cache(kieu: str, s: str) -> Any:
    """A coded cell (title, rating, discipline, level), parsed once per distinct text."""
    try:
        return _DOC_MA[kieu](s)
    except GiaTriKhongHopLe as e:
        return LoiO(e.thong_bao)


def doc_o(cot: Cot, v: object) -> Any:
    """Read one cell as its column's kind; blank → None (or () for lists)."""
    if isinstance(v, str):
        v = chuan_hoa(v)
    if v in ("", None):
        return () if cot.kieu in (DS_DANH_HIEU, NGHI) else None
    k = cot.kieu
    if k == CHU:
        return chuan_hoa(v)
    if k == MA:
        return doc_ma(v)
    if k == NGAY:
        return doc_ngay(v)
    if k in (SO, SO_NGUYEN):
        if isinstance(v, bool):
            raise LoiO("phải là số")
        try:
            so = float(str(v).replace(",", ".")) if isinstance(v, str) else float(v)  # type: ignore[arg-type]
        except (ValueError, TypeError):  # text, or a date/time cell where a number belongs
            raise LoiO(f"'{v}' không phải số") from None
        if not math.isfinite(so):
            raise LoiO(f"'{v}' không phải số")
        if k == SO_NGUYEN:
            if not so.is_integer():
                raise LoiO(f"'{v}' phải là số nguyên")
            return int(so)
        return so
    if k == DINH_DANH:
        try:
            return doc_so_dinh_danh(v)
        except GiaTriKhongHopLe as e:
            raise LoiO(e.thong_bao) from None
    if k == CO_KHONG:
        try:
            return doc_dung_sai(v)
        except ValueError:
            raise LoiO(f"'{v}' không hợp lệ; ghi Có hoặc để trống") from None
    ket_qua = _doc_ma_da_cache(k, str(v))
    if isinstance(ket_qua, LoiO):
        raise ket_qua
    return ket_qua


def thong_bao_o(cd: Cot, e: Exception) -> str:
    """"Xếp loại 'tot' không hợp lệ; chọn …." — the column is named once, the sentence ends once."""
    chu = str(e).rstrip(".")
    if not chu.lower().startswith(cd.tieu_de.lower()):
        chu = f"{cd.tieu_de}: {chu}"
    return chu + "."


class BoGom:
    """Collects problems and reads rows of one raw table."""

    def __init__(self) -> None:
        self.van_de: list[VanDe] = []
        self.o_sai: set[tuple[str, str, int, str]] = set()  # (file, sheet, row, field) that failed to parse

    def them(self, ma_loi: str, muc_do: str, thong_bao: str, b: BangTho | None = None, dong: int | None = None,
             cot: int | None = None, ten_cot: str = "") -> None:
        o = b.o(dong, cot) if (b is not None and dong is not None and cot is not None) else ""
        self.van_de.append(VanDe(ma_loi, muc_do, thong_bao, b.tep if b else "", b.ten_sheet if b else "", o,
                                 dong + 1 if dong is not None else None, ten_cot))

    def doc_dong(self, b: BangTho, r: int, dong: list[object], ban_ghi: dict[str, Any]) -> None:
        for cd in b.loai.cot:
            c = b.cot.get(cd.khoa)
            if c is None:
                continue
            v = dong[c] if c < len(dong) else ""
            if (r, c) in b.o_loi:
                self.them("o_loi_cong_thuc", LOI, thong_bao_o_loi(b.o_loi[(r, c)]), b, r, c, cd.tieu_de)
                ban_ghi[cd.khoa] = None
                continue
            if isinstance(v, str) and v:
                moi, ma = sua_ma_cu(v)
                if ma:
                    self.them("ma_cu", CANH_BAO, f"'{v}' gõ bằng bảng mã cũ {ma}; đã đọc thành '{chuan_hoa(moi)}'. "
                              "Nên chuyển tệp sang Unicode (Unikey: Công cụ chuyển mã).", b, r, c, cd.tieu_de)
                    v = moi
            try:
                ban_ghi[cd.khoa] = doc_o(cd, v)
            except LoiO as e:
                self.them("gia_tri_khong_hop_le", LOI, thong_bao_o(cd, e), b, r, c, cd.tieu_de)
                self.o_sai.add((b.tep, b.ten_sheet, r + 1, cd.khoa))
                ban_ghi[cd.khoa] = () if cd.kieu in (DS_DANH_HIEU, NGHI) else None


def o_cot(b: BangTho, khoa: str) -> int:
    return b.cot.get(khoa, 0)


def nguon_dong(b: BangTho, r: int) -> NguonDong:
    return NguonDong(b.tep, b.ten_sheet, r + 1)
