"""Marking wrong cells in the officer's workbook without losing what the officer did there.

A mark is a fill colour plus a note whose lines start with ``thidua:``. Every cell thidua marks is written in a
register (the hidden sheet ``thidua_danh_dau``: sheet, cell, the fill the cell had before, the fill thidua set).
The next run first takes its own marks away — the old fill comes back only if the cell still has thidua's fill
(the officer may have recoloured it since), and only the ``thidua:`` lines leave the note — then marks again.
An officer's note on a wrong cell is kept, thidua's lines are added under it.

Pure planning, no Excel: a route reads the state of the cells ``o_can_doc`` names (fill as "RRGGBB" or None, note
text or None), calls :func:`ke_hoach` and applies the returned steps (classic add-in: COM; xlwings Lite:
Office.js; tests: openpyxl).
"""

from __future__ import annotations

from dataclasses import dataclass

TIEN_TO = "thidua: "
TEN_SHEET_SO = "thidua_danh_dau"
TIEU_DE_SO: list[object] = ["Sheet", "Ô", "Màu trước khi thidua tô", "Màu thidua tô"]


@dataclass(frozen=True)
class DanhDau:
    """One cell to mark: fill colour and the note (every message for that cell, one ``thidua:`` line each)."""

    sheet: str
    o: str
    mau: str
    ghi_chu: str


@dataclass(frozen=True)
class DauDaTo:
    """One row of the register: a cell thidua marked, the fill it had before and the fill thidua set."""

    sheet: str
    o: str
    mau_truoc: str | None
    mau_thidua: str


@dataclass(frozen=True)
class Buoc:
    """One change to make: ``loai`` "mau" (value: "RRGGBB" or None = no fill) or "ghi_chu" (text or None =
    delete the note)."""

    loai: str
    sheet: str
    o: str
    gia_tri: str | None


def chuan_mau(mau: object) -> str | None:
    """A fill as any route reports it → "RRGGBB" (upper case) or None: (r, g, b), "#ffc7ce", "FFFFC7CE"."""
    if mau is None or mau == "" or mau is False:
        return None
    if isinstance(mau, tuple | list):
        return "".join(f"{int(x):02X}" for x in mau[:3])
    s = str(mau).strip().lstrip("#").upper()
    if len(s) == 8:  # ARGB
        s = s[2:]
    return s if len(s) == 6 else None


def dong_thidua(ghi_chu: str) -> str:
    """Messages → the note's thidua lines (each message on one line)."""
    return "\n".join(TIEN_TO + " ".join(d.removeprefix(TIEN_TO).split()) for d in ghi_chu.split("\n") if d.strip())


def bo_dong_thidua(ghi_chu: str | None) -> str | None:
    """A note without thidua's lines (None when nothing of the officer's is left)."""
    if ghi_chu is None:
        return None
    con = [d for d in ghi_chu.split("\n") if not d.startswith(TIEN_TO.strip())]
    while con and not con[-1].strip():
        con.pop()
    return "\n".join(con) if any(d.strip() for d in con) else None


def doc_so(dong: list[list[object]]) -> list[DauDaTo]:
    """The register sheet's values → its rows (header and blank rows skipped)."""
    ra = []
    for d in dong:
        d = [*list(d), None, None, None, None][:4]
        if not d[0] or not d[1] or d[0] == TIEU_DE_SO[0]:
            continue
        ra.append(DauDaTo(str(d[0]), str(d[1]), chuan_mau(d[2]), chuan_mau(d[3]) or ""))
    return ra


def ghi_so(so: list[DauDaTo]) -> list[list[object]]:
    return [list(TIEU_DE_SO)] + [[d.sheet, d.o, d.mau_truoc or "", d.mau_thidua] for d in so]


def o_can_doc(so_cu: list[DauDaTo], moi: list[DanhDau]) -> list[tuple[str, str]]:
    """The cells whose fill and note the route must read before planning."""
    return list(dict.fromkeys([(d.sheet, d.o) for d in so_cu] + [(d.sheet, d.o) for d in moi]))


def ke_hoach(so_cu: list[DauDaTo], moi: list[DanhDau],
             trang_thai: dict[tuple[str, str], tuple[str | None, str | None]]) -> tuple[list[Buoc], list[DauDaTo]]:
    """Take away the old marks, put the new ones: the changes to make and the new register."""
    hien = {k: (chuan_mau(m), g) for k, (m, g) in trang_thai.items()}
    dau = dict(hien)
    for cu in so_cu:
        k = (cu.sheet, cu.o)
        mau, ghi_chu = dau.get(k, (None, None))
        if mau == cu.mau_thidua:  # still thidua's fill: give the old one back
            mau = cu.mau_truoc
        dau[k] = (mau, bo_dong_thidua(ghi_chu))
    so_moi = []
    for d in moi:
        k = (d.sheet, d.o)
        mau, ghi_chu = dau.get(k, (None, None))
        so_moi.append(DauDaTo(d.sheet, d.o, mau, d.mau))
        cua_thidua = dong_thidua(d.ghi_chu)
        dau[k] = (d.mau, f"{ghi_chu}\n\n{cua_thidua}" if ghi_chu else cua_thidua)
    buoc = []
    for k, (mau, ghi_chu) in dau.items():
        mau_cu, ghi_chu_cu = hien.get(k, (None, None))
        if mau != mau_cu:
            buoc.append(Buoc("mau", *k, mau))
        if ghi_chu != ghi_chu_cu:
            buoc.append(Buoc("ghi_chu", *k, ghi_chu))
    return buoc, so_moi


# ---- openpyxl route (Linux, tests): the same steps applied to a saved workbook ----------------------------------

def trang_thai_openpyxl(wb, cac_o: list[tuple[str, str]]) -> dict[tuple[str, str], tuple[str | None, str | None]]:
    ra = {}
    for sheet, o in cac_o:
        if sheet not in wb.sheetnames:
            continue
        c = wb[sheet][o]
        mau = c.fill.fgColor.rgb if c.fill is not None and c.fill.fill_type == "solid" else None
        ra[(sheet, o)] = (chuan_mau(mau) if isinstance(mau, str) else None, c.comment.text if c.comment else None)
    return ra


def ap_dung_openpyxl(wb, buoc: list[Buoc], so: list[DauDaTo]) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill

    for b in buoc:
        c = wb[b.sheet][b.o]
        if b.loai == "mau":
            c.fill = PatternFill("solid", fgColor=b.gia_tri) if b.gia_tri else PatternFill(fill_type=None)
        else:
            c.comment = Comment(b.gia_tri, "thidua") if b.gia_tri else None
    if TEN_SHEET_SO in wb.sheetnames:
        del wb[TEN_SHEET_SO]
    if so:
        ws = wb.create_sheet(TEN_SHEET_SO)
        ws.sheet_state = "veryHidden"
        for d in ghi_so(so):
            ws.append(d)


def danh_dau_openpyxl(nguon, dich, moi: list[DanhDau]):
    """Mark a saved workbook's copy: read the register and the cells, plan, apply, save to ``dich``."""
    from pathlib import Path

    from openpyxl import load_workbook

    wb = load_workbook(nguon, keep_vba=Path(nguon).suffix.lower() == ".xlsm")
    so_cu = doc_so([list(r) for r in wb[TEN_SHEET_SO].iter_rows(values_only=True)]) if TEN_SHEET_SO in wb.sheetnames \
        else []
    buoc, so_moi = ke_hoach(so_cu, moi, trang_thai_openpyxl(wb, o_can_doc(so_cu, moi)))
    ap_dung_openpyxl(wb, buoc, so_moi)
    wb.save(dich)
    return Path(dich)


# ---- xlwings routes: the classic add-in (COM, synchronous) and xlwings Lite (Office.js; reading is awaited) ------

def _o_xlwings(book, sheet: str, o: str):
    return book.sheets[sheet][o]


def doc_so_xlwings(book) -> list[DauDaTo]:
    if TEN_SHEET_SO not in [s.name for s in book.sheets]:
        return []
    return doc_so(book.sheets[TEN_SHEET_SO].used_range.options(ndim=2).value or [])


def trang_thai_xlwings(book, cac_o: list[tuple[str, str]]) -> dict[tuple[str, str], tuple[str | None, str | None]]:
    """Classic add-in: fill and note text are read synchronously through COM."""
    ten = {s.name for s in book.sheets}
    ra = {}
    for sheet, o in cac_o:
        if sheet in ten:
            r = _o_xlwings(book, sheet, o)
            ra[(sheet, o)] = (chuan_mau(r.color), r.note.text if r.note is not None else None)
    return ra


async def trang_thai_xlwings_lite(book, cac_o: list[tuple[str, str]]) -> dict[tuple[str, str],
                                                                               tuple[str | None, str | None]]:
    """xlwings Lite: a fill and a note's text are fetched with ``await`` (the payload only says a note exists)."""
    ten = {s.name for s in book.sheets}
    ra = {}
    for sheet, o in cac_o:
        if sheet in ten:
            r = _o_xlwings(book, sheet, o)
            ra[(sheet, o)] = (chuan_mau(await r.get_color()),
                              await r.note.get_text() if r.note is not None else None)
    return ra


def ap_dung_xlwings(book, buoc: list[Buoc], so: list[DauDaTo]) -> list[str]:
    """Apply the steps with xlwings' own Range API (same calls in the classic add-in and in Lite). Returns the notes
    that could not be written — xlwings Lite needs Excel's notes API (ExcelApi 1.18; older Excel 2021 lacks it) —
    as "Sheet!Ô: text" lines to show instead."""
    khong_ghi: list[str] = []
    for b in buoc:
        r = _o_xlwings(book, b.sheet, b.o)
        if b.loai == "mau":
            r.color = f"#{b.gia_tri}" if b.gia_tri else None
            continue
        try:
            if b.gia_tri is None:
                if r.note is not None:
                    r.note.delete()
            elif r.note is not None:
                r.note.text = b.gia_tri
            else:
                r.add_note(b.gia_tri)
        except NotImplementedError:
            if b.gia_tri:
                khong_ghi.append(f"{b.sheet}!{b.o}: " + " ".join(
                    d for d in b.gia_tri.split("\n") if d.startswith(TIEN_TO)))
    co = TEN_SHEET_SO in [s.name for s in book.sheets]
    if not so:
        if co:
            book.sheets[TEN_SHEET_SO].delete()
        return khong_ghi
    sh = book.sheets[TEN_SHEET_SO] if co else book.sheets.add(TEN_SHEET_SO, after=book.sheets[-1])
    sh.clear()
    sh["A1"].value = ghi_so(so)
    sh.visible = False
    return khong_ghi
