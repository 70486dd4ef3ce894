"""Writing workbooks with openpyxl: user text never becomes a formula, files appear whole or not at all.

The same functions fill the write-once sheets of ``ghi_nhanh.SoNhanh`` (``tong-ket``'s workbooks), with its own
style classes: openpyxl is imported only for an openpyxl sheet (issue 15: the batch's main process starts 0.2 s
sooner without it and numpy)."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from .doc_bang import ten_cot
from .ghi_an_toan import KY_TU_CONG_THUC, ghi_nguyen_tu

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["FONT", "KY_TU_CONG_THUC", "SO_TIEN", "ghi_bang", "ghi_nguyen_tu", "ghi_o", "kieu_cua", "luu_nguyen_tu",
           "them_nen_vien", "thiet_lap_in"]

SO_TIEN = "#,##0"  # money in VND (Excel shows the separator of the user's locale)
FONT = "Times New Roman"


def them_nen_vien(k: SimpleNamespace) -> SimpleNamespace:
    """The header's fill and the table's borders (``NEN_TIEU_DE``, ``VIEN``), made with the style classes ``k``."""
    k.NEN_TIEU_DE = k.PatternFill("solid", fgColor="DDEBF7")
    k.VIEN = k.Border(*(k.Side(style="thin", color="999999"),) * 4)
    return k


@functools.lru_cache(maxsize=1)
def _kieu_openpyxl() -> SimpleNamespace:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.worksheet.table import Table, TableStyleInfo

    return them_nen_vien(SimpleNamespace(Font=Font, Alignment=Alignment, PatternFill=PatternFill, Border=Border,
                                      Side=Side, Table=Table, TableStyleInfo=TableStyleInfo))


def kieu_cua(ws: Any) -> SimpleNamespace:
    """The style classes of a sheet: its own (``ghi_nhanh.BangNhanh.kieu``), else openpyxl's."""
    rieng: SimpleNamespace | None = getattr(ws, "kieu", None)
    return rieng if rieng is not None else _kieu_openpyxl()


def __getattr__(ten: str) -> Any:
    """``NEN_TIEU_DE`` and ``VIEN`` as openpyxl objects, built when first asked for (mau_bang's blank forms)."""
    if ten in ("NEN_TIEU_DE", "VIEN"):
        return getattr(_kieu_openpyxl(), ten)
    raise AttributeError(f"module {__name__!r} has no attribute {ten!r}")


def ghi_o(ws: Worksheet, dong: int, cot: int, gia_tri: object) -> None:
    """Write one value; text that Excel would take for a formula (=, +, -, @) is stored as text."""
    o = ws.cell(row=dong, column=cot, value=gia_tri)
    if isinstance(gia_tri, str) and gia_tri.startswith(KY_TU_CONG_THUC):
        o.data_type = "s"
        o.quotePrefix = True


def ghi_bang(ws: Worksheet, tieu_de: Sequence[str], cac_dong: Iterable[Sequence[object]], *, dong_dau: int = 1,
             do_rong: Sequence[int] | None = None, ten_bang: str | None = None, tieu_de_trang: str | None = None,
             ngang: bool = True, dinh_dang: dict[int, str] | None = None, xuong_dong: Iterable[int] = ()) -> int:
    """A readable, filterable table: bold header, borders, frozen header, widths, an Excel table, A4 print
    setup with repeated header rows. Returns the last row written. With wrapped columns (``xuong_dong``, e.g. Lý do)
    every data cell is aligned to the top, so a row reads across from its first line (officer's review: bottom-aligned
    cells beside a top-aligned Lý do)."""
    k = kieu_cua(ws)
    if tieu_de_trang:
        ws.cell(row=dong_dau, column=1, value=tieu_de_trang).font = k.Font(name=FONT, bold=True, size=13)
        dong_dau += 1
    for c, td in enumerate(tieu_de, start=1):
        o = ws.cell(row=dong_dau, column=c, value=td)
        o.font = k.Font(name=FONT, bold=True)
        o.fill = k.NEN_TIEU_DE
        o.alignment = k.Alignment(wrap_text=True, vertical="center", horizontal="center")
        o.border = k.VIEN
    r = dong_dau
    dinh_dang = dinh_dang or {}
    boc = k.Alignment(wrap_text=True, vertical="top")
    tren = k.Alignment(vertical="top")
    xuong_dong = set(xuong_dong)
    ghi_dong = getattr(ws, "ghi_dong", None)  # a write-once sheet (ghi_nhanh.BangNhanh) takes a row at once
    kieu_cot = {c: {"number_format": dinh_dang[c]} for c in dinh_dang}
    can = {c: boc if c in xuong_dong else tren for c in range(1, len(tieu_de) + 1)} if xuong_dong else {}
    for c, a in can.items():
        kieu_cot[c] = {**kieu_cot.get(c, {}), "alignment": a}
    for r, dong in enumerate(cac_dong, start=dong_dau + 1):
        so_dong_chu = 1
        if ghi_dong is not None:
            ghi_dong(r, dong, kieu_cot)
        else:
            for c, v in enumerate(dong, start=1):
                ghi_o(ws, r, c, v)
                if c in dinh_dang:
                    ws.cell(row=r, column=c).number_format = dinh_dang[c]
                if c in can:
                    ws.cell(row=r, column=c).alignment = can[c]
        for c in xuong_dong:
            v = dong[c - 1] if c <= len(dong) else None
            rong = (do_rong[c - 1] if do_rong else 16) * 1.15  # characters per line, roughly
            so_dong_chu = max(so_dong_chu, sum(-(-len(phan) // int(rong)) or 1 for phan in str(v or "").split("\n")))
        if xuong_dong and so_dong_chu > 1:
            ws.row_dimensions[r].height = 13.5 * min(so_dong_chu, 30)  # neither Excel nor LibreOffice fits it
    for c in range(1, len(tieu_de) + 1):
        ws.column_dimensions[ten_cot(c)].width = (do_rong[c - 1] if do_rong else 16)
    ws.freeze_panes = ws.cell(row=dong_dau + 1, column=1)
    if ten_bang and r > dong_dau:
        bang = k.Table(displayName=ten_bang, ref=f"A{dong_dau}:{ten_cot(len(tieu_de))}{r}")
        bang.tableStyleInfo = k.TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
        ws.add_table(bang)
    elif r > dong_dau:
        ws.auto_filter.ref = f"A{dong_dau}:{ten_cot(len(tieu_de))}{r}"
    thiet_lap_in(ws, dong_dau, ngang)
    return r


def thiet_lap_in(ws: Worksheet, dong_tieu_de: int, ngang: bool = True) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if ngang else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{dong_tieu_de}:{dong_tieu_de}"


def luu_nguyen_tu(wb: Workbook, duong_dan: Path) -> Path:
    """Save a workbook atomically, with the umask's mode (see ``ghi_an_toan``)."""
    return ghi_nguyen_tu(duong_dan, wb.save)
