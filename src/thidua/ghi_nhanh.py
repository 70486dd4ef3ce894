"""Write-once workbooks written fast (issue 15, cause 4): ``SoNhanh`` takes the part of openpyxl's ``Workbook`` /
``Worksheet`` API that ``ghi_bang`` and the batch use (``active``, ``create_sheet``, ``cell``, styles, widths,
heights, frozen panes, tables, filters, print setup), keeps only values and styles in plain dicts, and writes the
file with xlsxwriter in one pass — no openpyxl ``Cell`` object per cell.

The file reads back the same (values, number formats, bold, wrap, quote prefix, widths, heights, frozen panes,
tables, filters, print titles: ``tests/test_hieu_nang.py`` compares it with openpyxl's). Text is always written as
text (``write_string``): a value beginning with ``=`` never becomes a formula, and as with ``ghi_bang.ghi_o`` it is
marked with a quote prefix so Excel keeps it text when edited.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from .doc_bang import so_cot, vung
from .ghi_an_toan import KY_TU_CONG_THUC
from .ghi_bang import them_nen_vien

_KIEU_VIEN = {"thin": 1, "medium": 2, "dashed": 3, "dotted": 4, "thick": 5, "double": 6, "hair": 7}


def _mau(c: Any) -> str | None:
    rgb = getattr(c, "rgb", None) if c is not None else None
    if not isinstance(rgb, str):
        return None
    return "#" + rgb[-6:]


def _dinh_dang(kieu: dict[str, Any]) -> dict[str, Any]:
    """openpyxl style objects → xlsxwriter format properties."""
    ra: dict[str, Any] = {}
    f = kieu.get("font")
    if f is not None:
        if f.name:
            ra["font_name"] = f.name
        if f.b:
            ra["bold"] = True
        if f.i:
            ra["italic"] = True
        if f.sz:
            ra["font_size"] = float(f.sz)
        if f.u:
            ra["underline"] = 1
        if _mau(f.color):
            ra["font_color"] = _mau(f.color)
    a = kieu.get("alignment")
    if a is not None:
        if a.wrap_text:
            ra["text_wrap"] = True
        if a.horizontal:
            ra["align"] = a.horizontal
        if a.vertical:
            ra["valign"] = {"center": "vcenter"}.get(a.vertical, a.vertical)
    p = kieu.get("fill")
    if p is not None and p.fill_type == "solid" and _mau(p.fgColor):
        ra["pattern"] = 1
        ra["bg_color"] = _mau(p.fgColor)
    b = kieu.get("border")
    if b is not None:
        for canh in ("left", "right", "top", "bottom"):
            s = getattr(b, canh)
            if s is not None and s.style:
                ra[canh] = _KIEU_VIEN.get(s.style, 1)
                if _mau(s.color):
                    ra[f"{canh}_color"] = _mau(s.color)
    if kieu.get("number_format"):
        ra["num_format"] = kieu["number_format"]
    if kieu.get("quotePrefix"):
        ra["quote_prefix"] = True
    return ra


class _Mau:
    """A colour as ``_mau`` reads it (openpyxl's ``Color``: ``rgb``)."""

    __slots__ = ("rgb",)

    def __init__(self, rgb: str) -> None:
        self.rgb = rgb


def _mau_cua(c: Any) -> _Mau | None:
    return _Mau(c) if isinstance(c, str) else c


class Font:
    """The part of openpyxl's ``Font`` that ``_dinh_dang`` reads, for the sheets of ``SoNhanh``: the main process of
    ``tong-ket`` builds its workbooks without importing openpyxl (issue 15: 0.2 s of start-up, numpy included)."""

    __slots__ = ("b", "color", "i", "name", "sz", "u")

    def __init__(self, name: str | None = None, bold: bool = False, italic: bool = False, size: float | None = None,
                 underline: str | None = None, color: Any = None) -> None:
        self.name, self.b, self.i, self.sz, self.u, self.color = name, bold, italic, size, underline, _mau_cua(color)


class Alignment:
    __slots__ = ("horizontal", "vertical", "wrap_text")

    def __init__(self, horizontal: str | None = None, vertical: str | None = None, wrap_text: bool | None = None) \
            -> None:
        self.horizontal, self.vertical, self.wrap_text = horizontal, vertical, wrap_text


class PatternFill:
    __slots__ = ("fgColor", "fill_type")

    def __init__(self, fill_type: str | None = None, fgColor: Any = None) -> None:
        self.fill_type, self.fgColor = fill_type, _mau_cua(fgColor)


class Side:
    __slots__ = ("color", "style")

    def __init__(self, style: str | None = None, color: Any = None) -> None:
        self.style, self.color = style, _mau_cua(color)


class Border:
    __slots__ = ("bottom", "left", "right", "top")

    def __init__(self, left: Side | None = None, right: Side | None = None, top: Side | None = None,
                 bottom: Side | None = None) -> None:
        self.left, self.right, self.top, self.bottom = left, right, top, bottom


class TableStyleInfo:
    __slots__ = ("name", "showRowStripes")

    def __init__(self, name: str | None = None, showRowStripes: bool = False) -> None:
        self.name, self.showRowStripes = name, showRowStripes


class Table:
    __slots__ = ("displayName", "ref", "tableStyleInfo")

    def __init__(self, displayName: str, ref: str) -> None:
        self.displayName, self.ref = displayName, ref
        self.tableStyleInfo: TableStyleInfo | None = None


# the style classes ghi_bang uses on a BangNhanh (``ghi_bang.kieu_cua``)
KIEU = them_nen_vien(SimpleNamespace(Font=Font, Alignment=Alignment, PatternFill=PatternFill, Border=Border,
                                     Side=Side, Table=Table, TableStyleInfo=TableStyleInfo))
_CONG_THUC = {"quotePrefix": True}
_NGAY_MAC_DINH = {dt.datetime: "yyyy-mm-dd h:mm:ss", dt.date: "yyyy-mm-dd", dt.time: "h:mm:ss"}  # openpyxl's


def _kieu_dong(v: object, kc: dict[str, Any] | None) -> dict[str, Any] | None:
    """The style of a recorded row's cell: its column's, with a quote prefix for text Excel would take for a
    formula (as ``ghi_bang.ghi_o`` marks it), and openpyxl's default format for a date without one."""
    if isinstance(v, str):
        if v.startswith(KY_TU_CONG_THUC):
            return {**kc, **_CONG_THUC} if kc else _CONG_THUC
    elif type(v) in _NGAY_MAC_DINH and not (kc and kc.get("number_format")):
        return {**(kc or {}), "number_format": _NGAY_MAC_DINH[type(v)]}
    return kc


def _kieu_o(ten: str) -> property:
    """A style attribute of a cell: written into the sheet's style dicts (copied: a dict may be shared)."""

    def dat(o: _O, gt: Any) -> None:
        o.ws._tach(o.k[0])
        kieu = o.ws._kieu
        kieu[o.k] = {**kieu.get(o.k, {}), ten: gt}

    return property(lambda o: o.ws._kieu.get(o.k, {}).get(ten), dat)


class _O:
    """One cell, as far as ``ghi_bang`` touches it: value and style attributes land in the sheet's dicts."""

    __slots__ = ("k", "ws")

    def __init__(self, ws: BangNhanh, k: tuple[int, int]) -> None:
        self.ws = ws
        self.k = k

    @property
    def value(self) -> Any:
        return self.ws._gia_tri.get(self.k)

    @value.setter
    def value(self, gt: Any) -> None:
        self.ws._tach(self.k[0])
        self.ws._gia_tri[self.k] = gt

    @property
    def row(self) -> int:
        return self.k[0]

    @property
    def column(self) -> int:
        return self.k[1]

    @property
    def data_type(self) -> str:
        return "s" if isinstance(self.value, str) else "n"

    @data_type.setter
    def data_type(self, gt: str) -> None:
        pass  # text is always written as text

    font = _kieu_o("font")
    fill = _kieu_o("fill")
    alignment = _kieu_o("alignment")
    border = _kieu_o("border")
    number_format = _kieu_o("number_format")
    quotePrefix = _kieu_o("quotePrefix")


class _Kich:
    __slots__ = ("height", "width")

    def __init__(self) -> None:
        self.width: float | None = None
        self.height: float | None = None


class _KichThuoc(dict):
    def __missing__(self, k: Any) -> _Kich:
        v = self[k] = _Kich()
        return v


class BangNhanh:
    PAPERSIZE_A4 = "9"
    kieu = KIEU

    def __init__(self, title: str) -> None:
        self.title = title
        self._gia_tri: dict[tuple[int, int], Any] = {}  # cells written one by one (titles, headers, totals)
        self._kieu: dict[tuple[int, int], dict[str, Any]] = {}
        # data rows written whole by ghi_bang: row → (values from column 1, each column's style dict). Kept as rows
        # (not a dict entry per cell) they cost little to record and to pickle to the process that saves the file
        self._dong: dict[int, tuple[Sequence[object], dict[int, dict[str, Any]]]] = {}
        self._hang_o: set[int] = set()  # rows with cells written one by one
        self.column_dimensions = _KichThuoc()
        self.row_dimensions = _KichThuoc()
        self._dong_bang: Any = None  # freeze_panes: a cell reference or (row, column), never a cell of this sheet
        self._bang: list[Any] = []
        self.auto_filter = SimpleNamespace(ref=None)
        self.page_setup = SimpleNamespace(paperSize=None, orientation=None, fitToWidth=None, fitToHeight=None)
        self.sheet_properties = SimpleNamespace(pageSetUpPr=SimpleNamespace(fitToPage=False))
        self.print_title_rows: str | None = None
        self._max_row = 0

    def _tung_o(self, r: int, dong: Sequence[object], kieu_cot: dict[int, dict[str, Any]]) -> None:
        """A row's cells into the per-cell dicts."""
        for c, v in enumerate(dong, start=1):
            if v is not None:
                self._gia_tri[(r, c)] = v
            kc = _kieu_dong(v, kieu_cot.get(c))
            if kc:
                self._kieu[(r, c)] = kc

    def _tach(self, r: int) -> None:
        """A recorded row touched cell by cell: its cells go into the per-cell dicts (rare)."""
        ban = self._dong.pop(r, None)
        if ban is not None:
            self._tung_o(r, *ban)

    def cell(self, row: int, column: int, value: Any = None) -> _O:
        k = (row, column)
        if row in self._dong:
            self._tach(row)
        self._hang_o.add(row)
        if value is not None:
            self._gia_tri[k] = value
        if row > self._max_row:
            self._max_row = row
        return _O(self, k)

    def ghi_dong(self, r: int, dong: Sequence[object], kieu_cot: dict[int, dict[str, Any]]) -> None:
        """One data row of ``ghi_bang`` at once: values from column 1, each column's style (a dict shared by the
        column's cells); text Excel would take for a formula gets a quote prefix when written (``_kieu_dong``)."""
        if r in self._hang_o:  # the row has cells written one by one: record it cell by cell too
            self._tung_o(r, dong, kieu_cot)
        else:
            self._dong[r] = (dong, kieu_cot)
        if r > self._max_row:
            self._max_row = r

    @property
    def freeze_panes(self) -> Any:
        return self._dong_bang

    @freeze_panes.setter
    def freeze_panes(self, o: Any) -> None:
        # a cell (_O) refers to its sheet: kept, it would make sheet and rows a cycle that only the collector frees
        # (issue 15: a 0.2 s pass over the main process's young objects at 20,000 staff); its coordinates are kept
        self._dong_bang = SimpleNamespace(row=o.row, column=o.column) if isinstance(o, _O) else o

    @property
    def max_row(self) -> int:
        return max(self._max_row, 1)

    def add_table(self, bang: Any) -> None:
        self._bang.append(bang)

    def _ghi(self, wb: Any, ws: Any, dinh_dang: Any) -> None:
        """Write this sheet into xlsxwriter worksheet ``ws``."""
        for chu, d in self.column_dimensions.items():
            if d.width is not None:
                c = so_cot(chu) - 1
                # xlsxwriter pads a width by 5 pixels (7 per character): this stores exactly openpyxl's width
                ws.set_column(c, c, max(d.width - 5 / 7, 0))
        for r, d in self.row_dimensions.items():
            if d.height is not None:
                ws.set_row(r - 1, d.height)
        kieu = self._kieu
        ghi_o = self._ghi_o
        bien_the: dict[tuple[int, type], Any] = {}  # a column style's variant (quote prefix, date) → its format
        nhanh = getattr(ws, "ghi_dong_nhanh", None)  # _BangXlsx: rows handed over whole
        # id(column styles) → (them, each column's format, the format an empty cell of the column is written with:
        # none when the style is only an alignment — nothing to show, and 0.3 s of the 20,000-staff ket-qua.xlsx)
        theo_cot: dict[int, tuple[Any, list[Any], list[Any]]] = {}

        def bien_the_cua(kc: dict[str, Any] | None, v: object) -> Any:
            khoa = (id(kc), type(v) if not isinstance(v, str) else str)
            if khoa not in bien_the:
                bien_the[khoa] = (_kieu_dong(v, kc), kc)  # kept alive: dinh_dang caches by identity
            return dinh_dang(bien_the[khoa][0])

        for r in list(self._dong):  # each row dropped once handed to xlsxwriter: the two never both hold a sheet
            dong, kieu_cot = self._dong.pop(r)
            ban = theo_cot.get(id(kieu_cot))
            if ban is None or len(ban[1]) < len(dong):
                rong = max(len(dong), max(kieu_cot, default=0))
                cac = [dinh_dang(kieu_cot.get(c + 1)) for c in range(rong)]
                trong = [None if set(kieu_cot.get(c + 1) or ()) <= {"alignment"} else f for c, f in enumerate(cac)]
                ban = theo_cot[id(kieu_cot)] = (kieu_cot, cac, trong)
            bt = functools.partial(_bien_the_cot, bien_the_cua, kieu_cot)
            (nhanh or functools.partial(_ghi_dong_tung_o, ws))(r - 1, dong, ban[1], bt, ban[2])
        for (r, c), v in self._gia_tri.items():  # xlsxwriter orders the cells itself
            k = kieu.get((r, c))
            if v == "" and not k:
                continue  # an empty text without a style: nothing to write (openpyxl reads it back as empty)
            ghi_o(ws, r - 1, c - 1, v, dinh_dang(k))
        for (r, c), k in self._kieu.items():  # styled cells without a value (openpyxl writes them too)
            if (r, c) not in self._gia_tri:
                ws.write_blank(r - 1, c - 1, None, dinh_dang(k))
        for b in self._bang:
            c1, r1, c2, r2 = vung(b.ref)
            cot = [{"header": str(self._gia_tri.get((r1, c), "")),
                    "header_format": dinh_dang(self._kieu.get((r1, c)))} for c in range(c1, c2 + 1)]
            kieu = b.tableStyleInfo
            ws.add_table(r1 - 1, c1 - 1, r2 - 1, c2 - 1, {
                "name": b.displayName, "columns": cot, "banded_rows": bool(kieu and kieu.showRowStripes),
                "style": _ten_kieu_bang(kieu.name if kieu else None)})
        if self.auto_filter.ref:
            c1, r1, c2, r2 = vung(self.auto_filter.ref)
            ws.autofilter(r1 - 1, c1 - 1, r2 - 1, c2 - 1)
        if self.freeze_panes is not None:
            o = self.freeze_panes
            if isinstance(o, str):
                c, r, _, _ = vung(o)
                ws.freeze_panes(r - 1, c - 1)
            else:
                ws.freeze_panes(o.row - 1, o.column - 1)
        ps = self.page_setup
        if ps.paperSize:
            ws.set_paper(int(ps.paperSize))
        if ps.orientation == "landscape":
            ws.set_landscape()
        elif ps.orientation == "portrait":
            ws.set_portrait()
        if self.sheet_properties.pageSetUpPr.fitToPage:
            ws.fit_to_pages(int(ps.fitToWidth or 0), int(ps.fitToHeight or 0))
        if self.print_title_rows:
            a, b = self.print_title_rows.replace("$", "").split(":")
            ws.repeat_rows(int(a) - 1, int(b) - 1)

    @staticmethod
    def _ghi_o(ws: Any, r: int, c: int, v: Any, f: Any) -> None:
        if isinstance(v, str):
            if v:
                ws.write_string(r, c, v, f)
            else:
                ws.write_blank(r, c, None, f)  # openpyxl reads an empty text back as empty
        elif isinstance(v, bool):
            ws.write_boolean(r, c, v, f)
        elif isinstance(v, int | float):
            ws.write_number(r, c, v, f)
        elif isinstance(v, Decimal | Fraction):
            ws.write_number(r, c, float(v), f)
        elif isinstance(v, dt.date | dt.datetime | dt.time):
            ws.write_datetime(r, c, v, f)
        else:
            raise TypeError(f"SoNhanh: không ghi được giá trị kiểu {type(v).__name__} vào ô")


class _KhongGhiO(dict):
    """``Worksheet.table_cells`` while ``_BangXlsx.add_table`` runs: xlsxwriter's cell-by-cell overlap check (1.4 s
    for the ledger's million cells) finds nothing and records nothing; ``_BangXlsx`` checks rectangles instead."""

    def get(self, k: Any, mac_dinh: Any = None) -> Any:
        return None

    def __setitem__(self, k: Any, v: Any) -> None:
        pass


def _bang_xlsx_lop() -> type:
    """``_BangXlsx``, built on first use (xlsxwriter is imported only by the processes that save a workbook)."""
    global _BangXlsx
    if _BangXlsx is not None:
        return _BangXlsx
    import math

    from xlsxwriter.utility import xl_col_to_name
    from xlsxwriter.worksheet import Worksheet

    chu_cot: list[str] = []  # column index → its letters, grown on demand

    def chu(n: int) -> list[str]:
        while len(chu_cot) < n:
            chu_cot.append(xl_col_to_name(len(chu_cot)))
        return chu_cot

    class BangXlsx(Worksheet):
        """xlsxwriter's worksheet, taking a data row whole (``ghi_dong_nhanh``) and writing its ``<row>`` in one
        string, with the same bytes as ``write_string`` / ``write_number`` / … cell by cell would give (tested:
        ``tests/test_hieu_nang.py``). Per cell xlsxwriter builds a namedtuple, checks dimensions, and on saving
        builds an attribute list and escapes it: 10 s of the 20,000-staff ledger's million cells. Here a cell costs
        a dict lookup when recorded (its ``<v>`` part, by value) and one f-string when written."""

        def __init__(self) -> None:
            super().__init__()
            self._nhanh: dict[int, tuple[list[str | None], list[Any], int, int]] = {}
            self._than_chuoi: dict[str, str] = {}  # text → ' t="s"><v>index</v></c>' (its shared string)
            self._than_so: dict[tuple[type, object], str] = {}
            self._hinh_bang: list[tuple[int, int, int, int]] = []

        def ghi_dong_nhanh(self, r: int, dong: Sequence[Any], dinh_dang_cot: list[Any],
                           bien_the: Any, trong: list[Any] | None = None) -> None:
            """Row ``r`` (0-based) from column 0: each column's format in ``dinh_dang_cot``; ``bien_the(c, v)`` gives
            the format of a cell that needs a variant of its column's (quote prefix, a date's default format)."""
            if r >= self.xls_rowmax or r < 0:
                return  # as write_*: outside the sheet, not written
            if len(dong) > self.xls_colmax:
                dong = dong[: self.xls_colmax]
            than_chuoi = self._than_chuoi
            than_so = self._than_so
            trong = dinh_dang_cot if trong is None else trong  # an empty cell's format (``BangNhanh._ghi``)
            bang_chuoi = self.str_table
            than: list[str | None] = []
            dinh_dang = dinh_dang_cot
            dem = bang_chuoi.count  # restored if the row falls back to write_* (which counts its texts again)
            dau = cuoi = -1
            for c, v in enumerate(dong):
                t = type(v)
                if t is str:
                    if not v:
                        b = "/>" if trong[c] is not None else None
                    else:
                        b = than_chuoi.get(v)
                        if b is None:
                            if len(v) > self.xls_strmax // 2:  # maybe over Excel's limit: write_string cuts it
                                bang_chuoi.count = dem
                                return _ghi_dong_tung_o(self, r, dong, dinh_dang_cot, bien_the, trong)
                            b = than_chuoi[v] = f' t="s"><v>{bang_chuoi._get_shared_string_index(v)}</v></c>'
                        else:
                            bang_chuoi.count += 1
                        if v.startswith(KY_TU_CONG_THUC):
                            if dinh_dang is dinh_dang_cot:
                                dinh_dang = list(dinh_dang_cot)
                            dinh_dang[c] = bien_the(c, v)
                elif v is None:
                    b = "/>" if trong[c] is not None else None
                elif t is int or t is float:
                    b = than_so.get((t, v)) if v else None  # 0.0 and -0.0 are equal keys, written apart
                    if b is None:
                        if not math.isfinite(v):  # write_number says what it does with NaN / inf
                            bang_chuoi.count = dem
                            return _ghi_dong_tung_o(self, r, dong, dinh_dang_cot, bien_the, trong)
                        b = than_so[(t, v)] = f"><v>{v:.16G}</v></c>"
                elif t is bool:
                    b = ' t="b"><v>1</v></c>' if v else ' t="b"><v>0</v></c>'
                elif t in _NGAY_MAC_DINH:
                    b = than_so.get((t, v))
                    if b is None:
                        b = than_so[(t, v)] = f"><v>{self._convert_date_time(v):.16G}</v></c>"
                    if dinh_dang is dinh_dang_cot:
                        dinh_dang = list(dinh_dang_cot)
                    dinh_dang[c] = bien_the(c, v)
                else:  # Decimal, Fraction, a subclass of str…: write_* as the plain path does
                    bang_chuoi.count = dem
                    return _ghi_dong_tung_o(self, r, dong, dinh_dang_cot, bien_the, trong)
                than.append(b)
                if b is not None:
                    if dau < 0:
                        dau = c
                    cuoi = c
            if dau < 0:
                return
            self._check_dimensions(r, dau)
            self._check_dimensions(r, cuoi)
            self._nhanh[r] = (than, dinh_dang, dau, cuoi)

        def add_table(self, first_row: int, first_col: int, last_row: int, last_col: int,
                      options: dict[str, Any] | None = None) -> Any:
            """xlsxwriter's ``add_table`` without its cell-by-cell pass over the range (the overlap check, 1 s for
            the ledger's million cells): ranges are checked as rectangles, and a table without data, formulas or a
            total row (every one ``BangNhanh`` writes) is added over its header and first row, then given its range."""
            r1, r2 = sorted((first_row, last_row))
            c1, c2 = sorted((first_col, last_col))
            for a1, b1, a2, b2 in [*self._hinh_bang, *self.merge]:
                if r1 <= a2 and a1 <= r2 and c1 <= b2 and b1 <= c2:
                    from xlsxwriter.exceptions import OverlappingRange
                    from xlsxwriter.utility import xl_range
                    raise OverlappingRange(f"Table range '{xl_range(r1, c1, r2, c2)}' overlaps previous range "
                                           f"'{xl_range(a1, b1, a2, b2)}'.")
            tuy = options or {}
            gon = r2 > r1 + 1 and not tuy.get("data") and not tuy.get("total_row") and not any(
                cot.get("formula") for cot in tuy.get("columns", []) if cot)
            o: dict[Any, Any] = self.table_cells  # type: ignore[has-type]
            self.table_cells: dict[Any, Any] = _KhongGhiO()
            try:
                kq = super().add_table(r1, c1, r1 + 1 if gon else r2, c2, options)
            finally:
                self.table_cells = o
            if kq == 0:
                self._hinh_bang.append((r1, c1, r2, c2))
                if gon:
                    from xlsxwriter.utility import xl_range
                    bang = self.tables[-1]
                    bang["range"] = bang["a_range"] = xl_range(r1, c1, r2, c2)
                    if "autofilter" in bang:
                        bang["autofilter"] = bang["a_range"]
            return kq

        def _dinh_dang_du_phong(self, r: int, c: int) -> Any:
            """xlsxwriter's format for a cell without its own: the row's, else the column's."""
            if r in self.row_info and self.row_info[r].row_format:
                return self.row_info[r].row_format
            if c in self.col_info:
                return self.col_info[c].column_format
            return None

        def _calculate_spans(self) -> None:
            if not self._nhanh:
                return super()._calculate_spans()
            spans = {}
            thap: int | None = None
            cao = 0
            nhanh = self._nhanh
            for r in range(self.dim_rowmin, self.dim_rowmax + 1):
                cot: list[int] = []
                if r in nhanh:
                    cot += nhanh[r][2:4]
                if self.table.get(r):
                    cot += self.table[r]
                if self.comments.get(r):
                    cot += self.comments[r]
                if cot:
                    a, b = min(cot), max(cot)
                    if thap is None:
                        thap, cao = a, b
                    else:
                        thap, cao = min(thap, a), max(cao, b)
                if (r + 1) % 16 == 0 or r == self.dim_rowmax:
                    if thap is not None:
                        spans[r // 16] = f"{thap + 1}:{cao + 1}"
                        thap = None
            self.row_spans = spans

        def _write_rows(self) -> None:
            nhanh = self._nhanh
            if not nhanh:
                return super()._write_rows()
            self._calculate_spans()
            ghi = self.fh.write
            kieu_s: dict[int, str] = {}  # id(format) → ' s="xf"' (formats live as long as the workbook)
            du_phong = any(i.column_format for i in self.col_info.values()) or any(
                i.row_format for i in self.row_info.values())
            chu_cot = chu(self.dim_colmax + 1)
            # a row without its own height or format gets only r and spans from _write_row (tested: same bytes)
            hang_tron = self.default_row_height == self.original_row_height and self.excel_version != 2010
            for r in range(self.dim_rowmin, self.dim_rowmax + 1):
                nhip = self.row_spans.get(r // 16)
                ban = nhanh.pop(r, None)
                if ban is not None:
                    so = str(r + 1)
                    phan: list[str] = []
                    if hang_tron and r not in self.row_info:  # what _write_row writes for such a row
                        phan.append(f'<row r="{so}" spans="{nhip}">' if nhip else f'<row r="{so}">')
                    else:
                        self._write_row(r, nhip, self.row_info.get(r))
                    than, dinh_dang, _, _ = ban
                    hang = self.table.get(r)  # cells written later into the same row (none from BangNhanh) win
                    cac_cot = sorted({*(c for c, b in enumerate(than) if b is not None), *hang}) if hang else None
                    for c in cac_cot or range(len(than)):
                        if hang and c in hang:
                            ghi("".join(phan))
                            phan.clear()
                            self._write_cell(r, c, hang[c])
                            continue
                        b = than[c]
                        if b is None:
                            continue
                        f = dinh_dang[c]
                        if f is None and du_phong:
                            f = self._dinh_dang_du_phong(r, c)
                        if f is None:
                            phan.append(f'<c r="{chu_cot[c]}{so}"{b}')
                        else:
                            s = kieu_s.get(id(f))
                            if s is None:
                                s = kieu_s[id(f)] = f' s="{f._get_xf_index()}"'
                            phan.append(f'<c r="{chu_cot[c]}{so}"{s}{b}')
                    phan.append("</row>")
                    ghi("".join(phan))
                elif self.table.get(r):
                    self._write_row(r, nhip, self.row_info.get(r))
                    hang = self.table[r]
                    for c in sorted(hang):
                        self._write_cell(r, c, hang[c])
                    self._xml_end_tag("row")
                elif r in self.row_info or r in self.comments:
                    self._write_empty_row(r, nhip, self.row_info.get(r))

    _BangXlsx = BangXlsx
    return BangXlsx


_BangXlsx: type | None = None

# what xlsxwriter's SharedStrings._write_si writes in a way of its own: control characters and the "_xHHHH_" that
# would read as one, U+FFFE/U+FFFF (escaped as _xHHHH_)
_CHU_DAC_BIET = re.compile("[\x00-\x08\x0b-\x1f\ufffe\uffff]|_x[0-9a-fA-F]{4}_")


@functools.lru_cache(maxsize=1)
def _so_xlsx_lop() -> type:
    """xlsxwriter's ``Workbook`` whose shared strings (``xl/sharedStrings.xml``) are written in one pass: the same
    bytes as ``SharedStrings._write_si`` string by string (tested: ``tests/test_hieu_nang.py``), which runs three
    regular expressions and an escape per string — 0.28 of the 1.1 s ket-qua.xlsx takes at 20,000 staff, whose
    reasons are 40,000 distinct texts. Strings ``_write_si`` treats apart (``_CHU_DAC_BIET``, rich strings) go
    through it."""
    from xlsxwriter import Workbook
    from xlsxwriter.packager import Packager
    from xlsxwriter.sharedstrings import SharedStrings

    class ChuoiChung(SharedStrings):
        def _write_sst_strings(self) -> None:
            ghi = self.fh.write
            phan: list[str] = []
            dac_biet = _CHU_DAC_BIET.search
            for s in self.string_table.string_array:
                if (s.startswith("<r>") and s.endswith("</r>")) or dac_biet(s):
                    ghi("".join(phan))
                    phan.clear()
                    self._write_si(s)
                    continue
                if "&" in s or "<" in s or ">" in s:
                    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                # xlsxwriter's ^\s and \s$ (re's \s is str.isspace; "$" before a final "\n": that "\n" is space)
                if s and (s[0].isspace() or s[-1].isspace()):
                    phan.append(f'<si><t xml:space="preserve">{s}</t></si>')
                else:
                    phan.append(f"<si><t>{s}</t></si>")
            ghi("".join(phan))

    class GoiNhanh(Packager):
        def _write_shared_strings_file(self) -> None:
            sst = ChuoiChung()
            sst.string_table = self.workbook.str_table
            if not self.workbook.str_table.count:
                return
            sst._set_xml_writer(self._filename("xl/sharedStrings.xml"))
            sst._assemble_xml_file()

    class SoXlsx(Workbook):
        def _get_packager(self) -> Packager:
            return GoiNhanh()

    return SoXlsx


def _bien_the_cot(bien_the_cua: Any, kieu_cot: dict[int, dict[str, Any]], c: int, v: object) -> Any:
    return bien_the_cua(kieu_cot.get(c + 1), v)


def _ghi_dong_tung_o(ws: Any, r: int, dong: Sequence[object], dinh_dang_cot: list[Any], bien_the: Any,
                     trong: list[Any] | None = None) -> None:
    """A recorded row (0-based ``r``) through xlsxwriter's ``write_*``, cell by cell: each column's format, or its
    variant (``bien_the(c, v)``: quote prefix, a date's default format) where the value needs one; an empty cell
    with its column's ``trong`` format (default: the column's), or not at all."""
    for c, v in enumerate(dong):
        f = dinh_dang_cot[c]
        if v is None or v == "":
            ft = f if trong is None else trong[c]
            if ft is not None:
                ws.write_blank(r, c, None, ft)
            continue
        if (isinstance(v, str) and v.startswith(KY_TU_CONG_THUC)) or type(v) in _NGAY_MAC_DINH:
            f = bien_the(c, v)
        BangNhanh._ghi_o(ws, r, c, v, f)


def _ten_kieu_bang(ten: str | None) -> str | None:
    """openpyxl "TableStyleLight9" → xlsxwriter "Table Style Light 9"."""
    if not ten:
        return None
    for loai in ("Light", "Medium", "Dark"):
        if ten.startswith(f"TableStyle{loai}"):
            return f"Table Style {loai} {ten.removeprefix(f'TableStyle{loai}')}"
    return ten


class SoNhanh:
    """A write-once workbook with openpyxl's ``Workbook`` interface (the part the batch uses), saved by xlsxwriter."""

    def __init__(self) -> None:
        self.worksheets: list[BangNhanh] = [BangNhanh("Sheet")]

    @property
    def active(self) -> BangNhanh:
        return self.worksheets[0]

    def create_sheet(self, title: str) -> BangNhanh:
        ws = BangNhanh(title)
        self.worksheets.append(ws)
        return ws

    @property
    def sheetnames(self) -> list[str]:
        return [ws.title for ws in self.worksheets]

    def save(self, duong_dan: str | Path, *, nhanh: bool = True) -> None:
        """Write the file. ``nhanh=False``: every cell through xlsxwriter's ``write_*`` (the reference the fast
        rows are tested against: the same bytes)."""
        import xlsxwriter

        lop = _so_xlsx_lop() if nhanh else xlsxwriter.Workbook
        wb = lop(str(duong_dan), {"strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False})
        bo_nho: dict[tuple, Any] = {}  # by the style objects' identity (they live until the end of save)
        theo_tt: dict[frozenset, Any] = {}
        mac_dinh_ngay = _NGAY_MAC_DINH

        theo_id: dict[int, Any] = {}  # by the style dict's identity (shared by a column's cells)
        giu: list[dict[str, Any]] = []

        def dinh_dang(kieu: dict[str, Any] | None) -> Any:
            if not kieu:
                return None
            f = theo_id.get(id(kieu), theo_id)
            if f is not theo_id:
                return f
            f = _dinh_dang_moi(kieu)
            theo_id[id(kieu)] = f
            giu.append(kieu)  # alive until closed: its id is not reused by another dict
            return f

        def _dinh_dang_moi(kieu: dict[str, Any]) -> Any:
            khoa = tuple((k, v if isinstance(v, str | bool) else id(v)) for k, v in kieu.items())
            f = bo_nho.get(khoa, bo_nho)
            if f is bo_nho:
                tt = _dinh_dang(kieu)
                khoa_tt = frozenset(tt.items())
                if khoa_tt not in theo_tt:
                    theo_tt[khoa_tt] = wb.add_format(tt) if tt else None
                f = bo_nho[khoa] = theo_tt[khoa_tt]
            return f

        try:
            for bang in self.worksheets:
                ws = wb.add_worksheet(bang.title, worksheet_class=_bang_xlsx_lop() if nhanh else None)
                for k, v in bang._gia_tri.items():  # dates without a format get openpyxl's defaults
                    if type(v) in mac_dinh_ngay and not bang._kieu.get(k, {}).get("number_format"):
                        bang._kieu.setdefault(k, {})["number_format"] = mac_dinh_ngay[type(v)]
                bang._ghi(wb, ws, dinh_dang)
        finally:
            wb.close()
