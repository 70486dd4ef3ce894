"""The Tờ trình states the ground the decision used (review F4, F9): each upward proposal's achievements are
written from the criterion that passed — BK tỉnh by two CSTĐCS years or by HTXSNV years with two initiatives,
CSTĐ tỉnh by three CSTĐCS years and a province-level initiative, CSTĐTQ by two CSTĐ tỉnh and a national
initiative, TTLĐXS and Cờ by the unit's own facts — read back from the PDF a reader gets (LibreOffice →
pdftotext). Also the title keeps "năm 2025" together and the dossier's count of reports adds up."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from test_van_ban_ky import DON_VI_2, THONG_TIN_2, _hang
from thidua.so_do import CA_NHAN, KIEM_PHIEU, LICH_SU, SANG_KIEN, TAP_THE
from thidua.van_ban.pdf import chuyen_pdf
from tien_ich import can_libreoffice, chu_docx_theo_hang, chu_pdf, viet_bang

SK = {  # the SangKien register of the hand-made department
    "C01a": ("C01", 2022, "Sổ tay tiếp công dân", "Cơ sở", "31/QĐ-SVHTTDL", "10/10/2022"),
    "C01b": ("C01", 2025, "Phần mềm quản lý hồ sơ di sản", "Cơ sở", "88/QĐ-SVHTTDL", "12/11/2025"),
    "C02": ("C02", 2025, "Bản đồ số lễ hội truyền thống", "Tỉnh", "140/QĐ-UBND", "20/11/2025"),
    "C03": ("C03", 2024, "Số hoá hiện vật bảo tàng", "Toàn quốc", "9/QĐ-BVHTTDL", "05/06/2024"),
}


def _so(thu_muc: Path) -> Path:
    """Four units, 20 people. C00: BK tỉnh by CSTĐCS 2024–2025. C01: BK tỉnh by HTXSNV 2022–2025 with two
    unit-level initiatives, its CSTĐCS years 2023–2024 not a ground in 2025. C02: CSTĐ tỉnh. C03: CSTĐTQ
    (CSTĐ tỉnh 2021 and 2024, the second decided in 2025). VP: TTLĐXS and Cờ, leading its bloc."""
    de_nghi = {0: "LĐTT, CSTĐCS, BK tỉnh", 1: "LĐTT, BK tỉnh", 2: "LĐTT, CSTĐCS, CSTĐ tỉnh", 3: "LĐTT, CSTĐTQ",
               4: "LĐTT, CSTĐCS", 5: "LĐTT, CSTĐCS"}
    ca_nhan = [_hang(CA_NHAN, stt=i + 1, ma=f"C{i:02d}", ho_ten=f"Lò Văn Người{i:02d}", chuc_vu="Chuyên viên",
                     don_vi=DON_VI_2[0 if i < 8 else i % 4][0], ngay_tuyen_dung="01/02/2010",
                     xep_loai="HTXSNV" if i < 6 else "HTTNV", de_nghi=de_nghi.get(i, "LĐTT"),
                     dang_ky=de_nghi.get(i, "LĐTT")) for i in range(20)]
    ls = []

    def ghi(ma: str, nam: int, dh: str, qd: str = "", ngay: str = "", xl: str = "HTXSNV") -> None:
        ls.append(_hang(LICH_SU, ma=ma, nam=nam, danh_hieu=dh, so_quyet_dinh=qd, ngay_quyet_dinh=ngay,
                        xep_loai=xl))

    ghi("C00", 2024, "CSTĐCS", "24/QĐ-SVHTTDL", "10/01/2025")
    ghi("C00", 2023, "LĐTT", "23/QĐ-SVHTTDL", "10/01/2024", "HTTNV")
    ghi("C01", 2022, "LĐTT", "22/QĐ-SVHTTDL", "10/01/2023")
    for n in (2023, 2024):
        ghi("C01", n, "CSTĐCS", f"{n - 1900}/QĐ-SVHTTDL", f"10/01/{n + 1}")
    for n in (2023, 2024):
        ghi("C02", n, "CSTĐCS", f"{n - 1950}/QĐ-SVHTTDL", f"10/01/{n + 1}")
    ghi("C03", 2021, "CSTĐ tỉnh", "77/QĐ-UBND", "15/03/2022")
    ghi("C03", 2024, "CSTĐ tỉnh", "15/QĐ-UBND", "20/03/2025")
    for n in (2019, 2020, 2021, 2022, 2023, 2024):
        ghi("C03", n, "CSTĐCS", f"{n - 1800}/QĐ-SVHTTDL", f"10/01/{n + 1}")
    tap_the = [_hang(TAP_THE, ma=ma, ten=ten, xep_loai="HTXSNV" if ma == "VP" else "HTTNV", khoi="Khối văn hóa",
                     diem={"VP": 96.5, "PVH": 90}.get(ma, 85), de_nghi="TTLĐTT, TTLĐXS, Cờ thi đua tỉnh"
                     if ma == "VP" else "TTLĐTT") for ma, ten in DON_VI_2]
    kiem = [["C00", "CSTĐCS", 7], ["C00", "BK tỉnh", 7], ["C01", "BK tỉnh", 7], ["C02", "CSTĐCS", 7],
            ["C02", "CSTĐ tỉnh", 7], ["C03", "CSTĐTQ", 7], ["C04", "CSTĐCS", 7], ["C05", "CSTĐCS", 7],
            ["VP", "TTLĐXS", 7], ["VP", "Cờ thi đua tỉnh", 7]]
    return viet_bang(thu_muc / "so.xlsx", {
        "ThongTin": THONG_TIN_2, "CaNhan": [[c.tieu_de for c in CA_NHAN.cot], *ca_nhan],
        "TapThe": [[c.tieu_de for c in TAP_THE.cot], *tap_the], "LichSu": [[c.tieu_de for c in LICH_SU.cot], *ls],
        "KiemPhieu": [[c.tieu_de for c in KIEM_PHIEU.cot], *kiem],
        "QuyChe": [["Mục", "Giá trị"], ["Chỉ tiêu CSTĐCS", "50%"]],
        "SangKien": [[c.tieu_de for c in SANG_KIEN.cot],
                     *(_hang(SANG_KIEN, ma=m, nam=n, ten=t, loai="Sáng kiến", cap=c, so_quyet_dinh=q, ngay=d)
                       for m, n, t, c, q, d in SK.values())]})


def _phang(s: str) -> str:
    return " ".join(s.split())


def _pdf_to_trinh(thu_muc: Path) -> Path:
    return chuyen_pdf([next((thu_muc / "van-ban").glob("to-trinh-*.docx"))], thu_muc / "pdf")[0]


def _doc_to_trinh(thu_muc: Path) -> str:
    """The Tờ trình's text, its annex a row per line (the PDF is still made and read by the tests that need it)."""
    _pdf_to_trinh(thu_muc)
    return chu_docx_theo_hang(next((thu_muc / "van-ban").glob("to-trinh-*.docx")))


def _hang_cua(chu: str, ten: str, muc: str) -> str:
    """The text of one row of the annex (after the name), under the section ``muc`` (``_doc_to_trinh``: a row per
    line)."""
    dong = chu.splitlines()
    dau = next(i for i, x in enumerate(dong) if muc in x)
    h = next((x for x in dong[dau:] if re.match(r"\d+ " + re.escape(ten) + r"(?!\w)", x)), None)
    assert h, (ten, "\n".join(dong[dau:dau + 40]))
    return _phang(h.split(ten, 1)[1])


@pytest.fixture(scope="module")
def tu_lam(tmp_path_factory) -> tuple[str, object]:
    can_libreoffice()
    from thidua.tong_ket import tong_ket

    goc = tmp_path_factory.mktemp("tt")
    kq = tong_ket([_so(goc / "vao")], goc / "kq")
    assert kq.ma_thoat == 0, [v.thong_bao for v in kq.kiem_tra.van_de]
    return _doc_to_trinh(goc / "kq"), kq.ket_qua


def _ket_qua(kq, ma: str, dh: str):
    return next(k for d, ks in (*kq.ca_nhan, *kq.tap_the) if d.ma == ma for k in ks if k.danh_hieu.ma == dh)


def test_bang_khen_hai_nam_cstdcs(tu_lam) -> None:
    chu, kq = tu_lam
    assert _ket_qua(kq, "C00", "BKT").dat
    h = _hang_cua(chu, "Lò Văn Người00", "BẰNG KHEN")
    assert "“Chiến sĩ thi đua cơ sở” các năm 2024, 2025" in h and "24/QĐ-SVHTTDL ngày 10/01/2025" in h, h
    assert "sáng kiến" not in h


def test_bang_khen_htxsnv_va_hai_sang_kien_khong_neu_cstdcs_cu(tu_lam) -> None:
    chu, kq = tu_lam
    k = _ket_qua(kq, "C01", "BKT")
    assert k.dat and any("HTXSNV 4 năm liên tục đến 2025" in t.noi_dung and t.dat for t in k.tieu_chi), k.tieu_chi
    h = _hang_cua(chu, "Lò Văn Người01", "BẰNG KHEN")
    assert "Hoàn thành xuất sắc nhiệm vụ 4 năm liên tục (2022–2025)" in h, h
    assert "02 sáng kiến" in h and "“Sổ tay tiếp công dân”" in h and "“Phần mềm quản lý hồ sơ di sản”" in h, h
    assert "31/QĐ-SVHTTDL ngày 10/10/2022" in h and "88/QĐ-SVHTTDL ngày 12/11/2025" in h, h
    assert "Chiến sĩ thi đua cơ sở" not in h and "2023, 2024" not in h, h  # the chain that fails in 2025


def test_cstd_tinh_ba_nam_cstdcs_va_sang_kien_tinh(tu_lam) -> None:
    chu, kq = tu_lam
    assert _ket_qua(kq, "C02", "CSTDT").dat
    h = _hang_cua(chu, "Lò Văn Người02", "CHIẾN SĨ THI ĐUA CẤP TỈNH")
    assert "“Chiến sĩ thi đua cơ sở” các năm 2023, 2024, 2025" in h, h
    assert "73/QĐ-SVHTTDL ngày 10/01/2024" in h and "74/QĐ-SVHTTDL ngày 10/01/2025" in h, h
    assert ("sáng kiến “Bản đồ số lễ hội truyền thống” được công nhận cấp tỉnh (Quyết định số 140/QĐ-UBND ngày "
            "20/11/2025)") in h, h


def test_cstd_toan_quoc_hai_cstd_tinh_va_sang_kien_toan_quoc(tu_lam) -> None:
    chu, kq = tu_lam
    k = _ket_qua(kq, "C03", "CSTDTQ")
    assert k.dat, k.tieu_chi
    h = _hang_cua(chu, "Lò Văn Người03", "TOÀN QUỐC")
    assert "“Chiến sĩ thi đua cấp tỉnh” các năm 2021, 2024" in h, h
    assert "77/QĐ-UBND ngày 15/03/2022" in h and "15/QĐ-UBND ngày 20/03/2025" in h, h
    assert "“Số hoá hiện vật bảo tàng” được công nhận cấp toàn quốc (Quyết định số 9/QĐ-BVHTTDL" in h, h
    assert "Đủ tiêu chuẩn" not in h and "CSTĐ" not in h  # no longer the engine's sentence


def test_tap_the_ttldxs_va_co(tu_lam) -> None:
    chu, kq = tu_lam
    assert _ket_qua(kq, "VP", "TTLDXS").dat and _ket_qua(kq, "VP", "CTDT").dat
    h = _hang_cua(chu, "Văn phòng Sở", "CỜ THI ĐUA")
    assert "dẫn đầu Khối văn hóa với 96,5 điểm" in h, h
    h = _hang_cua(chu, "Văn phòng Sở", "TẬP THỂ LAO ĐỘNG XUẤT SẮC")
    assert "tập thể hoàn thành xuất sắc nhiệm vụ" in h and "đạt danh hiệu “Lao động tiên tiến”" in h, h


@pytest.fixture(scope="module")
def demo_mac_dinh(tmp_path_factory) -> tuple[str, object]:
    """The department `thidua demo` writes (its default size), through the whole pipeline."""
    can_libreoffice()
    from thidua.demo import tao_demo
    from thidua.tong_ket import tong_ket

    goc = tmp_path_factory.mktemp("demo_tt")
    tao_demo(goc / "dau-vao")
    kq = tong_ket([goc / "dau-vao"], goc / "kq")
    return _doc_to_trinh(goc / "kq"), kq.ket_qua, goc / "kq" / "pdf"


def test_demo_bang_khen_theo_duong_htxsnv_neu_dung_can_cu(demo_mac_dinh) -> None:
    """Review F4: Hoàng Văn Việt qualified by HTXSNV 2022–2025 with two initiatives; the Tờ trình cited his
    2023–2024 CSTĐCS, a chain that does not qualify in 2025."""
    chu, kq, _ = demo_mac_dinh
    theo_htxs = [d for d, ks in kq.ca_nhan for k in ks if k.dat and k.danh_hieu.ma == "BKT"
                 and any(t.dat and t.noi_dung.startswith("HTXSNV ") for t in k.tieu_chi)]
    assert "Hoàng Văn Việt" in [d.ho_ten for d in theo_htxs]
    for d in theo_htxs:
        h = _hang_cua(chu, d.ho_ten, "BẰNG KHEN")
        assert re.search(r"Hoàn thành xuất sắc nhiệm vụ \d năm liên tục \(\d{4}–2025\); 02 sáng kiến", h), h
        assert "Chiến sĩ thi đua cơ sở" not in h, h
    theo_cs = [d for d, ks in kq.ca_nhan for k in ks if k.dat and k.danh_hieu.ma == "BKT" and d not in theo_htxs]
    assert theo_cs
    for d in theo_cs:
        assert "“Chiến sĩ thi đua cơ sở” các năm 2024, 2025" in _hang_cua(chu, d.ho_ten, "BẰNG KHEN")


def test_trich_yeu_khong_de_nam_mot_minh(demo_mac_dinh) -> None:
    """Review F9: the title broke as "… cấp tỉnh năm" / "2025"; the year stays with "năm" on its line."""
    _, kq, thu_muc_pdf = demo_mac_dinh
    pdf = next(thu_muc_pdf.glob("to-trinh-*.pdf"))
    dau = chu_pdf(pdf, bo_cuc=True).split("Kính gửi")[0]
    dong = [d.strip() for d in dau.splitlines() if d.strip()]
    i = next(i for i, d in enumerate(dong) if d.startswith("Về việc đề nghị"))
    trich_yeu = dong[i:i + 2]
    assert not any(re.fullmatch(r"\d{4}", d) for d in trich_yeu), trich_yeu
    assert any(re.search(rf"năm\s{kq.nam}$", d) for d in trich_yeu), trich_yeu


def test_so_bao_cao_thanh_tich_cong_dung(demo_mac_dinh) -> None:
    """Review F9: "1 tập thể và 8 cá nhân: 10 báo cáo" did not add up (the unit proposed for TTLĐXS and Cờ was
    counted twice); one report per collective or person, as the hồ sơ holds them."""
    chu, _, _ = demo_mac_dinh
    phang = _phang(chu)
    m = re.search(r"Báo cáo thành tích của (\d+) tập thể và (\d+) cá nhân: (\d+) báo cáo \(mỗi tập thể, cá nhân một "
                  r"báo cáo", phang)
    assert m, phang[:3000]
    assert int(m.group(1)) + int(m.group(2)) == int(m.group(3)), m.group(0)
    assert int(m.group(1)) == 1 and phang.count("Chi cục Trồng trọt và Bảo vệ thực vật Sở Nông nghiệp") == 2


@pytest.mark.parametrize("phieu_ttldxs, vi", [(7, None), (3, "chỉ được 3/7 phiếu đồng ý"),
                                               (None, "không được đề nghị")])
def test_co_thi_dua_khi_khong_dat_ttldxs_thi_canh_bao(tmp_path: Path, phieu_ttldxs: int | None,
                                                       vi: str | None) -> None:
    """VP passes the Cờ vote; with 3/7 for TTLĐXS (below the threshold), or not proposed for TTLĐXS at all, the same
    round did not give it TTLĐXS: a warning at its proposal, saying why, for the council before the Tờ trình goes up
    (review 2026-11-29); the Cờ's result is unchanged (DOMAIN §10: the TTLĐXS standard). With 7/7 no warning."""
    from openpyxl import load_workbook

    from thidua.kiem_tra import kiem_tra
    from thidua.xet import xet_sau_kiem_tra

    p = _so(tmp_path)
    wb = load_workbook(p)
    for r in wb["KiemPhieu"].iter_rows(min_row=2):
        if (r[0].value, r[1].value) == ("VP", "TTLĐXS"):
            if phieu_ttldxs is None:
                for o in r:
                    o.value = None
            else:
                r[2].value = phieu_ttldxs
    if phieu_ttldxs is None:
        ws = wb["TapThe"]
        c = next(i for i, x in enumerate(ws[1]) if x.value == "Đề nghị")
        for r in ws.iter_rows(min_row=2):
            if r[0].value == "VP" or r[1].value == "VP":
                r[c].value = "TTLĐTT, Cờ thi đua tỉnh"
    wb.save(p)
    kt = kiem_tra([p])
    kq = xet_sau_kiem_tra(kt)
    assert _ket_qua(kq, "VP", "CTDT").dat
    assert phieu_ttldxs is None or _ket_qua(kq, "VP", "TTLDXS").dat is (vi is None)
    vd = [v for v in kt.van_de if v.ma_loi == "co_khong_ttldxs"]
    assert bool(vd) is (vi is not None)
    if vi is not None:
        assert vd[0].muc_do == "canh_bao" and vd[0].sheet == "TapThe" and vd[0].cot == "Đề nghị" and vd[0].o
        assert "Văn phòng Sở" in vd[0].thong_bao and f"({vi})" in vd[0].thong_bao


@pytest.mark.parametrize("diem_pvh, canh_bao", [(90, False), (96.5, False), (97, True)])
def test_co_thi_dua_co_don_vi_cung_khoi_diem_cao_hon_thi_canh_bao(tmp_path: Path, diem_pvh: float,
                                                                  canh_bao: bool) -> None:
    """The Cờ is ranked among the collectives that propose it; a unit of the same khối that does not propose it but
    scores higher (97 against VP's 96,5) makes the Tờ trình's "dẫn đầu Khối" doubtful: a warning at VP's score
    (review 2026-11-29); an equal score (96,5) still leads. The Cờ's result is unchanged."""
    from openpyxl import load_workbook

    from thidua.kiem_tra import kiem_tra
    from thidua.xet import xet_sau_kiem_tra

    p = _so(tmp_path)
    wb = load_workbook(p)
    ws = wb["TapThe"]
    c = next(i for i, x in enumerate(ws[1]) if x.value == "Điểm thi đua")
    for r in ws.iter_rows(min_row=2):
        if r[0].value == "PVH" or r[1].value == "PVH":
            r[c].value = diem_pvh
    wb.save(p)
    kt = kiem_tra([p])
    kq = xet_sau_kiem_tra(kt)
    assert _ket_qua(kq, "VP", "CTDT").dat
    vd = [v for v in kt.van_de if v.ma_loi == "co_khong_dan_dau_khoi"]
    assert bool(vd) is canh_bao, [v.thong_bao for v in vd]
    if canh_bao:
        assert vd[0].muc_do == "canh_bao" and vd[0].cot == "Điểm thi đua" and vd[0].o
        assert "Văn phòng Sở" in vd[0].thong_bao and "97 điểm" in vd[0].thong_bao
