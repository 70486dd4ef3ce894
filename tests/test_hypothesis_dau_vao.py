"""Hostile-input sweep (property-based, hypothesis) over generated workbooks: random sheet and column orders,
title rows, extra and duplicate columns, merged cells, formulas without cached values, cells of every type in
every column, 30,000-character cells, control characters, right-to-left marks, hidden sheets and rows, dates before
1900 and in 2100, many sheets. For each: a Vietnamese answer (exit 0/1 with every problem placed, or exit 2 with a
message) — never a traceback or an "unexpected error" — and the inputs byte-identical after the run.

Examples are kept few and workbooks small so the sweep takes a few seconds; ``HYPOTHESIS_PROFILE=nhieu`` runs more.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from typer.testing import CliRunner

from thidua.cli import app
from thidua.kiem_tra import kiem_tra
from thidua.loi import ThiduaError
from tien_ich import THONG_TIN, TIEU_DE_CA_NHAN, TIEU_DE_TAP_THE

settings.register_profile("nhanh", max_examples=12, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
settings.register_profile("nhieu", max_examples=300, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
HO_SO = os.environ.get("HYPOTHESIS_PROFILE", "nhanh")

runner = CliRunner()
KY_TU_DIEU_KHIEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
CO_DAU = re.compile(r"[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]", re.I)


def _excel(v: object) -> object:
    """What openpyxl may write: control characters as Excel's own escape (_x0001_), which Excel and calamine read
    back as the character."""
    if isinstance(v, str):
        return KY_TU_DIEU_KHIEN.sub(lambda m: f"_x{ord(m.group()):04X}_", v)
    return v


# ---- cell values: every type, in every column ----------------------------------------------------------------

chu_la = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
gia_tri_o = st.one_of(
    st.none(), st.booleans(), st.integers(-10**12, 10**12), st.floats(allow_nan=False, allow_infinity=False),
    st.dates(dt.date(1800, 1, 1), dt.date(2100, 12, 31)), st.datetimes(dt.datetime(1890, 1, 1), dt.datetime(2100, 12, 31)),
    st.times(), chu_la,
    st.sampled_from(["=1+1", '=HYPERLINK("http://vi.du","Nguyễn Văn An")', "=A1", "#N/A", "‏LĐTT‏", "\u202eTTLĐ",
                     "x" * 30_000, "Nguyễn Văn An\x01\x02", " 001 ", "01/02/1899", "31/12/2100", "HTXSNV", "LĐTT",
                     "CSTĐCS, GK", "Có", "", " ", "\u00a0", "0", "-1", "1e309"]),
)


def _nguoi(i: int) -> dict[str, object]:
    return {"Mã CB": f"{i:03d}", "Họ và tên": f"Nguyễn Văn Số {i}", "Đơn vị": "P1", "Xếp loại": "HTTNV",
            "Đề nghị": "LĐTT", "Đăng ký": "LĐTT", "Ngày sinh": "15/03/1985", "Chức vụ": "Chuyên viên"}


@st.composite
def so_lam_viec(draw: st.DrawFn) -> dict:
    """A department workbook, then made hostile."""
    n = draw(st.integers(1, 6))
    cot_cn = draw(st.permutations(TIEU_DE_CA_NHAN))
    cot_tt = draw(st.permutations(TIEU_DE_TAP_THE))
    them_cot = draw(st.lists(st.sampled_from(["Ghi chú riêng", "Mã CB", "Họ và tên", "", "Cột lạ ‏"]), max_size=2))
    ca_nhan = [_nguoi(i) for i in range(1, n + 1)]
    hong: list[tuple[int, int, object]] = draw(st.lists(
        st.tuples(st.integers(0, n - 1), st.integers(0, len(cot_cn) + len(them_cot) - 1), gia_tri_o), max_size=6))
    return {
        "thu_tu_sheet": draw(st.permutations(["ThongTin", "CaNhan", "TapThe", "Lạ", "PhieuBau"])),
        "co_phieu": draw(st.booleans()),
        "dong_tieu_de_tren": draw(st.integers(0, 3)),
        "cot_cn": list(cot_cn) + them_cot, "cot_tt": list(cot_tt), "ca_nhan": ca_nhan, "hong": hong,
        "gop": draw(st.lists(st.tuples(st.integers(1, n + 4), st.integers(1, len(cot_cn))), max_size=2)),
        "an_sheet": draw(st.lists(st.sampled_from(["ThongTin", "CaNhan", "TapThe", "Lạ"]), max_size=2, unique=True)),
        "an_dong": draw(st.lists(st.integers(1, n + 4), max_size=2)),
        "thong_tin_hong": draw(st.lists(st.tuples(st.integers(1, len(THONG_TIN) - 1), gia_tri_o), max_size=2)),
        "tap_the_hong": draw(st.lists(st.tuples(st.integers(0, len(TIEU_DE_TAP_THE) - 1), gia_tri_o), max_size=2)),
        "phieu_hong": draw(st.lists(st.tuples(st.integers(0, 2), st.integers(0, 2), gia_tri_o), max_size=3)),
    }


def _ghi(mo_ta: dict, p: Path) -> None:
    wb = Workbook()
    wb.remove(wb.active)
    for ten in mo_ta["thu_tu_sheet"]:
        ws = wb.create_sheet(ten)
        if ten == "ThongTin":
            dong = [list(r) for r in THONG_TIN]
            for r, v in mo_ta["thong_tin_hong"]:
                dong[r][1] = v
        elif ten == "CaNhan":
            for _ in range(mo_ta["dong_tieu_de_tren"]):
                ws.append([_excel("DANH SÁCH CÁ NHÂN")])
            cot = mo_ta["cot_cn"]
            dong = [cot] + [[c.get(t, "") for t in cot] for c in mo_ta["ca_nhan"]]
            for r, c, v in mo_ta["hong"]:
                dong[r + 1][c] = v
        elif ten == "TapThe":
            goc = dict(zip(TIEU_DE_TAP_THE, ["P1", "Phòng Một", "HTTNV", "Khối 1", 90, "", "", ""], strict=True))
            hang = [goc[t] for t in mo_ta["cot_tt"]]
            for c, v in mo_ta["tap_the_hong"]:
                hang[c] = v
            dong = [mo_ta["cot_tt"], hang]
        elif ten == "PhieuBau":
            if not mo_ta["co_phieu"]:
                wb.remove(ws)
                continue
            dong = [["Phiếu số", "Hợp lệ", "001 - CSTDCS"], [1, "", "x"], [2, "", "?"]]
            for r, c, v in mo_ta.get("phieu_hong", ()):
                dong[r][c] = v
        else:
            dong = [["Sheet của cơ quan, không phải của thidua"], [1, 2, 3]]
        for hang in dong:
            ws.append([_excel(v) for v in hang])
        if ten == "CaNhan":
            for r, c in mo_ta["gop"]:
                ws.merge_cells(start_row=r, start_column=c, end_row=r, end_column=c + 1)
            for r in mo_ta["an_dong"]:
                ws.row_dimensions[r].hidden = True
    an = [ws for ws in wb.worksheets if ws.title in mo_ta["an_sheet"]]
    for ws in an[: len(wb.worksheets) - 1]:  # a workbook keeps one visible sheet
        ws.sheet_state = "hidden"
    wb.save(p)


def _bam(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def _kiem_cau_tra_loi(ma: int, ra: str) -> None:
    assert "Traceback" not in ra and "Lỗi không mong đợi" not in ra, ra[-3000:]
    assert ma in (0, 1, 2), ra[-3000:]
    if ma == 2:
        assert ra.startswith("Lỗi:") and CO_DAU.search(ra), ra[-3000:]
        return
    loi = json.loads(ra)["loi"]
    assert (ma == 1) == any(v["muc_do"] == "loi" for v in loi)
    for v in loi:
        assert CO_DAU.search(v["thong_bao"]), v
        assert v["dong"] is None or v["o"], v  # every problem tied to a row names its cell
    hang = [0 if v["muc_do"] == "loi" else 1 for v in loi]
    assert hang == sorted(hang)  # errors first


@settings(settings.get_profile(HO_SO))
@given(so_lam_viec())
def test_so_thu_dich_khong_bao_gio_vo(mo_ta: dict) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / "so.xlsx"
        _ghi(mo_ta, p)
        truoc = _bam(p)
        r = runner.invoke(app, ["kiem-tra", str(p), "--json"])
        _kiem_cau_tra_loi(r.exit_code, r.output)
        if r.exit_code == 0:  # valid: the decision runs too, and answers
            r = runner.invoke(app, ["xet", str(p), "--json"])
            assert r.exit_code == 0, r.output[-3000:]
            assert {"nam", "ca_nhan", "tap_the"} <= set(json.loads(r.output))
        if mo_ta["co_phieu"]:  # the count, whatever the marks
            r = runner.invoke(app, ["kiem-phieu", str(p), "--json"])
            assert r.exit_code in (0, 1, 2) and "Traceback" not in r.output and "Lỗi không mong đợi" not in r.output, (
                r.output[-3000:])
        try:  # the same workbook read as a start-of-year registration round
            kiem_tra([p], che_do="dang_ky", nam_mac_dinh=2026)
        except ThiduaError as e:
            assert CO_DAU.search(str(e)), str(e)
        assert _bam(p) == truoc


@settings(settings.get_profile(HO_SO))
@given(thu_tu_sheet=st.permutations(["ThongTin", "CaNhan", "TapThe", "Lạ"]),
       cot_cn=st.permutations(TIEU_DE_CA_NHAN), cot_tt=st.permutations(TIEU_DE_TAP_THE),
       tren=st.integers(0, 3), an=st.lists(st.sampled_from(["Lạ", "TapThe"]), unique=True))
def test_thu_tu_sheet_cot_khong_doi_ket_qua(thu_tu_sheet: list[str], cot_cn: list[str], cot_tt: list[str], tren: int,
                                           an: list[str]) -> None:
    """A correct result: the same department, whatever the order of sheets and columns, title rows or hidden
    sheets, reads and decides the same."""
    mo_ta = {"thu_tu_sheet": thu_tu_sheet, "co_phieu": False, "dong_tieu_de_tren": tren, "cot_cn": list(cot_cn),
             "cot_tt": list(cot_tt), "ca_nhan": [_nguoi(i) for i in range(1, 4)], "hong": [], "gop": [],
             "an_sheet": an, "an_dong": [], "thong_tin_hong": [], "tap_the_hong": [], "phieu_hong": []}
    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / "so.xlsx"
        _ghi(mo_ta, p)
        r = runner.invoke(app, ["xet", str(p), "--json"])
        assert r.exit_code == 0, r.output
        d = json.loads(r.output[r.output.index("{"):])
        assert [(c["ma"], c["ho_ten"], [(k["danh_hieu"], k["dat"]) for k in c["ket_qua"]]) for c in d["ca_nhan"]] == [
            (f"{i:03d}", f"Nguyễn Văn Số {i}", [("LDTT", True)]) for i in range(1, 4)]


def _xlsx_tho(p: Path, sheets: list[tuple[str, list[list[object]]]]) -> None:
    """A minimal .xlsx written by hand (inline strings): a 1,000-sheet workbook in milliseconds."""
    import zipfile
    from xml.sax.saxutils import escape, quoteattr

    def o(v: object) -> str:
        if isinstance(v, int | float):
            return f"<c t=\"n\"><v>{v}</v></c>"
        return f"<c t=\"inlineStr\"><is><t>{escape(str(v))}</t></is></c>"

    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            + "".join(f'<Override PartName="/xl/worksheets/s{i}.xml" ContentType="application/'
                      f'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in range(len(sheets)))
            + "</Types>"))
        z.writestr("_rels/.rels", (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship '
            'Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>'))
        z.writestr("xl/workbook.xml", (
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
            + "".join(f'<sheet name={quoteattr(ten)} sheetId="{i + 1}" r:id="r{i}"/>'
                      for i, (ten, _) in enumerate(sheets)) + "</sheets></workbook>"))
        z.writestr("xl/_rels/workbook.xml.rels", (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(f'<Relationship Id="r{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                      f'relationships/worksheet" Target="worksheets/s{i}.xml"/>' for i in range(len(sheets)))
            + "</Relationships>"))
        for i, (_, dong) in enumerate(sheets):
            z.writestr(f"xl/worksheets/s{i}.xml", (
                '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                + "".join("<row>" + "".join(o(v) for v in hang) + "</row>" for hang in dong)
                + "</sheetData></worksheet>"))


def test_so_nghin_sheet(tmp_path: Path) -> None:
    """A workbook of 1,000 sheets (the department's three among 997 others): read, and correct."""
    cua_so = [("ThongTin", THONG_TIN), ("CaNhan", [TIEU_DE_CA_NHAN, [_nguoi(1).get(t, "") for t in TIEU_DE_CA_NHAN]]),
              ("TapThe", [TIEU_DE_TAP_THE, ["P1", "Phòng Một", "HTTNV", "Khối 1", 90, "", "", ""]])]
    khac = [(f"S{i}", [["khác", i]]) for i in range(997)]
    p = tmp_path / "nghin.xlsx"
    _xlsx_tho(p, khac[:500] + cua_so + khac[500:])
    truoc = _bam(p)
    r = runner.invoke(app, ["xet", str(p), "--json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.output)["ca_nhan"][0]["ket_qua"][0]["dat"] is True
    assert _bam(p) == truoc


def test_ngay_o_cot_so(tmp_path: Path) -> None:
    """Found by the sweep: a date cell where a number belongs (ThongTin Năm) was an internal error."""
    tt = [list(r) for r in THONG_TIN]
    tt[1][1] = dt.date(2000, 1, 1)
    wb = Workbook()
    wb.remove(wb.active)
    for ten, dong in (("ThongTin", tt), ("TapThe", [TIEU_DE_TAP_THE, ["P1", "Phòng Một", "HTTNV"]]),
                      ("CaNhan", [TIEU_DE_CA_NHAN, [_nguoi(1).get(t, "") for t in TIEU_DE_CA_NHAN]])):
        ws = wb.create_sheet(ten)
        for hang in dong:
            ws.append(hang)
    wb.save(tmp_path / "so.xlsx")
    r = runner.invoke(app, ["kiem-tra", str(tmp_path / "so.xlsx"), "--json"])
    _kiem_cau_tra_loi(r.exit_code, r.output)
    v = next(x for x in json.loads(r.output)["loi"] if x["o"] == "B2")
    assert "không phải số" in v["thong_bao"] and r.exit_code == 1


@pytest.mark.parametrize("o", ["=1+1", '=HYPERLINK("http://vi.du","Nguyễn Văn An")'])
def test_cong_thuc_chua_tinh_o_o_bat_buoc(tmp_path: Path, o: str) -> None:
    """A formula with no cached value (a file never opened in Excel) in a required cell: a placed message."""
    wb = Workbook()
    wb.remove(wb.active)
    for ten, dong in (("ThongTin", THONG_TIN), ("TapThe", [TIEU_DE_TAP_THE, ["P1", "Phòng Một", "HTTNV"]]),
                      ("CaNhan", [TIEU_DE_CA_NHAN, [{**_nguoi(1), "Họ và tên": o}.get(t, "") for t in
                                                    TIEU_DE_CA_NHAN]])):
        ws = wb.create_sheet(ten)
        for hang in dong:
            ws.append(hang)
    p = tmp_path / "cong-thuc.xlsx"
    wb.save(p)
    r = runner.invoke(app, ["kiem-tra", str(p), "--json"])
    _kiem_cau_tra_loi(r.exit_code, r.output)
    assert r.exit_code == 1
    v = next(x for x in json.loads(r.output)["loi"] if x["o"] == "C2")
    assert "công thức" in v["thong_bao"]
