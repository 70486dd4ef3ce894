"""The report's chart is a Word chart with its data: read back from the .docx (the chart part, its cached values, the
embedded workbook Word opens on "Edit Data") and from the PDF LibreOffice prints, as a reader sees it."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import openpyxl
from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from thidua.van_ban import ngu_canh
from thidua.van_ban.bieu_do import KHONG_SO_LIEU, so_lieu
from thidua.van_ban.ve import BanVe, ChenBieuDo, ve_mot
from tien_ich import chu_pdf, sang_pdf

C = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
     "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}


def _doc_bieu_do(docx: Path) -> tuple[etree._Element, object, list]:
    """(the chart part's XML, its embedded workbook opened by openpyxl, the drawing elements of the body)."""
    doc = Document(str(docx))
    (rel,) = [r for r in doc.part.rels.values() if r.reltype == RT.CHART]
    phan = rel.target_part
    goc = etree.fromstring(phan.blob)
    (ngoai,) = goc.findall("c:externalData", C)
    so = phan.rels[ngoai.get(f"{{{C['r']}}}id")].target_part
    wb = openpyxl.load_workbook(io.BytesIO(so.blob))
    ve = doc.element.body.findall(".//{http://schemas.openxmlformats.org/drawingml/2006/chart}chart")
    assert [v.get(f"{{{C['r']}}}id") for v in ve] == [rel.rId]  # the body shows this chart, once
    return goc, wb, ve


def _day(goc: etree._Element) -> list[tuple[str, list[str], dict[int, float]]]:
    ra = []
    for ser in goc.iterfind(".//c:ser", C):
        ten = ser.findtext("c:tx//c:v", namespaces=C)
        nhom = [p.findtext("c:v", namespaces=C) for p in ser.iterfind("c:cat//c:pt", C)]
        gia_tri = {int(p.get("idx")): float(p.findtext("c:v", namespaces=C)) for p in ser.iterfind("c:val//c:pt", C)}
        ra.append((ten, nhom, gia_tri))
    return ra


def test_bieu_do_la_bieu_do_word_co_so_lieu_cua_bang_1(demo_ket_qua, tmp_path: Path) -> None:
    kq = demo_ket_qua.ket_qua
    ctx = ngu_canh.bao_cao(kq)
    p = ve_mot(BanVe("bao_cao_tong_ket", ctx, "bc.docx", ChenBieuDo(ctx)), tmp_path)
    goc, wb, _ = _doc_bieu_do(p)
    assert goc.find(".//c:barChart/c:barDir", C).get("val") == "col"
    day = _day(goc)
    assert [t for t, _, _ in day] == [d.viet_tat for d in ctx.so_sanh]
    for (_, nhom, gia_tri), d in zip(day, ctx.so_sanh, strict=True):
        assert nhom == [str(n) for n in ctx.cac_nam]
        assert gia_tri == {j: float(v) for j, v in enumerate(d.so_lieu) if v is not None}  # "—" years: no bar
    assert any(v is None for d in ctx.so_sanh for v in d.so_lieu)  # the demo has titles without history
    # the embedded workbook: the same numbers, where the chart's formulas point
    ws = wb["Sheet1"]
    assert [c.value for c in ws[1]] == ["Năm", *(d.viet_tat for d in ctx.so_sanh)]
    for j, n in enumerate(ctx.cac_nam, start=2):
        assert [c.value for c in ws[j]] == [str(n), *(d.so_lieu[j - 2] for d in ctx.so_sanh)]
    assert goc.findtext(".//c:ser/c:val/c:numRef/c:f", namespaces=C) == f"Sheet1!$B$2:$B${len(ctx.cac_nam) + 1}"


def test_nam_khong_co_so_lieu_noi_ro_tren_truc(demo_ket_qua) -> None:
    ctx = ngu_canh.bao_cao(demo_ket_qua.ket_qua)
    trong = dataclasses.replace(ctx, so_sanh=[dataclasses.replace(d, so_lieu=[None, *d.so_lieu[1:]])
                                              for d in ctx.so_sanh])
    sl = so_lieu(trong)
    assert sl.nhom[0] == f"{ctx.cac_nam[0]} ({KHONG_SO_LIEU})"
    assert sl.nhom[1:] == [str(n) for n in ctx.cac_nam[1:]]
    assert so_lieu(ctx).nhom == [str(n) for n in ctx.cac_nam]  # a year with any figure is only its number


def test_bieu_do_in_ra_trong_pdf_giua_bang_va_chu_thich(demo_ket_qua, tmp_path: Path) -> None:
    """LibreOffice draws the chart from its cached values: its axis title, years and legend are on the page,
    between Table 1's note and the chart's caption."""
    p = demo_ket_qua.thu_muc_ra / "van-ban" / "bao-cao-tong-ket-2025.docx"
    (pdf,) = sang_pdf([p], tmp_path / "pdf", tmp_path / "lo")
    chu = chu_pdf(pdf)
    vung = " ".join(chu.split("sổ theo dõi không có số liệu")[1].split("Biểu đồ 1.")[0].split())  # rotated: 2 lines
    ctx = ngu_canh.bao_cao(demo_ket_qua.ket_qua)
    truc = " ".join(str(n) for n in ctx.cac_nam)  # the category axis, in one line
    assert truc in vung
    bieu_do = vung.split(truc, 1)[1]  # past the note above it, which names the abbreviations too
    assert "Số lượng" in bieu_do
    for d in ctx.so_sanh:
        assert d.viet_tat in bieu_do, d.viet_tat


def test_khong_co_so_lieu_thi_noi_ro_thay_bieu_do(demo_ket_qua, tmp_path: Path) -> None:
    """Nothing achieved this year and nothing in the ledger for the years before: no series to draw — the report
    says so where the chart would be, and has no chart part."""
    import dataclasses

    from thidua.van_ban.bieu_do import KHONG_VE

    ctx = dataclasses.replace(ngu_canh.bao_cao(demo_ket_qua.ket_qua), so_sanh=[])
    p = ve_mot(BanVe("bao_cao_tong_ket", ctx, "bc.docx", ChenBieuDo(ctx)), tmp_path)
    doc = Document(str(p))
    assert not [r for r in doc.part.rels.values() if r.reltype == RT.CHART]
    assert KHONG_VE in [d.text for d in doc.paragraphs]


def test_so_lieu_nhung_khong_mang_thoi_diem_tao() -> None:
    """The same inputs give the same documents (SPEC §5): the chart's embedded workbook carried the second it was
    built (docProps/core.xml), so two renders a second apart differed — a flaky byte-for-byte test found it."""
    import io
    import zipfile

    from thidua.van_ban.bieu_do import SoLieuBieuDo, phan_bieu_do

    sl = SoLieuBieuDo(["2024", "2025"], [("LĐTT", [1, 2])])
    xml, so = phan_bieu_do(sl)
    core = zipfile.ZipFile(io.BytesIO(so)).read("docProps/core.xml").decode()
    assert "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2000-01-01T00:00:00Z</dcterms:created>" in core, core
    assert "2000-01-01T00:00:00Z</dcterms:modified>" in core
    assert phan_bieu_do(sl) == (xml, so)
