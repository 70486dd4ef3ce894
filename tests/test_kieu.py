"""Types and dependencies: mypy passes on ``src/thidua``; every required dependency is used; defusedxml, kept as
a dependency without being imported by thidua, is what openpyxl parses workbooks with (XML entity attacks)."""

from __future__ import annotations

import ast
import importlib.util
import os
import tomllib
import zipfile
from pathlib import Path

import pytest

GOC = Path(__file__).resolve().parents[1]


def test_mypy_khong_loi() -> None:
    """The type checker (configured in pyproject ``[tool.mypy]``) finds no error in the library."""
    if importlib.util.find_spec("mypy") is None:
        if os.environ.get("CI"):
            pytest.fail("mypy phải được cài trong CI (pip install \".[test]\")")
        pytest.skip("cần mypy (pip install \".[test]\")")
    from mypy import api

    ra, loi, ma = api.run(["--config-file", str(GOC / "pyproject.toml"), "--cache-dir",
                           str(GOC / ".mypy_cache"), str(GOC / "src" / "thidua")])
    assert ma == 0, ra + loi


def _ten_goi(yeu_cau: str) -> str:
    ten = yeu_cau.split(";")[0]
    for dau in "<>=!~[ ":
        ten = ten.split(dau)[0]
    return ten.strip().lower().replace("-", "_")


MO_DUN = {"python_calamine": "python_calamine", "python_docx": "docx", "pyyaml": "yaml"}


def test_moi_phu_thuoc_bat_buoc_deu_duoc_dung() -> None:
    """No required dependency that nothing imports (pandas and pydantic were; they were dropped). The library
    and its scripts count (docxcompose serves the benchmark's naive baseline)."""
    du_an = tomllib.loads((GOC / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    da_nhap: set[str] = set()
    for p in [*(GOC / "src").rglob("*.py"), *(GOC / "scripts").rglob("*.py")]:
        for n in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(n, ast.Import):
                da_nhap |= {a.name.split(".")[0] for a in n.names}
            elif isinstance(n, ast.ImportFrom) and n.module and not n.level:
                da_nhap.add(n.module.split(".")[0])
    khong_dung = [y for y in du_an["dependencies"]
                  if MO_DUN.get(_ten_goi(y), _ten_goi(y)) not in da_nhap and _ten_goi(y) != "defusedxml"]
    assert not khong_dung, f"declared but never imported: {khong_dung}"


def test_openpyxl_doc_bang_defusedxml(tmp_path: Path) -> None:
    """openpyxl uses defusedxml when it is installed: a workbook declaring an XML entity (the "billion laughs"
    family) is refused instead of expanded. This is why defusedxml stays a dependency."""
    from openpyxl import Workbook, load_workbook
    from openpyxl.xml import DEFUSEDXML

    assert DEFUSEDXML
    sach = tmp_path / "sach.xlsx"
    Workbook().save(sach)
    doc = tmp_path / "doc.xlsx"
    with zipfile.ZipFile(sach) as vao, zipfile.ZipFile(doc, "w") as ra:
        for muc in vao.infolist():
            du_lieu = vao.read(muc)
            if muc.filename == "xl/worksheets/sheet1.xml":
                du_lieu = b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>' + du_lieu.split(b"?>", 1)[-1]
            ra.writestr(muc, du_lieu)
    from defusedxml import DTDForbidden, EntitiesForbidden

    with pytest.raises(ValueError) as e:  # openpyxl wraps defusedxml's refusal
        load_workbook(doc)
    assert isinstance(e.value.__cause__, EntitiesForbidden | DTDForbidden), repr(e.value.__cause__)
