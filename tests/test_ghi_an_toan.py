"""Nothing an officer made is lost: one rule for every command that writes (``ghi_an_toan``), tried through the
command line on real files — refusal without --ghi-de, replacement with it, inputs never replaced, umask modes,
no temporary file left behind."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from thidua.cli import app
from thidua.ghi_an_toan import ThuMucGhi, ghi_nguyen_tu
from thidua.loi import ThiduaError
from tien_ich import bam, bo_nho, nguoi

runner = CliRunner()


def chay(*args: str) -> tuple[int, str]:
    r = runner.invoke(app, list(args))
    return r.exit_code, r.output


@pytest.fixture
def umask_022() -> Iterator[None]:
    cu = os.umask(0o022)
    yield
    os.umask(cu)


def _che_do(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


def _khong_con_tep_tam(thu_muc: Path) -> None:
    tam = [p for p in thu_muc.rglob("*") if p.name.startswith(".~thidua-") or ".dang-ghi-" in p.name
           or ".cu-" in p.name]
    assert tam == [], tam


# ---- the library mechanism ------------------------------------------------------------------------------------

def test_thu_muc_ghi_tu_choi_roi_thay_the(tmp_path: Path) -> None:
    ra = tmp_path / "ra"
    with ThuMucGhi(ra) as tam:
        (tam / "a.txt").write_text("lần 1", encoding="utf-8")
    (ra / "a.txt").write_text("cán bộ đã sửa", encoding="utf-8")
    with pytest.raises(ThiduaError, match="--ghi-de") as e, ThuMucGhi(ra) as tam:
        (tam / "a.txt").write_text("lần 2", encoding="utf-8")
        (tam / "b.txt").write_text("mới", encoding="utf-8")
    assert "a.txt" in str(e.value)
    assert (ra / "a.txt").read_text(encoding="utf-8") == "cán bộ đã sửa" and not (ra / "b.txt").exists()
    with ThuMucGhi(ra, ghi_de=True) as tam:
        (tam / "a.txt").write_text("lần 2", encoding="utf-8")
    assert (ra / "a.txt").read_text(encoding="utf-8") == "lần 2"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ra"]  # no temporary folder left


def test_thu_muc_ghi_khong_bao_gio_ghi_de_dau_vao(tmp_path: Path) -> None:
    vao = tmp_path / "vao"
    vao.mkdir()
    (vao / "so.xlsx").write_bytes(b"PK goc")
    for dau_vao in ([vao], [vao / "so.xlsx"]):
        with pytest.raises(ThiduaError, match="đầu vào"), ThuMucGhi(vao, ghi_de=True, dau_vao=dau_vao) as tam:
            (tam / "so.xlsx").write_bytes(b"PK moi")
        assert (vao / "so.xlsx").read_bytes() == b"PK goc"
    with pytest.raises(ThiduaError, match="đầu vào"):
        ThuMucGhi(tmp_path, ghi_de=True, dau_vao=[vao], ca_thu_muc=True)


def test_loi_giua_chung_khong_de_lai_gi(tmp_path: Path) -> None:
    ra = tmp_path / "ra"
    with pytest.raises(RuntimeError), ThuMucGhi(ra) as tam:
        (tam / "a.txt").write_text("dở dang", encoding="utf-8")
        raise RuntimeError
    assert list(tmp_path.iterdir()) == []


def test_tep_theo_umask(tmp_path: Path) -> None:
    cu = os.umask(0o027)
    try:
        with ThuMucGhi(tmp_path / "ra") as tam:
            ghi_nguyen_tu(tam / "con" / "a.bin", lambda p: Path(p).write_bytes(b"x"))
        assert _che_do(tmp_path / "ra") == 0o750
        assert _che_do(tmp_path / "ra" / "con") == 0o750
        assert _che_do(tmp_path / "ra" / "con" / "a.bin") == 0o640
    finally:
        os.umask(cu)


def test_ghi_trong_thu_muc_tam_theo_umask(tmp_path: Path) -> None:
    """``tong-ket``'s documents, written in place inside the temporary output folder: the umask's mode, like every
    other file, and nothing outside the folder until it is moved into place."""
    from thidua.ghi_an_toan import ghi_trong_thu_muc_tam

    cu = os.umask(0o027)
    try:
        with ThuMucGhi(tmp_path / "ra") as tam:
            p = ghi_trong_thu_muc_tam(tam / "con" / "a.docx", b"noi dung")
            assert p == tam / "con" / "a.docx" and not (tmp_path / "ra").exists()
        assert (tmp_path / "ra" / "con" / "a.docx").read_bytes() == b"noi dung"
        assert _che_do(tmp_path / "ra" / "con" / "a.docx") == 0o640
        assert _che_do(tmp_path / "ra" / "con") == 0o750
    finally:
        os.umask(cu)


# ---- every command that writes ------------------------------------------------------------------------------

def _lan_hai(lenh: list[str], ra: Path, tep_sua: str) -> None:
    """Second run without --ghi-de: refused (exit 2), the edited file untouched; with --ghi-de: replaced."""
    p = ra / tep_sua
    p.write_bytes(b"da sua tay")
    truoc = bam(ra)
    ma, out = chay(*lenh)
    assert ma == 2, out
    assert "--ghi-de" in out and "Traceback" not in out
    assert bam(ra) == truoc
    ma, out = chay(*lenh, "--ghi-de")
    assert ma == 0, out
    assert p.read_bytes() != b"da sua tay"
    _khong_con_tep_tam(ra.parent)


def test_tao_mau_khong_ghi_de_mau_da_dien(tmp_path: Path, umask_022: None) -> None:
    ra = tmp_path / "mau"
    ma, out = chay("tao-mau", str(ra))
    assert ma == 0, out
    assert _che_do(ra) == 0o755
    assert {_che_do(p) for p in ra.iterdir()} == {0o644}
    _lan_hai(["tao-mau", str(ra)], ra, "mau-tong-hop.xlsx")


def test_dang_ky_khong_ghi_de(tmp_path: Path, umask_022: None) -> None:
    vao = bo_nho(tmp_path / "vao")
    ra = tmp_path / "ra"
    ma, out = chay("dang-ky", str(vao), "-o", str(ra))
    assert ma == 0, out
    assert {_che_do(p) for p in ra.iterdir()} == {0o644}
    _lan_hai(["dang-ky", str(vao), "-o", str(ra)], ra, "danh-sach-dang-ky-2025.docx")


def test_van_ban_khong_ghi_de_van_ban_da_sua(tmp_path: Path, umask_022: None) -> None:
    vao = bo_nho(tmp_path / "vao")
    ra = tmp_path / "ra"
    ma, out = chay("van-ban", str(vao), "-o", str(ra))
    assert ma == 0, out
    assert _che_do(ra) == 0o755 and {_che_do(p) for p in ra.iterdir()} == {0o644}
    _lan_hai(["van-ban", str(vao), "-o", str(ra)], ra, "qd-cong-nhan-danh-hieu-2025.docx")


def test_tao_phieu_khong_ghi_de_phieu_da_dien(tmp_path: Path) -> None:
    vao = bo_nho(tmp_path / "vao", [nguoi("001", "Nguyễn Văn An", xep_loai="HTXSNV", de_nghi="CSTĐCS"),
                                    nguoi("002", "Trần Thị Bình")])
    ra = tmp_path / "ra"
    ma, out = chay("tao-phieu", str(vao), "-o", str(ra))
    assert ma == 0, out
    _lan_hai(["tao-phieu", str(vao), "-o", str(ra)], ra, "phieu-bau.xlsx")


def test_tao_phieu_khong_ghi_de_dau_vao_ke_ca_voi_ghi_de(tmp_path: Path) -> None:
    """The filled PhieuBau workbook given as input, the output folder its own: refused even with --ghi-de."""
    vao = tmp_path / "hoi-dong"
    # a proposal that is voted on, so that tao-phieu has a PhieuBau to write (without one it stops earlier; this
    # test used to pass on the internal error "Dữ liệu đầu vào không bị thay đổi" of that case)
    p = bo_nho(vao, [nguoi("001", "Nguyễn Văn An", xep_loai="HTXSNV", de_nghi="CSTĐCS")]).rename(vao / "phieu-bau.xlsx")
    truoc = bam(vao)
    ma, out = chay("tao-phieu", str(vao), "-o", str(vao), "--ghi-de")
    assert ma == 2 and "tệp đầu vào" in out and "Traceback" not in out and "không mong đợi" not in out, out
    assert bam(vao) == truoc and p.exists()


def test_tong_ket_khong_ghi_de_thu_muc_chua_dau_vao(tmp_path: Path) -> None:
    vao = bo_nho(tmp_path / "vao" / "con")
    truoc = bam(tmp_path)
    ma, out = chay("tong-ket", str(vao), "-o", str(tmp_path / "vao"), "--ghi-de")
    assert ma == 2 and "đầu vào" in out, out
    assert bam(tmp_path) == truoc


def test_tong_ket_theo_umask(tmp_path: Path, umask_022: None) -> None:
    vao = bo_nho(tmp_path / "vao")
    ra = tmp_path / "ket-qua"
    ma, out = chay("tong-ket", str(vao), "-o", str(ra))
    assert ma == 0, out
    thu_muc = [ra, *(p for p in ra.rglob("*") if p.is_dir())]
    tep = [p for p in ra.rglob("*") if p.is_file()]
    assert {_che_do(p) for p in thu_muc} == {0o755}
    assert {_che_do(p) for p in tep} == {0o644}
    _lan_hai(["tong-ket", str(vao), "-o", str(ra)], ra, "ket-qua.xlsx")


def test_demo_khong_ghi_de_khi_chua_duoc_phep(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import thidua.demo as demo

    goi: list[Path] = []
    monkeypatch.setattr(demo, "tao_demo", lambda thu_muc, *a, **k: goi.append(thu_muc) or [])
    ra = tmp_path / "d"
    (ra / "dau-vao").mkdir(parents=True)
    (ra / "dau-vao" / "cua-toi.xlsx").write_bytes(b"du lieu that")
    ma, out = chay("demo", "-o", str(ra), "--so-can-bo", "5")
    assert ma == 2 and "--ghi-de" in out and goi == [], out
    assert (ra / "dau-vao" / "cua-toi.xlsx").read_bytes() == b"du lieu that"


def test_khong_thay_tep_dang_mo_trong_excel(tmp_path: Path) -> None:
    """An output open in Excel (its ~$ owner file beside it) is not replaced, even with --ghi-de."""
    ra = tmp_path / "mau"
    assert chay("tao-mau", str(ra))[0] == 0
    (ra / "~$mau-tong-hop.xlsx").write_bytes(b"\x05An")
    truoc = bam(ra)
    ma, out = chay("tao-mau", str(ra), "--ghi-de")
    assert ma == 2 and "đang mở trong Excel" in out and "mau-tong-hop.xlsx" in out, out
    assert bam(ra) == truoc
    vao = bo_nho(tmp_path / "vao")
    kq = tmp_path / "ket-qua"
    assert chay("tong-ket", str(vao), "-o", str(kq))[0] == 0
    (kq / "~$ket-qua.xlsx").write_bytes(b"\x05An")
    truoc = bam(kq)
    ma, out = chay("tong-ket", str(vao), "-o", str(kq), "--ghi-de")
    assert ma == 2 and "đang mở trong Excel" in out, out
    assert bam(kq) == truoc


def test_tong_ket_khong_ghi_ket_qua_vao_trong_thu_muc_dau_vao(tmp_path: Path) -> None:
    """A newcomer's review: `tong-ket . -o ket-qua` put the results inside the input folder, the next run read them
    as input (1,304 errors) and --ghi-de then replaced them with an error report. The output folder may not lie
    inside an input folder: refused before any work, saying where to put it."""
    vao = bo_nho(tmp_path / "vao").parent  # the input folder
    truoc = bam(tmp_path)
    for thu in (["-o", str(vao / "ket-qua")], ["-o", str(vao / "con" / "ket-qua"), "--ghi-de"]):
        ma, out = chay("tong-ket", str(vao), *thu)
        assert ma == 2 and "nằm trong thư mục đầu vào" in out and str(tmp_path / "ket-qua") in out, out
    assert bam(tmp_path) == truoc
    ma, out = chay("van-ban", str(vao), "-o", str(vao / "con"))
    assert ma == 2 and "trong thư mục đầu vào" in out and "là tệp đầu vào" not in out, out  # not yet written
    assert bam(tmp_path) == truoc


def test_tong_ket_ghi_de_giu_lai_tep_cua_can_bo_va_ket_qua_cu_khi_du_lieu_loi(tmp_path: Path) -> None:
    """Without --ghi-de the refusal names the files there. With it, a folder holding a file thidua did not write
    (a note) is kept beside the new results, not deleted; and a run stopped by data errors that replaces complete
    results keeps them beside its error report (the folder itself holds the report, as SPEC says)."""
    vao = bo_nho(tmp_path / "vao")
    ra = tmp_path / "ket-qua"
    assert chay("tong-ket", str(vao), "-o", str(ra))[0] == 0
    (ra / "ghi-chu.txt").write_text("số quyết định đã xin", encoding="utf-8")
    ma, out = chay("tong-ket", str(vao), "-o", str(ra))
    assert ma == 2 and "ghi-chu.txt" in out and "ket-qua.xlsx" in out, out
    ma, out = chay("tong-ket", str(vao), "-o", str(ra), "--ghi-de")
    assert ma == 0 and "được giữ lại" in out, out
    (cu,) = tmp_path.glob("ket-qua-cu-*")
    assert (cu / "ghi-chu.txt").read_text(encoding="utf-8") == "số quyết định đã xin"
    assert not (ra / "ghi-chu.txt").exists() and (ra / "manifest.json").is_file()
    ma, out = chay("tong-ket", str(vao), "-o", str(ra), "--ghi-de")  # only thidua's own files: replaced, no copy
    assert ma == 0 and "được giữ lại" not in out and len(list(tmp_path.glob("ket-qua-cu-*"))) == 1, out
    loi = bo_nho(tmp_path / "loi", ca_nhan=[nguoi("001", "Nguyễn Văn An", xep_loai="XYZ", de_nghi="LĐTT")])
    ma, out = chay("tong-ket", str(loi), "-o", str(ra), "--ghi-de")
    assert ma == 1 and "được giữ lại" in out, out
    assert sorted(p.name for p in ra.iterdir()) == ["ket-qua.xlsx"]
    (cu2,) = set(tmp_path.glob("ket-qua-cu-*")) - {cu}
    assert (cu2 / "manifest.json").is_file() and any((cu2 / "van-ban").glob("*.docx"))


def test_ho_so_va_demo_ghi_de_giu_lai_tep_can_bo_de_vao(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A newcomer's second review: `ho-so --ghi-de` deleted the evidence an officer had put into the dossier folder,
    and `demo --ghi-de` a workbook dropped into its dau-vao. A replaced folder holding a file the command did not
    write — not among the new run's files — is kept beside the new one, and the command says so; one holding only
    the command's own files is replaced without a copy."""
    import thidua.demo as demo

    ra = tmp_path / "tm"
    with ThuMucGhi(ra, ca_thu_muc=True) as tam:
        (tam / "a.docx").write_bytes(b"1")
    with ThuMucGhi(ra, ghi_de=True, ca_thu_muc=True) as tam:  # the same files: replaced, no copy
        (tam / "a.docx").write_bytes(b"2")
    assert (ra / "a.docx").read_bytes() == b"2" and not list(tmp_path.glob("tm-cu-*"))
    (ra / "minh-chung").mkdir()
    (ra / "minh-chung" / "bang-khen-2024.pdf").write_bytes(b"scan")
    ghi = ThuMucGhi(ra, ghi_de=True, ca_thu_muc=True)
    with ghi as tam:
        (tam / "a.docx").write_bytes(b"3")
    (cu,) = tmp_path.glob("tm-cu-*")
    assert (cu / "minh-chung" / "bang-khen-2024.pdf").read_bytes() == b"scan" and (ra / "a.docx").read_bytes() == b"3"
    assert len(ghi.thong_bao) == 1 and "minh-chung/bang-khen-2024.pdf" in ghi.thong_bao[0]

    monkeypatch.setattr(demo, "tao_demo", lambda thu_muc, *a, **k: [(thu_muc / "tong-hop.xlsx").write_bytes(b"x")
                                                                   or thu_muc / "tong-hop.xlsx"])
    import thidua.cli as cli
    monkeypatch.setattr(cli, "_chay_tong_ket", lambda *a, **k: 0)
    d = tmp_path / "d"
    (d / "dau-vao").mkdir(parents=True)
    (d / "dau-vao" / "hoi-dong-quyet.xlsx").write_bytes(b"cua can bo")
    ma, out = chay("demo", "-o", str(d), "--so-can-bo", "5", "--ghi-de")
    assert ma == 0 and "được giữ lại" in out, out
    (cu,) = d.glob("dau-vao-cu-*")
    assert (cu / "hoi-dong-quyet.xlsx").read_bytes() == b"cua can bo"
