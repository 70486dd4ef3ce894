"""Build the two docxtpl templates once (not part of the timed run): python make_templates.py <dir>."""
import sys
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

HERE = Path(sys.argv[1])
HERE.mkdir(parents=True, exist_ok=True)

# --- decision: header paragraph + table with a {%tr for %} row loop ---
d = Document()
p = d.add_paragraph("QUYẾT ĐỊNH")
p.alignment = WD_ALIGN_PARAGRAPH.CENTER
d.add_paragraph("Về việc công nhận danh hiệu Lao động tiên tiến năm {{ nam }}")
d.add_paragraph("Công nhận danh hiệu “Lao động tiên tiến” cho {{ so_nguoi }} cá nhân "
                "có tên dưới đây; tổng số tiền thưởng {{ tong_tien }} đồng.")
t = d.add_table(rows=4, cols=5)
t.style = "Table Grid"
for c, h in zip(t.rows[0].cells, ["STT", "Họ và tên", "Đơn vị", "Chức vụ", "Số tiền (đồng)"]):
    c.text = h
t.rows[1].cells[0].text = "{%tr for r in rows %}"
for c, v in zip(t.rows[2].cells, ["{{ r.stt }}", "{{ r.ten }}", "{{ r.don_vi }}", "{{ r.chuc_vu }}", "{{ r.tien }}"]):
    c.text = v
t.rows[3].cells[0].text = "{%tr endfor %}"
d.save(HERE / "tpl_quyet_dinh.docx")

# --- certificates: one page per person ---
g = Document()
g.add_paragraph("{%p for p in people %}")
x = g.add_paragraph("GIẤY KHEN")
x.alignment = WD_ALIGN_PARAGRAPH.CENTER
g.add_paragraph("Tặng: {{ p.ten }}")
g.add_paragraph("Chức vụ: {{ p.chuc_vu }} – {{ p.don_vi }}")
g.add_paragraph("Đã có thành tích xuất sắc trong công tác năm {{ nam }}.")
g.add_paragraph("{%p if not loop.last %}")
g.add_page_break()
g.add_paragraph("{%p endif %}")
g.add_paragraph("{%p endfor %}")
g.save(HERE / "tpl_giay_khen.docx")
print("templates written")
