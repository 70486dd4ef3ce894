"""Word documents: contracts, escaping, and the PDF a reader would see (LibreOffice + poppler)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import unicodedata
from pathlib import Path

import pytest
from docx import Document
from docxtpl import DocxTemplate

from thidua.danh_muc import DANH_HIEU, XEP_LOAI
from thidua.duong_dan import thu_muc_mau_van_ban
from thidua.loi import LoiMauVanBan
from thidua.mo_hinh import CaNhan, DuLieu, TapThe, ThongTin
from thidua.van_ban import ngu_canh
from thidua.van_ban.moi_truong import moi_truong
from thidua.van_ban.ve import TEN_MAU, ban_ve_nam, ve_van_ban
from thidua.xet import xet
from tien_ich import chu_pdf, sang_pdf, so_trang

TEN_DAC_BIET = "Phòng Tài chính & Kế hoạch <Q1> \"Hai\""
NGUOI_DAC_BIET = unicodedata.normalize("NFD", "Đặng Thị Thuỷ & <Bảo>")


def _ket_qua(so_gk: int = 3) -> object:
    tt = ThongTin(nam=2025, co_quan_chu_quan="UBND TỈNH LAI CHÂU", co_quan="SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG",
                  ky_hieu="SNNMT", dia_danh="Lai Châu", nguoi_ky="Lê Văn Ký", chuc_vu_nguoi_ky="PHÓ GIÁM ĐỐC",
                  ngay_quyet_dinh=dt.date(2026, 1, 5), so_thanh_vien=9, so_co_mat=9)
    cn = [CaNhan(f"{i:04d}", NGUOI_DAC_BIET if i == 0 else f"Nguyễn Văn Người {i}", "P1", "Chuyên viên",
                 xep_loai=XEP_LOAI["HTTNV"], de_nghi=(DANH_HIEU["LDTT"], DANH_HIEU["GK"]) if i < so_gk else (DANH_HIEU["LDTT"],))
          for i in range(max(so_gk, 5))]
    tt_ = [TapThe("P1", TEN_DAC_BIET, XEP_LOAI["HTTNV"], de_nghi=(DANH_HIEU["TTLDTT"],))]
    return xet(DuLieu(tt, [dataclasses.replace(c, ho_ten=unicodedata.normalize("NFC", c.ho_ten)) if i else c
                           for i, c in enumerate(cn)], tt_))


@pytest.mark.parametrize("ten", TEN_MAU)
def test_mau_co_san_va_hop_dong_ngu_canh(ten: str, demo_ket_qua) -> None:
    """Every template uses only fields its context builder gives (get_undeclared_template_variables)."""
    kq = demo_ket_qua.ket_qua
    ctx = {b.mau: b.ngu_canh for b in ban_ve_nam(kq)}
    from thidua.tao_phieu import ung_vien_bo_phieu

    ctx["phieu_bau"] = ngu_canh.phieu_bau(kq.du_lieu.thong_tin, ung_vien_bo_phieu(kq.du_lieu)[0], 3)
    ctx["danh_sach_dang_ky"] = ngu_canh.danh_sach_dang_ky(kq.du_lieu.thong_tin, [])
    tpl = DocxTemplate(str(thu_muc_mau_van_ban() / f"{ten}.docx"))
    # the render point's own conversion of a typed context (top-level fields → dict)
    assert tpl.get_undeclared_template_variables(moi_truong(), ngu_canh.thanh_dict(ctx[ten])) == set()


def test_mau_dung_times_new_roman_a4_va_le(tmp_path: Path) -> None:
    for ten in TEN_MAU:
        d = Document(str(thu_muc_mau_van_ban() / f"{ten}.docx"))
        s = d.sections[0]
        assert {round(s.page_width.mm), round(s.page_height.mm)} == {210, 297}, ten
        assert d.styles["Normal"].font.name == "Times New Roman"
        fonts = {r.font.name for p in d.paragraphs for r in p.runs if r.font.name}
        assert fonts <= {"Times New Roman"}, (ten, fonts)
        if ten != "giay_khen":
            assert (round(s.left_margin.mm), round(s.right_margin.mm), round(s.top_margin.mm)) == (30, 15, 20)


def test_ky_tu_dac_biet_va_nfd_con_nguyen_trong_pdf(tmp_path: Path) -> None:
    kq = _ket_qua()
    tep = ve_van_ban(kq, tmp_path / "vb")
    pdf = sang_pdf(tep, tmp_path / "pdf", tmp_path / "lo")
    chu = {p.name: chu_pdf(p) for p in pdf}
    tt = chu["qd-cong-nhan-ttldtt-2025.pdf"]
    assert "Phòng Tài chính & Kế hoạch <Q1> \"Hai\"" in " ".join(tt.split())
    qd = chu["qd-cong-nhan-danh-hieu-2025.pdf"]
    assert "Đặng Thị Thuỷ & <Bảo>" in qd
    assert "KT. GIÁM ĐỐC" in qd and "PHÓ GIÁM ĐỐC" in qd and "Lai Châu, ngày 05 tháng 01 năm 2026" in qd
    assert "Số:" in qd and "/QĐ-SNNMT" in qd and "QUYẾT ĐỊNH:" in qd and "Nơi nhận:" in qd
    assert "Nghị định số 152/2025/NĐ-CP" in qd


def test_danh_sach_kem_theo_co_du_moi_nguoi(tmp_path: Path, demo_ket_qua) -> None:
    kq = demo_ket_qua.ket_qua
    p = demo_ket_qua.thu_muc_ra / "van-ban" / "qd-cong-nhan-danh-hieu-2025.docx"
    chu = chu_pdf(sang_pdf([p], tmp_path, tmp_path / "lo")[0])
    phang = " ".join(chu.split())
    dat = [c for c, k in kq.tat_ca() if k.dat and k.danh_hieu.ma in ("LDTT", "CSTDCS")]
    assert dat
    for c in dat:
        assert c.ho_ten in phang, c.ho_ten
    tong = sum(k.tien_thuong or 0 for _, k in kq.tat_ca() if k.dat and k.danh_hieu.ma in ("LDTT", "CSTDCS"))
    from thidua.tieng_viet import dinh_dang_tien

    assert dinh_dang_tien(tong) in phang


def test_300_giay_khen_la_300_trang(tmp_path: Path) -> None:
    kq = _ket_qua(so_gk=300)
    tep = [p for p in ve_van_ban(kq, tmp_path / "vb") if p.name.startswith("giay-khen")]
    pdf = sang_pdf(tep, tmp_path / "pdf", tmp_path / "lo")[0]
    assert so_trang(pdf) == 300
    assert "GIẤY KHEN" in chu_pdf(pdf)


def test_mau_nguoi_dung_hong_bao_ten_mau_va_khong_ghi_gi(tmp_path: Path) -> None:
    kq = _ket_qua()
    mau = tmp_path / "mau"
    mau.mkdir()
    d = Document(str(thu_muc_mau_van_ban() / "to_trinh.docx"))
    d.add_paragraph("{{ truong_khong_co }}")
    d.save(mau / "to_trinh.docx")
    with pytest.raises(LoiMauVanBan, match=r"to_trinh\.docx dùng trường không có: truong_khong_co"):
        ve_van_ban(kq, tmp_path / "ra", mau)
    assert not (tmp_path / "ra").exists()
    d = Document(str(thu_muc_mau_van_ban() / "to_trinh.docx"))
    d.add_paragraph("{% for x in %}")
    d.save(mau / "to_trinh.docx")
    with pytest.raises(LoiMauVanBan, match=r"to_trinh\.docx có thẻ viết sai"):
        ve_van_ban(kq, tmp_path / "ra", mau)


def test_mau_nguoi_dung_duoc_dung_va_thieu_mau_thi_dung_mac_dinh(tmp_path: Path) -> None:
    kq = _ket_qua()
    mau = tmp_path / "mau"
    mau.mkdir()
    shutil.copy(thu_muc_mau_van_ban() / "to_trinh.docx", mau / "to_trinh.docx")
    d = Document(str(mau / "to_trinh.docx"))
    d.add_paragraph("Mẫu riêng của Sở: {{ kinh_gui }}")
    d.save(mau / "to_trinh.docx")
    thong_bao: list[str] = []
    tep = ve_van_ban(kq, tmp_path / "ra", mau, thong_bao)
    tt = next(p for p in tep if p.name.startswith("to-trinh"))
    assert "Mẫu riêng của Sở: Chủ tịch Ủy ban nhân dân tỉnh Lai Châu" in "\n".join(p.text for p in Document(str(tt)).paragraphs)
    assert any("quyet_dinh.docx" in t for t in thong_bao)


def test_phieu_bau_moi_phieu_mot_so_seri(tmp_path: Path, demo_ket_qua) -> None:
    """Issue #10 changed "one numbered ballot per member" (not secret) into ballots with a series number only:
    one per member present and one per written opinion; tests/test_bien_ban.py reads every page."""
    from thidua.tao_phieu import chay_tao_phieu, so_phieu_can_in

    tep, ung_vien, _ = chay_tao_phieu(demo_ket_qua.ket_qua.du_lieu, tmp_path)
    pdf = sang_pdf([tep[1]], tmp_path / "pdf", tmp_path / "lo")[0]
    so, _ = so_phieu_can_in(demo_ket_qua.ket_qua.du_lieu)
    assert so_trang(pdf) >= so
    chu = chu_pdf(pdf)
    assert "Số sê-ri: 01 — Trang 1/" in chu and f"Số sê-ri: {so:02d} — Trang 1/" in chu
    assert f"Số sê-ri: {so + 1:02d}" not in chu
    assert ung_vien[0].ten in chu


@pytest.mark.parametrize(("ngay", "co", "khong"), [
    (dt.date(2023, 1, 15), "Nghị định số 91/2017/NĐ-CP", "152/2025"),
    (dt.date(2025, 6, 30), "Nghị định số 98/2023/NĐ-CP", "152/2025"),
    (dt.date(2025, 7, 1), "Nghị định số 152/2025/NĐ-CP", "98/2023"),
])
def test_can_cu_theo_ngay_quyet_dinh(ngay: dt.date, co: str, khong: str) -> None:
    kq = _ket_qua()
    kq = xet(dataclasses.replace(kq.du_lieu, thong_tin=dataclasses.replace(kq.du_lieu.thong_tin, ngay_quyet_dinh=ngay)))
    ctx = ngu_canh.quyet_dinh(kq, "danh_hieu")
    chu = " ".join(ctx.can_cu) + " " + ctx.dieu[1].noi_dung
    assert co in chu and khong not in chu


def test_mau_chi_duoc_kiem_mot_lan_moi_phien_ban(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A hồ sơ renders one template per candidate: its contract check (parsing every variable) runs once per file
    version and key set, not once per document — and again when the agency edits the template."""
    import shutil

    from thidua.loi import LoiMauVanBan
    from thidua.van_ban import ve as ve_mod
    from thidua.van_ban.ve_nhanh import MauNhanh

    dem = []
    goc = MauNhanh.get_undeclared_template_variables

    def dem_goi(self, *a, **k):  # type: ignore[no-untyped-def]
        dem.append(1)
        return goc(self, *a, **k)

    monkeypatch.setattr(MauNhanh, "get_undeclared_template_variables", dem_goi)
    mau = tmp_path / "giay_khen.docx"
    shutil.copy(ve_mod.tim_mau("giay_khen"), mau)
    for _ in range(3):
        with pytest.raises(LoiMauVanBan, match="dùng trường không có"):
            ve_mod.nap_mau(mau, {"khong_lien_quan": 1})
    assert len(dem) == 1
    import os
    os.utime(mau, ns=(mau.stat().st_atime_ns, mau.stat().st_mtime_ns + 10**9))
    with pytest.raises(LoiMauVanBan):
        ve_mod.nap_mau(mau, {"khong_lien_quan": 1})
    assert len(dem) == 2
