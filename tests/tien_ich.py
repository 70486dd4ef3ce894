"""Helpers shared by the tests: small real workbooks written with openpyxl, documents read back."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import Workbook


def viet_bang(duong_dan: Path, sheets: dict[str, list[list[object]]]) -> Path:
    """Write a workbook whose sheets hold the given rows (first row at A1)."""
    wb = Workbook()
    wb.remove(wb.active)
    from thidua.ghi_bang import ghi_o

    for ten, dong in sheets.items():
        ws = wb.create_sheet(ten)
        for i, r in enumerate(dong, start=1):
            for j, v in enumerate(r, start=1):
                ghi_o(ws, i, j, v)
    duong_dan.parent.mkdir(parents=True, exist_ok=True)
    wb.save(duong_dan)
    return duong_dan


THONG_TIN = [["Mục", "Giá trị"], ["Năm", 2025], ["Cơ quan chủ quản", "UBND TỈNH LAI CHÂU"],
             ["Cơ quan", "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"], ["Ký hiệu cơ quan", "SNNMT"], ["Địa danh", "Lai Châu"],
             ["Người ký", "Nguyễn Văn Minh"], ["Chức vụ người ký", "GIÁM ĐỐC"], ["Ngày quyết định", "12/01/2026"],
             ["Số thành viên Hội đồng", 9], ["Số thành viên có mặt", 9]]
TIEU_DE_CA_NHAN = ["STT", "Mã CB", "Họ và tên", "Giới tính", "Ngày sinh", "Chức vụ", "Đơn vị", "Ngày tuyển dụng",
                   "Xếp loại", "Kỷ luật", "Sáng kiến", "Đề tài", "Đăng ký", "Đề nghị", "Đang xem xét", "Ghi chú"]
TIEU_DE_TAP_THE = ["Mã đơn vị", "Tên tập thể", "Xếp loại", "Khối thi đua", "Điểm thi đua", "Đăng ký", "Đề nghị", "Ghi chú"]


def nguoi(ma: str, ten: str, don_vi: str = "P1", xep_loai: str = "HTTNV", de_nghi: str = "LĐTT", **kw: object) -> list:
    d = {"Mã CB": ma, "Họ và tên": ten, "Đơn vị": don_vi, "Xếp loại": xep_loai, "Đề nghị": de_nghi,
         "Đăng ký": de_nghi, "Ngày sinh": "15/03/1985", "Chức vụ": "Chuyên viên", **kw}
    return [d.get(c, "") for c in TIEU_DE_CA_NHAN]


def bo_nho(tmp: Path, ca_nhan: list[list] | None = None, tap_the: list[list] | None = None,
           thong_tin: list[list] | None = None, **sheet_them: list[list]) -> Path:
    """A small department in one workbook."""
    cn = ca_nhan if ca_nhan is not None else [nguoi("001", "Nguyễn Văn An"), nguoi("002", "Trần Thị Bình")]
    tt = tap_the if tap_the is not None else [["P1", "Phòng Một & Hai <Q1>", "HTTNV", "Khối 1", 90, "", "", ""]]
    sheets = {"ThongTin": thong_tin or THONG_TIN, "CaNhan": [TIEU_DE_CA_NHAN, *cn], "TapThe": [TIEU_DE_TAP_THE, *tt]}
    sheets.update(sheet_them)
    return viet_bang(tmp / "so.xlsx", sheets)


def bam(thu_muc: Path) -> dict[str, str]:
    return {str(p.relative_to(thu_muc)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(thu_muc.rglob("*")) if p.is_file()}


def can_libreoffice() -> str:
    """soffice, or skip — except under CI, where LibreOffice is installed by .ci/run and its absence fails."""
    soffice = shutil.which("soffice")
    if soffice and shutil.which("pdftotext"):
        return soffice
    if os.environ.get("CI"):
        pytest.fail("LibreOffice/poppler phải được cài trong CI (.ci/run)")
    pytest.skip("cần LibreOffice (soffice) và poppler-utils")


def sang_pdf(tep: list[Path], thu_muc: Path, ho_so: Path) -> list[Path]:
    soffice = can_libreoffice()
    subprocess.run([soffice, f"-env:UserInstallation=file://{ho_so}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(thu_muc), *map(str, tep)], check=True, capture_output=True, timeout=300)
    return [thu_muc / (p.stem + ".pdf") for p in tep]


def so_trang(pdf: Path) -> int:
    ra = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(d for d in ra.splitlines() if d.startswith("Pages:")).split()[1])


def chu_pdf(pdf: Path, bo_cuc: bool = False) -> str:
    """The text a reader sees; raw reading order by default (wrapped table cells stay together)."""
    return subprocess.run(["pdftotext", "-layout" if bo_cuc else "-raw", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


def chu_docx_theo_hang(p: Path) -> str:
    """A Word file's text in document order — paragraphs, then each table row on one line (its cells once each, a
    merged cell once): a row's cells stay together, which a PDF's text does not promise when cells wrap to different
    numbers of lines."""
    from docx import Document
    from docx.oxml.ns import qn

    d = Document(str(p))
    dong: list[str] = []
    for el in d.element.body.iterchildren():
        if el.tag == qn("w:p"):
            dong.append("".join(t.text or "" for t in el.iter(qn("w:t"))))
        elif el.tag == qn("w:tbl"):
            for tr in el.iter(qn("w:tr")):
                o = ["".join(t.text or "" for t in tc.iter(qn("w:t"))) for tc in tr.iter(qn("w:tc"))]
                dong.append(" ".join(x for x in o if x))
    return "\n".join(dong)
