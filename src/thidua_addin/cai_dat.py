"""``python -m thidua_addin cai-dat``: finish the add-in on the officer's Windows PC, through Excel itself.

The .xlam shipped with thidua is xlwings' quickstart add-in (built on Linux by scripts/tao_addin.py, whose VBA
cannot be edited there). This step does, once, what xlwings' documentation asks a developer to do by hand in the
VBA editor ("Renaming your add-in", "Importing UDFs"):

1. the VBA constant ``PROJECT_NAME`` "myaddin" → "thidua", the VBA project's name → "thidua", the config sheet
   ``myaddin.conf`` → ``thidua.conf`` (so the add-in reads its own sheet and ``%USERPROFILE%\\.thidua\\thidua.conf``,
   not the settings of every other quickstart add-in);
2. the TD_ functions imported INTO the add-in with xlwings' own ``xlwings.udfs.import_udfs`` (what the template's
   ``ImportPythonUDFsToAddin`` macro calls): they then work in every workbook, .xlsx included, with their
   Vietnamese descriptions in Insert Function;
3. the add-in saved to ``%APPDATA%\\Microsoft\\AddIns\\thidua_addin.xlam`` (the name must stay: the ribbon button
   imports the Python module named like the file) and switched on in Excel;
4. ``%USERPROFILE%\\.thidua\\thidua.conf`` gets ``INTERPRETER_WIN`` = this Python (the one thidua is installed in).

Steps 1–2 need "Trust access to the VBA project object model" while this runs (File › Options › Trust Center ›
Trust Center Settings › Macro Settings); it can be switched off again afterwards. Where a policy forbids it, use
xlwings Lite (addin/README.md, Cách 1).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from thidua.loi import ThiduaError

TEN_DU_AN = "thidua"
TEN_TEP = "thidua_addin.xlam"
MODULE_UDF = "thidua.excel.udf"
XL_OPEN_XML_ADDIN = 55  # Excel's FileFormat for .xlam


def tep_addin_kem_theo() -> Path:
    """The .xlam in the installed package (wheel) or, from a source checkout, addin/."""
    for p in (Path(__file__).with_name(TEN_TEP), Path(__file__).resolve().parents[2] / "addin" / TEN_TEP):
        if p.is_file():
            return p
    raise ThiduaError(f"Không tìm thấy {TEN_TEP} trong bộ cài thidua; cài lại thidua từ tệp wheel.")


def thu_muc_addin_mac_dinh() -> Path:
    return Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming") / "Microsoft" / "AddIns"


def doi_ten_du_an(sach_vba, ten: str = TEN_DU_AN) -> None:
    """Set the VBA constant PROJECT_NAME in the module "xlwings" and the project's name (VBProject via COM)."""
    cm = sach_vba.VBComponents("xlwings").CodeModule
    for i in range(1, cm.CountOfDeclarationLines + 1):
        if cm.Lines(i, 1).strip().startswith("Public Const PROJECT_NAME"):
            cm.ReplaceLine(i, f'Public Const PROJECT_NAME As String = "{ten}"')
            break
    else:
        raise ThiduaError("Không thấy hằng PROJECT_NAME trong mô-đun VBA xlwings của add-in; tệp add-in không đúng mẫu.")
    sach_vba.Name = ten


def ghi_cau_hinh_nguoi_dung(thu_muc_nha: Path, python: str, ten: str = TEN_DU_AN) -> Path:
    """``<home>/.thidua/thidua.conf`` with INTERPRETER_WIN (xlwings' "KEY","VALUE" lines; other keys kept)."""
    p = Path(thu_muc_nha) / f".{ten}" / f"{ten}.conf"
    p.parent.mkdir(parents=True, exist_ok=True)
    dong = [d for d in (p.read_text(encoding="utf-8").splitlines() if p.exists() else [])
            if d.strip() and not d.strip().upper().startswith('"INTERPRETER_WIN"')]
    p.write_text("\n".join([f'"INTERPRETER_WIN","{python}"', *dong]) + "\n", encoding="utf-8")
    return p


def cai_dat(nguon: Path | None = None, thu_muc: Path | None = None, python: str | None = None,
            thu_muc_nha: Path | None = None, mo_excel=None, nhap_ham=None) -> Path:
    """Make the finished add-in and switch it on. ``mo_excel`` (→ an xlwings App) and ``nhap_ham``
    (``import_udfs``) are parameters so the sequence can be checked without Excel."""
    if mo_excel is None:
        import xlwings as xw

        def mo_excel():
            return xw.App(visible=False, add_book=False)
    if nhap_ham is None:
        from xlwings.udfs import import_udfs as nhap_ham
    nguon = Path(nguon or tep_addin_kem_theo())
    dich = Path(thu_muc or thu_muc_addin_mac_dinh()) / TEN_TEP
    dich.parent.mkdir(parents=True, exist_ok=True)
    tam = Path(tempfile.mkdtemp(prefix="thidua-addin-")) / TEN_TEP
    shutil.copy2(nguon, tam)
    app = mo_excel()
    try:
        for b in list(app.books):
            if b.name.lower() == TEN_TEP:
                raise ThiduaError(f"{TEN_TEP} đang mở trong Excel: đóng hẳn Excel (mọi cửa sổ) rồi chạy lại.")
        wb = app.books.open(str(tam))
        try:
            sach_vba = wb.api.VBProject
            sach_vba.VBComponents.Count  # noqa: B018 — raises when access is not trusted
        except Exception:
            raise ThiduaError("Excel chưa cho phép truy cập dự án VBA: File › Options › Trust Center › Trust Center "
                              "Settings › Macro Settings › đánh dấu 'Trust access to the VBA project object model', "
                              "chạy lại lệnh này, rồi có thể bỏ đánh dấu. Nếu chính sách cơ quan chặn mục này, dùng "
                              "xlwings Lite (addin/README.md, Cách 1).") from None
        doi_ten_du_an(sach_vba)
        wb.sheets["myaddin.conf"].name = f"{TEN_DU_AN}.conf"
        nhap_ham(MODULE_UDF, wb.api)
        if dich.exists():
            dich.unlink()
        wb.api.SaveAs(str(dich), XL_OPEN_XML_ADDIN)
        wb.close()
        them = app.api.AddIns.Add(str(dich))
        them.Installed = True
    finally:
        app.quit()
    ghi_cau_hinh_nguoi_dung(Path(thu_muc_nha or Path.home()), python or sys.executable)
    return dich
