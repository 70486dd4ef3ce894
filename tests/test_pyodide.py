"""xlwings Lite's Python, proven on Linux: the Lite main.py (addin/lite) with thidua's real wheel runs under
Pyodide in Node.js — the npm package "pyodide", no CDN: the wheel and the pure-Python wheels it needs here are
unpacked into a folder Pyodide mounts — and gives exactly what the same calls give in CPython on the shipped
example (workbooks/vi-du); the decision equals the classic batch's on the example folder.

Needs node and npm. Downloads once (npm package pyodide, the "packaging" wheel from PyPI) into a cache folder —
``$THIDUA_PYODIDE_CACHE`` or ``~/.cache/thidua/pyodide`` — then runs offline. Outside CI, without node/npm, it is
skipped with the reason; in CI (``CI`` set) a missing node/npm fails it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

GOC = Path(__file__).resolve().parent.parent
VI_DU = GOC / "workbooks" / "vi-du"
PYODIDE = "314.0.7"  # npm package version (Python 3.14 in WebAssembly)
PACKAGING = "packaging==26.0"  # pure-Python wheel: evaluates the wheel's markers as micropip does
BO_DEM = Path(os.environ.get("THIDUA_PYODIDE_CACHE") or Path.home() / ".cache" / "thidua" / "pyodide")


def _can(lenh: list[str], **kw) -> subprocess.CompletedProcess:
    kq = subprocess.run(lenh, capture_output=True, text=True, **kw)
    assert kq.returncode == 0, f"{' '.join(map(str, lenh))}\n{kq.stdout[-3000:]}\n{kq.stderr[-3000:]}"
    return kq


@pytest.fixture(scope="module")
def pyodide() -> Path:
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        if os.environ.get("CI"):
            pytest.fail("CI cần node và npm cho phép thử Pyodide (.ci/run cài nodejs, npm).")
        pytest.skip("Không có node/npm trên máy này: bỏ qua phép thử xlwings Lite dưới Pyodide "
                    "(cài: apt-get install nodejs npm).")
    thu_muc = BO_DEM / f"npm-{PYODIDE}"
    goi = thu_muc / "node_modules" / "pyodide"
    if not (goi / "pyodide.mjs").is_file():
        thu_muc.mkdir(parents=True, exist_ok=True)
        _can([npm, "install", "--no-audit", "--no-fund", "--prefix", str(thu_muc), f"pyodide@{PYODIDE}"], timeout=600)
    return goi


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """thidua's wheel as built for users (hatchling + the params JSON hook) and the pure wheels, unpacked."""
    pytest.importorskip("hatchling")
    banh = BO_DEM / "wheels"
    if not list(banh.glob("packaging-*.whl")):
        banh.mkdir(parents=True, exist_ok=True)
        _can([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--only-binary=:all:", "-d", str(banh),
              PACKAGING], timeout=300)
    tam = tmp_path_factory.mktemp("lite")
    _can([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(tam), str(GOC)],
         timeout=300)
    site = tam / "site"
    for whl in [*tam.glob("thidua-*.whl"), *banh.glob("packaging-*.whl")]:
        with zipfile.ZipFile(whl) as z:
            assert whl.name.endswith("-py3-none-any.whl"), whl.name  # pure Python, installable by micropip
            z.extractall(site)
    shutil.copy(GOC / "addin" / "lite" / "main.py", site / "main.py")
    shutil.copy(GOC / "tests" / "so_gia.py", site / "so_gia.py")
    shutil.copy(GOC / "tests" / "pyodide" / "chay_lite.py", site / "chay_lite.py")
    shutil.copytree(GOC / "tests" / "pyodide" / "gia", site / "_gia")
    return site


def _so_excel(x: object) -> object:
    """A cell as Office.js hands it to xlwings Lite: dates are serial numbers."""
    if isinstance(x, dt.datetime):
        return (x - dt.datetime(1899, 12, 30)).total_seconds() / 86400
    if isinstance(x, dt.date):
        return float((x - dt.date(1899, 12, 30)).days)
    return None if x == "" else x


@pytest.fixture(scope="module")
def du_lieu(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from python_calamine import CalamineWorkbook

    ra = {}
    for p in [VI_DU / "tong-hop.xlsx", *sorted((VI_DU / "don-vi").glob("*.xlsx"))]:
        wb = CalamineWorkbook.from_path(str(p))
        ra[p.name] = {t: [[_so_excel(x) for x in d] for d in wb.get_sheet_by_name(t).to_python(skip_empty_area=False)]
                      for t in wb.sheet_names}
    tep = tmp_path_factory.mktemp("vao") / "vi-du.json"
    tep.write_text(json.dumps(ra, ensure_ascii=False), encoding="utf-8")
    return tep


@pytest.fixture(scope="module")
def ket_qua_cpython(site: Path, du_lieu: Path) -> dict:
    """The same driver in CPython on the same wheel (with the real xlwings, PyYAML: the YAML parameters)."""
    kq = _can([sys.executable, "-c", "import asyncio, sys, chay_lite; "
               "print(asyncio.run(chay_lite.chay(open(sys.argv[1], encoding='utf-8').read())))", str(du_lieu)],
              cwd=site, env={**os.environ, "PYTHONPATH": str(site)}, timeout=300)
    return json.loads(kq.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def ket_qua_pyodide(pyodide: Path, site: Path, du_lieu: Path) -> dict:
    kq = _can([shutil.which("node"), str(GOC / "tests" / "pyodide" / "chay.mjs"), str(pyodide), str(site),
               str(du_lieu)], timeout=600)
    return json.loads(kq.stdout.strip().splitlines()[-1])


def test_pyodide_cho_dung_ket_qua_nhu_cpython(ket_qua_pyodide: dict, ket_qua_cpython: dict) -> None:
    assert ket_qua_pyodide["nen_tang"] == "emscripten" and ket_qua_cpython["nen_tang"] == "linux"
    # Under Pyodide the wheel needs nothing (every heavy requirement is marked sys_platform != 'emscripten');
    # in CPython the same wheel is the full tool.
    assert ket_qua_pyodide["phu_thuoc"] == []
    assert {"python-calamine", "typer", "rich", "xlsxwriter", "pyyaml", "xlwings"} <= {
        p.lower() for p in ket_qua_cpython["phu_thuoc"]}
    # Pyodide read the law's parameters from the JSON compiled into the wheel, CPython from the YAML files.
    assert ket_qua_pyodide["tham_so_tu_yaml"] is False and ket_qua_cpython["tham_so_tu_yaml"] is True
    bo = ("python", "nen_tang", "phu_thuoc", "tham_so_tu_yaml")
    assert {k: v for k, v in ket_qua_pyodide.items() if k not in bo} == \
        {k: v for k, v in ket_qua_cpython.items() if k not in bo}


def test_gia_tri_mong_doi_tren_vi_du(ket_qua_pyodide: dict) -> None:
    """The Lite check-list of addin/README.md, as computed under Pyodide."""
    _danh_sach_kiem_tra(ket_qua_pyodide)


def test_gia_tri_mong_doi_trong_cpython(ket_qua_cpython: dict) -> None:
    """The same check-list in CPython (runs without node too)."""
    _danh_sach_kiem_tra(ket_qua_cpython)


def _danh_sach_kiem_tra(ket_qua_pyodide: dict) -> None:
    h = ket_qua_pyodide["ham"]
    assert h["TD_TIENTHUONG"][:5] == [710000, 2340000, 1410000, 2340000, 3510000]
    assert h["TD_TIENTHUONG"][5]["loi"] == "#N/A" and "'abc'" in h["TD_TIENTHUONG"][5]["thong_bao"]
    assert h["TD_DOCSO"][:2] == ["Một triệu không trăm linh một nghìn đồng", "Hai triệu ba trăm bốn mươi nghìn đồng"]
    assert h["TD_DOCSO"][2]["loi"] == "#VALUE!"
    assert h["TD_LUONGCOSO"] == [1800000, 2340000]
    assert h["TD_TYLE"][:2] == ["88,89 %", "0,50 %"] and h["TD_TYLE"][2]["loi"] == "#VALUE!"
    assert h["TD_XET"][0].startswith("Không đạt") and h["TD_XET"][1] == "Đạt"
    assert [r[1] for r in h["TD_XEPHANG"][1:]] == ["B", "C", "A"]
    assert h["TD_LOI"].startswith("#N/A ")
    assert h["TD_TIENTHUONG_COT"][0] == [[710000], [""], [2340000]]
    assert h["TD_TIENTHUONG_COT"][1]["loi"] == "#N/A" and h["TD_TIENTHUONG_COT"][1]["thong_bao"].startswith("Dòng 2:")
    assert h["TD_KIEMPHIEU"][-1][0] == "Phiếu: phát ra 11, thu vào 11, hợp lệ 10, không hợp lệ 1"
    assert next(r for r in h["TD_KIEMPHIEU"] if r[0] == "00018")[2] == 6
    kp = ket_qua_pyodide["kiem_phieu"]
    assert kp[:4] == [["Phiếu phát ra", 11] + [None] * (len(kp[0]) - 2),
                      ["Phiếu thu vào", 11] + [None] * (len(kp[0]) - 2),
                      ["Phiếu hợp lệ", 10] + [None] * (len(kp[0]) - 2),
                      ["Phiếu không hợp lệ", 1] + [None] * (len(kp[0]) - 2)]
    mau, ghi_chu, so = ket_qua_pyodide["kiem_tra"]
    assert mau == "FFC7CE" and ghi_chu.startswith("Chị Lan: hỏi lại\n\nthidua: Xếp loại 'tot'")
    assert so[1][2:] == ["00B0F0", "FFC7CE"]
    assert ket_qua_pyodide["kiem_tra_lan_2"] == ["00B0F0", "Chị Lan: hỏi lại", False]
    assert ket_qua_pyodide["kiem_tra_thong_bao"].startswith("thidua: 1 ô có vấn đề (1 lỗi tô đỏ")


def test_xet_trong_lite_bang_dung_tong_ket_co_dien(ket_qua_pyodide: dict) -> None:
    """Lite's decision on tong-hop with the units' sheets copied in equals the classic batch on the folder."""
    from thidua.kiem_tra import kiem_tra
    from thidua.xet import xet_sau_kiem_tra

    kq = xet_sau_kiem_tra(kiem_tra([VI_DU]))
    mong_doi = sorted([s.ma, k.danh_hieu.viet_tat, "Hội đồng quyết định" if k.can_hoi_dong else "Đạt" if k.dat
                       else "Không đạt", k.tien_thuong if k.dat and k.tien_thuong else None] for s, k in kq.tat_ca())
    x = ket_qua_pyodide["xet"]
    assert x[0][:6] == ["Mã", "Họ tên / Tập thể", "Đơn vị", "Danh hiệu", "Kết quả", "Tiền thưởng (đồng)"]
    assert sorted([r[0], r[3], r[4], r[5]] for r in x[1:]) == mong_doi
    assert len(mong_doi) > 40 and ket_qua_pyodide["xet_thong_bao"].startswith(f"thidua: {len(mong_doi)} đề nghị")


def test_huong_dan_dung_so_lieu(ket_qua_cpython: dict) -> None:
    """addin/README.md's check-lists quote what the code computes on the example."""
    hd = (GOC / "addin" / "README.md").read_text(encoding="utf-8")
    x = ket_qua_cpython["xet"][1:]
    assert f"**{len(x)} đề nghị, {sum(r[4] == 'Đạt' for r in x)} đạt**" in hd
    kp = [r[1] for r in ket_qua_cpython["kiem_phieu"][:4]]
    assert f"**{', '.join(map(str, kp))}**" in hd
    h = ket_qua_cpython["ham"]
    for gia_tri in (*h["TD_TIENTHUONG"][:5], *h["TD_LUONGCOSO"], h["TD_DOCSO"][0], *h["TD_TYLE"][:2]):
        assert f"**{gia_tri}**" in hd, gia_tri
