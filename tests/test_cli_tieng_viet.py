"""Every word the command line prints is Vietnamese: every command's --help, and a set of usage errors, checked
against a list of the English that typer/click/pydantic would otherwise let through. Dates typed dd/mm/yyyy."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Annotated

import pytest
import typer
from typer.testing import CliRunner

from thidua.cli import app
from thidua.cli_tieng_viet import NhomViet, dich_thong_bao

runner = CliRunner()

TIENG_ANH = re.compile(
    r"Usage:|Options|Arguments|Commands|\[default|default:|required|Try '|for help|Error|No such|Missing|Invalid|"
    r"Input should|Possible options|Did you mean|unexpected|requires an? |does not take|not a valid|"
    r"\bOPTIONS\b|COMMAND|ARGS|<list\[|<int|<path>|<str>|<float|<datetime|\brange\b|\{[A-Za-z_]+\}|"
    r"Show this message|Aborted|env var|\bdynamic\b|greater than|less than|integer|\bValue\b")


def _lenh() -> list[str]:
    return sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


def chay(*args: str) -> tuple[int, str]:
    r = runner.invoke(app, list(args))
    return r.exit_code, r.output


def _khong_tieng_anh(chu: str) -> None:
    m = TIENG_ANH.search(chu)
    assert m is None, f"English {m.group(0)!r} in:\n{chu}"


def test_co_du_lenh() -> None:
    assert {"tao-mau", "dang-ky", "kiem-tra", "tao-phieu", "kiem-phieu", "xet", "van-ban", "tong-ket", "quy-dinh",
            "demo"} <= set(_lenh())


@pytest.mark.parametrize("lenh", ["", *_lenh()])
def test_tro_giup_toan_tieng_viet(lenh: str) -> None:
    ma, ra = chay(*([lenh] if lenh else []), "--help")
    assert ma == 0
    assert "Cách dùng:" in ra and "Tùy chọn" in ra
    _khong_tieng_anh(ra)


def _sai_cach_dung() -> list[list[str]]:
    ds: list[list[str]] = [["khong-co-lenh-nay"], ["tong-ke"], []]
    nhom = typer.main.get_command(app)
    for ten, lenh in nhom.commands.items():  # type: ignore[attr-defined]
        ds.append([ten, "--khong-co-tuy-chon-nay"])
        ds.append([ten, "x.xlsx", "y.xlsx", "z", "--json", "--json=1"])
        bat_buoc = [p for p in lenh.params if p.required]
        if bat_buoc:
            ds.append([ten])
        for p in lenh.params:
            if getattr(p, "opts", None) and not getattr(p, "is_flag", False) and p.param_type_name == "option":
                ds.append([ten, "x.xlsx", "-o", "ra", p.opts[0]])  # an option with no value
                ds.append([ten, "x.xlsx", "-o", "ra", p.opts[0], "abc"])
                ds.append([ten, "x.xlsx", "-o", "ra", p.opts[0], "0"])
    return ds


@pytest.mark.parametrize("args", _sai_cach_dung(), ids=lambda a: " ".join(a) or "(trống)")
def test_loi_cach_dung_toan_tieng_viet(args: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import thidua.cli as cli

    monkeypatch.setattr(cli, "chay_an_toan", lambda than: (_ for _ in ()).throw(typer.Exit(0)))  # parse only
    ma, ra = chay(*args)
    assert ma in (0, 2), ra
    assert "Traceback" not in ra
    _khong_tieng_anh(ra)


def test_thong_bao_cu_the() -> None:
    ma, ra = chay("tong-ket", "--job", "2")
    assert ma == 2 and "Không có tùy chọn --job" in ra and "--jobs" in ra and "Xem '" in ra
    ma, ra = chay("tong-ket", "vao")
    assert ma == 2 and "Thiếu tùy chọn '-o' / '--ra'" in ra
    ma, ra = chay("tong-ket", "vao", "-o", "ra", "--jobs", "0")
    assert ma == 2 and "phải lớn hơn hoặc bằng 1" in ra
    ma, ra = chay("tong-ket", "vao", "-o", "ra", "--jobs", "hai")
    assert ma == 2 and "phải là số nguyên" in ra
    ma, ra = chay("tong-ke")
    assert ma == 2 and "Không có lệnh 'tong-ke'" in ra and "tong-ket" in ra


def test_tien_trinh_that_khong_tieng_anh() -> None:
    """The officer's terminal, not the test runner: stderr of a real process."""
    r = subprocess.run([sys.executable, "-m", "thidua", "tong-ket", "--khong-co-tuy-chon-nay"], capture_output=True,
                       text=True, encoding="utf-8", timeout=60)
    assert r.returncode == 2
    assert "Lỗi: Không có tùy chọn --khong-co-tuy-chon-nay" in r.stderr
    _khong_tieng_anh(r.stdout + r.stderr)


def test_bang_rich_cung_tieng_viet() -> None:
    """A command that asks for typer's rich panels (and forgot cls=_Lenh) is Vietnamese too."""
    thu = typer.Typer(cls=NhomViet, rich_markup_mode="rich", add_completion=False)

    @thu.command("thu")
    def _thu(vao: Annotated[list[str], typer.Argument(help="Tệp.")],
             so: Annotated[int, typer.Option("--so", min=1, max=9, help="Một số.")] = 2) -> None:
        """Lệnh thử."""

    @thu.command("khac")
    def _khac() -> None:
        """Lệnh khác."""

    r = runner.invoke(thu, ["thu", "--help"])
    assert r.exit_code == 0
    assert "Tùy chọn" in r.output and "Đối số" in r.output and "từ 1 đến 9" in r.output
    _khong_tieng_anh(r.output)
    r = runner.invoke(thu, ["thu", "a", "--so", "10"])
    assert r.exit_code == 2 and "phải nhỏ hơn hoặc bằng 9" in r.output
    _khong_tieng_anh(r.output)


def test_dich_thong_bao_con_lai() -> None:
    assert dich_thong_bao("Got unexpected extra argument(s) (a b)") == "Thừa đối số: a b."
    assert dich_thong_bao("Option '--ra' requires an argument.") == "Tùy chọn '--ra' cần một giá trị."
    assert dich_thong_bao("Path 'x.xlsx' does not exist.") == "Không tìm thấy 'x.xlsx'."


@pytest.mark.parametrize("ngay", ["26/12/2025", "26-12-2025", "2025-12-26", " 26/12/2025 "])
def test_quy_dinh_nhan_ngay_viet_nam(ngay: str) -> None:
    ma, ra = chay("quy-dinh", "--ngay", ngay, "--json")
    assert ma == 0, ra
    assert json.loads(ra)["ngay"] == "2025-12-26"


@pytest.mark.parametrize(("ngay", "cau"), [("31/02/2025", "không có trong lịch"), ("hom-qua", "dd/mm/yyyy"),
                                          ("12/26/2025", "không có trong lịch")])
def test_quy_dinh_ngay_sai(ngay: str, cau: str) -> None:
    ma, ra = chay("quy-dinh", "--ngay", ngay)
    assert ma == 2 and cau in ra and "Traceback" not in ra


def test_dang_ky_ngay_viet_nam(tmp_path: Path) -> None:
    """dang-ky --ngay 26/12/2025 dates the Word list as typed."""
    import zipfile

    from tien_ich import bo_nho

    ma, ra = chay("dang-ky", str(bo_nho(tmp_path)), "-o", str(tmp_path / "ra"), "--ngay", "26/12/2025")
    assert ma == 0, ra
    xml = zipfile.ZipFile(tmp_path / "ra" / "danh-sach-dang-ky-2025.docx").read("word/document.xml").decode()
    assert "ngày 26 tháng 12 năm 2025" in re.sub(r"<[^>]+>", "", xml)
    ma, ra = chay("dang-ky", str(bo_nho(tmp_path)), "-o", str(tmp_path / "ra2"), "--ngay", "26/13/2025")
    assert ma == 2 and "không có trong lịch" in ra


def test_loi_he_dieu_hanh_bang_tieng_viet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A full disk while writing: a Vietnamese message naming the file, exit 2, no half-written output."""
    import errno
    import os

    import thidua.ghi_an_toan as g

    def day(tam: str, dich: str) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), dich)

    monkeypatch.setattr(g.os, "replace", day)
    ma, ra = chay("tao-mau", str(tmp_path / "mau"))
    assert ma == 2 and "ổ đĩa đã đầy" in ra and "mau-tong-hop.xlsx" in ra, ra
    _khong_tieng_anh(ra)
    assert "No space" not in ra
    assert not (tmp_path / "mau").exists() and list(tmp_path.iterdir()) == []


def _ep(p, gia_tri, ctx, cach):
    """(value, None) or (None, message) of one coercion."""
    from typer._click.exceptions import BadParameter

    try:
        return cach(p).coerce(gia_tri, param=p, ctx=ctx), None
    except BadParameter as e:
        return None, e.format_message()


def test_ep_kieu_nhanh_giong_het_typer(tmp_path: Path) -> None:
    """Issue 15: typed values are taken without importing pydantic (~0.1 s of every command) — and give, for every
    parameter of every command, the value typer's own coercion gives, or the same error."""
    import typer.main
    from typer._coercion import build_runtime_param

    tep = tmp_path / "a.xlsx"
    tep.write_bytes(b"x")
    mau = ["", "a", "2", " 2", "+2", "02", "-1", "0", "1", "32", "33", "5", "50000", "50001", "abc", "1.5", "٣",
           "2_0", "cuoi-nam", "CHUYEN-DE", "chuyen-de", "x/y.xlsx", str(tmp_path), str(tep), "/khong/co/day", "-"]
    nhom = typer.main.get_command(app)
    so_lan = 0
    for ten, lenh in nhom.commands.items():
        ctx = lenh.make_context(ten, [], resilient_parsing=True)
        for p in lenh.get_params(ctx):
            if not hasattr(p, "type_descriptor"):
                continue
            gia_tri = [*mau, p.default] if p.nargs == 1 else [tuple(mau[i:i + 3]) for i in range(0, len(mau), 3)]
            for v in gia_tri:
                nhanh = _ep(p, v, ctx, lambda q: q.get_runtime_param())
                goc = _ep(p, v, ctx, lambda q: build_runtime_param(q.type_descriptor))
                assert nhanh == goc and type(nhanh[0]) is type(goc[0]), (ten, p.name, v)
                so_lan += 1
    assert so_lan > 300


def test_lenh_dung_khong_nap_pydantic(tmp_path: Path) -> None:
    """A command typed correctly does not import pydantic (typer would, to coerce its values)."""
    (tmp_path / "mau").mkdir()
    ma = ("import sys\nfrom thidua.cli import app\n"
          f"try: app(['tong-ket', {str(tmp_path / 'khong-co')!r}, '-o', {str(tmp_path / 'ra')!r}, '--jobs', '2', "
          f"'--mau', {str(tmp_path / 'mau')!r}, '--ghi-de'])\n"
          "except SystemExit as e: print('ma', e.code)\nprint('pydantic' in sys.modules)")
    r = subprocess.run([sys.executable, "-c", ma], capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert r.stdout.split() == ["ma", "2", "False"], r.stdout + r.stderr
    assert "Không tìm thấy" in r.stderr
