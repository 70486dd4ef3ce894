"""Reading one cell of a workbook as its column's kind (SPEC §3): dates, IDs, codes, numbers; and the collector
that turns every unreadable cell into a ``VanDe`` naming file, sheet and cell."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, repeat
from operator import itemgetter
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


def so_dinh_danh_tu_so(v: object) -> str | None:
    """The CCCD of a cell Excel stored as a number (a General cell: 001085001234 typed became 1085001234): its 12
    digits, zeros put back in front, when the number has at most 12 digits — a 12-digit CCCD starts with its 0xx
    province code, so only leading zeros can have been lost; None for anything else (text keeps the strict check)."""
    if isinstance(v, bool) or not isinstance(v, int | float) or not 0 < v < 10**12 or not float(v).is_integer():
        return None
    return f"{int(v):012d}"


def thong_bao_dinh_danh_so(so: str) -> str:
    """The warning for a CCCD read from a number (``so_dinh_danh_tu_so``)."""
    return (f"Số định danh cá nhân {so.lstrip('0')} là ô số (Excel bỏ số 0 ở đầu), đã đọc thành {so}: kiểm tra lại. "
            f"Để giữ đúng, định dạng ô là Văn bản rồi gõ lại đủ 12 chữ số, hoặc gõ dấu ' trước số (ví dụ '{so}).")


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


_XUONG_DONG = re.compile(r"\s*[\r\n\u2028\u2029]+\s*")  # a line break in a cell (Alt+Enter), with the spaces around it
_NGAN_CACH = {DS_DANH_HIEU: ", ", NGHI: "; "}  # lists whose items a line break separates, as their own separator


def doc_o(cot: Cot, v: object) -> Any:
    """Read one cell as its column's kind; blank → None (or () for lists). In a list ("LĐTT⏎CSTĐCS", leave), a line
    break separates items like the list's own separator (normalising would make it a space: one unknown code)."""
    if isinstance(v, str):
        if cot.kieu in _NGAN_CACH and ("\n" in v or "\r" in v or "\u2028" in v or "\u2029" in v):
            v = _XUONG_DONG.sub(_NGAN_CACH[cot.kieu], v)
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
        if so < 0:  # counts, years, points, serial numbers: none is below zero (a newcomer's review: -11 members)
            raise LoiO(f"'{int(so) if so.is_integer() else v}' là số âm; ghi số từ 0 trở lên")
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


def thong_bao_o(cd: Cot, e: Exception | str) -> str:
    """"Xếp loại 'tot' không hợp lệ; chọn …." — the column is named once, the sentence ends once."""
    chu = str(e).rstrip(".")
    if not chu.lower().startswith(cd.tieu_de.lower()):
        chu = f"{cd.tieu_de}: {chu}"
    return chu + "."


def _rong(cd: Cot) -> Any:
    """The value of a blank or unreadable cell of the column."""
    return () if cd.kieu in (DS_DANH_HIEU, NGHI) else None


class _OKhac:
    """What a cell reads as when it is more than a value: text in a legacy encoding (``ma_cu``: its encoding,
    ``moi``: the text read), a value that cannot be read (``loi``: the message of ``LoiO``) and/or a value read with
    a warning (``canh_bao``: e.g. a CCCD whose leading zeros Excel dropped, put back)."""

    __slots__ = ("canh_bao", "gia_tri", "loi", "ma_cu", "moi")

    def __init__(self, gia_tri: Any, ma_cu: str | None, moi: str, loi: str | None, canh_bao: str | None = None) \
            -> None:
        self.gia_tri, self.ma_cu, self.moi, self.loi, self.canh_bao = gia_tri, ma_cu, moi, loi, canh_bao


_CHU_ASCII = frozenset({CHU, MA, NGAY, DINH_DANH})


def _doc_mot_o(cd: Cot, v: object) -> Any:
    """One cell of the column, wherever it is: its value, or an ``_OKhac`` when there is something to report.
    Depends only on the column's kind and the value (its type included), so a run reads each distinct value of a
    kind once."""
    if v.__class__ is str and v.isascii() and cd.kieu in _CHU_ASCII:  # type: ignore[attr-defined]
        # the common kinds of text, as doc_o reads them, without its steps that cannot apply to ASCII: no legacy
        # encoding (ma_cu.nhan_dien), NFC already, normalised once (chuan_hoa is idempotent)
        chu = " ".join(v.split())  # type: ignore[attr-defined]
        if not chu:
            return None
        k = cd.kieu
        if k == CHU or k == MA:
            return chu
        try:
            return doc_ngay(chu) if k == NGAY else doc_so_dinh_danh(chu)
        except LoiO as e:
            return _OKhac(None, None, "", str(e))
        except GiaTriKhongHopLe as e:
            return _OKhac(None, None, "", e.thong_bao)
    if cd.kieu == DINH_DANH:
        so = so_dinh_danh_tu_so(v)
        if so is not None:
            return _OKhac(so, None, "", None, thong_bao_dinh_danh_so(so))
    ma_cu: str | None = None
    if isinstance(v, str) and v:
        moi, ma_cu = sua_ma_cu(v)
        if ma_cu:
            v = moi
    try:
        gia_tri = doc_o(cd, v)
    except LoiO as e:
        return _OKhac(_rong(cd), ma_cu, chuan_hoa(v) if ma_cu else "", str(e))
    return _OKhac(gia_tri, ma_cu, chuan_hoa(v), None) if ma_cu else gia_tri


def _giong(a: Any, b: Any) -> bool:
    """The same reading, to the type (2025 and 2025.0 read alike as a year, not as text)."""
    if a.__class__ is _OKhac or b.__class__ is _OKhac:
        return (a.__class__ is b.__class__ and _giong(a.gia_tri, b.gia_tri)
                and (a.ma_cu, a.moi, a.loi, a.canh_bao) == (b.ma_cu, b.moi, b.loi, b.canh_bao))
    return a.__class__ is b.__class__ and a == b


# Values a table may hold (calamine: text, numbers, booleans, dates and times; xlwings: the same and None); a table
# with any other (a Decimal, a Fraction: equal to a float, read differently as text) is read cell by cell.
_KIEU_O = frozenset({str, float, int, bool, dt.date, dt.datetime, dt.time, dt.timedelta, type(None)})
_NHO_DUOC = frozenset({dt.date, dt.datetime, dt.time, dt.timedelta, type(None)})  # no other value equals one
# kinds that read an integral float as the int equal to it (Số: as a float, Số nguyên: as an int, Mã and Số định
# danh: as its digits), messages included: no need to read both to know (tests/test_hieu_nang_doc.py checks)
_SO_NHU_NHAU = frozenset({SO, SO_NGUYEN, MA, DINH_DANH})
_LAY = dict.__getitem__
_LAY_HOAC = dict.get
_CHUA_CO = object()
_LAP_CHUA_CO = repeat(_CHUA_CO)
_GIOI_HAN_BO_NHO = 1 << 18  # distinct values remembered per kind of column: a bound on memory that a Sở's
#                             workbooks never reach (20,000 staff: about 20,000 distinct values of the busiest kind)


_Cot = tuple[str, int, Cot, dict[Any, Any], dict[Any, _OKhac]]  # field, column, schema, readings remembered


def _mot_cot(c: int) -> Callable[[list[object]], tuple[object, ...]]:
    return lambda d: (d[c],)


@dataclass(frozen=True, slots=True)
class _CachDoc:
    """How ``BoGom`` reads the rows of one table: its columns (``cac_cot``), their fields (``khoa``) and remembered
    readings (``bo_nho``) in the same order, ``lay`` taking the cells of a row at once (None: cell by cell, for a
    table holding a value of an unexpected type), the row length that holds every column, and the rows with a
    cell ``o_loi`` marks."""

    bang: BangTho
    cac_cot: list[_Cot]
    khoa: tuple[str, ...]
    bo_nho: tuple[dict[Any, Any], ...]
    lay: Callable[[list[object]], tuple[object, ...]] | None
    do_dai: int
    dong_o_loi: set[int]


class BoGom:
    """Collects problems and reads rows of one raw table.

    Reading a row is one look-up per cell: each distinct value of a kind of column is read once per run (a
    rating, a title list, a unit's code, a date repeat thousands of times) and equal readings share one object.
    A row with anything to report, or a value not read before, goes through the cell-by-cell path, whose result
    is the same by construction (tests/test_hieu_nang.py compares the two)."""

    def __init__(self) -> None:
        self.van_de: list[VanDe] = []
        self.o_sai: set[tuple[str, str, int, str]] = set()  # (file, sheet, row, field) that failed to parse
        self._da_doc: dict[str, dict[Any, Any]] = {}  # kind → value → reading (values only: nothing to report)
        self._khac: dict[str, dict[Any, _OKhac]] = {}  # kind → value → reading with something to report
        self._cach: dict[int, _CachDoc] = {}  # id(table) → how to read its rows

    def them(self, ma_loi: str, muc_do: str, thong_bao: str, b: BangTho | None = None, dong: int | None = None,
             cot: int | None = None, ten_cot: str = "") -> None:
        o = b.o(dong, cot) if (b is not None and dong is not None and cot is not None) else ""
        self.van_de.append(VanDe(ma_loi, muc_do, thong_bao, b.tep if b else "", b.ten_sheet if b else "", o,
                                 dong + 1 if dong is not None else None, ten_cot))

    def _chuan_bi(self, b: BangTho) -> _CachDoc:
        """The columns of the table to read, in the schema's order, and how to take them from a row at once."""
        cac_cot = [(cd.khoa, c, cd, self._da_doc.setdefault(cd.kieu, {}), self._khac.setdefault(cd.kieu, {}))
                   for cd in b.loai.cot if (c := b.cot.get(cd.khoa)) is not None]
        cot = [x[1] for x in cac_cot]
        lay = None
        if cot and set(map(type, chain.from_iterable(d for _, d in b.dong))) <= _KIEU_O:
            lay = itemgetter(*cot) if len(cot) > 1 else _mot_cot(cot[0])
        dung = set(cot)
        return _CachDoc(b, cac_cot, tuple(x[0] for x in cac_cot), tuple(x[3] for x in cac_cot), lay,
                        max(cot, default=-1) + 1, {r for r, c in b.o_loi if c in dung})

    def doc_dong(self, b: BangTho, r: int, dong: list[object], ban_ghi: dict[str, Any]) -> None:
        """Read one row of ``b`` into ``ban_ghi`` (field → value), reporting every cell that cannot be read."""
        cach = self._cach.get(id(b))
        if cach is None or cach.bang is not b:
            cach = self._cach[id(b)] = self._chuan_bi(b)
        if cach.lay is None or len(dong) < cach.do_dai or r in cach.dong_o_loi:
            self._doc_tung_o(b, cach.cac_cot, r, dong, ban_ghi, cach.lay is not None)
            return
        o = cach.lay(dong)
        try:
            ban_ghi.update(zip(cach.khoa, map(_LAY, cach.bo_nho, o)))
            return
        except KeyError:  # a value not read before, or one with something to report: the fields set so far are
            pass  # set again, in the same order, below
        gia_tri = list(map(_LAY_HOAC, cach.bo_nho, o, _LAP_CHUA_CO))
        for i, x in enumerate(gia_tri):
            if x is _CHUA_CO:  # in the schema's order, so problems are reported as the cell-by-cell way does
                _, c, cd, da_doc, khac = cach.cac_cot[i]
                x = self._doc(cd, o[i], da_doc, khac)
                if x.__class__ is _OKhac:
                    self._bao(b, r, c, cd, o[i], x)
                    x = x.gia_tri
                gia_tri[i] = x
        ban_ghi.update(zip(cach.khoa, gia_tri))

    def _bao(self, b: BangTho, r: int, c: int, cd: Cot, v: object, x: _OKhac) -> None:
        """The problems of a cell that reads with something to report."""
        if x.ma_cu:
            self.them("ma_cu", CANH_BAO, f"'{v}' gõ bằng bảng mã cũ {x.ma_cu}; đã đọc thành '{x.moi}'. "
                      "Nên chuyển tệp sang Unicode (Unikey: Công cụ chuyển mã).", b, r, c, cd.tieu_de)
        if x.canh_bao is not None:
            self.them("dinh_danh_la_so", CANH_BAO, x.canh_bao, b, r, c, cd.tieu_de)
        if x.loi is not None:
            self.them("gia_tri_khong_hop_le", LOI, thong_bao_o(cd, x.loi), b, r, c, cd.tieu_de)
            self.o_sai.add((b.tep, b.ten_sheet, r + 1, cd.khoa))

    def _doc_tung_o(self, b: BangTho, cac_cot: list[_Cot], r: int, dong: list[object], ban_ghi: dict[str, Any],
                    nho: bool) -> None:
        """Cell by cell, in the schema's order, each problem reported as met (``nho``: the table holds only
        values of the expected types, so a remembered reading is looked up directly)."""
        n = len(dong)
        o_loi = b.o_loi
        for khoa, c, cd, da_doc, khac in cac_cot:
            v = dong[c] if c < n else ""
            if o_loi and (r, c) in o_loi:
                self.them("o_loi_cong_thuc", LOI, thong_bao_o_loi(o_loi[(r, c)]), b, r, c, cd.tieu_de)
                ban_ghi[khoa] = None
                continue
            x = da_doc.get(v, _CHUA_CO) if nho else _CHUA_CO
            if x is _CHUA_CO:
                x = self._doc(cd, v, da_doc, khac)
            if x.__class__ is _OKhac:
                self._bao(b, r, c, cd, v, x)
                ban_ghi[khoa] = x.gia_tri
            else:
                ban_ghi[khoa] = x

    @staticmethod
    def _doc(cd: Cot, v: object, da_doc: dict[Any, Any], khac: dict[Any, _OKhac]) -> Any:
        """The reading of one cell, remembered when no other value of another type equals it (a number is
        remembered only when it reads the same as an int and as a float: 2025 as a year, not as text)."""
        kieu = v.__class__
        if kieu is str or kieu in _NHO_DUOC:
            nho = True
        elif (kieu is float or kieu is int) and v == v and v not in (0, 1):  # not NaN, not equal to a bool
            nho = None  # decided below
        else:
            return _doc_mot_o(cd, v)
        x = da_doc.get(v, _CHUA_CO)
        if x is not _CHUA_CO:
            return x
        x = khac.get(v)
        if x is not None:
            return x
        x = _doc_mot_o(cd, v)
        if nho is None:  # an int and a float that are equal are one key: remember when both read the same
            if cd.kieu in _SO_NHU_NHAU:
                nho = True
            elif isinstance(v, float):
                nho = not v.is_integer() or _giong(x, _doc_mot_o(cd, int(v)))
            else:
                try:
                    f = float(v)  # type: ignore[arg-type]
                except OverflowError:
                    f = math.inf  # equal to no int
                nho = f != v or _giong(x, _doc_mot_o(cd, f))
        if nho and len(da_doc) + len(khac) < _GIOI_HAN_BO_NHO:
            if x.__class__ is _OKhac:
                khac[v] = x
            else:
                da_doc[v] = x
        return x


def o_cot(b: BangTho, khoa: str) -> int:
    return b.cot.get(khoa, 0)


def nguon_dong(b: BangTho, r: int) -> NguonDong:
    return NguonDong(b.tep, b.ten_sheet, r + 1)
