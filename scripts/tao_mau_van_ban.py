"""Build the Word templates in templates/ (maintainer tool; run it again after changing this file).

    python scripts/tao_mau_van_ban.py

Layout per Nghị định 30/2020/NĐ-CP, Phụ lục I (DOMAIN.md §5.2, §11.5): A4, margins top/bottom 20 mm, left 30 mm,
right 15 mm; Times New Roman; Quốc hiệu bold 12–13, Tiêu ngữ bold 13–14 with a rule below; issuing body bold with
a short rule; "Số:" 13; place and date italic; page numbers centred in the top margin from page 2; căn cứ italic
in a Quyết định, upright in a Tờ trình or Báo cáo; "Nơi nhận:" 12 bold italic, its list 11.
Templates hold Jinja tags only; every value comes from a typed context builder in thidua.van_ban.ngu_canh.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

THU_MUC = Path(__file__).resolve().parent.parent / "templates"
FONT = "Times New Roman"
C, L, R, J = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.JUSTIFY


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
         thut: float | None = None, sau: float = 0, truoc: float = 0, gian: float | None = None):
    p = noi.add_paragraph()
    p.alignment = align
    pf = p.paragraph_format
    pf.space_after, pf.space_before = Pt(sau), Pt(truoc)
    if thut is not None:
        pf.first_line_indent = Cm(thut)
    if gian:
        pf.line_spacing = gian
    if text:
        chay(p, text, size=size, bold=bold, italic=italic)
    return p


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
    """Keep a table row on one page (signature blocks must not split)."""
    trpr = row._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:cantSplit"))


def bang_khong_vien(doc, so_cot: int, rong: list[float]):
    t = doc.add_table(rows=1, cols=so_cot)
    khong_tach(t.rows[0])
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    for i, w in enumerate(rong):
        t.columns[i].width = Cm(w)
        t.rows[0].cells[i].width = Cm(w)
    for c in t.rows[0].cells:
        c.paragraphs[0]._element.getparent().remove(c.paragraphs[0]._element)
    return t


def khoi_dau(doc, *, so: bool = True, ngay: bool = True, rong: float = 16.5) -> None:
    """Header block: superior body and issuing body at left with a short rule and the number; Quốc hiệu and
    Tiêu ngữ at right with a rule, and the place and date in italics."""
    trai, phai = 6.3, rong - 6.3
    t = bang_khong_vien(doc, 2, [trai, phai])
    a, b = t.rows[0].cells
    doan(a, "{{ co_quan_chu_quan }}", size=13, align=C)
    p = doan(a, "{{ co_quan }}", size=13, bold=True, align=C)
    ke_ngang(doan(a, "", size=6, align=C), 2.0, 2.0)
    if so:
        doan(a, "Số:        /{{ ky_hieu_van_ban }}", size=13, align=C, truoc=6)
    doan(b, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=12, bold=True, align=C)
    p = doan(b, "Độc lập - Tự do - Hạnh phúc", size=13, bold=True, align=C)
    le = max(0.5, (phai - 6.4) / 2)  # the rule is as long as the Tiêu ngữ line (about 6.4 cm at 13 pt)
    ke_ngang(doan(b, "", size=6, align=C), le, le)
    if ngay:
        doan(b, "{{ dia_danh_ngay }}", size=14, italic=True, align=C, truoc=6)
    del p
    doan(doc, "", sau=6)


def ten_van_ban(doc, loai: str, trich_yeu: str) -> None:
    doan(doc, loai, bold=True, align=C, truoc=6)
    doan(doc, trich_yeu, bold=True, align=C)
    ke_ngang(doan(doc, "", size=6, align=C), 6.0, 6.0)
    doan(doc, "", sau=6)


def vong_p(doc, mo: str, than: str, dong: str, **kw) -> None:
    doan(doc, f"{{%p {mo} %}}", size=2)
    doan(doc, than, **kw)
    doan(doc, f"{{%p {dong} %}}", size=2)


def chu_ky(doc, rong: float = 16.5, noi_nhan: bool = True) -> None:
    """Nơi nhận at left (12 bold italic, list 11), signer's authority, title and name at right (bold)."""
    doan(doc, "", sau=6)
    t = bang_khong_vien(doc, 2, [rong * 0.45, rong * 0.55])
    a, b = t.rows[0].cells
    if noi_nhan:
        doan(a, "Nơi nhận:", size=12, bold=True, italic=True, align=L)
        doan(a, "{%p for n in noi_nhan %}", size=2)
        doan(a, "{{ n }}", size=11, align=L)
        doan(a, "{%p endfor %}", size=2)
    else:
        doan(a, "")
    doan(b, "{%p for d in chuc_danh_ky %}", size=2)
    doan(b, "{{ d }}", size=14, bold=True, align=C)
    doan(b, "{%p endfor %}", size=2)
    for _ in range(4):
        doan(b, "", size=14)
    doan(b, "{{ nguoi_ky }}", size=14, bold=True, align=C)


def bang_luoi(doc, tieu_de: list[str], rong: list[float], size: float = 12):
    t = doc.add_table(rows=1, cols=len(tieu_de))
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    for i, (td, w) in enumerate(zip(tieu_de, rong, strict=True)):
        t.columns[i].width = Cm(w)
        c = t.rows[0].cells[i]
        c.width = Cm(w)
        c.paragraphs[0].alignment = C
        chay(c.paragraphs[0], td, size=size, bold=True)
    lap_lai_tieu_de(t.rows[0])
    return t


def lap_lai_tieu_de(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    e = OxmlElement("w:tblHeader")
    e.set(qn("w:val"), "true")
    trpr.append(e)


def dong(t, cac_o: list[str], *, size: float = 12, bold: bool = False, can: list | None = None) -> None:
    r = t.add_row()
    for i, text in enumerate(cac_o):
        c = r.cells[i]
        c.width = t.columns[i].width
        p = c.paragraphs[0]
        p.alignment = (can[i] if can else L)
        if text:
            chay(p, text, size=size, bold=bold)


def ngat_trang(doc) -> None:
    p = doc.add_paragraph()
    p.add_run().add_break(WD_BREAK.PAGE)


def van_ban_hanh_chinh(loai: str, trich_yeu: str) -> Document:
    """An administrative document: A4 portrait, page numbers, the header block, its type and subject."""
    doc = tai_lieu()
    so_trang(doc)
    khoi_dau(doc)
    ten_van_ban(doc, loai, trich_yeu)
    return doc


# ---- templates ----------------------------------------------------------------------------------------------

def quyet_dinh() -> Document:
    doc = van_ban_hanh_chinh("QUYẾT ĐỊNH", "{{ trich_yeu }}")
    doan(doc, "{{ tham_quyen }}", bold=True, align=C, sau=6)
    vong_p(doc, "for c in can_cu", "{{ c }}", "endfor", italic=True, thut=1.0, sau=6, gian=1.1)
    doan(doc, "{{ theo_de_nghi }}", italic=True, thut=1.0, sau=6)
    doan(doc, "QUYẾT ĐỊNH:", bold=True, align=C, sau=6, truoc=6)
    doan(doc, "{%p for d in dieu %}", size=2)
    p = doan(doc, "", thut=1.0, sau=6, gian=1.1)
    chay(p, "{{ d.so }}", bold=True)
    chay(p, " {{ d.noi_dung }}")
    doan(doc, "{%p endfor %}", size=2)
    chu_ky(doc)
    ngat_trang(doc)
    doan(doc, "DANH SÁCH", bold=True, align=C)
    doan(doc, "{{ tieu_de_danh_sach }}", bold=True, align=C)
    doan(doc, "(Kèm theo Quyết định số        /{{ ky_hieu_van_ban }} {{ ngay_chu }} của {{ nguoi_ban_hanh }})",
         italic=True, align=C, size=13)
    ke_ngang(doan(doc, "", size=6, align=C), 6.0, 6.0)
    doan(doc, "", sau=6)
    t = bang_luoi(doc, ["STT", "{{ cot_ten }}", "Chức vụ", "Danh hiệu, hình thức", "Số tiền (đồng)"],
                  [1.3, 5.5, 3.6, 3.2, 2.9])
    dong(t, ["{%tr for nhom in nhom_danh_sach %}", "", "", "", ""])
    dong(t, ["", "{{ nhom.ten }}", "", "", ""], bold=True)
    dong(t, ["{%tr for d in nhom.ds %}", "", "", "", ""])
    dong(t, ["{{ d.stt }}", "{{ d.ten }}", "{{ d.chuc_vu }}", "{{ d.danh_hieu }}", "{{ d.so_tien }}"],
         can=[C, L, L, C, R])
    dong(t, ["{%tr endfor %}", "", "", "", ""])
    dong(t, ["{%tr endfor %}", "", "", "", ""])
    dong(t, ["", "Tổng cộng: {{ so_nguoi }}", "", "", "{{ tong_tien }}"], bold=True, can=[C, L, L, C, R])
    doan(doc, "", sau=3)
    doan(doc, "(Bằng chữ: {{ tong_tien_chu }})", italic=True, size=13)
    return doc


def to_trinh() -> Document:
    doc = van_ban_hanh_chinh("TỜ TRÌNH", "{{ trich_yeu }}")
    doan(doc, "Kính gửi: {{ kinh_gui }}", align=C, sau=6)
    vong_p(doc, "for c in can_cu", "{{ c }}", "endfor", thut=1.0, sau=6, gian=1.1)
    vong_p(doc, "for d in noi_dung", "{{ d }}", "endfor", thut=1.0, sau=6, gian=1.1)
    doan(doc, "{%p for nhom in nhom_danh_sach %}", size=2)
    doan(doc, "{{ nhom.tieu_de }}", bold=True, thut=1.0, sau=3, truoc=6)
    t = bang_luoi(doc, ["STT", "Họ tên / Tập thể", "Chức vụ, đơn vị", "Thành tích, căn cứ đề nghị", "Phiếu đồng ý"],
                  [1.3, 3.5, 3.5, 6.0, 2.2], size=11)
    dong(t, ["{%tr for d in nhom.ds %}", "", "", "", ""], size=11)
    dong(t, ["{{ d.stt }}", "{{ d.ten }}", "{{ d.don_vi }}", "{{ d.thanh_tich }}", "{{ d.phieu }}"], size=11,
         can=[C, L, L, L, C])
    dong(t, ["{%tr endfor %}", "", "", "", ""], size=11)
    doan(doc, "{%p endfor %}", size=2)
    doan(doc, "", sau=3)
    vong_p(doc, "for d in ket_luan", "{{ d }}", "endfor", thut=1.0, sau=6, gian=1.1)
    chu_ky(doc)
    return doc


def bien_ban_hop() -> Document:
    doc = van_ban_hanh_chinh("BIÊN BẢN", "{{ trich_yeu }}")
    vong_p(doc, "for d in mo_dau", "{{ d }}", "endfor", thut=1.0, sau=6, gian=1.1)
    doan(doc, "NỘI DUNG", bold=True, align=C, sau=6)
    vong_p(doc, "for d in noi_dung", "{{ d }}", "endfor", thut=1.0, sau=6, gian=1.1)
    doan(doc, "{%p for nhom in nhom_ket_qua %}", size=2)
    doan(doc, "{{ nhom.tieu_de }}", bold=True, thut=1.0, sau=3, truoc=6)
    t = bang_luoi(doc, ["STT", "Họ tên / Tập thể", "Đơn vị", "Phiếu đồng ý", "Tỷ lệ", "Kết quả"],
                  [1.3, 4.5, 4.3, 2.2, 2.0, 2.2], size=11)
    dong(t, ["{%tr for d in nhom.ds %}", "", "", "", "", ""], size=11)
    dong(t, ["{{ d.stt }}", "{{ d.ten }}", "{{ d.don_vi }}", "{{ d.dong_y }}", "{{ d.ty_le }}", "{{ d.ket_qua }}"],
         size=11, can=[C, L, L, C, C, C])
    dong(t, ["{%tr endfor %}", "", "", "", "", ""], size=11)
    doan(doc, "{%p endfor %}", size=2)
    doan(doc, "", sau=6)
    vong_p(doc, "for d in ket_luan", "{{ d }}", "endfor", thut=1.0, sau=6, gian=1.1)
    hai_chu_ky(doc, "THƯ KÝ", "{{ thu_ky }}", "CHỦ TRÌ", "{{ chu_tri }}")
    return doc


def hai_chu_ky(doc, trai: str, ten_trai: str, phai: str, ten_phai: str) -> None:
    doan(doc, "", sau=6)
    t = bang_khong_vien(doc, 2, [8.25, 8.25])
    a, b = t.rows[0].cells
    for o, chuc, ten in ((a, trai, ten_trai), (b, phai, ten_phai)):
        doan(o, chuc, bold=True, align=C)
        doan(o, "(Ký, ghi rõ họ tên)", italic=True, size=13, align=C)
        for _ in range(3):
            doan(o, "")
        doan(o, ten, bold=True, align=C)


def bien_ban_kiem_phieu() -> Document:
    doc = van_ban_hanh_chinh("BIÊN BẢN KIỂM PHIẾU", "{{ trich_yeu }}")
    vong_p(doc, "for d in mo_dau", "{{ d }}", "endfor", thut=1.0, sau=6, gian=1.1)
    t = bang_luoi(doc, ["Số phiếu phát ra", "Số phiếu thu vào", "Số phiếu hợp lệ", "Số phiếu không hợp lệ"],
                  [4.1, 4.1, 4.1, 4.2])
    dong(t, ["{{ so_phieu.phat_ra }}", "{{ so_phieu.thu_vao }}", "{{ so_phieu.hop_le }}",
             "{{ so_phieu.khong_hop_le }}"], can=[C, C, C, C])
    doan(doc, "", sau=3)
    vong_p(doc, "for d in phieu_khong_hop_le", "{{ d }}", "endfor", thut=1.0, sau=3, size=13)
    doan(doc, "Kết quả bỏ phiếu đối với từng ứng viên:", thut=1.0, sau=3, truoc=6)
    t = bang_luoi(doc, ["STT", "Họ tên / Tập thể", "Danh hiệu", "Đồng ý", "Mẫu số", "Tỷ lệ", "Ngưỡng", "Kết quả"],
                  [1.3, 4.1, 2.3, 1.6, 1.6, 1.9, 1.7, 2.0], size=11)
    dong(t, ["{%tr for d in ung_vien %}", "", "", "", "", "", "", ""], size=11)
    dong(t, ["{{ d.stt }}", "{{ d.ten }}", "{{ d.danh_hieu }}", "{{ d.dong_y }}", "{{ d.mau_so }}", "{{ d.ty_le }}",
             "{{ d.nguong }}", "{{ d.ket_qua }}"], size=11, can=[C, L, C, C, C, C, C, C])
    dong(t, ["{%tr endfor %}", "", "", "", "", "", "", ""], size=11)
    doan(doc, "", sau=6)
    vong_p(doc, "for d in ket_luan", "{{ d }}", "endfor", thut=1.0, sau=6, gian=1.1)
    hai_chu_ky(doc, "THÀNH VIÊN BAN KIỂM PHIẾU", "", "TRƯỞNG BAN KIỂM PHIẾU", "")
    return doc


def phieu_bau() -> Document:
    doc = tai_lieu()
    doan(doc, "{%p for p in phieu %}", size=2)
    t = bang_khong_vien(doc, 2, [6.3, 10.2])
    a, b = t.rows[0].cells
    doan(a, "{{ co_quan }}", size=12, bold=True, align=C)
    doan(a, "HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG", size=12, bold=True, align=C)
    ke_ngang(doan(a, "", size=6, align=C), 2.0, 2.0)
    doan(b, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=12, bold=True, align=C)
    doan(b, "Độc lập - Tự do - Hạnh phúc", size=13, bold=True, align=C)
    ke_ngang(doan(b, "", size=6, align=C), 2.0, 2.0)
    doan(doc, "", sau=6)
    doan(doc, "PHIẾU BẦU SỐ {{ p.so }}", bold=True, align=C)
    doan(doc, "{{ trich_yeu }}", bold=True, align=C, sau=6)
    doan(doc, "{{ huong_dan }}", italic=True, size=13, sau=6)
    t = bang_luoi(doc, ["STT", "Họ tên / Tập thể", "Đơn vị", "Đồng ý", "Không đồng ý"], [1.3, 5.1, 5.5, 2.2, 2.4])
    dong(t, ["{%tr for nhom in nhom_ung_vien %}", "", "", "", ""])
    dong(t, ["", "{{ nhom.tieu_de }}", "", "", ""], bold=True)
    dong(t, ["{%tr for d in nhom.ds %}", "", "", "", ""])
    dong(t, ["{{ d.stt }}", "{{ d.ten }}", "{{ d.don_vi }}", "☐", "☐"], can=[C, L, L, C, C])
    dong(t, ["{%tr endfor %}", "", "", "", ""])
    dong(t, ["{%tr endfor %}", "", "", "", ""])
    doan(doc, "{{ p.ngat_trang }}", size=2)
    doan(doc, "{%p endfor %}", size=2)
    return doc


def danh_sach_dang_ky() -> Document:
    doc = tai_lieu(ngang=True)
    so_trang(doc)
    khoi_dau(doc, so=False, rong=25.2)
    doan(doc, "DANH SÁCH ĐĂNG KÝ THI ĐUA NĂM {{ nam }}", bold=True, align=C)
    doan(doc, "{{ co_quan_ten }}", bold=True, align=C, sau=6)
    t = bang_luoi(doc, ["STT", "Họ tên / Tập thể", "Chức vụ", "Danh hiệu, hình thức đăng ký", "Ghi chú"],
                  [1.2, 6.5, 4.5, 4.5, 8.5], size=12)
    dong(t, ["{%tr for nhom in nhom_danh_sach %}", "", "", "", ""])
    dong(t, ["", "{{ nhom.ten }}", "", "", ""], bold=True)
    dong(t, ["{%tr for d in nhom.ds %}", "", "", "", ""])
    dong(t, ["{{ d.stt }}", "{{ d.ten }}", "{{ d.chuc_vu }}", "{{ d.danh_hieu }}", "{{ d.ghi_chu }}"],
         can=[C, L, L, C, L])
    dong(t, ["{%tr endfor %}", "", "", "", ""])
    dong(t, ["{%tr endfor %}", "", "", "", ""])
    doan(doc, "", sau=6)
    vong_p(doc, "for d in so_luong", "{{ d }}", "endfor", size=13, sau=2)
    chu_ky(doc, rong=25.2, noi_nhan=False)
    return doc


def giay_khen() -> Document:
    doc = tai_lieu(ngang=True)
    s = doc.sections[0]
    s.left_margin = s.right_margin = Mm(25)
    s.top_margin = s.bottom_margin = Mm(18)
    doan(doc, "{%p for g in giay_khen %}", size=2)
    doan(doc, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=14, bold=True, align=C)
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
    doan(b, "{%p for d in chuc_danh_ky %}", size=2)
    doan(b, "{{ d }}", size=14, bold=True, align=C)
    doan(b, "{%p endfor %}", size=2)
    for _ in range(3):
        doan(b, "")
    doan(b, "{{ nguoi_ky }}", size=14, bold=True, align=C)
    doan(doc, "{{ g.ngat_trang }}", size=2)
    doan(doc, "{%p endfor %}", size=2)
    return doc


def bao_cao() -> Document:
    doc = van_ban_hanh_chinh("BÁO CÁO", "{{ trich_yeu }}")
    doan(doc, "I. ĐẶC ĐIỂM TÌNH HÌNH", bold=True, thut=1.0, sau=6)
    doan(doc, "{{ cho_viet }}", italic=True, thut=1.0, sau=6)
    doan(doc, "II. KẾT QUẢ CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM {{ nam }}", bold=True, thut=1.0, sau=6)
    vong_p(doc, "for d in ket_qua", "{{ d }}", "endfor", thut=1.0, sau=6, gian=1.1)
    doan(doc, "Bảng 1. Kết quả khen thưởng so với các năm trước", italic=True, align=C, size=13, sau=3)
    t = bang_luoi(doc, ["Danh hiệu, hình thức", "{{ cac_nam[0] }}", "{{ cac_nam[1] }}", "{{ cac_nam[2] }}",
                        "{{ cac_nam[3] }}"], [5.7, 2.7, 2.7, 2.7, 2.7])
    dong(t, ["{%tr for d in so_sanh %}", "", "", "", ""])
    dong(t, ["{{ d.ten }}", "{{ d.so[0] }}", "{{ d.so[1] }}", "{{ d.so[2] }}", "{{ d.so[3] }}"], can=[L, C, C, C, C])
    dong(t, ["{%tr endfor %}", "", "", "", ""])
    doan(doc, "", sau=3)
    doan(doc, "{{ bieu_do }}", align=C, sau=3)
    doan(doc, "Biểu đồ 1. Số danh hiệu, hình thức qua các năm", italic=True, align=C, size=13, sau=6)
    doan(doc, "Bảng 2. Kết quả năm {{ nam }} theo đơn vị", italic=True, align=C, size=13, sau=3)
    t = bang_luoi(doc, ["Đơn vị", "LĐTT", "CSTĐCS", "Khác", "Tiền thưởng (đồng)"], [6.5, 2.0, 2.2, 2.4, 3.4], size=11)
    dong(t, ["{%tr for d in theo_don_vi %}", "", "", "", ""], size=11)
    dong(t, ["{{ d.ten }}", "{{ d.ldtt }}", "{{ d.cstdcs }}", "{{ d.khac }}", "{{ d.tien }}"], size=11, can=[L, C, C, C, R])
    dong(t, ["{%tr endfor %}", "", "", "", ""], size=11)
    doan(doc, "", sau=6)
    doan(doc, "III. ĐIỂN HÌNH TIÊN TIẾN", bold=True, thut=1.0, sau=6)
    vong_p(doc, "for d in dien_hinh", "{{ d }}", "endfor", thut=1.0, sau=3)
    doan(doc, "{{ cho_viet_dien_hinh }}", italic=True, thut=1.0, sau=6)
    doan(doc, "IV. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", bold=True, thut=1.0, sau=6)
    doan(doc, "{{ cho_viet }}", italic=True, thut=1.0, sau=6)
    doan(doc, "V. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {{ nam + 1 }}", bold=True, thut=1.0, sau=6)
    doan(doc, "{{ cho_viet }}", italic=True, thut=1.0, sau=6)
    chu_ky(doc)
    return doc


MAU = {
    "quyet_dinh": quyet_dinh,
    "to_trinh": to_trinh,
    "bien_ban_hop": bien_ban_hop,
    "bien_ban_kiem_phieu": bien_ban_kiem_phieu,
    "phieu_bau": phieu_bau,
    "danh_sach_dang_ky": danh_sach_dang_ky,
    "giay_khen": giay_khen,
    "bao_cao_tong_ket": bao_cao,
}


def main(thu_muc: Path = THU_MUC) -> list[Path]:
    thu_muc.mkdir(parents=True, exist_ok=True)
    ra = []
    for ten, ham in MAU.items():
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
