"""The pure-Python core that xlwings Lite (Pyodide) needs: imports without the CLI/batch/document libraries, and
the law parameters readable without PyYAML (the JSON compiled at wheel build time equals the YAML tree)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from thidua import bien_dich_tham_so as bd
from thidua.tham_so import BoThamSo, doc_yaml_tham_so, thu_muc_tham_so

GOC = Path(__file__).resolve().parent.parent
SRC = GOC / "src"
# What only the CLI, the batch reader and the documents need: the core must import and run without them.
KHONG_CO_TRONG_LITE = ["python_calamine", "pydantic", "typer", "rich", "matplotlib", "xlsxwriter", "yaml", "pandas", "openpyxl",
                       "docxtpl", "docx", "docxcompose", "xlwings", "numpy", "lxml"]
MO_DUN_LOI = ["thidua.tieng_viet", "thidua.danh_muc", "thidua.tham_so", "thidua.tieu_chuan", "thidua.binh_xet",
              "thidua.tien_thuong", "thidua.doc_o", "thidua.so_do", "thidua.mo_hinh", "thidua.xet", "thidua.kiem_tra",
              "thidua.excel.ham"]

_CHAN = f"""
import sys
class _Chan:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {KHONG_CO_TRONG_LITE!r}:
            raise ImportError("không có trong Pyodide: " + name)
sys.meta_path.insert(0, _Chan())
"""


def _chay_khong_thu_vien(ma: str, tmp_path: Path, json_tham_so: bool = True) -> subprocess.CompletedProcess:
    """Run code in a fresh interpreter where the heavy libraries cannot be imported, with the thidua source and
    (like the wheel) the compiled parameters."""
    goc = tmp_path / "site"
    if json_tham_so:
        import shutil

        shutil.copytree(SRC / "thidua", goc / "thidua", ignore=shutil.ignore_patterns("__pycache__"))
        (goc / "thidua" / "_du_lieu").mkdir(exist_ok=True)
        (goc / "thidua" / "_du_lieu" / bd.TEN_TEP_JSON).write_text(bd.bien_dich(thu_muc_tham_so()), encoding="utf-8")
    return subprocess.run([sys.executable, "-c", _CHAN + ma], capture_output=True, text=True, timeout=120,
                          env={"PYTHONPATH": str(goc if json_tham_so else SRC), "PATH": "/usr/bin:/bin"})


def test_loi_nhap_duoc_va_chay_khong_can_thu_vien_nang(tmp_path: Path) -> None:
    ma = ";".join(f"import {m}" for m in MO_DUN_LOI) + """
import datetime as dt
from thidua.excel import ham
from thidua.tham_so import bo_tham_so_mac_dinh
assert "yaml" not in sys.modules and "python_calamine" not in sys.modules
print(ham.tien_thuong("LĐTT", dt.datetime(2026, 1, 12)), ham.luong_co_so(46034.0), ham.ty_le(8, 9))
print(len(bo_tham_so_mac_dinh().tham_so))
"""
    kq = _chay_khong_thu_vien(ma, tmp_path)
    assert kq.returncode == 0, kq.stderr
    dong = kq.stdout.split("\n")
    assert dong[0] == "710000 2340000 88,89 %"
    assert int(dong[1]) == len(BoThamSo.tu_thu_muc(thu_muc_tham_so()).tham_so)


def test_khong_co_yaml_va_khong_co_json_bao_ro(tmp_path: Path) -> None:
    kq = _chay_khong_thu_vien("from thidua.tham_so import bo_tham_so_mac_dinh\nbo_tham_so_mac_dinh()", tmp_path,
                              json_tham_so=False)
    assert kq.returncode != 0 and "Không có PyYAML" in kq.stderr


def test_json_tham_so_bang_dung_cay_yaml() -> None:
    thu_muc = thu_muc_tham_so()
    van_ban = bd.bien_dich(thu_muc)
    assert van_ban == bd.bien_dich(thu_muc)  # stable bytes
    tu_json = bd.doc_json(van_ban)
    tu_yaml = {".".join(p.relative_to(thu_muc).with_suffix("").parts): doc_yaml_tham_so(p)
               for p in sorted(thu_muc.rglob("*.yaml"))}
    assert tu_json == tu_yaml and len(tu_json) > 40
    # Dates come back as dates (the YAML keys of "values"), not strings.
    assert all(isinstance(k, dt.date) for v in tu_json.values() for k in v["values"])


def test_bo_tham_so_tu_json_giong_tu_yaml(tmp_path: Path) -> None:
    p = tmp_path / bd.TEN_TEP_JSON
    p.write_text(bd.bien_dich(thu_muc_tham_so()), encoding="utf-8")
    assert BoThamSo.tu_json(p) == BoThamSo.tu_thu_muc(thu_muc_tham_so())


def test_ma_hoa_hai_chieu_va_tu_choi_kieu_la() -> None:
    cay = {"a": {dt.date(2024, 7, 1): {"value": [1, 2.5, None, True, "x"]}}, "b": [dt.date(2020, 1, 1)]}
    assert bd.giai_ma(json.loads(json.dumps(bd.ma_hoa(cay)))) == cay
    with pytest.raises(ValueError):
        bd.ma_hoa({"t": dt.datetime(2024, 1, 1, 8, 0)})
    with pytest.raises(ValueError):
        bd.ma_hoa({"t": {1, 2}})


def test_wheel_kem_json_tham_so(tmp_path: Path) -> None:
    """The real build (hatchling + hatch_build.py) puts the compiled parameters into the wheel, and the wheel's
    metadata keeps the full tool for normal Python while Pyodide gets only the core."""
    pytest.importorskip("hatchling")
    kq = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w",
                         str(tmp_path), str(GOC)], capture_output=True, text=True, timeout=300)
    assert kq.returncode == 0, kq.stderr
    (whl,) = tmp_path.glob("thidua-*.whl")
    with zipfile.ZipFile(whl) as z:
        assert bd.doc_json(z.read(f"thidua/_du_lieu/{bd.TEN_TEP_JSON}").decode()) == bd.cay_yaml(thu_muc_tham_so())
        assert z.read("thidua_addin/thidua_addin.xlam") == (GOC / "addin" / "thidua_addin.xlam").read_bytes()
        meta = next(n for n in z.namelist() if n.endswith(".dist-info/METADATA"))
        yeu_cau = [d for d in z.read(meta).decode().splitlines() if d.startswith("Requires-Dist:")]
    full = [d for d in yeu_cau if "extra ==" not in d]
    assert full and all("sys_platform != 'emscripten'" in d or 'sys_platform != "emscripten"' in d for d in full)
    assert any(d.startswith("Requires-Dist: xlwings==") for d in full)


def test_requirements_lite_tro_dung_wheel_cua_phien_ban() -> None:
    """addin/lite/requirements.txt names the wheel this version builds (pure Python: py3-none-any)."""
    import tomllib

    phien_ban = tomllib.loads((GOC / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    dong = [d.strip() for d in (GOC / "addin" / "lite" / "requirements.txt").read_text(encoding="utf-8").splitlines()
            if d.strip() and not d.lstrip().startswith("#")]
    assert dong[0] == "xlwings"
    assert dong[1].startswith("thidua @ https://") and dong[1].endswith(f"/thidua-{phien_ban}-py3-none-any.whl")
