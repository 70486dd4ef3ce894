"""Collects the legal scenarios in tests/scenarios as pytest items (STYLE.md, "Scenario tests")."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import yaml

THU_MUC_KICH_BAN = Path(__file__).parent / "scenarios"

# prepared templates are not kept between runs while testing (van_ban/luu_mau.py: on by default for users): every
# test prepares what it renders, and nothing is written to the user's cache folder; tests/test_luu_mau.py turns it on
os.environ["THIDUA_BO_NHO_DEM"] = "0"


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> pytest.Collector | None:
    if file_path.suffix == ".yaml" and THU_MUC_KICH_BAN in file_path.parents:
        return TepKichBan.from_parent(parent, path=file_path)
    return None


class TepKichBan(pytest.File):
    def collect(self):  # type: ignore[override]
        du_lieu = yaml.safe_load(self.path.read_text(encoding="utf-8"))
        mac_dinh = du_lieu.get("mac_dinh", {})
        ten_da_co: set[str] = set()
        for tc in du_lieu["cac_truong_hop"]:
            if tc["ten"] in ten_da_co:
                raise ValueError(f"{self.path.name}: two cases named {tc['ten']!r}")
            ten_da_co.add(tc["ten"])
            yield TruongHop.from_parent(self, name=tc["ten"], tc={**mac_dinh, **tc})


class LoiKichBan(Exception):
    pass


class TruongHop(pytest.Item):
    def __init__(self, *, tc: dict[str, Any], **kw: Any) -> None:
        super().__init__(**kw)
        self.tc = tc

    def runtest(self) -> None:
        from kich_ban import chay, so_sanh

        if not self.tc.get("can_cu"):
            raise LoiKichBan("case has no 'can_cu' (the article it exercises)")
        if not self.tc.get("ket_qua") and not self.tc.get("tien_thuong"):
            raise LoiKichBan("case expects nothing")
        sai = so_sanh(self.tc, chay(self.tc))
        if sai:
            raise LoiKichBan("\n".join(sai))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException]) -> str:  # type: ignore[override]
        if isinstance(excinfo.value, LoiKichBan):
            return "\n".join(f"{self.path.name} › {self.name} › {d}" for d in str(excinfo.value).splitlines())
        return super().repr_failure(excinfo)

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"{self.path.name} › {self.name}"


@pytest.fixture(scope="session")
def demo_dau_vao(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A realistic 120-person department written as units would send it (session-wide, read-only)."""
    from thidua.demo import tao_demo

    thu_muc = tmp_path_factory.mktemp("demo") / "dau-vao"
    tao_demo(thu_muc, so_can_bo=120, seed=7)
    return thu_muc


@pytest.fixture(scope="session")
def demo_ket_qua(demo_dau_vao: Path, tmp_path_factory: pytest.TempPathFactory):
    from thidua.tong_ket import tong_ket

    ra = tmp_path_factory.mktemp("kq") / "ket-qua"
    return tong_ket([demo_dau_vao], ra)
