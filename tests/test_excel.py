"""The Excel add-in on Linux, in the three layers of TECH_NOTES: direct calls with Excel-shaped values; xlwings'
own VBA wrapper generator over the UDF module (with stub Windows modules); xlwings' converters through a
stand-in engine. Plus the add-in build and the pure actions behind the ribbon button."""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import re
import sys
import types
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from thidua.excel import danh_dau, hanh_dong, udf
from tien_ich import bo_nho, nguoi

GOC = Path(__file__).resolve().parent.parent
TEN_UDF = ["TD_KIEMTRA", "TD_KIEMPHIEU", "TD_XEPHANG", "TD_XET", "TD_TIENTHUONG", "TD_DOCSO", "TD_LUONGCOSO",
           "TD_TYLE", "TD_LOI", "TD_XET_COT", "TD_TIENTHUONG_COT", "TD_DOCSO_COT", "TD_TYLE_COT", "TD_LUONGCOSO_COT",
           "TD_KIEMTRA_BANG", "TD_KIEMPHIEU_BANG", "TD_XEPHANG_BANG"]


# ---- layer 1: direct calls ---------------------------------------------------------------------------------

def test_tien_thuong_voi_ngay_kieu_excel() -> None:
    assert udf.TD_TIENTHUONG("LĐTT", dt.datetime(2026, 1, 12)) == 710_000
    assert udf.TD_TIENTHUONG("lao dong tien tien", 46034.0) == 710_000  # serial date of 12/01/2026
    assert udf.TD_TIENTHUONG("BKT", dt.datetime(2025, 6, 30), True) == 4_680_000
    assert udf.TD_TIENTHUONG("BKT", "01/07/2025") == 3_510_000
    assert udf.TD_LUONGCOSO(dt.datetime(2024, 6, 30)) == 1_800_000


def test_doc_so() -> None:
    assert udf.TD_DOCSO(1_001_000.0) == "Một triệu không trăm linh một nghìn đồng"
    assert udf.TD_DOCSO("710.000") == "Bảy trăm mười nghìn đồng"
    assert udf.TD_DOCSO(21.0, "") == "Hai mươi mốt"


def test_xet_mot_dong() -> None:
    assert udf.TD_XET("LĐTT", "HTTNV") == "Đạt"
    assert udf.TD_XET("CSTĐCS", "HTXSNV", None, None, None, None, dt.datetime(2026, 1, 12)) == "Đạt"
    assert udf.TD_XET("CSTĐCS", "HTXSNV", None, None, None, None, dt.datetime(2023, 12, 31)).startswith("Không đạt")
    kq = udf.TD_XET("LĐTT", "HTTNV", None, None, None, dt.datetime(2025, 9, 1), dt.datetime(2026, 1, 12))
    assert kq.startswith("Không đạt") and "chưa đủ 6 tháng" in kq


def test_kiem_tra_vung_chi_ra_o_theo_dong_trong_sheet() -> None:
    vung = [["Mã CB", "Họ và tên", "Đơn vị", "Xếp loại", "Đề nghị"], [1.0, "An", "P1", "tot", "LĐTT"],
            [None, None, None, None, None], [2.0, "Bình", "P1", "HTTNV", "TTLĐTT"]]
    kq = udf.TD_KIEMTRA(vung, 5)
    assert kq[0] == ["Ô", "Dòng", "Mức", "Nội dung"]
    assert [r[0] for r in kq[1:]] == ["D6", "E8"]
    assert udf.TD_KIEMTRA([["Mã CB", "Họ và tên", "Đơn vị"], [1.0, "An", "P1"]]) == [["Không có lỗi", "", "", ""]]


def test_kiem_tra_vung_dang_ky_co_so_theo_doi_ghi_chu_kho_dat() -> None:
    """TD_KIEMTRA on a registration selection, given the LichSu range: the same reachability note as kiem-tra
    (CSTĐ tỉnh needs CSTĐCS in 3 consecutive years; the ledger has only 2024). Without the ledger: no note. Excel
    hands years over as floats."""
    vung = [["Mã CB", "Họ và tên", "Đơn vị", "Ngày sinh", "Đăng ký"], ["002", "Bình", "P1", "01/01/1980", "CSTĐ tỉnh"]]
    lich_su = [["Mã", "Năm", "Danh hiệu"], ["002", 2024.0, "CSTĐCS"]]
    kq = udf.TD_KIEMTRA(vung, 5, lich_su, 2025.0)
    ghi_chu = [r for r in kq[1:] if "thiếu năm 2023" in r[3]]
    assert len(ghi_chu) == 1 and ghi_chu[0][0] == "E6" and ghi_chu[0][2] == "Cảnh báo"
    assert not [r for r in udf.TD_KIEMTRA(vung, 5)[1:] if "thiếu năm" in str(r[3])]
    sai = udf.TD_KIEMTRA(vung, 5, [["Không phải sổ"], ["x"]], 2025.0)
    assert any("LichSu" in str(r[3]) for r in sai[1:])


def test_kiem_phieu_va_xep_hang() -> None:
    pb = [["Phiếu số", "Hợp lệ", "001 - CSTDCS", "002 - CSTDCS"], [1.0, None, "x", "x"], [2.0, None, "x", None],
          [3.0, "Không", "x", "x"], [4.0, None, "?", "x"]]
    kq = udf.TD_KIEMPHIEU(pb, 5.0, 4.0, 46034.0)
    assert kq[1] == ["001", "CSTĐCS", 2, 5, 0.4, 0.8, "Không đạt"]  # ND 98/2023 Art. 30(7): 80 %
    assert "hợp lệ 2, không hợp lệ 2" in kq[-1][0]
    xh = udf.TD_XEPHANG([["Ứng viên", "Đồng ý"], ["A", 9.0], ["B", 8.0], ["C", 8.0], ["D", 7.0]], "15%", 14.0)
    assert [r[3] for r in xh[1:]] == ["Trong chỉ tiêu", "Hội đồng quyết định (bằng phiếu tại điểm cắt)",
                                      "Hội đồng quyết định (bằng phiếu tại điểm cắt)", "Ngoài chỉ tiêu"]
    assert udf.TD_TYLE(8.0, 9.0) == "88,89 %"


@pytest.mark.parametrize(("ham", "args", "ma"), [
    (udf.TD_TIENTHUONG, ("xx", 46034.0), "#N/A"), (udf.TD_TIENTHUONG, ("LĐTT", None), "#VALUE!"),
    (udf.TD_DOCSO, ("abc",), "#VALUE!"), (udf.TD_DOCSO, (1.5,), "#VALUE!"),
    (udf.TD_LUONGCOSO, (dt.datetime(2015, 1, 1),), "#N/A"), (udf.TD_XET, ("LĐTT", "giỏi"), "#VALUE!"),
    (udf.TD_KIEMPHIEU, ([["x"]], 5.0, 5.0), "#VALUE!"), (udf.TD_XEPHANG, ([["A", 1.0]], None, 5.0), "#VALUE!"),
    (udf.TD_TYLE, (1.0, 0.0), "#VALUE!"), (udf.TD_TYLE, (9.0, 8.0), "#VALUE!"), (udf.TD_TYLE, (1.5, 3.0), "#VALUE!"),
    (udf.TD_KIEMTRA, ("không phải vùng",), "#VALUE!"),
])
def test_loi_la_gia_tri_loi_cua_excel_kem_ly_do(ham, args, ma) -> None:
    # An error value, not text: =SUM over such cells shows the error instead of skipping them (on Windows the
    # value is VARIANT(VT_ERROR, scode), see test_gia_tri_loi_tren_windows).
    assert ham(*args) == ma
    ly_do = udf.TD_LOI(ham.__name__, *args)
    assert ly_do.startswith(ma + " ") and len(ly_do) > len(ma) + 10
    assert "Traceback" not in ly_do and len(ly_do) <= 265
    assert udf.TD_LOI("TD_TIENTHUONG", "LĐTT", 46034.0) == ""


def test_tong_cot_khong_bo_sot_dong_loi() -> None:
    cot = udf.TD_TIENTHUONG_COT(["LĐTT", "xx", None, "CSTĐCS"], 46034.0)
    assert cot == [[710_000], ["#N/A"], [""], [2_340_000]]
    assert udf.TD_TYLE_COT([8.0, 9.0, None], 9.0) == [["88,89 %"], ["100,00 %"], [""]]
    assert udf.TD_XET_COT(["LĐTT", "LĐTT"], ["HTTNV", "HTNV"])[0] == ["Đạt"]
    assert udf.TD_DOCSO_COT([21.0], "")[0] == ["Hai mươi mốt"]
    assert udf.TD_LUONGCOSO_COT([dt.datetime(2024, 6, 30), dt.datetime(2024, 7, 1)]) == [[1_800_000], [2_340_000]]


def test_xep_hang_dong_dau_la_ung_vien_khong_phieu() -> None:
    # A first candidate with a blank vote cell is a candidate, not a header (headers are known by name).
    ra = udf.TD_XEPHANG([["A", None], ["B", 8.0], ["C", 7.0]], "50%", 6.0)
    assert [r[1] for r in ra[1:]] == ["B", "C", "A"] and ra[3][2] == 0
    co_td = udf.TD_XEPHANG([["Ứng viên", "Đồng ý"], ["A", None], ["B", 8.0]], "50%", 4.0)
    assert [r[1] for r in co_td[1:]] == ["B", "A"]
    # The explicit flag wins: FALSE keeps a first row that looks like text.
    ep = udf.TD_XEPHANG([["Đồng ý", 3.0], ["B", 8.0]], "50%", 4.0, "xuong", False)
    assert [r[1] for r in ep[1:]] == ["B", "Đồng ý"]


def test_ty_le_tinh_bang_phan_so() -> None:
    assert udf.TD_TYLE(2.0, 3.0) == "66,67 %" and udf.TD_TYLE(1.0, 8.0) == "12,50 %"
    assert udf.TD_TYLE(1.0, 200.0) == "0,50 %"  # 0.005 exactly: half up, no binary-float surprise
    assert udf.TD_TYLE(1.0, 40000.0) == "0,00 %" and udf.TD_TYLE(7.0, 7.0) == "100,00 %"


O_EXCEL = st.one_of(st.none(), st.floats(allow_nan=False, allow_infinity=False, width=32), st.text(max_size=12),
                    st.sampled_from(["HTTNV", "LĐTT", "x", "", "Khiển trách", "Tỉnh", "15/03/1985"]),
                    st.datetimes(min_value=dt.datetime(1950, 1, 1), max_value=dt.datetime(2030, 1, 1)))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(O_EXCEL, min_size=6, max_size=6), min_size=0, max_size=6))
def test_kiem_tra_voi_vung_bat_ky_khong_bao_gio_vo(dong: list[list[object]]) -> None:
    vung = [["Mã CB", "Họ và tên", "Đơn vị", "Xếp loại", "Đề nghị", "Ngày sinh"], *dong]
    kq = udf.TD_KIEMTRA(vung)
    assert isinstance(kq, list) and all(isinstance(r, list) and len(r) == 4 for r in kq)
    assert all(len(str(o)) <= 255 for r in kq for o in r)


@settings(max_examples=60, deadline=None)
@given(O_EXCEL, O_EXCEL)
def test_tien_thuong_voi_gia_tri_bat_ky_khong_bao_gio_vo(ma: object, ngay: object) -> None:
    kq = udf.TD_TIENTHUONG(ma, ngay)
    assert isinstance(kq, int) or kq in ("#VALUE!", "#N/A")


# ---- layer 2: xlwings' own VBA wrapper generator -------------------------------------------------------------

VBA_TU_KHOA = {"and", "as", "boolean", "byref", "byte", "byval", "call", "case", "const", "currency", "date", "debug",
               "dim", "do", "double", "each", "else", "elseif", "empty", "end", "enum", "eqv", "error", "event", "exit",
               "false", "for", "friend", "function", "get", "global", "gosub", "goto", "if", "imp", "implements", "in",
               "integer", "is", "let", "lib", "like", "long", "loop", "lset", "me", "mod", "new", "next", "not",
               "nothing", "null", "on", "option", "optional", "or", "paramarray", "preserve", "private", "property",
               "public", "raiseevent", "redim", "rem", "resume", "return", "rset", "select", "set", "single", "static",
               "step", "stop", "string", "sub", "then", "to", "true", "type", "typeof", "until", "variant", "wend",
               "while", "with", "xor", "name", "value", "object", "len", "val", "text", "range", "time", "year"}


@pytest.fixture(scope="module")
def udf_vba(tmp_path_factory):
    """Import xlwings.udfs with stub Windows modules, point xw.func/arg/ret/sub at it, load the UDF module."""
    import xlwings as xw

    stub = {"pythoncom": types.ModuleType("pythoncom"), "pywintypes": types.ModuleType("pywintypes"),
            "win32com": types.ModuleType("win32com"), "win32com.client": types.ModuleType("win32com.client")}
    stub["pythoncom"].CoInitialize = lambda: None
    stub["pywintypes"].TimeType = dt.datetime
    stub["win32com.client"].Dispatch = lambda *a, **k: None
    stub["pythoncom"].VT_ERROR = 10
    stub["win32com.client"].VARIANT = lambda vt, v: ("VARIANT", vt, v)
    stub["win32com"].client = stub["win32com.client"]
    cu = {k: sys.modules.get(k) for k in stub}
    cu_xw = {k: getattr(xw, k) for k in ("func", "arg", "ret", "sub")}
    sys.modules.update(stub)
    try:
        import xlwings.udfs as udfs

        xw.func, xw.arg, xw.ret, xw.sub = udfs.xlfunc, udfs.xlarg, udfs.xlret, udfs.xlsub
        spec = importlib.util.spec_from_file_location("thidua.excel._udf_vba", Path(udf.__file__))
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        f = io.StringIO()
        udfs.generate_vba_wrapper("thidua.excel.udf", mod, f, SimpleNamespace(Name="thidua_addin.xlam"))
        yield mod, f.getvalue()
    finally:
        for k, v in cu_xw.items():
            setattr(xw, k, v)
        for k, v in cu.items():
            if v is None:
                sys.modules.pop(k, None)
            else:
                sys.modules[k] = v
        sys.modules.pop("xlwings.udfs", None)


def test_moi_ham_co_wrapper_vba(udf_vba) -> None:
    _mod, vba = udf_vba
    co = re.findall(r"^Function (TD_\w+)\(([^)]*)\)", vba, re.M)
    assert sorted(n for n, _ in co) == sorted(TEN_UDF)
    sig = dict(co)
    assert sig["TD_TIENTHUONG"] == "ma_danh_hieu, ngay_qd, Optional la_tap_the"
    assert sig["TD_XET"].startswith("ma_danh_hieu, xep_loai, Optional ky_luat")
    assert 'XLPy.CallUDF("thidua.excel.udf", "TD_KIEMTRA"' in vba
    assert "ActiveWorkbook" in vba  # an add-in calls back into the active workbook


def test_gia_tri_loi_tren_windows(udf_vba) -> None:
    # With pywin32 present (stubbed here), a failure is VARIANT(VT_ERROR, scode) — the scodes xlwings itself reads
    # back from Excel for #VALUE! and #N/A — also inside a column result.
    mod, _ = udf_vba
    assert mod.TD_TIENTHUONG("xx", 46034.0) == ("VARIANT", 10, -2146826246)
    assert mod.TD_DOCSO("abc") == ("VARIANT", 10, -2146826273)
    assert mod.TD_TIENTHUONG_COT(["LĐTT", "xx"], 46034.0) == [[710_000], [("VARIANT", 10, -2146826246)]]


def test_mo_ta_va_ten_hop_le_voi_vba(udf_vba) -> None:
    mod, _ = udf_vba
    ten_da_co: set[str] = set()
    for ten in TEN_UDF:
        xf = getattr(mod, ten).__xlfunc__
        assert xf["category"] == "Thi đua"
        mo_ta = xf["ret"]["doc"]
        assert mo_ta and len(mo_ta) <= 255 and not mo_ta.isascii(), ten  # a Vietnamese description
        assert ten.isascii() and ten.startswith("TD_") and not re.fullmatch(r"[A-Za-z]{1,3}\d+", ten)
        assert ten.lower() not in ten_da_co
        ten_da_co.add(ten.lower())
        args = [a for a in xf["args"] if not a["vba"]]
        assert len(args) + sum(len(a["name"]) for a in args) <= 254
        for a in args:
            n = a["name"]
            assert n.isascii() and not n.startswith("_") and n.lower() not in VBA_TU_KHOA, (ten, n)
            assert not re.fullmatch(r"[A-Za-z]{1,3}\d+", n), (ten, n)
            assert a["doc"] and not a["doc"].startswith("Positional argument") and len(a["doc"]) <= 255, (ten, n)
            assert "convert" not in a["options"], (ten, n)  # no type hint turned into a converter
        if ten.endswith("_BANG"):
            assert xf["ret"]["options"].get("expand") == "table"


# ---- layer 3: xlwings' converters through a stand-in engine ---------------------------------------------------

class _MayGia:
    """A small stand-in for the Windows engine: enough for xlwings.conversion.read/write."""

    name = "excel"
    type = "desktop"

    @staticmethod
    def clean_value_data(data, datetime_builder, empty_as, number_builder, err_to_str):
        def lam_sach(x):
            if x is None or x == "":
                return empty_as
            if isinstance(x, dt.datetime):
                return datetime_builder(x.year, x.month, x.day, x.hour, x.minute, x.second)
            if number_builder is not None and isinstance(x, float):
                return number_builder(x)
            return x

        return [[lam_sach(c) for c in r] for r in data]

    @staticmethod
    def prepare_xl_data_element(x, options):
        return "" if x is None else x


@pytest.fixture
def may_excel(monkeypatch):
    import xlwings
    from xlwings.main import Engine, Engines

    e = Engines()
    e.add(Engine(_MayGia()))
    monkeypatch.setattr(xlwings, "engines", e)
    return e


def _goi_nhu_excel(ham, *gia_tri_tho):
    """What xlwings does around a UDF call: convert each argument with its options, call, convert the result."""
    from xlwings import conversion

    xf = ham.__xlfunc__
    args = [conversion.read(None, v, a["options"]) for v, a in zip(gia_tri_tho, xf["args"], strict=False)]
    return conversion.write(ham(*args), None, xf["ret"]["options"])


def test_bo_chuyen_doi_cua_xlwings(may_excel, udf_vba) -> None:
    mod, _ = udf_vba
    # A one-row range with ndim=2 stays 2-D; an empty cell arrives as None.
    ra = _goi_nhu_excel(mod.TD_KIEMTRA, [["Mã CB", "Họ và tên", "Đơn vị", "Xếp loại", "Đề nghị"],
                                        [7.0, "An", "P1", "", "LĐTT"]], 1.0)
    assert ra[0] == ["Ô", "Dòng", "Mức", "Nội dung"] and ra[1][0] == "D2"
    assert _goi_nhu_excel(mod.TD_TIENTHUONG, "LĐTT", dt.datetime(2026, 1, 12), False) == [[710000]]
    assert _goi_nhu_excel(mod.TD_DOCSO, 1_050_000.0, "đồng") == [["Một triệu không trăm năm mươi nghìn đồng"]]


# ---- the add-in file and the actions behind its button ---------------------------------------------------------

def test_addin_dung_lai_duoc_va_ribbon_tieng_viet(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("tao_addin", GOC / "scripts" / "tao_addin.py")
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    a, b = m.tao_addin(tmp_path / "a.xlam"), m.tao_addin(tmp_path / "b.xlam")
    assert a.read_bytes() == b.read_bytes()
    assert a.read_bytes() == (GOC / "addin" / "thidua_addin.xlam").read_bytes(), "chạy lại scripts/tao_addin.py"
    z = zipfile.ZipFile(a)
    import xml.etree.ElementTree as ET

    ui = ET.fromstring(z.read("customUI/customUI.xml"))
    ns = {"c": "http://schemas.microsoft.com/office/2006/01/customui"}
    tab = ui.find(".//c:tab", ns)
    assert tab.get("label") == "Thi đua"
    nut = ui.find(".//c:button", ns)
    assert nut.get("onAction") == "RibbonMyAddin.RunMain" and nut.get("label") == "Chạy theo sheet đang mở"
    assert "thidua.excel.udf" in z.read("xl/worksheets/sheet1.xml").decode()
    assert z.read("xl/vbaProject.bin")


def test_nut_chon_hanh_dong_theo_sheet() -> None:
    assert hanh_dong.hanh_dong_cho_sheet("CaNhan") == "kiem_tra"
    assert hanh_dong.hanh_dong_cho_sheet("Phiếu bầu") == "kiem_phieu"
    assert hanh_dong.hanh_dong_cho_sheet("ThongTin") == "van_ban"
    import thidua_addin

    with pytest.raises(SystemExit, match="nút này chạy từ Excel"):  # no Excel caller here: a message, no traceback
        thidua_addin.main()


def test_danh_dau_loi_len_ban_sao(tmp_path: Path) -> None:
    p = bo_nho(tmp_path / "vao", [nguoi("1", "An", xep_loai="tot"), nguoi("2", "Bình", **{"Đăng ký": ""})])
    dd = hanh_dong.danh_dau_loi(p)
    theo_o = {(d.sheet, d.o): d for d in dd}
    assert theo_o[("CaNhan", "I2")].mau == hanh_dong.MAU_LOI
    assert theo_o[("CaNhan", "N3")].mau == hanh_dong.MAU_CANH_BAO
    ra = danh_dau.danh_dau_openpyxl(p, tmp_path / "danh-dau.xlsx", dd)
    ws = load_workbook(ra)["CaNhan"]
    assert ws["I2"].fill.fgColor.rgb.endswith(hanh_dong.MAU_LOI)
    assert ws["I2"].comment.text.startswith("thidua:")


def test_kiem_phieu_vao_sheet_va_van_ban_canh_so(demo_dau_vao: Path, tmp_path: Path) -> None:
    # The units' workbooks stay in their subfolder, as the officer keeps them (the button copies subfolders too).
    import shutil

    vao = tmp_path / "so"
    shutil.copytree(demo_dau_vao, vao)
    dong = hanh_dong.bang_ket_qua_kiem_phieu(vao / "tong-hop.xlsx")
    assert dong[0][0] == "Phiếu phát ra" and dong[5][0] == "Mã"
    luc = dt.datetime(2026, 1, 12, 9, 30)
    ra, xong = hanh_dong.tong_ket_canh_so(vao / "tong-hop.xlsx", vao / "tong-hop.xlsx", luc)
    assert xong and ra == tmp_path / "so-ket-qua-2026-01-12-0930" and (ra / "van-ban").is_dir()


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_xlwings_dung_phien_ban_vba_cua_addin() -> None:
    """xlwings refuses a Python package whose version differs from the add-in's VBA: the installed package, the
    pin in pyproject.toml and XLWINGS_VERSION inside the .xlam's VBA (read with oletools) must be one version."""
    import tomllib

    import xlwings
    from oletools.olevba import VBA_Parser

    vp = VBA_Parser(str(GOC / "addin" / "thidua_addin.xlam"))
    try:
        ma = {ten: code for _, _, ten, code in vp.extract_macros()}
    finally:
        vp.close()
    m = re.search(r'XLWINGS_VERSION As String = "([^"]+)"', ma["xlwings.bas"])
    assert m and m.group(1) == xlwings.__version__
    du_an = tomllib.loads((GOC / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    ghim = [d for d in du_an["dependencies"] if d.startswith("xlwings")]
    assert ghim and ghim[0].split(";")[0].strip() == f"xlwings=={xlwings.__version__}"
    assert du_an["optional-dependencies"]["excel"] == [f"xlwings=={xlwings.__version__}"]
