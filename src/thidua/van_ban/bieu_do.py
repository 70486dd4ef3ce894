"""The report's chart as a Word chart (DrawingML), not a picture: the officer can restyle it and edit its numbers in
Word (its data travel with it as an embedded workbook), it prints sharp at any size, and drawing it costs a few
milliseconds instead of matplotlib's half a second of import (issue 15).

The chart's XML is xlsxwriter's (the same DrawingML chart part Excel and Word read): a workbook is built in memory
with the data and a clustered column chart, and its ``xl/charts/chart1.xml`` becomes the document's chart part,
linked to a second workbook holding the data alone (``c:externalData``), which Word opens on "Edit Data".
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass
from typing import Any

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part
from docx.shared import Length, Mm

from .ngu_canh import NguCanhBaoCao

PHONG_CHU = "Times New Roman"  # the report's own font; LibreOffice uses its metric twin Liberation Serif
KHONG_SO_LIEU = "không có số liệu"
KHONG_VE = "(Không có số liệu để vẽ biểu đồ.)"  # placed as it is in the paragraph's run: no XML special character
_SHEET = "Sheet1"  # the name Word gives a chart's data sheet
_TAO_LUC = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)  # the embedded workbook's creation time, fixed
RONG, CAO = Mm(150), Mm(80)  # the picture's former size: the text width of an A4 page less margins


@dataclass(frozen=True)
class SoLieuBieuDo:
    """What the chart shows: one category per year (a year the ledger holds nothing for says so in its label) and
    one series per title or form, ``None`` where the ledger holds nothing."""

    nhom: list[str]
    day: list[tuple[str, list[int | None]]]


def so_lieu(ctx: NguCanhBaoCao) -> SoLieuBieuDo:
    nhom = []
    for j, nam in enumerate(ctx.cac_nam):
        trong = bool(ctx.so_sanh) and all(d.so_lieu[j] is None for d in ctx.so_sanh)
        nhom.append(f"{nam} ({KHONG_SO_LIEU})" if trong else str(nam))
    return SoLieuBieuDo(nhom, [(d.viet_tat, list(d.so_lieu)) for d in ctx.so_sanh])


def _so_excel(sl: SoLieuBieuDo, co_bieu_do: bool) -> bytes:
    """A workbook with the data in ``Sheet1`` (years down column A, one column per series) and, with ``co_bieu_do``,
    the chart over it (xlsxwriter fills the chart's cached values from the cells)."""
    import xlsxwriter

    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True, "strings_to_numbers": False})
    # a fixed creation time: the same inputs give the same documents (SPEC §5), and the embedded workbook otherwise
    # carried the second it was built (a flaky byte-for-byte test found it)
    wb.set_properties({"created": _TAO_LUC})
    ws = wb.add_worksheet(_SHEET)
    ws.write_string(0, 0, "Năm")
    for c, (ten, gia_tri) in enumerate(sl.day, start=1):
        ws.write_string(0, c, ten)
        for r, v in enumerate(gia_tri, start=1):
            if v is not None:
                ws.write_number(r, c, v)
    for r, nhom in enumerate(sl.nhom, start=1):
        ws.write_string(r, 0, nhom)
    ws.set_column(0, 0, 24)
    if co_bieu_do:
        chu = {"name": PHONG_CHU, "size": 10}
        ch = wb.add_chart({"type": "column"})
        for c, _ in enumerate(sl.day, start=1):
            ch.add_series({"name": [_SHEET, 0, c], "categories": [_SHEET, 1, 0, len(sl.nhom), 0],
                           "values": [_SHEET, 1, c, len(sl.nhom), c], "gap": 60})
        ch.set_title({"none": True})  # the document's caption below names it
        ch.set_legend({"position": "bottom", "font": chu})
        ch.set_x_axis({"num_font": chu, "major_tick_mark": "none"})
        ch.set_y_axis({"name": "Số lượng", "name_font": {**chu, "bold": False}, "num_font": chu, "min": 0,
                       "major_tick_mark": "none", "minor_tick_mark": "none",
                       "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9", "width": 0.75}}})
        ch.set_chartarea({"border": {"none": True}})
        ws.insert_chart(1, len(sl.day) + 2, ch)
    wb.close()
    return buf.getvalue()


_CUOI = re.compile(rb"(<c:printSettings>|</c:chartSpace>)")


def phan_bieu_do(sl: SoLieuBieuDo) -> tuple[bytes, bytes]:
    """(the chart part's XML without its link to the data, the data workbook)."""
    with zipfile.ZipFile(io.BytesIO(_so_excel(sl, True))) as z:
        xml = z.read("xl/charts/chart1.xml")
    return xml, _so_excel(sl, False)


def _noi_du_lieu(xml: bytes, r_id: str) -> bytes:
    """The chart part linked to its embedded workbook: ``c:externalData`` where the schema puts it (after the chart
    area's properties, before the print settings)."""
    m = _CUOI.search(xml)
    if m is None:
        raise ValueError("bieu_do: phần biểu đồ không có thẻ đóng c:chartSpace")
    them = f'<c:externalData r:id="{r_id}"><c:autoUpdate val="0"/></c:externalData>'.encode()
    return xml[:m.start()] + them + xml[m.start():]


_NEO = ('<wp:inline distT="0" distB="0" distL="0" distR="0" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
        '<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        '<wp:docPr id="{id}" name="Biểu đồ {id}"/><wp:cNvGraphicFramePr/>'
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">'
        '<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="{rid}"/>'
        '</a:graphicData></a:graphic></wp:inline>')


class BieuDoWord:
    """The value of ``{{ bieu_do }}``: like docxtpl's ``InlineImage``, its markup (``__html__``) is produced while
    the part is rendered, when the chart and its workbook are added to the package and related to that part."""

    def __init__(self, tpl: Any, sl: SoLieuBieuDo, rong: Length = RONG, cao: Length = CAO) -> None:
        self.tpl, self.sl, self.rong, self.cao = tpl, sl, rong, cao

    def _chen(self) -> str:
        if not self.sl.day:  # nothing achieved this year and nothing in the ledger: no series to draw
            return KHONG_VE
        phan = self.tpl.current_rendering_part
        goi = phan.package
        xml, du_lieu = phan_bieu_do(self.sl)
        bieu_do = Part(goi.next_partname("/word/charts/chart%d.xml"), CT.DML_CHART, b"", goi)
        r_id = phan.relate_to(bieu_do, RT.CHART)
        so = Part(goi.next_partname("/word/embeddings/Microsoft_Excel_Worksheet%d.xlsx"), CT.SML_SHEET, du_lieu, goi)
        bieu_do._blob = _noi_du_lieu(xml, bieu_do.relate_to(so, RT.PACKAGE))
        neo = _NEO.format(cx=int(self.rong), cy=int(self.cao), id=phan.next_id, rid=r_id)
        return f'</w:t></w:r><w:r><w:drawing>{neo}</w:drawing></w:r><w:r><w:t xml:space="preserve">'

    def __html__(self) -> str:
        return self._chen()

    def __str__(self) -> str:
        return self._chen()
