"""Build addin/thidua_addin.xlam reproducibly from xlwings' own quickstart add-in template (the file that
``xlwings quickstart NAME --addin --ribbon`` copies). Never hand-edit the binary: run this script.

    python scripts/tao_addin.py [OUTPUT]

What changes against the template: the ribbon (customUI/customUI.xml) gets a "Thi đua" tab whose button runs the
template's existing VBA macro ``RibbonMyAddin.RunMain`` (→ ``import thidua_addin; thidua_addin.main()``: the
module is named after the file), and the config sheet is switched on (``_myaddin.conf`` → ``myaddin.conf``, the
name this binary's VBA reads) with the one row ``UDF Modules = thidua.excel.udf``. The VBA project
(vbaProject.bin) is copied as is: it cannot be edited on Linux. On Windows, ``python -m thidua_addin cai-dat``
finishes the job through Excel itself: project name ``thidua`` (VBA constant, project, config sheet) and the TD_
functions imported into the add-in with xlwings' own ``import_udfs``. ``addin/thidua_udfs.bas`` is that module
as xlwings generates it, for review and for a manual import. Zip entries get a fixed timestamp so two builds are
byte-identical.
"""

from __future__ import annotations

import re
import sys
import zipfile
from pathlib import Path

import xlwings

GOC = Path(__file__).resolve().parent.parent
RA_MAC_DINH = GOC / "addin" / "thidua_addin.xlam"
MAU = Path(xlwings.__file__).parent / "quickstart_addin_ribbon.xlam"
MODULE_UDF = "thidua.excel.udf"
SHEET_CAU_HINH = "myaddin.conf"
RA_VBA = GOC / "addin" / "thidua_udfs.bas"

RIBBON = """<customUI xmlns="http://schemas.microsoft.com/office/2006/01/customui">
    <ribbon>
        <tabs>
            <tab id="thiduaTab" label="Thi đua">
                <group id="thiduaNhom" label="Thi đua, khen thưởng">
                    <button id="thiduaChay" label="Chạy theo sheet đang mở" size="large" onAction="RibbonMyAddin.RunMain"
                        imageMso="MacroPlay" screentip="thidua: làm việc phù hợp với sheet đang mở"
                        supertip="CaNhan, TapThe, LichSu: kiểm tra và tô màu ô sai (kèm ghi chú). PhieuBau, KiemPhieu: kiểm phiếu vào sheet KetQuaKiemPhieu. ThongTin, QuyChe: tạo kết quả và mọi văn bản Word vào thư mục bên cạnh." />
                </group>
            </tab>
        </tabs>
    </ribbon>
</customUI>
"""


def _dien_cau_hinh(xml: str) -> str:
    """The config sheet holds one row, ``UDF Modules = thidua.excel.udf``: every other key (Interpreter_Win, …)
    then falls through to the user's config file, which ``python -m thidua_addin cai-dat`` writes (a key present
    on the sheet with an empty value would stop the VBA's GetConfig there)."""
    m = re.search(r"<sheetData>.*</sheetData>", xml, re.S)
    if not m:
        raise SystemExit("Không tìm thấy dữ liệu sheet cấu hình trong mẫu add-in của xlwings; kiểm tra phiên bản xlwings.")
    # Shared string 1 is "UDF Modules" in the template (checked by tests/test_excel.py).
    dong = (f'<sheetData><row r="1" spans="1:2"><c r="A1" s="1" t="s"><v>1</v></c>'
            f'<c r="B1" t="inlineStr"><is><t>{MODULE_UDF}</t></is></c></row></sheetData>')
    return xml[:m.start()] + dong + xml[m.end():]


def _doi_ten_sheet_cau_hinh(xml: str) -> str:
    """``_myaddin.conf`` → ``myaddin.conf``: the leading underscore switches the sheet off; the VBA in this binary
    reads ``PROJECT_NAME & ".conf"`` with PROJECT_NAME "myaddin" (``cai-dat`` renames both to thidua)."""
    if f'name="_{SHEET_CAU_HINH}"' not in xml:
        raise SystemExit(f"Mẫu add-in của xlwings không có sheet _{SHEET_CAU_HINH}; kiểm tra phiên bản xlwings.")
    return xml.replace(f'name="_{SHEET_CAU_HINH}"', f'name="{SHEET_CAU_HINH}"')


def vba_ham(ten_so: str = "thidua_addin.xlam") -> str:
    """The VBA module ``xlwings_udfs`` exactly as xlwings' Import Functions writes it into the add-in
    (``xlwings.udfs.import_udfs``: its header, then ``generate_vba_wrapper`` over thidua.excel.udf), produced on
    any OS with stand-ins for the Windows-only modules xlwings.udfs imports."""
    import datetime as dt
    import importlib
    import io
    import types
    from types import SimpleNamespace

    stub = {"pythoncom": types.ModuleType("pythoncom"), "pywintypes": types.ModuleType("pywintypes"),
            "win32com": types.ModuleType("win32com"), "win32com.client": types.ModuleType("win32com.client")}
    stub["pythoncom"].CoInitialize = lambda: None
    stub["pywintypes"].TimeType = dt.datetime
    stub["win32com.client"].Dispatch = lambda *a, **k: None
    stub["win32com"].client = stub["win32com.client"]
    cu = {k: sys.modules.get(k) for k in [*stub, "xlwings.udfs", "thidua.excel.udf"]}
    cu_xw = {k: getattr(xlwings, k) for k in ("func", "arg", "ret", "sub")}
    sys.modules.update(stub)
    try:
        import xlwings.udfs as udfs

        xlwings.func, xlwings.arg, xlwings.ret, xlwings.sub = udfs.xlfunc, udfs.xlarg, udfs.xlret, udfs.xlsub
        sys.modules.pop("thidua.excel.udf", None)
        mod = importlib.import_module("thidua.excel.udf")
        f = io.StringIO()
        vba = udfs.VBAWriter(f)
        vba.writeln('Attribute VB_Name = "xlwings_udfs"')
        vba.writeln("'Autogenerated code by xlwings - changes will be lost with next import!")
        vba.writeln("""#Const App = "Microsoft Excel" 'Adjust when using outside of Excel""")
        udfs.generate_vba_wrapper(MODULE_UDF, mod, f, SimpleNamespace(Name=ten_so))
        return f.getvalue().replace("\r\n", "\n")
    finally:
        for k, v in cu_xw.items():
            setattr(xlwings, k, v)
        for k, v in cu.items():
            if v is None:
                sys.modules.pop(k, None)
            else:
                sys.modules[k] = v


def tao_addin(ra: Path = RA_MAC_DINH) -> Path:
    ra.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(MAU) as vao, zipfile.ZipFile(ra, "w", zipfile.ZIP_DEFLATED) as dich:
        for muc in vao.infolist():
            du_lieu = vao.read(muc.filename)
            if muc.filename == "customUI/customUI.xml":
                du_lieu = RIBBON.encode("utf-8")
            elif muc.filename == "xl/worksheets/sheet1.xml":
                du_lieu = _dien_cau_hinh(du_lieu.decode("utf-8")).encode("utf-8")
            elif muc.filename == "xl/workbook.xml":
                du_lieu = _doi_ten_sheet_cau_hinh(du_lieu.decode("utf-8")).encode("utf-8")
            moi = zipfile.ZipInfo(muc.filename, date_time=(2026, 1, 1, 0, 0, 0))
            moi.compress_type = zipfile.ZIP_DEFLATED
            dich.writestr(moi, du_lieu)
    return ra


def tao_vba(ra: Path = RA_VBA) -> Path:
    ra.write_text(vba_ham(), encoding="utf-8", newline="\r\n")
    return ra


if __name__ == "__main__":
    print(tao_addin(Path(sys.argv[1]) if len(sys.argv) > 1 else RA_MAC_DINH))
    if len(sys.argv) <= 1:
        print(tao_vba())
