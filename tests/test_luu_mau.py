"""Prepared templates kept between runs (``van_ban/luu_mau.py``): a template taken back from the cache renders the
same parts, byte for byte, as one prepared from its file; a damaged entry, a folder that cannot be written or a
template edited since are handled as if there were no cache."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from thidua.van_ban import luu_mau, ve
from thidua.van_ban.moi_truong import moi_truong
from thidua.van_ban.ve_nhanh import MauDaDich, MauNhanh


def _cac_phan(docx: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        return {ten: z.read(ten) for ten in z.namelist()}


def _khoa(p: Path) -> tuple[str, int, int]:
    tt = p.stat()
    return str(p), tt.st_mtime_ns, tt.st_size


@pytest.fixture
def bo_nho(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(luu_mau.BIEN_MOI_TRUONG, str(tmp_path / "cache"))
    ve._da_dich.cache_clear()
    yield tmp_path / "cache" / "mau"
    ve._da_dich.cache_clear()


def test_mau_lay_tu_bo_nho_dem_ve_giong_het(bo_nho: Path, demo_ket_qua) -> None:
    """Every document of the demo's year and hồ sơ rendered by templates taken from the cache — no package opened
    — gives the parts a template prepared from its file gives."""
    from thidua.ho_so import ke_hoach_ho_so

    kq = demo_ket_qua.ket_qua
    ban_ve = [b for b in ve.cac_ban_ve_nam(kq) if b.truoc_khi_ve is None]
    ban_ve += [b for _, b in ke_hoach_ho_so(kq, None, []).ban_ve]
    mau = sorted({b.mau for b in ban_ve})
    assert len(mau) >= 8
    for ten in mau:  # first run: prepared from the files, and kept
        ve._da_dich(*_khoa(ve.tim_mau(ten)))
    assert len(list(bo_nho.glob("*.mau"))) == len(mau)
    ve._da_dich.cache_clear()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(MauNhanh, "__init__", lambda *a, **k: pytest.fail("mở lại tệp mẫu"))
        tu_bo_nho = {ten: ve._da_dich(*_khoa(ve.tim_mau(ten))) for ten in mau}  # next run: from the cache
    for b in ban_ve:
        bien = ve.nfc(ve.thanh_dict(b.ngu_canh))
        goc = MauDaDich(str(ve.tim_mau(b.mau)), moi_truong())
        assert tu_bo_nho[b.mau].bien == goc.bien
        assert _cac_phan(tu_bo_nho[b.mau].ve(bien)) == _cac_phan(goc.ve(bien)), b.ten_tep


def test_bo_nho_hong_hoac_khong_ghi_duoc_thi_chuan_bi_lai(bo_nho: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    p = ve.tim_mau("giay_khen")
    ve._da_dich(*_khoa(p))
    (muc,) = bo_nho.glob("*.mau")
    muc.write_bytes(b"\x00hong")  # damaged
    ve._da_dich.cache_clear()
    mau = ve._da_dich(*_khoa(p))
    assert mau.bien and luu_mau.doc(muc.stem)["bien"] == mau.bien  # prepared again, and written anew
    chan = tmp_path / "la-tep"
    chan.write_text("không phải thư mục")
    monkeypatch.setenv(luu_mau.BIEN_MOI_TRUONG, str(chan))  # a folder that cannot be made: not used
    ve._da_dich.cache_clear()
    assert ve._da_dich(*_khoa(p)).bien == mau.bien
    monkeypatch.setenv(luu_mau.BIEN_MOI_TRUONG, "0")
    assert luu_mau.thu_muc() is None


def test_mau_sua_thi_chuan_bi_lai(bo_nho: Path, tmp_path: Path) -> None:
    """An edited template is another entry: the cache never gives the old one's variables."""
    from docx import Document

    p = tmp_path / "mau.docx"
    d = Document()
    d.add_paragraph("{{ mot }}")
    d.save(p)
    assert ve._da_dich(*_khoa(p)).bien == {"mot"}
    d.add_paragraph("{{ hai }}")
    d.save(p)
    ve._da_dich.cache_clear()
    assert ve._da_dich(*_khoa(p)).bien == {"mot", "hai"}
    assert len(list(bo_nho.glob("*.mau"))) == 2
    assert ve.bien_cua_mau(*_khoa(p)) == {"mot", "hai"}


def test_tong_ket_hai_lan_dung_bo_nho_dem(bo_nho: Path, demo_dau_vao: Path, tmp_path: Path) -> None:
    """The batch run twice with the cache on (the second takes every template from it): the same documents."""
    import sys

    thu_muc = str(Path(__file__).parent.parent / "scripts")
    if thu_muc not in sys.path:
        sys.path.insert(0, thu_muc)
    import dau_van_tay
    from thidua.tong_ket import tong_ket

    mot = tong_ket([demo_dau_vao], tmp_path / "mot", so_tien_trinh=2)
    so_muc = len(list(bo_nho.glob("*.mau")))
    assert so_muc >= 8
    hai = tong_ket([demo_dau_vao], tmp_path / "hai", so_tien_trinh=2)
    assert len(list(bo_nho.glob("*.mau"))) == so_muc
    assert dau_van_tay.dau_van_tay(mot.thu_muc_ra) == dau_van_tay.dau_van_tay(hai.thu_muc_ra)


def test_bo_nho_chi_dung_thu_muc_rieng_va_byte_nguyen_ven(bo_nho: Path) -> None:
    """An entry's code runs: a folder others could write to is not used, and bytes changed inside an entry (not only
    cut short) are never loaded; a temporary file a killed run left more than a day ago is removed."""
    import os
    import time

    p = ve.tim_mau("to_trinh")
    ve._da_dich(*_khoa(p))
    (muc,) = bo_nho.glob("*.mau")
    assert bo_nho.stat().st_mode & 0o077 == 0  # made the user's own
    ten = muc.stem
    assert luu_mau.doc(ten) is not None
    du_lieu = bytearray(muc.read_bytes())
    du_lieu[len(du_lieu) // 2] ^= 0xFF
    muc.write_bytes(bytes(du_lieu))
    assert luu_mau.doc(ten) is None
    ve._da_dich.cache_clear()
    ve._da_dich(*_khoa(p))  # prepared again, written anew
    assert luu_mau.doc(ten) is not None
    if hasattr(os, "getuid"):
        bo_nho.chmod(0o777)
        assert luu_mau.doc(ten) is None  # others could have written it
        bo_nho.chmod(0o700)
        assert luu_mau.doc(ten) is not None
    cu, moi = bo_nho / ".~cu.mau", bo_nho / ".~moi.mau"
    cu.write_bytes(b"x")
    moi.write_bytes(b"x")
    os.utime(cu, (time.time() - 2 * 86_400,) * 2)
    ve._da_dich.cache_clear()
    ve._da_dich(*_khoa(ve.tim_mau("giay_khen")))
    assert not cu.exists() and moi.exists()


def test_muc_khong_dung_lau_ngay_bi_xoa_muc_dang_dung_thi_giu(bo_nho: Path) -> None:
    """An entry a run takes is marked used; when a new entry is written, those no run took for NGAY_GIU days (an
    earlier version's, a template since edited) are removed, and an entry used today stays however old its file."""
    import os
    import time

    ve._da_dich(*_khoa(ve.tim_mau("to_trinh")))
    (dung,) = bo_nho.glob("*.mau")
    cu = bo_nho / ("0" * 64 + ".mau")  # an earlier version's entry
    cu.write_bytes(b"x" * 100)
    gan = bo_nho / ("1" * 64 + ".mau")  # not used for a while, but less than NGAY_GIU days
    gan.write_bytes(b"x" * 100)
    lau = time.time() - (luu_mau.NGAY_GIU + 1) * 86_400
    for p in (cu, dung):
        os.utime(p, (lau, lau))
    os.utime(gan, (time.time() - (luu_mau.NGAY_GIU - 1) * 86_400,) * 2)
    assert luu_mau.doc(dung.stem) is not None  # taken by a run: used now
    assert dung.stat().st_mtime > time.time() - 60
    ve._da_dich.cache_clear()
    ve._da_dich(*_khoa(ve.tim_mau("giay_khen")))  # a new entry written
    assert not cu.exists()
    assert dung.exists() and gan.exists() and len(list(bo_nho.glob("*.mau"))) == 3
