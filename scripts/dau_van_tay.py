"""Fingerprint of a ``tong-ket`` output folder: the text of every document (python-docx paragraphs and table cells,
body, headers and footers) and the values and layout of every sheet, as compact JSON digests.

Used to check that a speed change keeps the outputs the same. Compare two code trees on the same demo:

    PYTHONPATH=OLD/src python scripts/dau_van_tay.py --demo 300 --seed 2025 > truoc.json
    PYTHONPATH=NEW/src python scripts/dau_van_tay.py --demo 300 --seed 2025 > sau.json
    diff truoc.json sau.json

or fingerprint an existing folder: ``python scripts/dau_van_tay.py OUTDIR``. ``--chi-tiet`` prints the texts and
values themselves instead of their hashes (to see what differs).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from pathlib import Path
from typing import Any


def _bam(x: Any) -> str:
    return hashlib.sha256(json.dumps(x, ensure_ascii=False, default=str).encode()).hexdigest()[:16]


def van_ban_docx(p: Path) -> dict[str, list]:
    """Paragraph texts and table cell texts of the body (in document order), headers and footers."""
    from docx import Document

    doc = Document(str(p))
    than = []
    for el in doc.element.body.iterchildren():
        tag = el.tag.rsplit("}", 1)[-1]
        if tag == "p":
            than.append(["p", "".join(t.text or "" for t in el.iter(
                "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"))])
        elif tag == "tbl":
            from docx.table import Table

            than.append(["tbl", [[c.text for c in r.cells] for r in Table(el, doc).rows]])
    dau_chan = [[p_.text for p_ in hf.paragraphs] for s in doc.sections
                for hf in (s.header, s.footer) if not hf.is_linked_to_previous]
    return {"than": than, "dau_chan": dau_chan}


def gia_tri_xlsx(p: Path) -> dict[str, dict[str, Any]]:
    """Per sheet: every cell value (rows), and the layout a reader sees (widths, heights, number formats, bold,
    wrap, quote prefix, frozen panes, tables, filter, print titles, orientation)."""
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    wb = load_workbook(p)
    ra = {}
    for ws in wb.worksheets:
        dong = [[c.value for c in r] for r in ws.iter_rows()]
        while dong and all(v is None for v in dong[-1]):
            dong.pop()
        dinh_dang = [[(c.number_format, bool(c.font.b), bool(c.alignment.wrap_text), bool(c.quotePrefix),
                       c.data_type) for c in r if c.value is not None] for r in ws.iter_rows()]
        rong = {get_column_letter(i): round(v.width, 2) for v in ws.column_dimensions.values() if v.width
                for i in range(v.min, v.max + 1)}  # a group of columns written as one (xlsxwriter) or each
        cao = {k: v.height for k, v in ws.row_dimensions.items() if v.height}
        bo_cuc = {"rong": rong, "cao": cao, "dinh_dang": dinh_dang, "dong_bang": ws.freeze_panes,
                  "bang": sorted((t.displayName, t.ref) for t in ws.tables.values()),
                  "loc": ws.auto_filter.ref, "in_tieu_de": ws.print_title_rows,
                  "huong": ws.page_setup.orientation, "kho": ws.page_setup.paperSize}
        ra[ws.title] = {"dong": dong, "bo_cuc": bo_cuc}
    return ra


def dau_van_tay(thu_muc: Path, chi_tiet: bool = False) -> dict[str, Any]:
    ra: dict[str, Any] = {}
    for p in sorted(thu_muc.rglob("*")):
        ten = p.relative_to(thu_muc).as_posix()
        if p.suffix == ".docx":
            v = van_ban_docx(p)
            ra[ten] = v if chi_tiet else {k: _bam(x) for k, x in v.items()}
        elif p.suffix == ".xlsx":
            v = gia_tri_xlsx(p)
            ra[ten] = v if chi_tiet else {s: {"gia_tri": _bam(x["dong"]), "bo_cuc": _bam(x["bo_cuc"])}
                                          for s, x in v.items()}
    return ra


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("thu_muc", nargs="?", type=Path)
    ap.add_argument("--demo", type=int, help="tạo bộ dữ liệu mẫu cỡ này rồi chạy tong-ket")
    ap.add_argument("--seed", type=int, default=2025)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--chi-tiet", action="store_true")
    a = ap.parse_args()
    if a.demo:
        from thidua.demo import tao_demo
        from thidua.tong_ket import tong_ket

        with tempfile.TemporaryDirectory() as tmp:
            tao_demo(Path(tmp) / "vao", a.demo, a.seed)
            tong_ket([Path(tmp) / "vao"], Path(tmp) / "ra", so_tien_trinh=a.jobs)
            kq = dau_van_tay(Path(tmp) / "ra", a.chi_tiet)
    elif a.thu_muc:
        kq = dau_van_tay(a.thu_muc, a.chi_tiet)
    else:
        ap.error("cần THU_MUC hoặc --demo N")
    json.dump(kq, sys.stdout, ensure_ascii=False, indent=1, default=str)
    print()


if __name__ == "__main__":
    main()
