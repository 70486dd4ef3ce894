"""Build the Word templates in templates/ (maintainer tool; run it again after changing this file).

    python scripts/tao_mau_van_ban.py

Layout per Nghị định 30/2020/NĐ-CP, Phụ lục I (DOMAIN.md §5.2, §11.5): A4, margins top/bottom 20 mm, left 30 mm,
right 15 mm; Times New Roman; Quốc hiệu bold 12–13, Tiêu ngữ bold 13–14 with a rule below; issuing body bold with
a short rule; "Số:" 13; place and date italic; page numbers centred in the top margin from page 2; căn cứ italic
in a Quyết định, upright in a Tờ trình or Báo cáo; "Nơi nhận:" 12 bold italic, its list 11.
Templates hold Jinja tags only; every value comes from a typed context builder in thidua.van_ban.ngu_canh.

What a clerk signs as it is (issue 11), built in here once for every template:
- the closing paragraphs and the signature block keep with each other (``giu``: keep-with-next, the signature
  table's row cannot split), with ~28 mm left for the signature and seal;
- every table row cannot split across pages (``w:cantSplit``) and the header row repeats on each page;
- column widths are fixed and each header is checked to fit its column without breaking a word (the header's
  font shrinks to fit, down to 9 pt, else the build fails naming the column);
- group rows (units, parts of an annex) span the whole table.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_COLOR_INDEX, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
from thidua.van_ban.do_chu import LE_O_MM, tu_dai_nhat  # (the same widths the documents are laid out with)

THU_MUC = Path(__file__).resolve().parent.parent / "templates"
FONT = "Times New Roman"
C, L, R, J = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.JUSTIFY
CHO_KY_PT = 80  # room for the signature and the seal: 80 pt ≈ 28 mm


def tai_lieu(ngang: bool = False) -> Document:
    doc = Document()
    s = doc.sections[0]
    s.page_width, s.page_height = (Mm(297), Mm(210)) if ngang else (Mm(210), Mm(297))
    s.orientation = WD_ORIENT.LANDSCAPE if ngang else WD_ORIENT.PORTRAIT
    s.top_margin = s.bottom_margin = Mm(20)
    s.left_margin, s.right_margin = Mm(30), Mm(15)
    s.header_distance = Mm(10)
    st = doc.styles["Normal"]
    st.font.name = FONT
    st.font.size = Pt(14)
    rpr = st.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for k in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(k), FONT)
    pf = st.paragraph_format
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    pf.line_spacing = 1.0
    pf.widow_control = True
    for ten in ("Table Grid",):
        try:
            doc.styles[ten].font.name = FONT
        except KeyError:
            pass
    # remove the default empty paragraph
    for p in list(doc.paragraphs):
        p._element.getparent().remove(p._element)
    return doc


def so_trang(doc: Document) -> None:
    """Page number centred in the top margin, not on page 1 (Decree 30)."""
    s = doc.sections[0]
    s.different_first_page_header_footer = True
    p = s.header.paragraphs[0]
    p.alignment = C
    r = p.add_run()
    r.font.name, r.font.size = FONT, Pt(13)
    for loai, text in (("begin", None), (None, " PAGE "), ("end", None)):
        if loai:
            e = OxmlElement("w:fldChar")
            e.set(qn("w:fldCharType"), loai)
        else:
            e = OxmlElement("w:instrText")
            e.set(qn("xml:space"), "preserve")
            e.text = text
        r._r.append(e)


def doan(noi, text: str = "", *, size: float = 14, bold: bool = False, italic: bool = False, align=J,
         thut: float | None = None, sau: float = 0, truoc: float = 0, gian: float | None = None, giu: bool = False,
         sang_trang: bool = False, to_mau: bool = False):
    """A paragraph. ``giu``: keep with the next paragraph (and on one page); ``sang_trang``: starts a new page
    (page-break-before: no empty line is left at the top of that page); ``to_mau``: highlighted (a blank the
    officer must write)."""
    p = noi.add_paragraph()
    p.alignment = align
    pf = p.paragraph_format
    pf.space_after, pf.space_before = Pt(sau), Pt(truoc)
    if thut is not None:
        pf.first_line_indent = Cm(thut)
    if gian:
        pf.line_spacing = gian
    if giu:
        pf.keep_with_next = True
        pf.keep_together = True
    if sang_trang:
        pf.page_break_before = True
    if text:
        r = chay(p, text, size=size, bold=bold, italic=italic)
        if to_mau:
            r.font.highlight_color = WD_COLOR_INDEX.YELLOW
    return p


def the(noi, the_jinja: str) -> None:
    """A paragraph holding only a {%p … %} tag (docxtpl removes it whole)."""
    doan(noi, the_jinja, size=2)


def chay(p, text: str, *, size: float = 14, bold: bool = False, italic: bool = False):
    r = p.add_run(text)
    r.font.name, r.font.size, r.bold, r.italic = FONT, Pt(size), bold, italic
    r._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    return r


def ke_ngang(p, trai_cm: float, phai_cm: float) -> None:
    """A short drawn rule: the paragraph's bottom border, narrowed by indents."""
    pf = p.paragraph_format
    pf.left_indent, pf.right_indent = Cm(trai_cm), Cm(phai_cm)
    ppr = p._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    b = OxmlElement("w:bottom")
    for k, v in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        b.set(qn(k), v)
    bdr.append(b)
    ppr.append(bdr)


def khong_tach(row) -> None:
    """Keep a table row on one page (a row never splits across pages)."""
    trpr = row._tr.get_or_add_trPr()
    if trpr.find(qn("w:cantSplit")) is None:
        trpr.insert(0, OxmlElement("w:cantSplit"))


def _co_dinh(t, rong: list[float]) -> None:
    """Fixed layout: the widths given are the widths printed (Word and LibreOffice do not re-fit them)."""
    t.autofit = False
    tblpr = t._tbl.tblPr
    w = tblpr.find(qn("w:tblW"))
    if w is None:
        w = OxmlElement("w:tblW")
        tblpr.append(w)
    w.set(qn("w:type"), "dxa")
    w.set(qn("w:w"), str(round(sum(rong) / 2.54 * 1440)))
    for i, wd in enumerate(rong):
        t.columns[i].width = Cm(wd)


def bang_khong_vien(doc, so_cot: int, rong: list[float]):
    t = doc.add_table(rows=1, cols=so_cot)
    khong_tach(t.rows[0])
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    _co_dinh(t, rong)
    for i, w in enumerate(rong):
        t.rows[0].cells[i].width = Cm(w)
    for c in t.rows[0].cells:
        c.paragraphs[0]._element.getparent().remove(c.paragraphs[0]._element)
    return t


RONG_TRAI = 6.9  # cm: the issuing body's column of the header (its name is broken to fit, see do_chu)


def khoi_dau(doc, *, so: bool = True, ngay: bool = True, rong: float = 16.5) -> None:
    """Header block: superior body and issuing body at left with a short rule and the number; Quốc hiệu and
    Tiêu ngữ at right with a rule, and the place and date in italics. The issuing body's name arrives already
    broken into lines (``\\n``) by the context (thidua.van_ban.do_chu.ngat_dong_ten)."""
    trai, phai = RONG_TRAI, rong - RONG_TRAI
    the(doc, "{%p if du_thao %}")  # a draft while the council has a tie to decide (issue #10)
    doan(doc, "{{ du_thao }}", size=14, bold=True, align=R, sau=6)
    the(doc, "{%p endif %}")
    t = bang_khong_vien(doc, 2, [trai, phai])
    a, b = t.rows[0].cells
    doan(a, "{{ co_quan_chu_quan }}", size=13, align=C)
    doan(a, "{{ co_quan }}", size=13, bold=True, align=C)
    ke_ngang(doan(a, "", size=6, align=C), 2.2, 2.2)
    if so:
        doan(a, "Số:        /{{ ky_hieu_van_ban }}", size=13, align=C, truoc=6)
    doan(b, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=12, bold=True, align=C)
    doan(b, "Độc lập - Tự do - Hạnh phúc", size=13, bold=True, align=C)
    le = max(0.5, (phai - 0.38 - 5.6) / 2)  # the rule is as long as the Tiêu ngữ line (about 5.6 cm at 13 pt)
    ke_ngang(doan(b, "", size=6, align=C), le, le)
    if ngay:
        doan(b, "{{ dia_danh_ngay }}", size=14, italic=True, align=C, truoc=6)
    doan(doc, "", sau=6)


def ten_van_ban(doc, loai: str, trich_yeu: str) -> None:
    doan(doc, loai, bold=True, align=C, truoc=6, giu=True)
    doan(doc, trich_yeu, bold=True, align=C, giu=True)
    ke_ngang(doan(doc, "", size=6, align=C, giu=True), 6.0, 6.0)
    doan(doc, "", sau=6)


def vong_p(doc, mo: str, than: str, dong: str, **kw) -> None:
    the(doc, f"{{%p {mo} %}}")
    doan(doc, than, **kw)
    the(doc, f"{{%p {dong} %}}")


def cho_ky(o) -> None:
    """The room for the signature and the seal (~28 mm), one paragraph of exact height."""
    p = doan(o, "", giu=True)
    p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    p.paragraph_format.line_spacing = Pt(CHO_KY_PT)


def chu_ky(doc, rong: float = 16.5, noi_nhan: bool = True) -> None:
    """Nơi nhận at left (12 bold italic, list 11), signer's authority, title and name at right (bold). The block
    is one table row that cannot split, and the paragraph before it keeps with it, so the signature never
    stands alone on the last page: the closing paragraph(s) of each template are ``giu=True`` too."""
    doan(doc, "", sau=6, giu=True)
    t = bang_khong_vien(doc, 2, [rong * 0.45, rong * 0.55])
    a, b = t.rows[0].cells
    if noi_nhan:
        doan(a, "Nơi nhận:", size=12, bold=True, italic=True, align=L, giu=True)
        the(a, "{%p for n in noi_nhan %}")
        doan(a, "{{ n }}", size=11, align=L, giu=True)
        the(a, "{%p endfor %}")
    else:
        doan(a, "")
    the(b, "{%p for d in chuc_danh_ky %}")
    doan(b, "{{ d }}", size=14, bold=True, align=C, giu=True)
    the(b, "{%p endfor %}")
    cho_ky(b)
    doan(b, "{{ nguoi_ky }}", size=14, bold=True, align=C)


def _o_vua(td: str, rong_cm: float, size: float) -> float:
    """The largest header size ≤ ``size`` (down to 9 pt) at which no word of ``td`` is wider than its cell."""
    if "{{" in td:
        return size
    co = size
    while tu_dai_nhat(td, co, dam=True) > rong_cm * 10 - LE_O_MM:
        co -= 0.5
        if co < 9:
            raise ValueError(f"Tiêu đề cột '{td}' không vừa cột rộng {rong_cm} cm: mở rộng cột.")
    return co


def bang_luoi(doc, tieu_de: list[str], rong: list[float], size: float = 12):
    """A grid table: fixed widths, a bold header row that repeats on every page and fits its columns."""
    t = doc.add_table(rows=1, cols=len(tieu_de))
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    _co_dinh(t, rong)
    for i, (td, w) in enumerate(zip(tieu_de, rong, strict=True)):
        c = t.rows[0].cells[i]
        c.width = Cm(w)
        c.paragraphs[0].alignment = C
        chay(c.paragraphs[0], td, size=_o_vua(td, w, size), bold=True)
    lap_lai_tieu_de(t.rows[0])
    khong_tach(t.rows[0])
    return t


def lap_lai_tieu_de(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    e = OxmlElement("w:tblHeader")
    e.set(qn("w:val"), "true")
    trpr.append(e)


def dong(t, cac_o: list[str], *, size: float = 12, bold: bool = False, italic: bool = False, can: list | None = None,
         gop: tuple[int, int] | None = None, giu: bool = False):
    """A row that cannot split. ``gop=(i, j)`` merges cells i..j into one (a group row spanning the table);
    ``giu``: the row keeps with the next one (a group's title never ends a page alone)."""
    r = t.add_row()
    khong_tach(r)
    for i, c in enumerate(r.cells):
        c.width = t.columns[i].width
    if gop is not None:
        r.cells[gop[0]].merge(r.cells[gop[1]])
    for i, text in enumerate(cac_o):
        if gop is not None and gop[0] < i <= gop[1]:
            continue  # inside the merged cell
        c = r.cells[i]
        p = c.paragraphs[0]
        p.alignment = (can[i] if can else L)
        if text:
            chay(p, text, size=size, bold=bold, italic=italic)
        if giu:
            p.paragraph_format.keep_with_next = True
    return r


def ngat_trang(doc) -> None:
    p = doc.add_paragraph()
    p.add_run().add_break(WD_BREAK.PAGE)


def mat_ngang(doc, le_trai: float = 30, le_phai: float = 15) -> None:
    """A new landscape section (annex tables, Decree 30 allows landscape for tables); its page numbers go on."""
    s = doc.add_section(WD_SECTION.NEW_PAGE)
    s.orientation = WD_ORIENT.LANDSCAPE
    s.page_width, s.page_height = Mm(297), Mm(210)
    s.left_margin, s.right_margin = Mm(le_trai), Mm(le_phai)
    s.top_margin = s.bottom_margin = Mm(20)
    s.different_first_page_header_footer = False
    # the paragraph that ends the previous section must not take a line of its own
    p = doc.paragraphs[-1]
    p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    p.paragraph_format.line_spacing = Pt(1)


def van_ban_hanh_chinh(loai: str, trich_yeu: str) -> Document:
    """An administrative document: A4 portrait, page numbers, the header block, its type and subject."""
    doc = tai_lieu()
    so_trang(doc)
    khoi_dau(doc)
    ten_van_ban(doc, loai, trich_yeu)
    return doc


def ghi_chu_mau(noi, ten: str) -> None:
    """A marked blank for the officer: highlighted, in brackets, removed once written."""
    doan(noi, ten, italic=True, thut=1.0, sau=6, to_mau=True)


# ---- templates ----------------------------------------------------------------------------------------------


def bien_ban_hop() -> Document:
    """Biên bản họp Hội đồng (issue #10): dated the meeting date; members present, absent and voting in writing;
    the counting board; the start and end hours; the vote per code in ballot order; ties and their resolution."""
    doc = van_ban_hanh_chinh("{{ ten_loai }}", "{{ trich_yeu }}")
    vong_p(doc, "for d in mo_dau", "{{ d }}", "endfor", thut=1.0, sau=6, gian=1.1)
    doan(doc, "THÀNH PHẦN", bold=True, align=C, sau=6, giu=True)
    vong_p(doc, "for d in thanh_phan", "{{ d }}", "endfor", thut=1.0, sau=3, gian=1.1)
    doan(doc, "NỘI DUNG", bold=True, align=C, sau=6, truoc=6, giu=True)
    vong_p(doc, "for d in noi_dung", "{{ d }}", "endfor", thut=1.0, sau=6, gian=1.1)
    bang_phieu_theo_nhom(doc, "nhom_ket_qua")
    doan(doc, GHI_CHU_VB, italic=True, size=12, sau=6)  # as in the vote-count minutes: "(1 VB)" explained
    ket_luan_giu_chu_ky(doc)
    hai_chu_ky(doc, "THƯ KÝ", "{{ thu_ky }}", "CHỦ TỌA", "{{ chu_tri }}")  # ND 30/2020 Phụ lục III, biên bản
    return doc


GHI_CHU_VB = "(VB: trong đó số ý kiến bằng văn bản của thành viên vắng mặt.)"


def bang_phieu_theo_nhom(doc, nhom: str) -> None:
    """The vote table of both minutes, one per group of candidates: a title, then a row per candidate."""
    the(doc, "{%p for nhom in " + nhom + " %}")
    doan(doc, "{{ nhom.tieu_de }}", bold=True, thut=1.0, sau=3, truoc=6, giu=True)
    # "Phiếu đồng ý" holds "10/11 (1 VB)" on one line (24.5 mm at 11 pt with the cell's margins; 2.2 cm broke it
    # as "10/11 (1" / "VB)" on every row of a council with written opinions)
    t = bang_luoi(doc, ["STT", "Họ tên / Tập thể", "Đơn vị", "Phiếu đồng ý", "Tỷ lệ", "Kết quả"],
                  [1.1, 4.0, 4.0, 2.7, 2.0, 2.7], size=11)
    dong(t, ["{%tr for d in nhom.ds %}", "", "", "", "", ""], size=11)
    dong(t, ["{{ d.stt }}", "{{ d.ten }}", "{{ d.don_vi }}", "{{ d.dong_y }}", "{{ d.ty_le }}", "{{ d.ket_qua }}"],
         size=11, can=[C, L, L, C, C, L])
    dong(t, ["{%tr endfor %}", "", "", "", "", ""], size=11)
    the(doc, "{%p endfor %}")


def ket_luan_giu_chu_ky(doc) -> None:
    """The minutes' conclusion: only its last paragraph keeps with the signatures. A whole conclusion kept with
    the next paragraph grows past a page when many candidates are listed, and LibreOffice then drops the rows of
    the signature table that do not fit (the third member of the counting board vanished)."""
    vong_p(doc, "for d in ket_luan[:-1]", "{{ d }}", "endfor", thut=1.0, sau=6, gian=1.1)
    doan(doc, "{{ ket_luan[-1] }}", thut=1.0, sau=6, gian=1.1, giu=True)


def hai_chu_ky(doc, trai: str, ten_trai: str, phai: str, ten_phai: str) -> None:
    doan(doc, "", sau=6, giu=True)
    t = bang_khong_vien(doc, 2, [8.25, 8.25])
    a, b = t.rows[0].cells
    for o, chuc, ten in ((a, trai, ten_trai), (b, phai, ten_phai)):
        doan(o, chuc, bold=True, align=C, giu=True)
        doan(o, "(Ký, ghi rõ họ tên)", italic=True, size=13, align=C, giu=True)
        cho_ky(o)
        doan(o, ten, bold=True, align=C)


def bien_ban_kiem_phieu() -> Document:
    """Biên bản kiểm phiếu (issue #10): the counting board named, each member signing; written opinions apart;
    void ballots explained in words; candidates in ballot order with their unit, threshold and quota once."""
    doc = van_ban_hanh_chinh("BIÊN BẢN KIỂM PHIẾU", "{{ trich_yeu }}")
    vong_p(doc, "for d in mo_dau", "{{ d }}", "endfor", thut=1.0, sau=6, gian=1.1)
    t = bang_luoi(doc, ["Số phiếu phát ra", "Số phiếu thu vào", "Trong đó bằng văn bản", "Số phiếu hợp lệ",
                        "Số phiếu không hợp lệ"], [3.3, 3.3, 3.3, 3.3, 3.3], size=12)
    dong(t, ["{{ so_phieu.phat_ra }}", "{{ so_phieu.thu_vao }}", "{{ so_phieu.van_ban }}", "{{ so_phieu.hop_le }}",
             "{{ so_phieu.khong_hop_le }}"], can=[C, C, C, C, C])
    doan(doc, "", sau=3)
    the(doc, "{%p if phieu_khong_hop_le %}")
    doan(doc, "Phiếu không hợp lệ:", thut=1.0, sau=3, giu=True)
    the(doc, "{%p endif %}")
    vong_p(doc, "for d in phieu_khong_hop_le", "{{ d }}", "endfor", thut=1.0, sau=3, size=13)
    doan(doc, "Kết quả bỏ phiếu đối với từng ứng viên (theo thứ tự trên phiếu bầu):", thut=1.0, sau=3, truoc=6,
         giu=True)
    bang_phieu_theo_nhom(doc, "nhom_ung_vien")
    doan(doc, GHI_CHU_VB, italic=True, size=12, sau=6)
    ket_luan_giu_chu_ky(doc)
    doan(doc, "", sau=6, giu=True)
    ky_ten_ban_kiem_phieu(doc)
    return doc


def ky_ten_ban_kiem_phieu(doc) -> None:
    """Every member of the counting board signs: two to a row, each with role, "(Ký, ghi rõ họ tên)", room, name."""
    t = bang_khong_vien(doc, 2, [8.25, 8.25])
    mo = t.rows[0]
    doan(mo.cells[0], "{%tr for h in hang_ky %}", size=2)
    doan(mo.cells[1], "", size=2)
    hang = t.add_row()
    khong_tach(hang)
    for o, ben in zip(hang.cells, ("trai", "phai"), strict=True):
        o.width = Cm(8.25)
        o.paragraphs[0]._element.getparent().remove(o.paragraphs[0]._element)
        doan(o, f"{{{{ h.{ben}.chuc }}}}", bold=True, align=C, giu=True)
        doan(o, f"{{{{ h.{ben}.ky }}}}", italic=True, size=13, align=C, giu=True)
        cho_ky(o)
        doan(o, f"{{{{ h.{ben}.ten }}}}", bold=True, align=C, sau=18)  # a gap before the next pair's titles
    dong_ = t.add_row()
    khong_tach(dong_)
    doan(dong_.cells[0], "{%tr endfor %}", size=2)


def phieu_bau() -> Document:
    """Secret ballots (issue #10): a series number on every page, never a member's; every page shows the title and
    "Trang n/m" (pages cut by the context, which knows how many rows fit); room for the council's seal at the end."""
    doc = tai_lieu()
    the(doc, "{%p for p in phieu %}")
    the(doc, "{%p for t in p.trang %}")
    the(doc, "{%p if t.dau %}")
    t = bang_khong_vien(doc, 2, [6.3, 10.2])
    a, b = t.rows[0].cells
    doan(a, "{{ co_quan }}", size=12, bold=True, align=C)
    doan(a, "HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG", size=12, bold=True, align=C)
    ke_ngang(doan(a, "", size=6, align=C), 2.0, 2.0)
    doan(b, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=12, bold=True, align=C)
    doan(b, "Độc lập - Tự do - Hạnh phúc", size=13, bold=True, align=C)
    ke_ngang(doan(b, "", size=6, align=C), 2.0, 2.0)
    doan(doc, "", sau=6)
    the(doc, "{%p endif %}")
    doan(doc, "{{ ten_phieu }}", bold=True, align=C, giu=True)
    doan(doc, "{{ trich_yeu }}", bold=True, align=C, giu=True)
    doan(doc, "{{ t.dong_so }}", italic=True, size=12, align=C, sau=6, giu=True)
    the(doc, "{%p if t.dau %}")
    doan(doc, "{{ huong_dan }}", italic=True, size=12, sau=6)
    the(doc, "{%p endif %}")
    t = bang_luoi(doc, ["STT", "Họ tên / Tập thể", "Đơn vị", "Đồng ý", "Không đồng ý"], [1.2, 5.2, 5.7, 2.0, 2.4])
    dong(t, ["{%tr for d in t.dong %}", "", "", "", ""])
    dong(t, ["{{ d.stt }}", "{{ d.ten }}", "{{ d.don_vi }}", "{{ d.o }}", "{{ d.o }}"], can=[C, L, L, C, C])
    dong(t, ["{%tr endfor %}", "", "", "", ""])
    the(doc, "{%p if t.cuoi %}")
    doan(doc, "", sau=6)
    o = bang_khong_vien(doc, 2, [8.0, 8.5])
    a, b = o.rows[0].cells
    doan(a, "")
    doan(b, "{{ cho_dau }}", italic=True, size=12, align=C, giu=True)
    cho_ky(b)
    the(doc, "{%p endif %}")
    doan(doc, "{{ t.ngat_trang }}", size=2)
    the(doc, "{%p endfor %}")
    the(doc, "{%p endfor %}")
    return doc


def _dieu(doc, ds: str, giu: bool) -> None:
    """Articles: "Điều n." in bold, then its khoản one per paragraph."""
    the(doc, f"{{%p for d in {ds} %}}")
    p = doan(doc, "", thut=1.0, sau=6, gian=1.1, giu=giu)
    chay(p, "{{ d.so }}", bold=True)
    chay(p, " {{ d.noi_dung }}")
    the(doc, "{%p for k in d.khoan %}")
    doan(doc, "{{ k }}", thut=1.0, sau=6, gian=1.1, giu=giu)
    the(doc, "{%p endfor %}")
    the(doc, "{%p endfor %}")


def _than_quyet_dinh(doc) -> None:
    doan(doc, "{{ tham_quyen }}", bold=True, align=C, sau=6, giu=True)
    vong_p(doc, "for c in can_cu", "{{ c }}", "endfor", italic=True, thut=1.0, sau=6, gian=1.1)
    doan(doc, "{{ theo_de_nghi }}", italic=True, thut=1.0, sau=6, giu=True)
    doan(doc, "QUYẾT ĐỊNH:", bold=True, align=C, sau=6, truoc=6, giu=True)
    _dieu(doc, "dieu_truoc", giu=False)
    _dieu(doc, "dieu_cuoi", giu=True)  # the last article keeps with the signature
    chu_ky(doc)


def _dau_phu_luc(doc, loai: str = "Quyết định", ky_hieu: str = "ky_hieu_van_ban") -> None:
    doan(doc, "DANH SÁCH", bold=True, align=C, sang_trang=True, giu=True)
    doan(doc, "{{ tieu_de_danh_sach }}", bold=True, align=C, giu=True)
    doan(doc, f"(Kèm theo {loai} số        /{{{{ {ky_hieu} }}}} {{{{ ngay_chu }}}} của {{{{ nguoi_ban_hanh }}}})",
         italic=True, align=C, size=13, giu=True)
    ke_ngang(doan(doc, "", size=6, align=C, giu=True), 6.0, 6.0)
    doan(doc, "", sau=6, giu=True)


def _dong_tong(t, so_cot: int, size: float = 12) -> None:
    """The total row: count and amount in words in one merged cell, the amount in the last."""
    r = dong(t, ["Tổng cộng: {{ so_nguoi }}", *[""] * (so_cot - 2), "{{ tong_tien }}"], size=size, bold=True,
             can=[L, *[L] * (so_cot - 2), R], gop=(0, so_cot - 2))
    p = r.cells[0].add_paragraph()
    chay(p, "(Bằng chữ: {{ tong_tien_chu }})", size=size, italic=True)


def quyet_dinh() -> Document:
    """QĐ công nhận danh hiệu (LĐTT, CSTĐCS) and QĐ tặng Giấy khen: the annex in parts (I., II.), units as
    numbered group rows spanning the table, each person once."""
    doc = van_ban_hanh_chinh("QUYẾT ĐỊNH", "{{ trich_yeu }}")
    _than_quyet_dinh(doc)
    _dau_phu_luc(doc)
    t = bang_luoi(doc, ["STT", "{{ cot_ten }}", "Chức vụ", "Số tiền (đồng)"], [1.3, 7.6, 4.4, 3.2])  # name (and a
    # themed round's achievement) wide; the longest position, "Phó Chánh Văn phòng", fits 4.4 cm
    dong(t, ["{%tr for phan in phan_danh_sach %}", "", "", ""])
    dong(t, ["{{ phan.ten }}", "", "", ""], bold=True, gop=(0, 3), giu=True)
    dong(t, ["{%tr for nhom in phan.nhom %}", "", "", ""])
    dong(t, ["{%tr if nhom.ten %}", "", "", ""])
    dong(t, ["{{ nhom.ten }}", "", "", ""], bold=True, italic=True, gop=(0, 3), giu=True)
    dong(t, ["{%tr endif %}", "", "", ""])
    dong(t, ["{%tr for d in nhom.ds %}", "", "", ""])
    dong(t, ["{{ d.stt }}", "{{ d.ten }}", "{{ d.chuc_vu }}", "{{ d.so_tien }}"], can=[C, L, L, R])
    dong(t, ["{%tr endfor %}", "", "", ""])
    dong(t, ["{%tr endfor %}", "", "", ""])
    dong(t, ["{%tr endfor %}", "", "", ""])
    _dong_tong(t, 4)
    return doc


def quyet_dinh_tap_the() -> Document:
    """QĐ công nhận "Tập thể lao động tiên tiến": collectives in the department's order, no empty columns."""
    doc = van_ban_hanh_chinh("QUYẾT ĐỊNH", "{{ trich_yeu }}")
    _than_quyet_dinh(doc)
    _dau_phu_luc(doc)
    t = bang_luoi(doc, ["STT", "Tên tập thể", "Số tiền (đồng)"], [1.3, 11.8, 3.4])
    dong(t, ["{%tr for d in ds %}", "", ""])
    dong(t, ["{{ d.stt }}", "{{ d.ten }}", "{{ d.so_tien }}"], can=[C, L, R])
    dong(t, ["{%tr endfor %}", "", ""])
    _dong_tong(t, 3)
    return doc


def to_trinh() -> Document:
    """Tờ trình to the province: request by title with counts of people and of collectives, the dossier with
    copy counts, then an annex (landscape) the province can use as the list of its own decision."""
    doc = van_ban_hanh_chinh("TỜ TRÌNH", "{{ trich_yeu }}")
    doan(doc, "Kính gửi: {{ kinh_gui }}", align=C, sau=6)
    vong_p(doc, "for c in can_cu", "{{ c }}", "endfor", thut=1.0, sau=6, gian=1.1)
    vong_p(doc, "for d in noi_dung", "{{ d }}", "endfor", thut=1.0, sau=6, gian=1.1)
    vong_p(doc, "for d in de_nghi", "{{ d }}", "endfor", thut=1.0, sau=3, gian=1.1)
    doan(doc, "{{ ho_so_tieu_de }}", thut=1.0, sau=3, truoc=3, gian=1.1, giu=True)
    vong_p(doc, "for d in ho_so", "{{ d }}", "endfor", thut=1.0, sau=2, gian=1.1)
    vong_p(doc, "for d in ket_luan", "{{ d }}", "endfor", thut=1.0, sau=6, gian=1.1, giu=True)
    chu_ky(doc)
    mat_ngang(doc)
    doan(doc, "DANH SÁCH", bold=True, align=C, giu=True)
    doan(doc, "{{ tieu_de_danh_sach }}", bold=True, align=C, giu=True)
    doan(doc, "(Kèm theo Tờ trình số        /{{ ky_hieu_van_ban }} {{ ngay_chu }} của {{ co_quan_van }})",
         italic=True, align=C, size=13, giu=True)
    ke_ngang(doan(doc, "", size=6, align=C, giu=True), 9.0, 9.0)
    # the note on the vote column above the table, not after it (a reviewer: alone on a last landscape page)
    doan(doc, "{{ ghi_chu_danh_sach }}", italic=True, size=12, sau=6, giu=True)
    t = bang_luoi(doc, ["STT", "Họ và tên, tên tập thể", "Chức vụ, đơn vị công tác", "Thành tích, căn cứ đề nghị",
                        "Phiếu đồng ý (tỷ lệ)"], [1.2, 4.9, 5.4, 9.7, 4.0], size=12)  # "15/15 (100,00 %)" on a line
    dong(t, ["{%tr for phan in phan_danh_sach %}", "", "", "", ""])
    dong(t, ["{{ phan.ten }}", "", "", "", ""], bold=True, gop=(0, 4), giu=True)
    dong(t, ["{%tr for d in phan.ds %}", "", "", "", ""])
    dong(t, ["{{ d.stt }}", "{{ d.ten }}", "{{ d.don_vi }}", "{{ d.thanh_tich }}", "{{ d.phieu }}"],
         can=[C, L, L, L, C])
    dong(t, ["{%tr endfor %}", "", "", "", ""])
    dong(t, ["{%tr endfor %}", "", "", "", ""])
    return doc


# the registration list's title columns, in the order of thidua.van_ban.ngu_canh.COT_DANG_KY_*
COT_CA_NHAN = ("LĐTT", "CSTĐCS", "CSTĐ tỉnh", "CSTĐTQ", "GK", "BK tỉnh")
COT_TAP_THE = ("TTLĐTT", "TTLĐXS", "Cờ thi đua tỉnh", "GK", "BK tỉnh")


def danh_sach_dang_ky() -> Document:
    """The registration list: one row per person with a column per title, collectives in their own part."""
    doc = tai_lieu(ngang=True)
    so_trang(doc)
    khoi_dau(doc, rong=25.2)
    doan(doc, "DANH SÁCH", bold=True, align=C, giu=True)
    doan(doc, "{{ trich_yeu }}", bold=True, align=C, giu=True)
    ke_ngang(doan(doc, "", size=6, align=C, giu=True), 10.0, 10.0)
    doan(doc, "", sau=6)
    doan(doc, "I. CÁ NHÂN ({{ so_ca_nhan }} người)", bold=True, sau=3, giu=True)
    t = bang_luoi(doc, ["STT", "Họ và tên", "Chức vụ", *COT_CA_NHAN, "Ghi chú"], [1.1, 4.8, 4.0, *[1.75] * 6, 4.8],
                  size=11)
    dong(t, ["{%tr for nhom in nhom_ca_nhan %}", *[""] * 9])
    dong(t, ["{{ nhom.ten }}", *[""] * 9], size=11, bold=True, gop=(0, 9), giu=True)
    dong(t, ["{%tr for d in nhom.ds %}", *[""] * 9])
    dong(t, ["{{ d.stt }}", "{{ d.ten }}", "{{ d.chuc_vu }}", *[f"{{{{ d.dau[{i}] }}}}" for i in range(6)],
             "{{ d.ghi_chu }}"], size=11, can=[C, L, L, C, C, C, C, C, C, L])
    dong(t, ["{%tr endfor %}", *[""] * 9])
    dong(t, ["{%tr endfor %}", *[""] * 9])
    dong(t, ["Cộng", "", "", *[f"{{{{ tong_ca_nhan[{i}] }}}}" for i in range(6)], ""], size=11, bold=True,
         can=[L, L, L, C, C, C, C, C, C, L], gop=(0, 2))
    doan(doc, "", sau=6)
    doan(doc, "II. TẬP THỂ ({{ so_tap_the }} tập thể)", bold=True, sau=3, giu=True)
    t = bang_luoi(doc, ["STT", "Tên tập thể", *COT_TAP_THE, "Ghi chú"], [1.1, 8.8, *[2.0] * 5, 5.3], size=11)
    dong(t, ["{%tr for d in tap_the %}", *[""] * 7])
    dong(t, ["{{ d.stt }}", "{{ d.ten }}", *[f"{{{{ d.dau[{i}] }}}}" for i in range(5)], "{{ d.ghi_chu }}"], size=11,
         can=[C, L, C, C, C, C, C, L])
    dong(t, ["{%tr endfor %}", *[""] * 7])
    dong(t, ["Cộng", "", *[f"{{{{ tong_tap_the[{i}] }}}}" for i in range(5)], ""], size=11, bold=True,
         can=[L, L, C, C, C, C, C, L], gop=(0, 1))
    doan(doc, "", sau=3)
    vong_p(doc, "for d in ghi_chu", "{{ d }}", "endfor", size=12, italic=True, sau=2)
    vong_p(doc, "for d in so_luong", "{{ d }}", "endfor", size=13, sau=2, giu=True)
    chu_ky(doc, rong=25.2)
    return doc


def giay_khen() -> Document:
    """One certificate per page, every page laid out at the same place (each starts with a page-break-before,
    not after a break inside the previous page's paragraph)."""
    doc = tai_lieu(ngang=True)
    s = doc.sections[0]
    s.left_margin = s.right_margin = Mm(25)
    s.top_margin = s.bottom_margin = Mm(18)
    the(doc, "{%p for g in giay_khen %}")
    doan(doc, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=14, bold=True, align=C, sang_trang=True)
    doan(doc, "Độc lập - Tự do - Hạnh phúc", size=15, bold=True, align=C)
    ke_ngang(doan(doc, "", size=6, align=C), 9.5, 9.5)
    doan(doc, "", size=10)
    doan(doc, "{{ tham_quyen }}", size=16, bold=True, align=C)
    doan(doc, "TẶNG", size=16, bold=True, align=C, truoc=6)
    doan(doc, "GIẤY KHEN", size=40, bold=True, align=C, truoc=6, sau=6)
    doan(doc, "{{ g.ten }}", size=26, bold=True, align=C, sau=4)
    doan(doc, "{{ g.mo_ta }}", size=16, align=C, sau=8)
    doan(doc, "{{ g.thanh_tich }}", size=16, italic=True, align=C, sau=14)
    t = bang_khong_vien(doc, 2, [11.0, 12.7])
    a, b = t.rows[0].cells
    doan(a, "Quyết định số:        /{{ ky_hieu_van_ban }}", size=13, align=L)
    doan(a, "{{ ngay_chu }}", size=13, align=L)
    doan(a, "Số vào sổ: {{ g.so_vao_so }}", size=13, align=L)
    doan(b, "{{ dia_danh_ngay }}", size=14, italic=True, align=C)
    the(b, "{%p for d in chuc_danh_ky %}")
    doan(b, "{{ d }}", size=14, bold=True, align=C)
    the(b, "{%p endfor %}")
    cho_ky(b)
    doan(b, "{{ nguoi_ky }}", size=14, bold=True, align=C)
    the(doc, "{%p endfor %}")
    return doc


def bao_cao() -> Document:
    """Báo cáo tổng kết: the sections a real report has; figures and tables from the results, the rest marked
    blanks for the officer; what the Sở pays and what is proposed upward kept apart everywhere."""
    doc = van_ban_hanh_chinh("BÁO CÁO", "{{ trich_yeu }}")
    doan(doc, "I. ĐẶC ĐIỂM TÌNH HÌNH", bold=True, thut=1.0, sau=6, giu=True)
    vong_p(doc, "for d in dac_diem", "{{ d }}", "endfor", thut=1.0, sau=6, gian=1.1)
    ghi_chu_mau(doc, "{{ cho_viet_phan.dac_diem }}")
    doan(doc, "II. CÔNG TÁC CHỈ ĐẠO, TỔ CHỨC PHONG TRÀO THI ĐUA", bold=True, thut=1.0, sau=6, giu=True)
    ghi_chu_mau(doc, "{{ cho_viet_phan.chi_dao }}")
    doan(doc, "III. KẾT QUẢ CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM {{ nam }}", bold=True, thut=1.0, sau=6, giu=True)
    vong_p(doc, "for d in ket_qua", "{{ d }}", "endfor", thut=1.0, sau=6, gian=1.1)
    doan(doc, "Bảng 1. Kết quả khen thưởng so với các năm trước", italic=True, align=C, size=13, sau=3, giu=True)
    t = bang_luoi(doc, ["Danh hiệu, hình thức", "{{ cac_nam[0] }}", "{{ cac_nam[1] }}", "{{ cac_nam[2] }}",
                        "{{ cac_nam[3] }}"], [7.3, 2.3, 2.3, 2.3, 2.3])
    # a table of a few rows (one per title) kept whole, with its note (a reviewer: cut after its first row)
    for p in (p for c in t.rows[0].cells for p in c.paragraphs):
        p.paragraph_format.keep_with_next = True
    dong(t, ["{%tr for d in so_sanh %}", "", "", "", ""])
    dong(t, ["{{ d.ten }}", "{{ d.so[0] }}", "{{ d.so[1] }}", "{{ d.so[2] }}", "{{ d.so[3] }}"], can=[L, C, C, C, C],
         giu=True)
    dong(t, ["{%tr endfor %}", "", "", "", ""])
    doan(doc, "{{ ghi_chu_so_sanh }}", italic=True, size=12, sau=6)
    doan(doc, "{{ bieu_do }}", align=C, sau=3, giu=True)
    doan(doc, "Biểu đồ 1. Số danh hiệu, hình thức qua các năm", italic=True, align=C, size=13, sau=6)
    doan(doc, "Bảng 2. Kết quả năm {{ nam }} theo đơn vị", italic=True, align=C, size=13, sau=3, giu=True)
    t = bang_luoi(doc, ["Đơn vị", "LĐTT", "CSTĐCS", "TTLĐTT", "GK", "Đề nghị cấp trên", "Sở chi (đồng)",
                        "Đề nghị (đồng)"], [3.9, 1.4, 1.8, 1.8, 1.1, 1.6, 2.45, 2.45], size=10)
    dong(t, ["{%tr for d in theo_don_vi %}", *[""] * 7], size=10)
    dong(t, ["{{ d.ten }}", "{{ d.ldtt }}", "{{ d.cstdcs }}", "{{ d.ttldtt }}", "{{ d.gk }}", "{{ d.cap_tren }}",
             "{{ d.so_chi }}", "{{ d.de_nghi }}"], size=10, can=[L, C, C, C, C, C, R, R])
    dong(t, ["{%tr endfor %}", *[""] * 7], size=10)
    dong(t, ["Cộng", "{{ tong_don_vi.ldtt }}", "{{ tong_don_vi.cstdcs }}", "{{ tong_don_vi.ttldtt }}",
             "{{ tong_don_vi.gk }}", "{{ tong_don_vi.cap_tren }}", "{{ tong_don_vi.so_chi }}",
             "{{ tong_don_vi.de_nghi }}"], size=10, bold=True, can=[L, C, C, C, C, C, R, R])
    doan(doc, "{{ ghi_chu_don_vi }}", italic=True, size=12, sau=6)
    doan(doc, "IV. ĐIỂN HÌNH TIÊN TIẾN", bold=True, thut=1.0, sau=6, giu=True)
    vong_p(doc, "for d in dien_hinh", "{{ d }}", "endfor", thut=1.0, sau=3, gian=1.1)
    ghi_chu_mau(doc, "{{ cho_viet_phan.dien_hinh }}")
    doan(doc, "V. ĐÁNH GIÁ CHUNG", bold=True, thut=1.0, sau=6, giu=True)
    doan(doc, "1. Ưu điểm", bold=True, italic=True, thut=1.0, sau=3, giu=True)
    ghi_chu_mau(doc, "{{ cho_viet_phan.uu_diem }}")
    doan(doc, "2. Tồn tại, hạn chế và nguyên nhân", bold=True, italic=True, thut=1.0, sau=3, giu=True)
    ghi_chu_mau(doc, "{{ cho_viet_phan.han_che }}")
    doan(doc, "3. Bài học kinh nghiệm", bold=True, italic=True, thut=1.0, sau=3, giu=True)
    ghi_chu_mau(doc, "{{ cho_viet_phan.bai_hoc }}")
    doan(doc, "VI. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {{ nam + 1 }}", bold=True, thut=1.0, sau=6, giu=True)
    ghi_chu_mau(doc, "{{ cho_viet_phan.phuong_huong }}")
    doan(doc, "VII. KIẾN NGHỊ, ĐỀ XUẤT", bold=True, thut=1.0, sau=6, giu=True)
    vong_p(doc, "for d in kien_nghi", "{{ d }}", "endfor", thut=1.0, sau=3, gian=1.1)
    ghi_chu_mau(doc, "{{ cho_viet_phan.kien_nghi }}")
    doan(doc, "{{ cau_ket }}", thut=1.0, sau=6, giu=True)
    chu_ky(doc)
    return doc


MAU = {
    "quyet_dinh": quyet_dinh,
    "quyet_dinh_tap_the": quyet_dinh_tap_the,
    "to_trinh": to_trinh,
    "bien_ban_hop": bien_ban_hop,
    "bien_ban_kiem_phieu": bien_ban_kiem_phieu,
    "phieu_bau": phieu_bau,
    "danh_sach_dang_ky": danh_sach_dang_ky,
    "giay_khen": giay_khen,
    "bao_cao_tong_ket": bao_cao,
}


# ---- hồ sơ sent upward (issue 17) ------------------------------------------------------------------------------

GHI_CHU_MAU = ("{#p Mẫu {} của thidua, theo bố cục báo cáo thành tích phụ lục Nghị định 91/2017/NĐ-CP ({}), "
               "Nghị định 98/2023/NĐ-CP và Thông tư 20/2025/TT-BNV. CHƯA đối chiếu được với mẫu phụ lục Nghị định "
               "152/2025/NĐ-CP; cơ quan sửa mẫu này rồi dùng --mau THU_MUC. Dòng ghi chú này không hiện trong văn bản. #}")


def ghi_chu_mau_goc(doc, ten: str, mau_goc: str) -> None:
    """The template's first paragraph: a Jinja comment (removed at rendering) saying which form it follows."""
    doan(doc, GHI_CHU_MAU.replace("{}", ten, 1).replace("{}", mau_goc, 1), size=9)


def dau_bao_cao_thanh_tich(doc, loai: str) -> None:
    khoi_dau(doc, so=False)
    doan(doc, "BÁO CÁO THÀNH TÍCH", bold=True, align=C, truoc=6)
    doan(doc, loai, bold=True, align=C)
    ke_ngang(doan(doc, "", size=6, align=C), 6.0, 6.0)
    doan(doc, "", sau=6)


def muc(doc, text: str) -> None:
    """A part's heading, kept with what follows (never alone at the foot of a page)."""
    doan(doc, text, bold=True, thut=1.0, sau=6, truoc=6, giu=True)


def o_viet(doc, bien: str) -> None:
    """A marked blank for the candidate or the unit to write (italic)."""
    doan(doc, "{{ " + bien + " }}", italic=True, thut=1.0, sau=6)


def bang_khen_thuong(doc, giu_cuoi: bool = False) -> None:
    """``giu_cuoi``: the forms part keeps with what follows (the signatures come next: never alone on a page)."""
    bang_nam_quyet_dinh(doc, "1. Danh hiệu thi đua", "Danh hiệu thi đua",
                        "Số, ngày, tháng, năm của quyết định công nhận; cơ quan ban hành", "danh_hieu", truoc=0)
    bang_nam_quyet_dinh(doc, "2. Hình thức khen thưởng", "Hình thức khen thưởng",
                        "Số, ngày, tháng, năm của quyết định khen thưởng; cơ quan ban hành", "hinh_thuc", truoc=6,
                        giu=giu_cuoi)


def bang_nam_quyet_dinh(doc, tieu_de: str, cot_ten: str, cot_qd: str, ds: str, truoc: float,
                        giu: bool = False) -> None:
    """A part of the achievement report: year, title or form, its decision — or a line saying the ledger has none.
    ``giu``: its rows and its line keep with what follows."""
    doan(doc, tieu_de, thut=1.0, sau=3, giu=True, **({"truoc": truoc} if truoc else {}))
    # the table only when the ledger has rows; else the line saying none, kept with the heading above (an empty
    # table left the heading alone at the foot of a page in LibreOffice's PDF: a clerk's review)
    doan(doc, "{%p if " + ds + " %}", size=2)
    t = bang_luoi(doc, ["Năm", cot_ten, cot_qd], [1.8, 5.2, 9.5], size=12)
    for p in (p for c in t.rows[0].cells for p in c.paragraphs) if giu else ():
        p.paragraph_format.keep_with_next = True  # the header row with its rows
    dong(t, ["{%tr for d in " + ds + " %}", "", ""])
    dong(t, ["{{ d.nam }}", "{{ d.ten }}", "{{ d.quyet_dinh }}"], can=[C, L, L], giu=giu)
    dong(t, ["{%tr endfor %}", "", ""])
    doan(doc, "{%p else %}", size=2)
    doan(doc, "{{ khong_co_khen_thuong }}", italic=True, thut=1.0, size=13, giu=giu)
    doan(doc, "{%p endif %}", size=2)


def bang_sang_kien(doc) -> None:
    t = bang_luoi(doc, ["Năm", "Loại", "Tên sáng kiến, đề tài", "Cấp", "Quyết định công nhận"],
                  [1.5, 2.0, 6.0, 1.8, 5.2], size=12)
    dong(t, ["{%tr for s in sang_kien %}", "", "", "", ""])
    dong(t, ["{{ s.nam }}", "{{ s.loai }}", "{{ s.ten }}", "{{ s.cap }}", "{{ s.quyet_dinh }}"], can=[C, L, L, C, L])
    dong(t, ["{%tr endfor %}", "", "", "", ""])


def ky_xac_nhan(doc, trai: str, ghi_trai: str, phai: str, ghi_phai: str, ten_phai: str):
    """Two signature blocks side by side (confirming head at left, reporter at right), kept on one page, with the
    text before them and with what follows (the agency's confirmation, ``ky_co_quan`` on this table: never alone
    on a last page — LibreOffice keeps rows of one table together, not a table with the next one)."""
    doan(doc, "", sau=6, giu=True)
    t = bang_khong_vien(doc, 2, [8.25, 8.25])
    a, b = t.rows[0].cells
    for o, chuc, ghi, ten in ((a, trai, ghi_trai, ""), (b, phai, ghi_phai, ten_phai)):
        doan(o, chuc, bold=True, align=C, giu=True)
        doan(o, ghi, italic=True, size=13, align=C, giu=True)
        for _ in range(4):
            doan(o, "", giu=True)
        doan(o, ten, bold=True, align=C, giu=True)
    return t


def ky_co_quan(doc, ky: Any = None) -> None:
    """The agency's confirmation (the level that files the proposal), below the unit's signatures: a row of their
    table ``ky`` (one cell across it, the text in its right 12 cm), or a table of its own."""
    if ky is not None:
        hang = ky.add_row()
        khong_tach(hang)
        b = hang.cells[0].merge(hang.cells[1])
        b._element.remove(b.paragraphs[0]._element)
        doan(b, "", sau=6)
        thut = 4.5
    else:
        doan(doc, "", sau=6, giu=True)
        t = bang_khong_vien(doc, 2, [4.5, 12.0])
        a, b = t.rows[0].cells
        doan(a, "")
        thut = 0.0
    for p in _doan_co_quan(b):
        p.paragraph_format.left_indent = Cm(thut) if thut else None


def _doan_co_quan(b) -> list:
    ra = [doan(b, "XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG", bold=True, align=C)]
    ra.append(doan(b, "{%p for d in chuc_danh_ky %}", size=2))
    ra.append(doan(b, "{{ d }}", bold=True, align=C))
    ra.append(doan(b, "{%p endfor %}", size=2))
    ra.append(doan(b, "(Ký, đóng dấu)", italic=True, size=13, align=C))
    ra += [doan(b, "") for _ in range(3)]
    ra.append(doan(b, "{{ nguoi_ky }}", bold=True, align=C))
    return ra


def bao_cao_thanh_tich_ca_nhan() -> Document:
    doc = tai_lieu()
    ghi_chu_mau_goc(doc, "báo cáo thành tích của cá nhân (công trạng, thành tích thường xuyên)", "Mẫu số 02")
    so_trang(doc)
    dau_bao_cao_thanh_tich(doc, "ĐỀ NGHỊ TẶNG {{ de_nghi | upper }}")
    muc(doc, "I. SƠ LƯỢC LÝ LỊCH")
    for nhan, bien in (("Họ và tên", "ho_ten"), ("Giới tính", "gioi_tinh"), ("Số định danh cá nhân", "so_dinh_danh"),
                       ("Sinh ngày", "ngay_sinh"), ("Chức vụ", "chuc_vu"), ("Đơn vị công tác", "don_vi"),
                       ("Ngày tuyển dụng", "ngay_tuyen_dung")):
        p = doan(doc, "", thut=1.0, sau=3)
        chay(p, f"- {nhan}: ")
        chay(p, "{{ " + bien + " }}")
    o_viet(doc, "tu_viet_que_quan")
    muc(doc, "II. THÀNH TÍCH ĐẠT ĐƯỢC")
    doan(doc, "1. Quyền hạn, nhiệm vụ được giao", thut=1.0, sau=3)
    o_viet(doc, "tu_viet_nhiem_vu")
    doan(doc, "2. Thành tích đạt được", thut=1.0, sau=3)
    o_viet(doc, "tu_viet_thanh_tich")
    doan(doc, "{%p if xep_loai %}", size=2)
    doan(doc, "Kết quả đánh giá, xếp loại các năm:", thut=1.0, sau=3)
    doan(doc, "{%p for x in xep_loai %}", size=2)
    doan(doc, "- Năm {{ x.nam }}: {{ x.muc }};", thut=1.0, sau=0)
    doan(doc, "{%p endfor %}", size=2)
    doan(doc, "{%p endif %}", size=2)
    doan(doc, "3. Sáng kiến, đề tài khoa học được công nhận", thut=1.0, sau=3, truoc=6, giu=True)
    doan(doc, "{%p if sang_kien %}", size=2)
    bang_sang_kien(doc)
    doan(doc, "{%p else %}", size=2)
    doan(doc, "Chưa có sáng kiến, đề tài nào trong dữ liệu.", italic=True, thut=1.0, size=13)
    doan(doc, "{%p endif %}", size=2)
    muc(doc, "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG")
    bang_khen_thuong(doc)
    muc(doc, "IV. KỶ LUẬT")
    vong_p(doc, "for k in ky_luat", "- {{ k }}", "endfor", thut=1.0, sau=3, giu=True)
    ky = ky_xac_nhan(doc, "{{ thu_truong_xac_nhan }}", "{{ xac_nhan_de_nghi }}\n{{ ky_thu_truong }}", "NGƯỜI BÁO CÁO THÀNH TÍCH",
                     "(Ký, ghi rõ họ tên)", "{{ nguoi_bao_cao }}")
    ky_co_quan(doc, ky)
    return doc


def bao_cao_thanh_tich_tap_the() -> Document:
    doc = tai_lieu()
    ghi_chu_mau_goc(doc, "báo cáo thành tích của tập thể (công trạng, thành tích thường xuyên)", "Mẫu số 01")
    so_trang(doc)
    dau_bao_cao_thanh_tich(doc, "ĐỀ NGHỊ TẶNG {{ de_nghi | upper }}")
    p = doan(doc, "", align=C, sau=6)
    chay(p, "Tên tập thể: ")
    chay(p, "{{ ten_tap_the }}", bold=True)
    muc(doc, "I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH")
    doan(doc, "- Số thành viên: {{ so_thanh_vien }}; xếp loại tập thể năm {{ nam }}: {{ xep_loai_tap_the }}.",
         thut=1.0, sau=3)
    doan(doc, "{%p if khoi %}", size=2)
    # no dangling label when the score is blank (a reviewer: "điểm thi đua: .")
    doan(doc, "- Khối thi đua: {{ khoi }}{% if diem %}; điểm thi đua: {{ diem }}{% endif %}.", thut=1.0, sau=3)
    doan(doc, "{%p endif %}", size=2)
    o_viet(doc, "tu_viet_dac_diem")
    o_viet(doc, "tu_viet_nhiem_vu")
    muc(doc, "II. THÀNH TÍCH ĐẠT ĐƯỢC")
    vong_p(doc, "if thanh_tich_nam", "- {{ thanh_tich_nam }}", "endif", thut=1.0, sau=3)  # the data's part
    o_viet(doc, "tu_viet_thanh_tich")
    muc(doc, "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG")
    bang_khen_thuong(doc, giu_cuoi=True)
    ky_xac_nhan(doc, "THỦ TRƯỞNG CƠ QUAN\nCẤP TRÊN", "NHẬN XÉT, XÁC NHẬN\n(Ký, đóng dấu)", "THỦ TRƯỞNG ĐƠN VỊ",
                "{{ ky_don_vi }}", "")  # "(Ký, đóng dấu)", or no seal for a phòng of the Sở (ho_so.co_dau_rieng)
    return doc


def bao_cao_thanh_tich_dot() -> Document:
    doc = tai_lieu()
    ghi_chu_mau_goc(doc, "báo cáo thành tích đột xuất hoặc theo đợt, chuyên đề (cá nhân và tập thể)",
                "Mẫu số 06 đột xuất, Mẫu số 07 chuyên đề")
    so_trang(doc)
    dau_bao_cao_thanh_tich(doc, "ĐỀ NGHỊ TẶNG {{ de_nghi | upper }}")
    doan(doc, "{%p if ca_nhan %}", size=2)
    muc(doc, "I. SƠ LƯỢC LÝ LỊCH")
    for nhan, bien in (("Họ và tên", "ho_ten"), ("Giới tính", "gioi_tinh"), ("Số định danh cá nhân", "so_dinh_danh"),
                       ("Sinh ngày", "ngay_sinh"), ("Chức vụ", "chuc_vu"), ("Đơn vị công tác", "don_vi")):
        p = doan(doc, "", thut=1.0, sau=3)
        chay(p, f"- {nhan}: ")
        chay(p, "{{ " + bien + " }}")
    doan(doc, "{%p else %}", size=2)
    muc(doc, "I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH")
    doan(doc, "- Tên tập thể: {{ ten_tap_the }}; số thành viên: {{ so_thanh_vien }}.", thut=1.0, sau=3)
    o_viet(doc, "tu_viet_dac_diem")
    doan(doc, "{%p endif %}", size=2)
    muc(doc, "II. NỘI DUNG {{ thanh_tich_dot | upper }}")
    doan(doc, "{%p if thanh_tich_du_lieu %}", size=2)
    doan(doc, "{{ thanh_tich_du_lieu }}.", thut=1.0, sau=6)
    doan(doc, "{%p endif %}", size=2)
    o_viet(doc, "tu_viet_dien_bien")
    muc(doc, "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG")
    bang_khen_thuong(doc, giu_cuoi=True)  # the signatures follow (a clerk's review: alone on page 2)
    doan(doc, "{%p if ca_nhan %}", size=2)
    ky_xac_nhan(doc, "{{ thu_truong_xac_nhan }}", "{{ xac_nhan_de_nghi }}\n{{ ky_thu_truong }}", "NGƯỜI BÁO CÁO THÀNH TÍCH",
                "(Ký, ghi rõ họ tên)", "{{ nguoi_bao_cao }}")
    doan(doc, "{%p else %}", size=2)
    ky_xac_nhan(doc, "THỦ TRƯỞNG CƠ QUAN\nCẤP TRÊN", "NHẬN XÉT, XÁC NHẬN\n(Ký, đóng dấu)", "THỦ TRƯỞNG ĐƠN VỊ",
                "{{ ky_don_vi }}", "")  # "(Ký, đóng dấu)", or no seal for a phòng of the Sở (ho_so.co_dau_rieng)
    doan(doc, "{%p endif %}", size=2)
    ky_co_quan(doc)
    return doc


def danh_muc_ho_so() -> Document:
    doc = tai_lieu(ngang=True)
    doan(doc, "{#p Danh mục hồ sơ do thidua lập (không phải mẫu của Nghị định): mỗi tài liệu, của ai, tệp nào, "
         "có hay thiếu, số bản gửi. Sửa được qua --mau THU_MUC. #}", size=9)
    so_trang(doc)
    khoi_dau(doc, so=False, rong=25.2)
    doan(doc, "DANH MỤC HỒ SƠ", bold=True, align=C)
    doan(doc, "{{ trich_yeu }}", bold=True, align=C)
    ke_ngang(doan(doc, "", size=6, align=C), 6.0, 6.0)
    doan(doc, "", sau=6)
    t = bang_luoi(doc, ["STT", "Tài liệu", "Của", "Tệp", "Tình trạng", "Số bản gửi"], [1.3, 7.4, 3.8, 5.2, 5.3, 2.2],
                  size=11)
    dong(t, ["{%tr for m in muc %}", "", "", "", "", ""], size=11)
    dong(t, ["{{ m.stt }}", "{{ m.tai_lieu }}", "{{ m.cua }}", "{{ m.tep }}", "{{ m.tinh_trang }}", "{{ m.so_ban }}"],
         size=11, can=[C, L, L, L, L, L])
    dong(t, ["{%tr endfor %}", "", "", "", "", ""], size=11)
    doan(doc, "", sau=3)
    doan(doc, "Có: {{ so_co }} tài liệu; thiếu: {{ so_thieu }} tài liệu.", bold=True, size=13, sau=3, giu=True)
    # the notes keep with the signature (a clerk's review: the signature stood alone on the last page)
    vong_p(doc, "for g in ghi_chu", "- {{ g }}", "endfor", italic=True, size=12, sau=2, giu=True)
    # a working list of the officer who assembles the dossier, not a document the Giám đốc signs and sends (a
    # clerk's review: a GIÁM ĐỐC signature under file names and staff codes)
    doan(doc, "", sau=6, giu=True)
    t = bang_khong_vien(doc, 2, [25.2 * 0.55, 25.2 * 0.45])
    a, b = t.rows[0].cells
    doan(a, "")
    doan(b, "NGƯỜI LẬP DANH MỤC", size=14, bold=True, align=C, giu=True)
    doan(b, "(Ký, ghi rõ họ tên)", size=13, italic=True, align=C, giu=True)
    cho_ky(b)
    return doc


MAU_HO_SO = {
    "bao_cao_thanh_tich_ca_nhan": bao_cao_thanh_tich_ca_nhan,
    "bao_cao_thanh_tich_tap_the": bao_cao_thanh_tich_tap_the,
    "bao_cao_thanh_tich_dot": bao_cao_thanh_tich_dot,
    "danh_muc_ho_so": danh_muc_ho_so,
}


def main(thu_muc: Path = THU_MUC) -> list[Path]:
    thu_muc.mkdir(parents=True, exist_ok=True)
    ra = []
    for ten, ham in {**MAU, **MAU_HO_SO}.items():
        doc = ham()
        p = thu_muc / f"{ten}.docx"
        doc.core_properties.author = "thidua"
        doc.core_properties.title = ten
        import datetime as dt

        doc.core_properties.created = doc.core_properties.modified = dt.datetime(2026, 1, 1)
        doc.save(p)
        ra.append(p)
    return ra


if __name__ == "__main__":
    for p in main(Path(sys.argv[1]) if len(sys.argv) > 1 else THU_MUC):
        print(p)
