"""Documents a clerk signs as they are (issue 11), read as a clerk reads them: LibreOffice → PDF → text per page
(poppler), and the Word XML for what pages cannot show (rows that cannot split, keep-with-next).

Run on the demo and on a second, hand-made department (another agency name, a parent body, a deputy signing
"KT. GIÁM ĐỐC", no căn cứ keys, the agency's name typed in its own capitals).
"""

from __future__ import annotations

import re
import subprocess
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook
from typer.testing import CliRunner

from thidua.cli import app
from thidua.danh_muc import DANH_HIEU
from thidua.duong_dan import thu_muc_mau_van_ban
from thidua.mo_hinh import CaNhan, TapThe
from thidua.so_do import CA_NHAN, KIEM_PHIEU, LICH_SU, SANG_KIEN, TAP_THE
from thidua.tieng_viet import dinh_dang_tien
from thidua.van_ban.do_chu import LE_O_MM, ngat_dong_ten, rong_chu, tu_dai_nhat
from thidua.van_ban.pdf import chuyen_pdf
from thidua.van_ban.ve import TEN_MAU
from tien_ich import can_libreoffice, chu_docx_theo_hang, chu_pdf, so_trang, viet_bang

runner = CliRunner()
KY = ("qd-cong-nhan-danh-hieu", "qd-cong-nhan-ttldtt", "qd-tang-giay-khen", "to-trinh-khen-thuong-cap-tinh",
      "bao-cao-tong-ket")
VIET_TAT = re.compile(r"(?<![\w/-])(LĐTT|CSTĐCS|CSTĐ tỉnh|HTXSNV|HTTNV|GK|BK tỉnh|TTLĐTT|TTLĐXS|UBND)(?![\w-])")


def _trang(pdf: Path, i: int) -> str:
    return subprocess.run(["pdftotext", "-layout", "-f", str(i), "-l", str(i), str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


def _phang(s: str) -> str:
    return " ".join(s.split())


def _tong(chu: str) -> int:
    m = re.search(r"Tổng cộng: [^\n]*?([\d.]{5,})\s*$", chu, re.M)
    assert m, chu[-500:]
    return int(m.group(1).replace(".", ""))


class BoVanBan:
    """The documents of one run, their PDFs and texts."""

    def __init__(self, thu_muc: Path, kq) -> None:
        self.kq = kq
        self.docx = {p.name.rsplit("-", 1)[0]: p for p in sorted((thu_muc / "van-ban").glob("*.docx"))}
        self.pdf = dict(zip(self.docx, chuyen_pdf(list(self.docx.values()), thu_muc / "pdf"), strict=True))
        # the text a reader sees, without the page numbers at the top of each page
        self.chu = {k: re.sub(r"^\s*\d+\s*$\n?", "", chu_pdf(p, bo_cuc=True).replace("\f", "\n"), flags=re.M)
                    for k, p in self.pdf.items()}
        self.ket_qua_xlsx = thu_muc / "ket-qua.xlsx"

    def trang_ky(self, ten: str) -> tuple[int, str]:
        """The page holding the signature block (its "Nơi nhận:") and its text."""
        for i in range(1, so_trang(self.pdf[ten]) + 1):
            t = _trang(self.pdf[ten], i)
            if "Nơi nhận:" in t:
                return i, t
        raise AssertionError(f"{ten}: không thấy Nơi nhận")


@pytest.fixture(scope="module")
def demo(demo_ket_qua, tmp_path_factory) -> BoVanBan:
    can_libreoffice()
    thu_muc = tmp_path_factory.mktemp("ky")
    import shutil

    shutil.copytree(demo_ket_qua.thu_muc_ra / "van-ban", thu_muc / "van-ban")
    shutil.copy(demo_ket_qua.thu_muc_ra / "ket-qua.xlsx", thu_muc / "ket-qua.xlsx")
    return BoVanBan(thu_muc, demo_ket_qua.ket_qua)


# ---- a second department, made by hand --------------------------------------------------------------------

THONG_TIN_2 = [["Mục", "Giá trị"], ["Năm", 2025], ["Cơ quan chủ quản", "Ủy ban nhân dân tỉnh Điện Biên"],
               ["Cơ quan", "Sở Văn hóa, Thể thao và Du lịch"], ["Ký hiệu cơ quan", "SVHTTDL"],
               ["Địa danh", "Điện Biên"], ["Người ký", "Lò Thị Hoa"], ["Chức vụ người ký", "Phó Giám đốc"],
               ["Ngày quyết định", "06/01/2026"], ["Số thành viên Hội đồng", 7], ["Số thành viên có mặt", 7],
               ["Ngày họp Hội đồng", "05/01/2026"], ["Người chi trả tiền thưởng", "Kế toán trưởng Văn phòng Sở"]]
DON_VI_2 = [("VP", "Văn phòng Sở"), ("PVH", "Phòng Quản lý văn hóa"), ("TTVH", "Trung tâm Văn hóa tỉnh"),
            ("BT", "Bảo tàng tỉnh")]


SANG_KIEN_C00 = "Ứng dụng bản đồ số quản lý di tích"
THU_MUC_MAU_V0_1 = Path(__file__).parent / "du_lieu" / "mau_v0_1"  # the templates of v0.1, as an agency kept them


def _hang(so_do, **gia_tri) -> list:
    return [gia_tri.get(c.khoa, "") for c in so_do.cot]


def so_thu_hai(thu_muc: Path) -> Path:
    """Four units (not in alphabetical order), 24 people; a CSTĐ tỉnh candidate with two ledger years of CSTĐCS
    and their decision numbers; a unit that is TTLĐTT and proposed for TTLĐXS; a collective and people with GK."""
    ca_nhan, ky = [], []
    ho = ["Lò Văn", "Quàng Thị", "Nguyễn Hữu", "Cà Thị", "Lường Văn", "Vì Thị"]
    for i in range(24):
        dv = DON_VI_2[i % 4][0]
        de_nghi = "LĐTT"
        if i in (0, 1, 2, 5):
            de_nghi = "LĐTT, CSTĐCS"
        if i == 0:
            de_nghi = "LĐTT, CSTĐCS, CSTĐ tỉnh"
        if i in (3, 7):
            de_nghi = "LĐTT, GK"
        ca_nhan.append(_hang(CA_NHAN, stt=i + 1, ma=f"C{i:02d}", ho_ten=f"{ho[i % 6]} Người{i:02d}",
                             chuc_vu="Chuyên viên" if i % 3 else "Trưởng phòng", don_vi=dv,
                             ngay_tuyen_dung="01/02/2015", xep_loai="HTXSNV" if i in (0, 1, 2, 5) else "HTTNV",
                             sang_kien="Tỉnh" if i == 0 else "", de_nghi=de_nghi, dang_ky=de_nghi))
    tap_the = [_hang(TAP_THE, ma=ma, ten=ten, xep_loai="HTXSNV" if ma == "VP" else "HTTNV",
                     de_nghi={"VP": "TTLĐTT, TTLĐXS", "BT": "TTLĐTT, GK"}.get(ma, "TTLĐTT"))
               for ma, ten in DON_VI_2]
    lich_su = [_hang(LICH_SU, ma="C00", nam=n, danh_hieu="CSTĐCS", so_quyet_dinh=f"{n - 2000}/QĐ-SVHTTDL",
                     ngay_quyet_dinh=f"10/01/{n + 1}", co_quan_ban_hanh="Sở Văn hóa, Thể thao và Du lịch")
               for n in (2023, 2024)]
    lich_su += [_hang(LICH_SU, ma="C00", nam=n, danh_hieu="LĐTT", so_quyet_dinh=f"{n - 2000}/QĐ-SVHTTDL",
                      ngay_quyet_dinh=f"10/01/{n + 1}") for n in (2023, 2024)]
    kiem = [["C00", "CSTĐ tỉnh", 7], ["C01", "CSTĐCS", 7], ["C02", "CSTĐCS", 7], ["C05", "CSTĐCS", 7],
            ["C00", "CSTĐCS", 7], ["VP", "TTLĐXS", 7]]
    ky = [[c.tieu_de for c in KIEM_PHIEU.cot], *kiem]
    return viet_bang(thu_muc / "so-vhttdl.xlsx", {
        "ThongTin": THONG_TIN_2, "CaNhan": [[c.tieu_de for c in CA_NHAN.cot], *ca_nhan],
        "TapThe": [[c.tieu_de for c in TAP_THE.cot], *tap_the], "LichSu": [[c.tieu_de for c in LICH_SU.cot], *lich_su],
        "KiemPhieu": ky, "QuyChe": [["Mục", "Giá trị"], ["Chỉ tiêu CSTĐCS", "50%"]],
        "SangKien": [[c.tieu_de for c in SANG_KIEN.cot],
                     _hang(SANG_KIEN, ma="C00", nam=2025, ten=SANG_KIEN_C00, loai="Sáng kiến", cap="Tỉnh",
                           so_quyet_dinh="125/QĐ-UBND", ngay="20/11/2025")]})


@pytest.fixture(scope="module")
def thu_hai(tmp_path_factory) -> BoVanBan:
    can_libreoffice()
    from thidua.tong_ket import tong_ket

    goc = tmp_path_factory.mktemp("so2")
    vao = so_thu_hai(goc / "vao")
    kq = tong_ket([vao], goc / "kq")
    assert kq.ma_thoat == 0, [v.thong_bao for v in kq.kiem_tra.van_de]
    return BoVanBan(goc / "kq", kq.ket_qua)


BO = ["demo", "thu_hai"]


@pytest.fixture(params=BO)
def bo(request) -> BoVanBan:
    return request.getfixturevalue(request.param)


# ---- what a reader sees --------------------------------------------------------------------------------------

@pytest.mark.parametrize("ten", KY)
def test_chu_ky_khong_dung_mot_minh(bo: BoVanBan, ten: str) -> None:
    """The page with the signature also holds the body's closing text (never the signature alone)."""
    if ten not in bo.pdf:
        pytest.skip(f"{ten}: không có trong đợt này")
    _, t = bo.trang_ky(ten)
    truoc = t.split("Nơi nhận:")[0]
    than = {"qd": "Điều 3.", "to": "kính trình Chủ tịch Ủy ban nhân dân tỉnh xem", "ba": "Trên đây là báo cáo"}
    assert than[ten[:2]] in _phang(truoc), (ten, t[:800])
    assert "(Bằng chữ" not in t.split("Nơi nhận:")[1] or "Tổng cộng" in t


def test_so_tien_bang_chu_khong_dung_mot_minh(bo: BoVanBan) -> None:
    for ten in ("qd-cong-nhan-danh-hieu", "qd-cong-nhan-ttldtt", "qd-tang-giay-khen"):
        if ten not in bo.pdf:
            continue
        for i in range(1, so_trang(bo.pdf[ten]) + 1):
            t = _trang(bo.pdf[ten], i)
            if re.search(r"^\s*\(Bằng chữ:", t, re.M):  # the annex's amount in words, on a line of its own
                assert "Tổng cộng:" in t, (ten, i)


def test_qd_danh_hieu_moi_nguoi_mot_lan_dung_so_va_khoan(bo: BoVanBan) -> None:
    kq, chu = bo.kq, bo.chu["qd-cong-nhan-danh-hieu"]
    cs = {c.ma for c, k in kq.tat_ca() if k.dat and k.danh_hieu.ma == "CSTDCS"}
    ld = {c.ma for c, k in kq.tat_ca() if k.dat and k.danh_hieu.ma == "LDTT"}
    nguoi = cs | ld
    phang = _phang(chu)
    assert f"Công nhận danh hiệu thi đua năm {kq.nam} cho {len(nguoi)} cá nhân" in phang
    assert "lượt" not in phang
    assert f"1. Danh hiệu “Chiến sĩ thi đua cơ sở”: {len(cs)} cá nhân" in phang
    assert f"2. Danh hiệu “Lao động tiên tiến”: {len(ld)} cá nhân" in phang
    phu_luc = chu[chu.index("DANH SÁCH"):]
    assert "I. CHIẾN SĨ THI ĐUA CƠ SỞ" in phu_luc and "II. LAO ĐỘNG TIÊN TIẾN" in phu_luc
    ten = Counter(c.ho_ten for c, _ in kq.ca_nhan if c.ma in nguoi)
    dong = [d for d in phu_luc.splitlines() if re.match(r"^\s*\d+\s+\S", d) and not re.match(r"^\s*\d+\.", d)]
    assert len(dong) == len(nguoi)  # one row per person
    for t, n in ten.items():
        assert sum(1 for d in dong if re.search(rf"\b{re.escape(t)}\b", d)) == n, t
    assert "—" not in phu_luc  # nobody listed without money
    # units as numbered group rows, in the department's order
    thu_tu = [t.ten for t in kq.du_lieu.tap_the]
    nhom = [m.group(1).strip() for m in re.finditer(r"^\s*\d+\. (.+?)\s*$", phu_luc.split("II. LAO")[0], re.M)]
    nhom = [n for n in nhom if n in thu_tu]
    assert nhom and nhom == sorted(nhom, key=thu_tu.index)
    tong = sum(k.tien_thuong or 0 for _, k in kq.tat_ca() if k.dat and k.danh_hieu.ma in ("LDTT", "CSTDCS"))
    assert _tong(phu_luc) == tong


def test_qd_ttldtt_cho_tap_the(bo: BoVanBan) -> None:
    kq, chu = bo.kq, bo.chu["qd-cong-nhan-ttldtt"]
    phang = _phang(chu)
    tt = [t for t, k in kq.tat_ca() if k.dat and k.danh_hieu.ma == "TTLDTT"]
    assert f"cho {len(tt)} tập thể" in phang
    assert "Cá nhân được công nhận" not in phang and "Chức vụ" not in phang and "—" not in phang
    dong = [d.strip() for d in chu[chu.index("DANH SÁCH"):].splitlines() if re.match(r"^\s*\d+\s+\S", d)]
    ten = [re.sub(r"^\d+\s+|\s+[\d.]+$", "", d).strip() for d in dong]
    thu_tu = [t.ten for t in kq.du_lieu.tap_the]
    assert ten == [t for t in thu_tu if t in {x.ten for x in tt}]  # the department's order
    assert _tong(chu) == sum(k.tien_thuong for _, k in kq.tat_ca() if k.dat and k.danh_hieu.ma == "TTLDTT")


def test_qd_giay_khen_dem_dung_khong_cot_gk(bo: BoVanBan) -> None:
    kq, chu = bo.kq, bo.chu["qd-tang-giay-khen"]
    phang = _phang(chu)
    so_tt = sum(1 for d, k in kq.tat_ca() if k.dat and k.danh_hieu.ma == "GK" and isinstance(d, TapThe))
    so_cn = sum(1 for d, k in kq.tat_ca() if k.dat and k.danh_hieu.ma == "GK" and isinstance(d, CaNhan))
    dem = " và ".join(x for x in (f"{so_tt} tập thể" if so_tt else "", f"{so_cn} cá nhân" if so_cn else "") if x)
    assert f"cho {dem} (có danh sách kèm theo)" in phang
    assert "0 tập thể" not in phang and "0 cá nhân" not in phang
    phu_luc = chu[chu.index("DANH SÁCH"):]
    assert not re.search(r"\bGK\b", phu_luc) and "Danh hiệu" not in phu_luc
    assert _tong(phu_luc) == sum(k.tien_thuong for _, k in kq.tat_ca() if k.dat and k.danh_hieu.ma == "GK")


def test_dieu_3_nguoi_chi_tra_va_noi_nhan(bo: BoVanBan) -> None:
    tt = bo.kq.du_lieu.thong_tin
    nguoi_chi = tt.nguoi_chi_tra or "Trưởng phòng Kế hoạch – Tài chính"
    for ten in ("qd-cong-nhan-danh-hieu", "qd-cong-nhan-ttldtt", "qd-tang-giay-khen"):
        phang = _phang(bo.chu[ten])
        dieu3 = phang[phang.index("Điều 3."):phang.index("Nơi nhận:")]
        assert nguoi_chi in dieu3 and "chịu trách nhiệm thi hành" in dieu3, ten
        assert f"{nguoi_chi} có trách nhiệm chi trả" in phang[phang.index("Điều 2."):phang.index("Điều 3.")]
        assert "- Giám đốc, các Phó Giám đốc Sở;" in phang and "- Như Điều 3;" in phang


def test_tien_so_chi_va_de_nghi_tach_rieng_bang_tong_qd(bo: BoVanBan) -> None:
    kq = bo.kq
    so_chi = sum(_tong(bo.chu[t]) for t in ("qd-cong-nhan-danh-hieu", "qd-cong-nhan-ttldtt", "qd-tang-giay-khen")
                 if t in bo.chu)
    de_nghi = sum(k.tien_thuong or 0 for _, k in kq.tat_ca() if k.dat and not k.so_quyet_dinh)
    bc = _phang(bo.chu["bao-cao-tong-ket"])
    assert f"Tiền thưởng Sở chi theo các quyết định của Giám đốc Sở: {dinh_dang_tien(so_chi)} đồng" in bc
    if de_nghi:
        assert f"(chưa có quyết định, Sở chưa chi): {dinh_dang_tien(de_nghi)} đồng" in bc
    assert "Tổng tiền thưởng theo quy định" not in bc
    # the per-unit table's total row
    m = re.search(r"Cộng\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+([\d.—]+)\s+([\d.—]+)", bo.chu["bao-cao-tong-ket"])
    assert m, "thiếu dòng Cộng của bảng theo đơn vị"
    assert int(m.group(6).replace(".", "")) == so_chi
    assert m.group(7) == (dinh_dang_tien(de_nghi) if de_nghi else "—")
    # TienThuong sheet and the console
    ws = load_workbook(bo.ket_qua_xlsx)["TienThuong"]
    nhan = {ws.cell(r, 2).value: r for r in range(1, ws.max_row + 1)}
    assert ws.cell(nhan["Sở chi (theo các quyết định của Giám đốc Sở)"], 6).value == so_chi
    assert ws.cell(nhan["Đề nghị cấp trên (chưa có quyết định, Sở chưa chi)"], 7).value == de_nghi
    from thidua.tong_ket import KetQuaTongKet, tom_tat

    dong = tom_tat(KetQuaTongKet(0, Path("."), None, kq))  # type: ignore[arg-type]
    assert any(dinh_dang_tien(so_chi) in d and "Sở chi" in d for d in dong)
    assert not de_nghi or any(dinh_dang_tien(de_nghi) in d and "đề nghị cấp trên" in d for d in dong)


def test_to_trinh_dem_tap_the_thanh_tich_so_quyet_dinh_ho_so(bo: BoVanBan) -> None:
    kq, chu = bo.kq, bo.chu["to-trinh-khen-thuong-cap-tinh"]
    phang = _phang(re.sub(r"(?<=\S)([–-])[ \t]*\n\s*", r"\1", chu))  # "24/QĐ-" / "SVHTTDL" broken at its hyphen: one word
    len_tren = [(d, k) for d, k in kq.tat_ca() if k.dat and not k.so_quyet_dinh]
    so_tt = len({d.ma for d, _ in len_tren if isinstance(d, TapThe)})
    so_cn = len({d.ma for d, _ in len_tren if isinstance(d, CaNhan)})
    dem = " và ".join(x for x in (f"{so_tt} tập thể" if so_tt else "", f"{so_cn} cá nhân" if so_cn else "") if x)
    assert f"hình thức khen thưởng cho {dem} đã có thành tích" in phang
    assert "Hồ sơ kèm theo gồm:" in phang and "01 bản" in phang and "Word và PDF" in phang
    assert "Các năm CSTĐCS chưa được tính" not in phang and "Điểm thi đua 9" not in phang
    assert not re.search(r"\d\.\d\b(?!\d)", re.sub(r"\d{1,3}(\.\d{3})+", "", phang))  # no decimal points
    # achievements from the ledger: the years of CSTĐCS and their decision numbers
    cstdt = [d for d, k in len_tren if k.danh_hieu.ma == "CSTDT"]
    assert cstdt
    so = kq.du_lieu.so_theo_doi
    c = cstdt[0]
    nam = [n for n in so.cac_nam(c.ma, "CSTDCS") if n >= kq.nam - 2]
    # the annex row from the Word file (cells wrapping to different numbers of lines interleave in a PDF's text)
    hang = chu_docx_theo_hang(bo.docx["to-trinh-khen-thuong-cap-tinh"]).splitlines()
    doan = next(h for h in hang if h.split(" ", 1)[-1].startswith(c.ho_ten))
    assert f"“Chiến sĩ thi đua cơ sở” các năm {', '.join(map(str, [*nam, kq.nam]))}" in doan, doan
    for m in so.cac_muc:
        if m.ma == c.ma and m.nam in nam and m.danh_hieu and m.danh_hieu.ma == "CSTDCS":
            assert f"Quyết định số {m.so_quyet_dinh}" in doan
    # every proposal listed once in the annex
    phu_luc = phang[phang.index("DANH SÁCH"):]
    for d, _ in len_tren:
        assert _phang(d.ho_ten if isinstance(d, CaNhan) else d.ten) in phu_luc


def test_bao_cao_co_cac_phan_va_khong_co_so_lieu(bo: BoVanBan) -> None:
    phang = _phang(bo.chu["bao-cao-tong-ket"])
    for muc in ("I. ĐẶC ĐIỂM TÌNH HÌNH", "II. CÔNG TÁC CHỈ ĐẠO", "III. KẾT QUẢ CÔNG TÁC THI ĐUA", "V. ĐÁNH GIÁ CHUNG",
                "Bài học kinh nghiệm", "VI. PHƯƠNG HƯỚNG", "VII. KIẾN NGHỊ, ĐỀ XUẤT"):
        assert muc in phang, muc
    cho = re.findall(r"\[Cán bộ thi đua viết: ([^—]+)—", phang)
    assert len(cho) >= 7 and len(set(cho)) == len(cho)  # distinct, marked blanks
    nam_so = {m.nam for m in bo.kq.du_lieu.so_theo_doi.cac_muc}
    if any(y not in nam_so for y in range(bo.kq.nam - 3, bo.kq.nam)):
        assert "—" in bo.chu["bao-cao-tong-ket"].split("Bảng 1.")[1].split("Biểu đồ 1.")[0]
        assert "sổ theo dõi không có số liệu" in phang


def test_khong_viet_tat_trong_loi_van_va_ngoac_kep_dep(bo: BoVanBan) -> None:
    for ten in KY:
        if ten not in bo.chu:
            continue
        chu = bo.chu[ten]
        than = chu[chu.index("GIÁM ĐỐC" if ten.startswith("qd") else "Kính gửi" if ten.startswith("to") else "I. "):]
        than = than[:than.index("Nơi nhận:")]
        than = than.split("Bảng 1.")[0] + (than.split("IV. ĐIỂN HÌNH")[1] if "IV. ĐIỂN HÌNH" in than else "")
        assert not VIET_TAT.search(than), (ten, VIET_TAT.search(than).group(0))
        assert '"' not in chu, ten


@pytest.mark.parametrize("ten", ["bien-ban-hop-hoi-dong", "bien-ban-kiem-phieu"])
def test_bien_ban_khong_viet_tat_va_giai_thich_vb(bo: BoVanBan, ten: str) -> None:
    """The minutes' body writes titles and ratings in full — the reasons a candidate is not proposed come from the
    decision's short codes ("chưa đạt CSTĐCS 3 năm", "theo HTXSNV") and are written out — and both minutes explain
    "(1 VB)" (the meeting's minutes did not; review 2026-11-29)."""
    chu = bo.chu[ten]
    than = chu[chu.index("BIÊN BẢN"):]
    assert not VIET_TAT.search(than), (ten, than[max(0, VIET_TAT.search(than).start() - 80):][:200])
    assert "(VB: trong đó số ý kiến bằng văn bản của thành viên vắng mặt.)" in " ".join(than.split())


def test_giay_khen_cung_vi_tri_va_theo_thu_tu_qd(bo: BoVanBan) -> None:
    pdf = bo.pdf["giay-khen"]
    hop = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    y = [float(m.group(1)) for m in re.finditer(r'yMin="([\d.]+)"[^>]*>CỘNG</word>', hop)]
    assert len(y) == so_trang(pdf) and max(y) - min(y) < 0.5
    qd = bo.chu["qd-tang-giay-khen"]
    phu_luc = qd[qd.index("DANH SÁCH"):]
    ten_qd = [re.sub(r"^\s*\d+\s+", "", d).split("  ")[0].strip() for d in phu_luc.splitlines()
              if re.match(r"^\s*\d+\s+\S", d)]
    gk = bo.chu["giay-khen"].upper()
    vi_tri = 0
    for t in ten_qd:  # each certificate after the previous one: the order of the annex
        vi_tri = gk.index(t.upper(), vi_tri) + 1


def test_ten_co_quan_xuong_dong_dung_cho(bo: BoVanBan) -> None:
    tt = bo.kq.du_lieu.thong_tin
    dong = ngat_dong_ten(tt.co_quan, 69 - LE_O_MM, 13, True)
    assert len(dong) == 2 and dong[1].startswith("VÀ ")
    dau = bo.chu["qd-cong-nhan-danh-hieu"].splitlines()[:6]
    assert any(dong[0] in d and dong[1] not in d for d in dau) and any(dong[1] in d for d in dau), dau


# ---- the second department only ------------------------------------------------------------------------------

def test_so_thu_hai_ky_thay_ten_rieng_can_cu_trong(thu_hai: BoVanBan) -> None:
    for ten in KY:
        phang = _phang(bo_chu := thu_hai.chu[ten])
        assert "KT. GIÁM ĐỐC" in phang and "PHÓ GIÁM ĐỐC" in phang and "Lò Thị Hoa" in phang, ten
        assert "SỞ VĂN HÓA, THỂ THAO" in bo_chu and "VÀ DU LỊCH" in bo_chu and "ỦY BAN NHÂN DÂN" in bo_chu
        assert "Sở Văn Hóa" not in phang and "Thể Thao" not in phang
    qd = _phang(thu_hai.chu["qd-cong-nhan-danh-hieu"])
    assert "GIÁM ĐỐC SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH" in qd and "Sở Văn hóa, Thể thao và Du lịch" in qd
    assert "Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025" in qd
    assert "chức năng, nhiệm vụ" not in qd and "Quy chế thi đua" not in qd  # blank ThongTin keys → no line
    assert "Kế toán trưởng Văn phòng Sở có trách nhiệm chi trả" in qd


def test_tap_the_ttldtt_de_nghi_ttldxs_van_duoc_chi_tien_ttldtt(thu_hai: BoVanBan) -> None:
    """A mere proposal upward withholds nothing the Sở decides (ND 152/2025 Art. 49 applies when decided)."""
    kq = thu_hai.kq
    vp = next(ks for t, ks in kq.tap_the if t.ma == "VP")
    ttldtt = next(k for k in vp if k.danh_hieu.ma == "TTLDTT")
    ttldxs = next(k for k in vp if k.danh_hieu.ma == "TTLDXS")
    assert ttldtt.dat and ttldtt.tien_thuong == 1_880_000 and ttldxs.dat and ttldxs.tien_thuong == 3_510_000
    assert "chỉ chi thêm phần chênh lệch 1.630.000 đồng" in ttldxs.giai_thich_tien
    chu = thu_hai.chu["qd-cong-nhan-ttldtt"]
    dong = [d for d in chu[chu.index("DANH SÁCH"):].splitlines() if re.match(r"^\s*\d+\s+Văn phòng Sở", d)]
    assert dong and "1.880.000" in dong[0]


def test_to_trinh_neu_ten_sang_kien_va_quyet_dinh(thu_hai: BoVanBan) -> None:
    phang = _phang(thu_hai.chu["to-trinh-khen-thuong-cap-tinh"])
    assert (f"sáng kiến “{SANG_KIEN_C00}” được công nhận cấp tỉnh (Quyết định số 125/QĐ-UBND ngày 20/11/2025)"
            in phang)
    assert "Quyết định công nhận sáng kiến, đề tài cấp tỉnh (bản sao)" in phang


def test_mau_cua_co_quan_lam_tu_ban_0_1_van_dung_duoc(tmp_path: Path) -> None:
    """An agency's templates made from v0.1 (kept with --mau) still render: every field they use is still given,
    the khoản of Điều 1 inside the article, one certificate per page."""
    can_libreoffice()
    vao = so_thu_hai(tmp_path / "vao")
    r = runner.invoke(app, ["van-ban", str(vao), "-o", str(tmp_path / "vb"), "--mau", str(THU_MUC_MAU_V0_1)])
    assert r.exit_code == 0, r.output
    tep = {p.name.rsplit("-", 1)[0]: p for p in (tmp_path / "vb").glob("*.docx")}
    pdf = dict(zip(tep, chuyen_pdf(list(tep.values()), tmp_path / "pdf"), strict=True))
    qd = _phang(chu_pdf(pdf["qd-cong-nhan-danh-hieu"]))
    assert "1. Danh hiệu “Chiến sĩ thi đua cơ sở”: 4 cá nhân" in qd and "Lò Văn Người00" in qd
    assert so_trang(pdf["giay-khen"]) == 3  # the Bảo tàng and two people: one page each
    assert "Văn phòng Sở" in chu_pdf(pdf["qd-cong-nhan-ttldtt"])


def test_can_cu_tu_thong_tin_o_demo(demo: BoVanBan) -> None:
    tt = demo.kq.du_lieu.thong_tin
    qd = _phang(demo.chu["qd-cong-nhan-danh-hieu"])
    for v in (tt.can_cu_chuc_nang, tt.can_cu_quy_che_tinh, tt.can_cu_quy_che_co_quan):
        assert v and f"Căn cứ {_phang(v)};" in qd


# ---- the Word XML: what pages cannot prove ------------------------------------------------------------------

@pytest.mark.parametrize("ten", TEN_MAU)
def test_mau_moi_dong_khong_tach_trang_va_tieu_de_lap_lai(ten: str) -> None:
    d = Document(str(thu_muc_mau_van_ban() / f"{ten}.docx"))
    for t in d.tables:
        for i, r in enumerate(t.rows):
            assert r._tr.trPr is not None and r._tr.trPr.find(qn("w:cantSplit")) is not None, (ten, i)
        if t.style is not None and t.style.name == "Table Grid":
            assert t.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None, ten
            rong = [int(g.get(qn("w:w"))) / 1440 * 25.4 for g in t._tbl.tblGrid.findall(qn("w:gridCol"))]
            for o, w in zip(t.rows[0].cells, rong, strict=False):
                for r in (r for p in o.paragraphs for r in p.runs):
                    if "{{" not in r.text and r.text.strip():
                        assert tu_dai_nhat(r.text, r.font.size.pt, True) <= w - LE_O_MM + 0.01, (ten, r.text, w)


def test_to_trinh_cot_phieu_ty_le_vua_mot_dong(demo: BoVanBan) -> None:
    """The Tờ trình's vote column holds "15/15 (100,00 %)" on one line (it broke "10/11" / "(90,91 %)")."""
    d = Document(str(thu_muc_mau_van_ban() / "to_trinh.docx"))
    t = next(t for t in d.tables if t.rows[0].cells[-1].text == "Phiếu đồng ý (tỷ lệ)")
    rong = int(t._tbl.tblGrid.findall(qn("w:gridCol"))[-1].get(qn("w:w"))) / 1440 * 25.4
    co = next(r.font.size.pt for h in t.rows for r in h.cells[-1].paragraphs[0].runs if "d.phieu" in r.text)
    assert rong_chu("15/15 (100,00 %)", co) <= rong - LE_O_MM, (rong, co)
    chu = demo.chu["to-trinh-khen-thuong-cap-tinh"]
    assert re.search(r"\d+/\d+ \(\d+,\d+ %\)", chu) and not re.search(r"\d+/\d+\s*$", chu, re.M)


def test_bao_cao_thanh_tich_xac_nhan_cung_bang_chu_ky() -> None:
    """The achievement report's confirmation by the filing level is a row of the signatures' table, whose first row
    keeps with it, and the discipline line keeps with the signatures: LibreOffice left "XÁC NHẬN CỦA CẤP TRÌNH
    KHEN THƯỞNG" alone on a third page in 8 of 17 reports (review 2026-11-29) — it keeps rows of one table
    together, not a table with the next one."""
    d = Document(str(thu_muc_mau_van_ban() / "bao_cao_thanh_tich_ca_nhan.docx"))
    t = next(t for t in d.tables if "NGƯỜI BÁO CÁO THÀNH TÍCH" in t.rows[0].cells[1].text)
    assert "XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG" in t.rows[-1].cells[0].text
    assert all(p.paragraph_format.keep_with_next for c in t.rows[0].cells for p in c.paragraphs)
    truoc = t._tbl.getprevious()
    assert truoc.tag == qn("w:p") and truoc.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None
    ky_luat = next(p for p in d.paragraphs if p.text == "- {{ k }}")
    assert ky_luat.paragraph_format.keep_with_next


@pytest.mark.parametrize("ten", ["quyet_dinh", "to_trinh"])
def test_dong_tieu_de_nhom_giu_voi_dong_sau(ten: str) -> None:
    """A group's title row (a unit, a part of the annex) keeps with the row after it: LibreOffice left
    "8. Chi cục Kiểm lâm số 2" alone at the foot of a page of a 1,200-staff decision (review 2026-11-29)."""
    d = Document(str(thu_muc_mau_van_ban() / f"{ten}.docx"))
    hang = [r for t in d.tables for r in t.rows if re.search(r"\{\{ (nhom|phan)\.ten \}\}", r.cells[0].text)]
    assert hang and all(p.paragraph_format.keep_with_next for r in hang for p in r.cells[0].paragraphs)


@pytest.mark.parametrize("ten", ["qd-cong-nhan-danh-hieu", "qd-tang-giay-khen", "to-trinh-khen-thuong-cap-tinh"])
def test_khong_trang_nao_ket_thuc_bang_tieu_de_nhom(bo: BoVanBan, ten: str) -> None:
    for i in range(1, so_trang(bo.pdf[ten]) + 1):
        dong = [x for x in _trang(bo.pdf[ten], i).splitlines() if x.strip()]
        assert not (dong and re.match(r"^\s*(\d+|[IVX]+)\.\s+\S", dong[-1])), (ten, i, dong[-1])


@pytest.mark.parametrize("ten", ["bien_ban_kiem_phieu", "bien_ban_hop"])
def test_cot_phieu_dong_y_vua_mot_dong(demo: BoVanBan, ten: str) -> None:
    """The vote column of both minutes holds a count with written opinions ("10/11 (1 VB)", "15/15 (12 VB)") on
    one line at its cells' size; it once broke every row as "10/11 (1" / "VB)". The demo has written opinions."""
    d = Document(str(thu_muc_mau_van_ban() / f"{ten}.docx"))
    t = next(t for t in d.tables if any(c.text == "Phiếu đồng ý" for c in t.rows[0].cells))
    i = next(i for i, c in enumerate(t.rows[0].cells) if c.text == "Phiếu đồng ý")
    rong = int(t._tbl.tblGrid.findall(qn("w:gridCol"))[i].get(qn("w:w"))) / 1440 * 25.4
    co = next(r.font.size.pt for r in t.rows[-2].cells[i].paragraphs[0].runs if "dong_y" in r.text)
    assert rong_chu("15/15 (12 VB)", co) <= rong - LE_O_MM, (rong, co)
    chu = demo.chu[ten.replace("_", "-").replace("bien-ban-hop", "bien-ban-hop-hoi-dong")]
    assert re.search(r"\d+/\d+ \(\d+ VB\)", chu) and not re.search(r"\d+/\d+ \(\d+\s*$", chu, re.M)


@pytest.mark.parametrize("ten", KY)
def test_van_ban_giu_voi_chu_ky_va_cho_ky_du_rong(demo: BoVanBan, ten: str) -> None:
    body = Document(str(demo.docx[ten])).element.body
    con = list(body)
    i_bang = next(i for i, e in enumerate(con) if e.tag == qn("w:tbl") and "Nơi nhận:" in "".join(e.itertext()))
    truoc = [e for e in con[:i_bang] if e.tag == qn("w:p")][-2:]
    assert "".join(truoc[0].itertext()).strip()  # the closing sentence itself, then the space before the block
    for p in truoc:  # the closing paragraph keeps with the signature block
        assert p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None, (ten, "".join(p.itertext())[:60])
    bang = con[i_bang]
    assert all(r.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for r in bang.iter(qn("w:tr")))
    cho = [int(s.get(qn("w:line"))) / 20 for s in bang.iter(qn("w:spacing"))
           if s.get(qn("w:lineRule")) == "exact"]
    assert cho and max(cho) * 25.4 / 72 >= 25  # ≥ 25 mm for the signature and seal


@pytest.mark.parametrize("ten", KY)
def test_van_ban_da_ve_moi_dong_bang_khong_tach(demo: BoVanBan, ten: str) -> None:
    xml = zipfile.ZipFile(demo.docx[ten]).read("word/document.xml").decode()
    assert xml.count("<w:tr>") + xml.count("<w:tr ") == xml.count("<w:cantSplit/>")


# ---- the registration list -------------------------------------------------------------------------------------

def test_danh_sach_dang_ky_moi_nguoi_mot_dong(demo_dau_vao: Path, tmp_path: Path) -> None:
    can_libreoffice()
    r = runner.invoke(app, ["dang-ky", str(demo_dau_vao), "-o", str(tmp_path / "dk"), "--nam", "2026", "--ngay",
                            "20/01/2026"])
    assert r.exit_code == 0, r.output
    docx = tmp_path / "dk" / "danh-sach-dang-ky-2026.docx"
    pdf = chuyen_pdf([docx])[0]
    chu = chu_pdf(pdf, bo_cuc=True)
    phang = _phang(chu)
    assert "NĂM 2026" in phang.upper() and "ngày 20 tháng 01 năm 2026" in phang and "2025" not in chu.split("I. CÁ")[0]
    assert "Số:" in phang and "/DS-SNNMT" in phang and "Nơi nhận:" in phang and "SỞ NÔNG NGHIỆP" in chu
    assert "I. CÁ NHÂN" in phang and "II. TẬP THỂ" in phang
    from thidua.kiem_tra import kiem_tra

    du = kiem_tra([demo_dau_vao], che_do="dang_ky").du_lieu
    dang_ky = [c for c in du.ca_nhan if c.dang_ky]
    ca_nhan = chu[:chu.index("II. TẬP THỂ")]
    # a row starts with its number (not a year: a wrapped note may start a line with "2026 chưa được xét …")
    dong = [d for d in ca_nhan.splitlines() if (m := re.match(r"^\s*(\d+)\s+\S", d)) and int(m[1]) < 1900
            and not re.match(r"^\s*\d+\.", d)]
    assert len(dong) == len(dang_ky)  # one row per person, however many titles
    assert f"I. CÁ NHÂN ({len(dang_ky)} người)" in phang
    nhieu = [c for c in dang_ky if len(c.dang_ky) >= 2]
    assert nhieu
    for c in nhieu[:5]:
        assert sum(1 for d in dong if c.ho_ten in d) == sum(1 for x in dang_ky if x.ho_ten == c.ho_ten)
    assert so_trang(pdf) <= len(dang_ky) // 15 + 3


def test_danh_sach_dang_ky_khong_co_thong_tin_thi_canh_bao(demo_dau_vao: Path, tmp_path: Path) -> None:
    r = runner.invoke(app, ["dang-ky", str(demo_dau_vao / "don-vi"), "-o", str(tmp_path / "dk"), "--nam", "2026"])
    assert r.exit_code == 0, r.output
    assert "Không có sheet ThongTin ghi Cơ quan" in _phang(r.output)


# ---- helpers -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("ten", "dong"), [
    ("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", ["SỞ NÔNG NGHIỆP", "VÀ MÔI TRƯỜNG"]),
    ("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", ["SỞ VĂN HÓA, THỂ THAO", "VÀ DU LỊCH"]),
    ("SỞ KHOA HỌC VÀ CÔNG NGHỆ", ["SỞ KHOA HỌC", "VÀ CÔNG NGHỆ"]),
    ("SỞ GIÁO DỤC VÀ ĐÀO TẠO", ["SỞ GIÁO DỤC VÀ ĐÀO TẠO"]),
    ("SỞ TÀI CHÍNH", ["SỞ TÀI CHÍNH"]),
    ("ỦY BAN NHÂN DÂN TỈNH LAI CHÂU", ["ỦY BAN NHÂN DÂN", "TỈNH LAI CHÂU"]),
    # a word of two syllables is not split across lines (a reviewer: "PHÒNG VĂN BẢN QUY / PHẠM PHÁP LUẬT VÀ PHỔ /
    # BIẾN, …", "TƯ / PHÁP", "VỆ SINH MÔI / TRƯỜNG"): one more line rather than a broken word
    ("PHÒNG VĂN BẢN QUY PHẠM PHÁP LUẬT VÀ PHỔ BIẾN, GIÁO DỤC PHÁP LUẬT",
     ["PHÒNG VĂN BẢN", "QUY PHẠM PHÁP LUẬT", "VÀ PHỔ BIẾN,", "GIÁO DỤC PHÁP LUẬT"]),
    ("PHÒNG HÀNH CHÍNH TƯ PHÁP VÀ BỔ TRỢ TƯ PHÁP", ["PHÒNG HÀNH CHÍNH", "TƯ PHÁP", "VÀ BỔ TRỢ TƯ PHÁP"]),
    ("TRUNG TÂM NƯỚC SẠCH VÀ VỆ SINH MÔI TRƯỜNG NÔNG THÔN",
     ["TRUNG TÂM NƯỚC SẠCH", "VÀ VỆ SINH MÔI TRƯỜNG", "NÔNG THÔN"]),
    ("TRUNG TÂM TRỢ GIÚP PHÁP LÝ NHÀ NƯỚC", ["TRUNG TÂM TRỢ GIÚP", "PHÁP LÝ NHÀ NƯỚC"]),
])
def test_ngat_dong_ten_co_quan(ten: str, dong: list[str]) -> None:
    assert ngat_dong_ten(ten, 69 - LE_O_MM, 13, True) == dong
    assert all(rong_chu(d, 13, True) <= 69 - LE_O_MM for d in dong)


@pytest.mark.parametrize(("goc", "van"), [
    ("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "Sở Nông nghiệp và Môi trường"),
    ("SỞ TÀI CHÍNH", "Sở Tài chính"),
    ("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "Sở Văn hóa, Thể thao và Du lịch"),
    ("SỞ TÀI CHÍNH TỈNH LAI CHÂU", "Sở Tài chính tỉnh Lai Châu"),
    ("Sở Khoa học và Công nghệ", "Sở Khoa học và Công nghệ"),
])
def test_ten_co_quan_trong_loi_van(goc: str, van: str) -> None:
    import dataclasses
    import datetime as dt

    from thidua.mo_hinh import ThongTin
    from thidua.van_ban.ngu_canh import _ten_co_quan

    tt = ThongTin(nam=2025, ngay_quyet_dinh=dt.date(2026, 1, 5), co_quan=goc.upper())
    assert _ten_co_quan(dataclasses.replace(tt, ten_co_quan_goc=goc)) == van


def test_danh_hieu_viet_day_du() -> None:
    from thidua.van_ban.ngu_canh import so_thap_phan, ten_day_du, van_ban_dep

    assert ten_day_du(DANH_HIEU["CTDT"]) == "“Cờ thi đua của Ủy ban nhân dân tỉnh”"
    assert ten_day_du(DANH_HIEU["BKT"]) == "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"
    assert so_thap_phan(93.7) == "93,7" and so_thap_phan(95.0) == "95"
    assert van_ban_dep('Điểm thi đua 93.7; 20/25 (80,00 %); "x"; 1.880.000') == \
        "Điểm thi đua 93,7; 20/25 (80,00\u00a0%); “x”; 1.880.000"
