"""The classic add-in file and its one-time Windows step, checked against the VBA inside the binary (read with
oletools) and xlwings' own generator. Excel itself cannot run here: ``cai_dat`` runs against stand-in COM
objects that hold the add-in's real VBA declarations — what Excel would do with them is the manual check-list."""

from __future__ import annotations

import importlib.util
import re
import shutil
import zipfile
from pathlib import Path

import pytest

from thidua.loi import ThiduaError
from thidua_addin import cai_dat

GOC = Path(__file__).resolve().parent.parent
ADDIN = GOC / "addin" / "thidua_addin.xlam"


def _tao_addin_mod():
    spec = importlib.util.spec_from_file_location("tao_addin", GOC / "scripts" / "tao_addin.py")
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    return m


@pytest.fixture(scope="module")
def vba() -> dict[str, str]:
    from oletools.olevba import VBA_Parser

    vp = VBA_Parser(str(ADDIN))
    try:
        return {ten: code for _, _, ten, code in vp.extract_macros()}
    finally:
        vp.close()


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_sheet_cau_hinh_la_sheet_vba_doc(vba: dict[str, str]) -> None:
    """The config sheet is named exactly PROJECT_NAME & ".conf" as this binary's VBA reads it, and holds UDF
    Modules only (an empty key on the sheet would stop GetConfig before the user's config file)."""
    x = vba["xlwings.bas"]
    ten = re.search(r'Public Const PROJECT_NAME As String = "([^"]+)"', x).group(1)
    assert 'Set sht = wb.Sheets(PROJECT_NAME & ".conf")' in x
    assert 'SheetExists(ThisWorkbook, PROJECT_NAME & ".conf")' in x  # the add-in's own sheet is read
    z = zipfile.ZipFile(ADDIN)
    sheets = re.findall(r'<sheet name="([^"]+)"', z.read("xl/workbook.xml").decode())
    assert sheets == [f"{ten}.conf"] and not sheets[0].startswith("_")
    chuoi = re.findall(r"<t>([^<]*)</t>", z.read("xl/sharedStrings.xml").decode())
    du_lieu = z.read("xl/worksheets/sheet1.xml").decode()
    o = {m.group(1): chuoi[int(m.group(2))] if m.group(2) else m.group(3)
         for m in re.finditer(r'<c r="([A-Z]+\d+)"[^>]*>(?:<v>(\d+)</v>|<is><t>([^<]*)</t></is>)', du_lieu)}
    assert o == {"A1": "UDF Modules", "B1": "thidua.excel.udf"}
    # The ribbon button imports the Python module named like the add-in file.
    assert "Left(ThisWorkbook.Name" in vba["RibbonMyAddin.bas"] and ADDIN.stem == "thidua_addin"
    assert importlib.util.find_spec(ADDIN.stem) is not None


def test_vba_ham_dung_nhu_xlwings_sinh() -> None:
    m = _tao_addin_mod()
    moi = m.vba_ham()
    assert (GOC / "addin" / "thidua_udfs.bas").read_bytes() == moi.replace("\n", "\r\n").encode("utf-8"), \
        "chạy lại python scripts/tao_addin.py"
    assert moi.startswith('Attribute VB_Name = "xlwings_udfs"')
    assert len(re.findall(r"^Function TD_\w+\(", moi, re.M)) == 17
    assert 'XLPy.CallUDF("thidua.excel.udf", "TD_TIENTHUONG", Array(ma_danh_hieu, ngay_qd, la_tap_the)' in moi


# ---- cai_dat against stand-in COM objects ---------------------------------------------------------------------

class _CodeModule:
    def __init__(self, ma: str) -> None:
        self.dong = ma.splitlines()
        self.CountOfDeclarationLines = next(i for i, d in enumerate(self.dong, 1)
                                            if re.match(r"(Public |Private )?(Function|Sub) ", d)) - 1

    def Lines(self, i: int, n: int) -> str:
        return "\n".join(self.dong[i - 1:i - 1 + n])

    def ReplaceLine(self, i: int, s: str) -> None:
        self.dong[i - 1] = s


class _VBProject:
    def __init__(self, vba: dict[str, str], tin_cay: bool) -> None:
        self.Name = "MyAddin"
        self._cm = {"xlwings": _CodeModule(vba["xlwings.bas"])}
        self._tin_cay = tin_cay

    @property
    def VBComponents(self):
        if not self._tin_cay:
            raise RuntimeError("Programmatic access to Visual Basic Project is not trusted")
        cm = self._cm

        class _C:
            Count = 5

            def __call__(self, ten):
                return type("Comp", (), {"CodeModule": cm[ten]})()

        return _C()


class _Sheet:
    def __init__(self, ten: str) -> None:
        self.name = ten


class _Book:
    def __init__(self, duong_dan: str, vba: dict[str, str], tin_cay: bool, nhat_ky: list) -> None:
        self.name = Path(duong_dan).name
        self._p = Path(duong_dan)
        self.sheets = {"myaddin.conf": _Sheet("myaddin.conf")}
        vbp = _VBProject(vba, tin_cay)
        book = self

        class _Api:
            VBProject = vbp

            def SaveAs(self, p, dinh_dang):
                nhat_ky.append(("SaveAs", p, dinh_dang, vbp.Name, book.sheets["myaddin.conf"].name))
                shutil.copy2(book._p, p)

        self.api = _Api()
        self.vbp = vbp

    def close(self) -> None:
        pass


class _App:
    def __init__(self, vba, tin_cay=True, mo_san=()) -> None:
        self.nhat_ky: list = []
        self.books = _Books(self, vba, tin_cay, [type("B", (), {"name": n})() for n in mo_san])
        app = self

        class _AddIns:
            def Add(self, p):
                app.nhat_ky.append(("AddIns.Add", p))
                return type("AI", (), {"Installed": False})()

        self.api = type("Api", (), {"AddIns": _AddIns()})()

    def quit(self) -> None:
        self.nhat_ky.append(("quit",))


class _Books(list):
    def __init__(self, app, vba, tin_cay, mo_san) -> None:
        super().__init__(mo_san)
        self.app, self.vba, self.tin_cay = app, vba, tin_cay

    def open(self, p: str) -> _Book:
        self.mo = _Book(p, self.vba, self.tin_cay, self.app.nhat_ky)
        return self.mo


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_cai_dat_doi_ten_nhap_ham_luu_va_bat(vba: dict[str, str], tmp_path: Path) -> None:
    app = _App(vba)
    nhap: list = []
    dich = cai_dat.cai_dat(ADDIN, tmp_path / "AddIns", python=r"C:\Python311\python.exe",
                           thu_muc_nha=tmp_path / "nha", mo_excel=lambda: app,
                           nhap_ham=lambda mod, api: nhap.append((mod, api.VBProject.Name)))
    assert dich == tmp_path / "AddIns" / "thidua_addin.xlam" and dich.read_bytes() == ADDIN.read_bytes()
    cm = app.books.mo.vbp._cm["xlwings"]
    thay = [d for d in cm.dong if "PROJECT_NAME As String" in d]
    assert thay == ['Public Const PROJECT_NAME As String = "thidua"']
    assert sum(a != b for a, b in zip(cm.dong, vba["xlwings.bas"].splitlines())) == 1  # nothing else touched
    # The functions are imported into the add-in itself, after the renaming; saved as .xlam (55), switched on.
    assert nhap == [("thidua.excel.udf", "thidua")]
    assert ("SaveAs", str(dich), 55, "thidua", "thidua.conf") in app.nhat_ky
    assert ("AddIns.Add", str(dich)) in app.nhat_ky and app.nhat_ky[-1] == ("quit",)
    conf = (tmp_path / "nha" / ".thidua" / "thidua.conf").read_text(encoding="utf-8")
    assert conf == '"INTERPRETER_WIN","C:\\Python311\\python.exe"\n'


def test_cai_dat_bao_khi_chua_tin_cay_vba(vba: dict[str, str], tmp_path: Path) -> None:
    app = _App(vba, tin_cay=False)
    with pytest.raises(ThiduaError, match="Trust access to the VBA project object model"):
        cai_dat.cai_dat(ADDIN, tmp_path, python="py", thu_muc_nha=tmp_path, mo_excel=lambda: app,
                        nhap_ham=lambda *a: None)
    assert app.nhat_ky[-1] == ("quit",) and not (tmp_path / "thidua_addin.xlam").exists()
    app = _App(vba, mo_san=["thidua_addin.xlam"])
    with pytest.raises(ThiduaError, match="đang mở trong Excel"):
        cai_dat.cai_dat(ADDIN, tmp_path, python="py", thu_muc_nha=tmp_path, mo_excel=lambda: app,
                        nhap_ham=lambda *a: None)


def test_cau_hinh_nguoi_dung_giu_dong_khac(tmp_path: Path) -> None:
    p = tmp_path / ".thidua" / "thidua.conf"
    p.parent.mkdir()
    p.write_text('"INTERPRETER_WIN","C:\\cu\\python.exe"\n"PYTHONPATH","D:\\ma"\n', encoding="utf-8")
    cai_dat.ghi_cau_hinh_nguoi_dung(tmp_path, "C:\\moi\\python.exe")
    assert p.read_text(encoding="utf-8") == '"INTERPRETER_WIN","C:\\moi\\python.exe"\n"PYTHONPATH","D:\\ma"\n'


def test_lenh_ngoai_windows_bao_ro(capsys) -> None:
    from thidua_addin.__main__ import main

    assert main([]) == 2 and "cai-dat" in capsys.readouterr().err
    assert main(["cai-dat"]) == 2 and "xlwings Lite" in capsys.readouterr().err
