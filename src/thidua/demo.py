"""A realistic synthetic department (``thidua demo``): a Sở Nông nghiệp và Môi trường with fictional people.

Deterministic for a seed. Names follow realistic family/middle/given name frequencies; ratings follow
DOMAIN.md §7; there are initiatives, a few disciplined people, new recruits, three prior years of ledger so that
CSTĐ tỉnh and Bằng khen candidates exist, a council with a void ballot and a close call, and a CSTĐCS quota so
that ranking matters. Every person is fictional.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from dataclasses import dataclass, field, replace
from fractions import Fraction
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from .danh_muc import CAP_CONG_NHAN, DANH_HIEU, KY_LUAT, LOAI_NGHI, LOAI_SANG_KIEN, XEP_LOAI
from .ghi_bang import FONT, ghi_bang, luu_nguyen_tu
from .mo_hinh import (
    CaNhan,
    DuLieu,
    KyNghi,
    MucKyLuat,
    MucLichSu,
    MucSangKien,
    SoTheoDoi,
    TapThe,
    ThanhVienHoiDong,
    ThongTin,
)
from .so_do import (
    CA_NHAN,
    HOI_DONG,
    KY_LUAT_SHEET,
    LICH_SU,
    SANG_KIEN,
    TAP_THE,
    dong_ky_luat,
    dong_lich_su,
    dong_sang_kien,
    theo_so_do,
)
from .su_kien import du_thang
from .tao_phieu import ghi_sheet_phieu_bau, ung_vien_bo_phieu
from .tham_so import bo_tham_so_mac_dinh

HO = [("Nguyễn", 38), ("Trần", 11), ("Lê", 9.5), ("Phạm", 7), ("Hoàng", 5), ("Phan", 4.5), ("Vũ", 3.9),
      ("Đặng", 2.1), ("Bùi", 2), ("Đỗ", 1.4), ("Hồ", 1.3), ("Ngô", 1.3), ("Dương", 1), ("Lý", 0.5), ("Lò", 0.6),
      ("Tòng", 0.4), ("Giàng", 0.3), ("Vàng", 0.3), ("Đinh", 0.6), ("Trịnh", 0.6), ("Lương", 0.5), ("Tạ", 0.3)]
DEM_NAM = ["Văn", "Đức", "Minh", "Quang", "Hữu", "Công", "Thanh", "Xuân", "Ngọc", "Tiến", "Mạnh", "Duy"]
DEM_NU = ["Thị", "Thị", "Thị", "Thu", "Thanh", "Ngọc", "Phương", "Minh", "Hồng", "Kim", "Thúy", "Bích"]
TEN_NAM = ["Anh", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hùng", "Hưng", "Khánh", "Long", "Minh", "Nam", "Phong",
           "Quân", "Sơn", "Thắng", "Toàn", "Trung", "Tuấn", "Việt", "Hiếu", "Lâm", "Thành", "Tú", "Ước"]
TEN_NU = ["Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hoa", "Hương", "Lan", "Linh", "Mai", "Ngọc",
          "Nhung", "Oanh", "Phương", "Quỳnh", "Thảo", "Thủy", "Trang", "Yến", "Ánh", "Ngân", "Huyền", "Vân"]

# No "Thanh tra Sở": Luật Thanh tra 2025 (84/2025/QH15, in force 01/07/2025) keeps inspectorates at the
# Government and the province, so a 2025 Sở has none (a clerk's review). In its place, another unit of a Sở
# Nông nghiệp và Môi trường, the forest fund, at the same place in the unit order: the same people and votes.
DON_VI = [
    ("VP", "Văn phòng Sở", "Khối tham mưu"), ("QBVR", "Quỹ Bảo vệ và Phát triển rừng", "Khối sự nghiệp"),
    ("KHTC", "Phòng Kế hoạch – Tài chính", "Khối tham mưu"), ("TCCB", "Phòng Tổ chức cán bộ", "Khối tham mưu"),
    ("QLDD", "Phòng Quản lý đất đai", "Khối tham mưu"), ("MT", "Phòng Môi trường", "Khối tham mưu"),
    ("CCKL", "Chi cục Kiểm lâm", "Khối chi cục"), ("CCTL", "Chi cục Thủy lợi", "Khối chi cục"),
    ("CCCNTY", "Chi cục Chăn nuôi và Thú y", "Khối chi cục"), ("CCTTBVTV", "Chi cục Trồng trọt và Bảo vệ thực vật", "Khối chi cục"),
    ("TTQT", "Trung tâm Quan trắc tài nguyên và môi trường", "Khối sự nghiệp"),
    ("VPDKDD", "Văn phòng Đăng ký đất đai", "Khối sự nghiệp"), ("TTKN", "Trung tâm Khuyến nông", "Khối sự nghiệp"),
    ("BQLR", "Ban Quản lý rừng phòng hộ", "Khối sự nghiệp"), ("TTNS", "Trung tâm Nước sạch và Vệ sinh môi trường nông thôn", "Khối sự nghiệp"),
    ("TTCNTT", "Trung tâm Công nghệ thông tin tài nguyên và môi trường", "Khối sự nghiệp"),
]
CHUC_VU = ["Chuyên viên", "Chuyên viên", "Chuyên viên chính", "Kiểm lâm viên", "Kỹ sư", "Viên chức", "Kế toán",
           "Nhân viên"]


@dataclass
class PhongBan:
    ma: str
    ten: str
    khoi: str
    nguoi: list[CaNhan] = field(default_factory=list)


def _ten(rng: random.Random, nu: bool) -> str:
    ho = rng.choices([h for h, _ in HO], weights=[w for _, w in HO])[0]
    dem = rng.choice(DEM_NU if nu else DEM_NAM)
    ten = rng.choice(TEN_NU if nu else TEN_NAM)
    return f"{ho} {dem} {ten}"


NGAY_THANH_LAP_SO = dt.date(2025, 3, 1)  # Sở Nông nghiệp và Môi trường: the merger of 2025 (a fictional province's)


def _qd_nam(y: int) -> tuple[str, dt.date, str]:
    """(number, date, agency) of the demo Sở's decision recognising the titles of year ``y``: one decision a year for
    the LĐTT and CSTĐCS of everyone (as ``tong-ket`` makes it), issued on 15 January after the year — before the
    2025 merger by the former Sở (a clerk's review: three numbers on one day, and the merged Sở deciding for 2022)."""
    ngay = dt.date(y + 1, 1, 15)
    if ngay < NGAY_THANH_LAP_SO:
        return f"{20 + (y * 37) % 60}/QĐ-SNN", ngay, "Sở Nông nghiệp và Phát triển nông thôn"
    return f"{20 + (y * 37) % 60}/QĐ-SNNMT", ngay, "Sở Nông nghiệp và Môi trường"


def _chuc_vu(chuc_vu: str, ten_don_vi: str) -> str:
    """A position as the unit names it (a clerk's review: "Phó Trưởng phòng" of the Thanh tra, "Kiểm lâm viên" in
    the Văn phòng, "Viên chức" — a category, not a position)."""
    t = ten_don_vi.lower()
    dau = ("Chánh Văn phòng" if t.startswith("văn phòng sở") else "Chánh Thanh tra" if t.startswith("thanh tra")
           else "Chi cục trưởng" if t.startswith("chi cục") else "Giám đốc" if t.startswith(("trung tâm", "văn phòng", "quỹ "))
           else "Trưởng ban" if t.startswith("ban ") else "Trưởng phòng")
    if chuc_vu == "Trưởng phòng":
        return dau
    if chuc_vu == "Phó Trưởng phòng":
        return "Phó " + dau
    if chuc_vu == "Kiểm lâm viên" and "kiểm lâm" not in t and "rừng" not in t:
        return "Chuyên viên"
    if chuc_vu == "Viên chức":
        return "Kỹ thuật viên" if t.startswith(("trung tâm", "ban ", "văn phòng đăng ký")) else "Chuyên viên"
    return chuc_vu


def tao_du_lieu(so_can_bo: int = 300, so_don_vi: int | None = None, seed: int = 2025, nam: int = 2025,
                ngay_quyet_dinh: dt.date | None = None) -> tuple[DuLieu, dict]:
    """A department as records (no files yet): people, units, ledger, council. Returns (data, extras)."""
    rng = random.Random(seed)
    so_don_vi = so_don_vi or max(5, min(60, round(so_can_bo / 25)))
    dv_mau = DON_VI * (so_don_vi // len(DON_VI) + 1)
    phong: list[PhongBan] = []
    for i in range(so_don_vi):
        ma, ten, khoi = dv_mau[i]
        if i >= len(DON_VI):
            ma, ten = f"{ma}{i // len(DON_VI) + 1}", f"{ten} số {i // len(DON_VI) + 1}"
        phong.append(PhongBan(ma, ten, khoi))
    X, C, K = XEP_LOAI, CAP_CONG_NHAN, KY_LUAT
    lich_su: list[MucLichSu] = []
    ca_nhan: list[CaNhan] = []
    for i in range(so_can_bo):
        pb = phong[i % so_don_vi]
        nu = rng.random() < 0.45
        ma = f"{i + 1:05d}"
        ho_ten = _ten(rng, nu)
        sinh = dt.date(rng.randint(1966, 2001), rng.randint(1, 12), rng.randint(1, 28))
        moi = rng.random() < 0.03
        tuyen = (dt.date(nam, rng.randint(7, 11), rng.randint(1, 28)) if moi else
                 dt.date(rng.randint(max(sinh.year + 22, 1990), nam - 1), rng.randint(1, 12), rng.randint(1, 28)))
        # past years: ratings, initiatives, titles
        chuoi_cstdcs = rng.random() < 0.06  # a cohort with CSTĐCS in the two previous years
        for y in (nam - 3, nam - 2, nam - 1):
            if tuyen.year > y:
                continue
            xl = X["HTXSNV"] if (chuoi_cstdcs or rng.random() < 0.14) else X["HTTNV"] if rng.random() < 0.93 else X["HTNV"]
            sk = C["CO_SO"] if (chuoi_cstdcs and rng.random() < 0.5) or rng.random() < 0.1 else None
            # recruited too late in year y for a title of y (TT 01/2024 Art. 1(5)(d): 6 months): the year is drawn
            # all the same (the same random sequence, so the rest of the department is unchanged), not recorded
            du = du_thang(tuyen, 6, y)
            rng.randint(10, 999), rng.randint(8, 25)  # drawn as before (the same random sequence), not used:
            muc = MucLichSu(ma, y, DANH_HIEU["LDTT"] if xl.bac >= 3 else None, *_qd_nam(y), xl, sk)  # one QĐ a year
            if du:
                lich_su.append(muc)
            if xl.bac >= 3 and ((chuoi_cstdcs and y >= nam - 2) or (xl.ma == "HTXSNV" and rng.random() < 0.3)):
                rng.randint(10, 999)
                muc = MucLichSu(ma, y, DANH_HIEU["CSTDCS"], *_qd_nam(y))
                if du:
                    lich_su.append(muc)
        r = rng.random()
        xl = X["HTXSNV"] if (r < 0.13 or (chuoi_cstdcs and r < 0.8)) else X["HTTNV"] if r < 0.94 else X["HTNV"] if r < 0.985 else X["KHTNV"]
        sk = C["TINH"] if chuoi_cstdcs and rng.random() < 0.6 else C["CO_SO"] if rng.random() < 0.12 else None
        de_tai = C["CO_SO"] if rng.random() < 0.03 else None
        kl = K["KHIEN_TRACH"] if rng.random() < 0.012 else K["CANH_CAO"] if rng.random() < 0.004 else None
        xem_xet = rng.random() < 0.004
        de_nghi = []
        if xl.bac >= 3:
            de_nghi.append(DANH_HIEU["LDTT"])
            if chuoi_cstdcs or (xl.ma == "HTXSNV" and rng.random() < 0.6) or ((sk or de_tai) and rng.random() < 0.4):
                de_nghi.append(DANH_HIEU["CSTDCS"])
            if chuoi_cstdcs and DANH_HIEU["CSTDCS"] in de_nghi and sk is not None and sk.bac >= 2:
                de_nghi.append(DANH_HIEU["CSTDT"])
            elif chuoi_cstdcs and DANH_HIEU["CSTDCS"] in de_nghi and rng.random() < 0.5:
                de_nghi.append(DANH_HIEU["BKT"])
            elif rng.random() < 0.04:
                de_nghi.append(DANH_HIEU["GK"])
        elif rng.random() < 0.3:
            de_nghi.append(DANH_HIEU["LDTT"])  # proposed though not eligible: the engine must say why
        dang_ky = list(de_nghi) if rng.random() < 0.9 else de_nghi[:1]
        chuc_vu = _chuc_vu("Trưởng phòng" if i < so_don_vi else "Phó Trưởng phòng" if i < 2 * so_don_vi
                           else rng.choice(CHUC_VU), pb.ten)
        if i < 2 * so_don_vi and sinh.year > 1985:  # a unit's head or deputy is not in his twenties (a clerk's
            sinh = sinh.replace(year=1966 + (sinh.year - 1966) % 20)  # review); the draws above unchanged
        cn = CaNhan(ma, ho_ten, pb.ma, chuc_vu, "Nữ" if nu else "Nam", sinh, tuyen, xl, kl, sk, de_tai,
                    tuple(dang_ky), tuple(de_nghi), xem_xet, "")
        pb.nguoi.append(cn)
        ca_nhan.append(cn)
    # collectives
    tap_the: list[TapThe] = []
    diem_theo_khoi: dict[str, list[tuple[float, str]]] = {}
    for pb in phong:
        ty_le_tot = sum(1 for c in pb.nguoi if c.xep_loai and c.xep_loai.bac >= 3) / max(1, len(pb.nguoi))
        xl = X["HTXSNV"] if ty_le_tot > 0.93 and rng.random() < 0.6 else X["HTTNV"] if ty_le_tot > 0.6 else X["HTNV"]
        diem = round(rng.uniform(85, 99), 1)
        diem_theo_khoi.setdefault(pb.khoi, []).append((diem, pb.ma))
        de_nghi = [DANH_HIEU["TTLDTT"]] if xl.bac >= 3 else []
        if xl.ma == "HTXSNV":
            de_nghi.append(DANH_HIEU["TTLDXS"])
        tap_the.append(TapThe(pb.ma, pb.ten, xl, pb.khoi, diem, tuple(de_nghi), tuple(de_nghi), ""))
    # Cờ: the leader of each khối (by score) among HTXSNV units is proposed
    for ds in diem_theo_khoi.values():
        for _, ma in sorted(ds, reverse=True):
            t = next(t for t in tap_the if t.ma == ma)
            if t.xep_loai and t.xep_loai.ma == "HTXSNV":
                tap_the[tap_the.index(t)] = TapThe(t.ma, t.ten, t.xep_loai, t.khoi, t.diem,
                                                   (*t.dang_ky, DANH_HIEU["CTDT"]), (*t.de_nghi, DANH_HIEU["CTDT"]))
                break
    hoi_dong = _hoi_dong_theo_don_vi(hoi_dong_mau(11 if so_can_bo < 1000 else 15), phong, so_don_vi)
    so_tv = len(hoi_dong)
    co_mat = sum(1 for t in hoi_dong if t.co_mat == "Có")
    tt = ThongTin(nam=nam, co_quan_chu_quan="UBND TỈNH LAI CHÂU", co_quan="SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG",
                  ky_hieu="SNNMT", dia_danh="Lai Châu", nguoi_ky="Nguyễn Văn Minh", chuc_vu_nguoi_ky="GIÁM ĐỐC",
                  ngay_quyet_dinh=ngay_quyet_dinh or dt.date(nam + 1, 1, 12), so_thanh_vien=so_tv, so_co_mat=co_mat,
                  ngay_hop=dt.date(nam + 1, 1, 8), gio_bat_dau="08:00", gio_ket_thuc="11:30",
                  chu_tri="Nguyễn Văn Minh, Giám đốc Sở, Chủ tịch Hội đồng",
                  thu_ky=next(f"{t.ho_ten}, {t.chuc_vu.removesuffix(' Sở')}" for t in hoi_dong if "thư ký" in t.vai_tro),
                  dia_diem_hop="Phòng họp tầng 2, trụ sở Sở",
                  # the province's and the Sở's standing instruments: the same in every round (a clerk's second
                  # review: the themed round of 2026 cited a "25/2026/QĐ-UBND")
                  can_cu_chuc_nang="Quyết định số 25/2025/QĐ-UBND ngày 30 tháng 6 năm 2025 của Ủy ban nhân dân tỉnh "
                                   "Lai Châu quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Nông nghiệp "
                                   "và Môi trường",
                  can_cu_quy_che_tinh="Quyết định số 10/2024/QĐ-UBND ngày 15 tháng 5 năm 2024 của Ủy ban nhân dân tỉnh "
                                      "Lai Châu ban hành Quy định về công tác thi đua, khen thưởng trên địa bàn tỉnh",
                  can_cu_quy_che_co_quan="Quyết định số 45/QĐ-SNNMT ngày 10 tháng 3 năm 2025 của Giám đốc Sở Nông "
                                         "nghiệp và Môi trường ban hành Quy chế thi đua, khen thưởng của Sở")
    quy_che = {"chi_tieu.CSTDCS": Fraction(15, 100)}
    ca_nhan, sang_kien, ky_luat = _su_kien(ca_nhan, nam, seed, tt.ngay_quyet_dinh)
    for pb in phong:
        pb.nguoi[:] = [c for c in ca_nhan if c.don_vi == pb.ma]
    du_lieu = DuLieu(tt, ca_nhan, tap_the, SoTheoDoi(lich_su, sang_kien, ky_luat), None, quy_che,
                     hoi_dong)
    return du_lieu, {"phong": phong, "rng": rng}


CO_QUAN_CU = ("Sở Tài chính tỉnh Lai Châu", "Sở Xây dựng tỉnh Lai Châu", "UBND xã Bình Lư",
              "Chi cục Kiểm lâm tỉnh Điện Biên")
TEN_SANG_KIEN = ("Số hóa hồ sơ giao đất, cho thuê đất", "Bản đồ số vùng trồng chè Shan tuyết",
                 "Quy trình một cửa điện tử cấp giấy chứng nhận", "Cảnh báo sớm lũ quét bằng tin nhắn",
                 "Sổ tay kỹ thuật nuôi cá lồng trên hồ thủy điện", "Ứng dụng theo dõi dịch bệnh gia súc",
                 "Mẫu biểu điện tử báo cáo thống kê ngành", "Quy trình kiểm tra an toàn hồ đập nhỏ")


def _su_kien(ca_nhan: list[CaNhan], nam: int, seed: int,
             truoc: dt.date | None = None) -> tuple[list[CaNhan], list[MucSangKien], list[MucKyLuat]]:
    """The v2 facts of the demo (SPEC §8), drawn from their own random stream so the rest stays as it was: some
    leave, transfers and contract service among this year's arrivals, the initiatives register (a few people with
    two), and a KyLuat row for each discipline of the year."""
    rng = random.Random(seed * 31 + 12)
    ra: list[CaNhan] = []
    so_da_dung: set[str] = set()  # ID numbers are unique (kiem_tra refuses duplicates)
    sang_kien: list[MucSangKien] = []
    ky_luat: list[MucKyLuat] = []
    for c in ca_nhan:
        thay: dict[str, object] = {}
        if c.ngay_tuyen_dung and c.ngay_tuyen_dung.year == nam:
            if rng.random() < 0.5:  # transferred in: recruited years ago elsewhere
                cu = rng.choice(CO_QUAN_CU)
                td = dt.date(rng.randint(2012, nam - 2), rng.randint(1, 12), rng.randint(1, 28))
                # recruited as an adult, like everyone's recruitment (a 20,000-staff demo had recruits of 12, which
                # kiem-tra now warns about); the draws unchanged and in their order, so the same demo otherwise
                if c.ngay_sinh:
                    td = max(td, dt.date(c.ngay_sinh.year + 22, c.ngay_sinh.month, min(c.ngay_sinh.day, 28)))
                thay.update(ngay_vao_co_quan=c.ngay_tuyen_dung, co_quan_truoc=cu, ngay_tuyen_dung=td,
                            ghi_chu="Cơ quan cũ nhận xét: hoàn thành tốt nhiệm vụ, chấp hành tốt kỷ luật")
            else:  # on a labour contract here since the start of the year
                thay.update(ngay_vao_co_quan=dt.date(nam, 1, rng.randint(2, 20)))
        r = rng.random()
        if c.gioi_tinh == "Nữ" and r < 0.05:
            thay["nghi"] = (KyNghi(LOAI_NGHI["THAI_SAN"], 180),)
        elif r < 0.08:
            thay["nghi"] = (KyNghi(LOAI_NGHI["OM"], rng.randint(5, 30)),)
        elif r < 0.09:
            thay["nghi"] = (KyNghi(LOAI_NGHI["HOC_TAP"], rng.randint(30, 90)), KyNghi(LOAI_NGHI["OM"], 7))
        if c.ngay_sinh:  # 12 digits: province, sex and century, year of birth, serial (fictional)
            dau = f"{rng.choice((2, 11, 12, 36)):03d}{int(c.gioi_tinh == 'Nữ')}{c.ngay_sinh.year % 100:02d}"
            so = rng.randint(0, 999999)
            while f"{dau}{so:06d}" in so_da_dung:  # a clash (tens of thousands of staff): the next serial
                so = (so + 1) % 1_000_000
            so_dinh_danh = f"{dau}{so:06d}"
            so_da_dung.add(so_dinh_danh)
            thay["so_dinh_danh"] = so_dinh_danh
        moi_sk = [(LOAI_SANG_KIEN["SANG_KIEN"], c.sang_kien)] * (1 + (rng.random() < 0.25)) if c.sang_kien else []
        moi_sk += [(LOAI_SANG_KIEN["DE_TAI"], c.de_tai)] if c.de_tai else []
        for (loai, cap), ten in zip(moi_sk, rng.sample(TEN_SANG_KIEN, len(moi_sk)), strict=True):
            rng.randint(10, 300)  # drawn as before (the same random sequence); the number follows the date
            ngay_sk = dt.date(nam, rng.randint(9, 12), rng.randint(1, 28))
            if truoc is not None and ngay_sk >= truoc:  # recognised before the round decides (a clerk's review:
                ngay_sk = truoc - dt.timedelta(days=10 + ngay_sk.day)  # a themed round listed later decisions)
            bac = getattr(cap, "bac", 1)
            noi = "SNNMT" if bac <= 1 else "UBND" if bac == 2 else "BNNMT"  # who recognises it: Sở, tỉnh, Bộ
            sang_kien.append(MucSangKien(c.ma, nam, ten, loai, cap,
                                         f"{(ngay_sk - dt.date(nam, 1, 1)).days + 10}/QĐ-{noi}", ngay_sk))
        if c.ky_luat is not None:
            ngay = dt.date(nam, rng.randint(2, 10), rng.randint(1, 28))
            ky_luat.append(MucKyLuat(c.ma, c.ky_luat, f"{rng.randint(10, 300)}/QĐ-SNNMT", ngay, nam,
                                     dt.date(ngay.year + 1, ngay.month, ngay.day)))
        ra.append(replace(c, **thay) if thay else c)  # type: ignore[arg-type]
    return ra, sang_kien, ky_luat


def _hoi_dong_theo_don_vi(hoi_dong: list[ThanhVienHoiDong], phong: list[PhongBan],
                          so_don_vi: int) -> list[ThanhVienHoiDong]:
    """The council's members who hold a unit's post named by the department's own head (or deputy) of that unit, so
    that a unit has one head across the documents (a clerk's second review: the minutes named a Trưởng phòng TCCB the
    staff lists did not know)."""
    ra = []
    for t in hoi_dong:
        for pb in phong[:so_don_vi]:
            cv, ten = t.chuc_vu.lower(), pb.ten.lower()
            if cv.endswith((ten, ten.removesuffix(" sở"))):
                ds = pb.nguoi  # in order: the head first, then the deputy
                pho = t.chuc_vu.startswith("Phó ")
                if len(ds) > int(pho):
                    t = replace(t, ho_ten=ds[int(pho)].ho_ten)
                break
        ra.append(t)
    return ra


HOI_DONG_MAU = [
    ("Nguyễn Văn Minh", "Giám đốc Sở", "Chủ tịch", "Có", ""),
    ("Đặng Quang Hải", "Phó Giám đốc Sở", "Phó Chủ tịch", "Có", ""),
    ("Trần Thị Thu Hương", "Phó Chánh Văn phòng Sở", "Ủy viên thư ký", "Có", ""),
    ("Lê Văn Tâm", "Trưởng phòng Tổ chức cán bộ", "Ủy viên", "Có", "Trưởng ban"),
    ("Phạm Thị Diệu Linh", "Giám đốc Quỹ Bảo vệ và Phát triển rừng", "Ủy viên", "Có", "Thành viên"),
    ("Vũ Đức Thịnh", "Chủ tịch Công đoàn Sở", "Ủy viên", "Có", "Thành viên"),
    ("Hoàng Văn Nam", "Chi cục trưởng Chi cục Kiểm lâm", "Ủy viên", "Văn bản", ""),
    ("Bùi Thị Thu", "Trưởng phòng Kế hoạch – Tài chính", "Ủy viên", "Có", ""),
    ("Ngô Minh Khoa", "Chi cục trưởng Chi cục Thủy lợi", "Ủy viên", "Có", ""),
    ("Đỗ Thanh Bình", "Bí thư Đoàn Thanh niên Sở", "Ủy viên", "Có", ""),
    ("Lò Văn Pấng", "Giám đốc Trung tâm Khuyến nông", "Ủy viên", "Có", ""),
    ("Tạ Thị Ngọc", "Trưởng phòng Môi trường", "Ủy viên", "Có", ""),
    ("Giàng A Sử", "Giám đốc Ban Quản lý rừng phòng hộ", "Ủy viên", "Có", ""),
    ("Lương Văn Hậu", "Trưởng phòng Quản lý đất đai", "Ủy viên", "Có", ""),
    ("Trịnh Thị Mai", "Giám đốc Văn phòng Đăng ký đất đai", "Ủy viên", "Có", ""),
]


def hoi_dong_mau(so_thanh_vien: int) -> list[ThanhVienHoiDong]:
    """The council (fictional people): a chair, a vice-chair, a secretary, a vote-counting board of three, and one
    member absent who votes by written opinion (ND 98/2023 Art. 30(7))."""
    return [ThanhVienHoiDong(*x) for x in HOI_DONG_MAU[:so_thanh_vien]]


def _phieu(du_lieu: DuLieu, rng: random.Random) -> tuple[list, list[dict[str, str]]]:
    """The ballots the council cast: one per member present and one written opinion (its row says "Bằng văn bản");
    the last ballot is void (an unreadable mark). Votes are planned so that the round shows what the law asks:
    CSTĐ tỉnh and BK tỉnh candidates pass 90 %; one candidate falls one vote short; and at the CSTĐCS quota cut
    two candidates tie on votes, rating and initiative (the council must decide between them), with candidates
    below them who pass the threshold but fall outside the quota."""
    ung_vien, _ = ung_vien_bo_phieu(du_lieu)
    tt = du_lieu.thong_tin
    van_ban = sum(1 for t in du_lieu.hoi_dong if t.co_mat == "Văn bản")
    so = (tt.so_co_mat or 0) + van_ban
    phieu: list[dict[str, str]] = [{} for _ in range(so)]
    if van_ban and so > 1:
        phieu[-2]["Hình thức"] = "Bằng văn bản"  # the absent member's written opinion
    hop_le = list(range(so - 1)) if so > 1 else list(range(so))  # the last ballot is void
    toi_da = len(hop_le)
    can = -(-(4 * (tt.so_thanh_vien or 0)) // 5)  # agreeing votes 80 % of all members need
    so_phieu: dict[str, int] = {}
    # the CSTĐCS cut: quota base = this round's LĐTT (not voted), as the decision counts it
    cstdcs = [u for u in ung_vien if u.danh_hieu.ma == "CSTDCS"]
    nguoi = {c.ma: c for c in du_lieu.ca_nhan}
    gioi_han = _chi_tieu_cstdcs(du_lieu)

    def khoa(u: object) -> tuple[int, int]:
        c = nguoi[u.ma]  # type: ignore[attr-defined]
        cap = c.cap_thanh_tich
        return (c.xep_loai.bac if c.xep_loai else 0, cap.bac if cap else 0)

    cap_hoa = None
    if gioi_han is not None and 1 <= gioi_han < len(cstdcs):
        theo_khoa: dict[tuple[int, int], list] = {}
        for u in cstdcs:
            theo_khoa.setdefault(khoa(u), []).append(u)
        # the tied pair comes from a group with candidates ranked below it (they show "ngoài chỉ tiêu")
        thap_nhat = min(theo_khoa)
        nhom = max((ds for k_, ds in theo_khoa.items() if len(ds) >= 2 and k_ > thap_nhat), key=len, default=None) \
            or max((ds for ds in theo_khoa.values() if len(ds) >= 2), key=len, default=None)
        if nhom is not None:
            nu = [u for u in nhom if nguoi[u.ma].gioi_tinh == "Nữ"]
            nam_ = [u for u in nhom if nguoi[u.ma].gioi_tinh != "Nữ"]
            cap_hoa = (nu[0], nam_[0]) if nu and nam_ else (nhom[0], nhom[1])
    if cap_hoa is not None and gioi_han is not None:
        con = [u for u in cstdcs if u not in cap_hoa]
        tren = con[:gioi_han - 1]
        for u in tren:
            so_phieu[u.tieu_de_cot] = toi_da
        for u in cap_hoa:
            so_phieu[u.tieu_de_cot] = toi_da - 1
        for u in con[gioi_han - 1:]:
            # below the tied pair on rating/initiative: passes the threshold, outside the quota; else one short
            so_phieu[u.tieu_de_cot] = toi_da - 1 if khoa(u) < khoa(cap_hoa[0]) else can - 1
    gan = next((u for u in ung_vien if u.danh_hieu.ma not in ("CSTDCS", "CSTDT", "BKT", "CSTDTQ")), None)
    for u in ung_vien:
        if u.tieu_de_cot in so_phieu:
            continue
        if u is gan:
            so_phieu[u.tieu_de_cot] = can - 1  # a close call: one vote short of the threshold
        elif u.danh_hieu.ma in ("CSTDT", "BKT", "CSTDTQ"):
            so_phieu[u.tieu_de_cot] = toi_da
        else:
            so_phieu[u.tieu_de_cot] = max(0, toi_da - rng.choices([0, 1, 2, 3], weights=[50, 30, 12, 8])[0])
    for u in ung_vien:
        for i in rng.sample(hop_le, min(so_phieu[u.tieu_de_cot], toi_da)):
            phieu[i][u.tieu_de_cot] = "x"
    if ung_vien and so > 1:
        phieu[-1][ung_vien[0].tieu_de_cot] = "?"  # an unreadable mark: this ballot is void
    return ung_vien, phieu


def _chi_tieu_cstdcs(du_lieu: DuLieu) -> int | None:
    """The CSTĐCS quota this round will have (15 % of the LĐTT achieved, rounded down), or None without one."""
    from .binh_xet import so_chi_tieu
    from .xet import xet

    ty_le = du_lieu.quy_che.get("chi_tieu.CSTDCS")
    if ty_le is None:
        return None
    kq = xet(du_lieu)  # LĐTT is not voted: its count does not depend on the ballots
    so_ldtt = sum(1 for _, k in kq.tat_ca() if k.dat and k.danh_hieu.ma == "LDTT")
    return so_chi_tieu(ty_le, so_ldtt, "xuong")


def ghi_bo_du_lieu(du_lieu: DuLieu, thu_muc: Path, rng: random.Random | None = None) -> list[Path]:
    """Write the department as the workbooks units would send: one per unit, plus the master workbook."""
    rng = rng or random.Random(0)
    thu_muc = Path(thu_muc)
    (thu_muc / "don-vi").mkdir(parents=True, exist_ok=True)
    ten_dv = {t.ma: t for t in du_lieu.tap_the}
    tep: list[Path] = []
    theo_dv: dict[str, list[CaNhan]] = {}
    for c in du_lieu.ca_nhan:
        theo_dv.setdefault(c.don_vi, []).append(c)

    def ngay(d: dt.date | None) -> str:
        return d.strftime("%d/%m/%Y") if d else ""

    def ds(x: tuple) -> str:
        return ", ".join(d.viet_tat for d in x)

    for ma, t in ten_dv.items():
        wb = Workbook()
        ws = wb.active
        ws.title = "TapThe"
        ghi_bang(ws, [c.tieu_de for c in TAP_THE.cot],
                 [theo_so_do(TAP_THE, ma=t.ma, ten=t.ten, xep_loai=t.xep_loai.ma if t.xep_loai else "", khoi=t.khoi,
                             diem=t.diem, dang_ky=ds(t.dang_ky), de_nghi=ds(t.de_nghi),
                             dang_xem_xet="Có" if t.dang_xem_xet else "", ghi_chu=t.ghi_chu,
                             thanh_tich=t.thanh_tich)],
                 tieu_de_trang=f"TẬP THỂ — {t.ten.upper()}", do_rong=[c.do_rong for c in TAP_THE.cot])
        ws2 = wb.create_sheet("CaNhan")
        dong = [theo_so_do(CA_NHAN, stt=i, ma=c.ma, ho_ten=c.ho_ten, gioi_tinh=c.gioi_tinh, ngay_sinh=ngay(c.ngay_sinh),
                           so_dinh_danh=c.so_dinh_danh, chuc_vu=c.chuc_vu, don_vi=c.don_vi,
                           ngay_tuyen_dung=ngay(c.ngay_tuyen_dung), ngay_vao_co_quan=ngay(c.ngay_vao_co_quan),
                           co_quan_truoc=c.co_quan_truoc, nghi="; ".join(k.mo_ta() for k in c.nghi),
                           xep_loai=c.xep_loai.ma if c.xep_loai else "", ky_luat=c.ky_luat.ten if c.ky_luat else "",
                           sang_kien=c.sang_kien.ten if c.sang_kien else "", de_tai=c.de_tai.ten if c.de_tai else "",
                           dang_ky=ds(c.dang_ky), de_nghi=ds(c.de_nghi), dang_xem_xet="Có" if c.dang_xem_xet else "",
                           ghi_chu=c.ghi_chu, thanh_tich=c.thanh_tich)
                for i, c in enumerate(theo_dv.get(ma, []), start=1)]
        ghi_bang(ws2, [c.tieu_de for c in CA_NHAN.cot], dong, tieu_de_trang=f"DANH SÁCH CÁ NHÂN — {t.ten.upper()}",
                 do_rong=[c.do_rong for c in CA_NHAN.cot])
        sk_dv = [s_ for s_ in du_lieu.so_theo_doi.so_sang_kien if s_.ma in {c.ma for c in theo_dv.get(ma, [])}]
        if sk_dv:
            ghi_bang(wb.create_sheet(SANG_KIEN.ten), [c.tieu_de for c in SANG_KIEN.cot],
                     [dong_sang_kien(s_) for s_ in sk_dv], tieu_de_trang=f"SÁNG KIẾN, ĐỀ TÀI — {t.ten.upper()}",
                     do_rong=[c.do_rong for c in SANG_KIEN.cot])
        p = thu_muc / "don-vi" / f"{ma}.xlsx"
        luu_nguyen_tu(wb, p)
        tep.append(p)

    tt = du_lieu.thong_tin
    wb = Workbook()
    ws = wb.active
    ws.title = "ThongTin"
    ws.cell(row=1, column=1, value="THÔNG TIN CHUNG").font = Font(name=FONT, bold=True, size=13)
    muc = [("Năm", tt.nam), ("Cơ quan chủ quản", tt.co_quan_chu_quan), ("Cơ quan", tt.co_quan),
           ("Ký hiệu cơ quan", tt.ky_hieu), ("Địa danh", tt.dia_danh), ("Người ký", tt.nguoi_ky),
           ("Chức vụ người ký", tt.chuc_vu_nguoi_ky), ("Ngày quyết định", ngay(tt.ngay_quyet_dinh)),
           ("Số thành viên Hội đồng", tt.so_thanh_vien), ("Số thành viên có mặt", tt.so_co_mat),
           ("Ngày họp Hội đồng", ngay(tt.ngay_hop)), ("Giờ bắt đầu", tt.gio_bat_dau),
           ("Giờ kết thúc", tt.gio_ket_thuc),
           ("Chủ trì cuộc họp", tt.chu_tri), ("Thư ký Hội đồng", tt.thu_ky),
           ("Địa điểm họp", tt.dia_diem_hop), ("Căn cứ chức năng, nhiệm vụ", tt.can_cu_chuc_nang),
           ("Căn cứ quy chế thi đua của tỉnh", tt.can_cu_quy_che_tinh),
           ("Căn cứ quy chế thi đua của cơ quan", tt.can_cu_quy_che_co_quan)]
    if tt.can_cu_ke_hoach:
        muc.append(("Căn cứ kế hoạch phát động", tt.can_cu_ke_hoach))
    if not tt.cuoi_nam:
        muc += [("Loại đợt", tt.loai_dot), ("Tên đợt", tt.ten_dot)]
    ghi_bang(ws, ["Mục", "Giá trị"], muc, dong_dau=2, do_rong=[34, 90], ngang=False)
    ws = wb.create_sheet("QuyChe")
    ghi_bang(ws, ["Mục", "Giá trị"], [("Chỉ tiêu CSTĐCS", "15%"), ("Làm tròn chỉ tiêu", "làm tròn xuống")],
             tieu_de_trang="QUY CHẾ THI ĐUA, KHEN THƯỞNG CỦA SỞ (trích)", do_rong=[30, 30], ngang=False)
    ws = wb.create_sheet("LichSu")
    ghi_bang(ws, [c.tieu_de for c in LICH_SU.cot], [dong_lich_su(m) for m in du_lieu.so_theo_doi.cac_muc],
             tieu_de_trang="SỔ THEO DÕI THI ĐUA, KHEN THƯỞNG CÁC NĂM TRƯỚC", do_rong=[c.do_rong for c in LICH_SU.cot])
    ws = wb.create_sheet("HoiDong")
    ghi_bang(ws, [c.tieu_de for c in HOI_DONG.cot],
             [[t.ho_ten, t.chuc_vu, t.vai_tro, t.co_mat, t.ban_kiem_phieu] for t in du_lieu.hoi_dong],
             tieu_de_trang="THÀNH VIÊN HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG SỞ", do_rong=[c.do_rong for c in HOI_DONG.cot])
    if du_lieu.so_theo_doi.so_ky_luat:
        ghi_bang(wb.create_sheet(KY_LUAT_SHEET.ten), [c.tieu_de for c in KY_LUAT_SHEET.cot],
                 [dong_ky_luat(k) for k in du_lieu.so_theo_doi.so_ky_luat], tieu_de_trang=KY_LUAT_SHEET.mo_ta.upper(),
                 do_rong=[c.do_rong for c in KY_LUAT_SHEET.cot])
    ung_vien, phieu = _phieu(du_lieu, rng)
    ghi_sheet_phieu_bau(ung_vien, len(phieu), thu_muc / "tong-hop.xlsx", phieu, wb=wb)
    p = thu_muc / "tong-hop.xlsx"
    luu_nguyen_tu(wb, p)
    tep.append(p)
    return tep


THANH_TICH_CHUYEN_DE = (
    "Đã có thành tích xuất sắc trong số hóa hồ sơ, dữ liệu chuyên ngành",
    "Đã có thành tích xuất sắc trong triển khai dịch vụ công trực tuyến toàn trình",
    "Đã có thành tích xuất sắc trong xây dựng cơ sở dữ liệu đất đai",
    "Đã có thành tích xuất sắc trong ứng dụng phần mềm quản lý văn bản và hồ sơ công việc",
    "Đã có thành tích xuất sắc trong hướng dẫn người dân sử dụng nền tảng số",
)


def tao_du_lieu_chuyen_de(so_can_bo: int = 300, so_don_vi: int | None = None, seed: int = 2025,
                          nam: int = 2026) -> tuple[DuLieu, dict]:
    """A themed round (chuyên đề) of the same department: Giấy khen for some people and units with the achievement
    of each, and two people proposed for the province's Bằng khen (Law 2022 Art. 74(1)(a)), one of whom the
    council's vote does not carry; no ratings — the round rewards its theme, not the year."""
    du_lieu, phu = tao_du_lieu(so_can_bo, so_don_vi, seed, nam=nam, ngay_quyet_dinh=dt.date(nam, 10, 20))
    rng: random.Random = phu["rng"]
    ca_nhan: list[CaNhan] = []
    so_bk = 0
    for c in du_lieu.ca_nhan:
        de_nghi: tuple = ()
        if rng.random() < 0.08:
            de_nghi = (DANH_HIEU["GK"],)
            if so_bk < 2 and c.ky_luat is None and not c.dang_xem_xet:
                de_nghi, so_bk = (DANH_HIEU["BKT"],), so_bk + 1
        thanh_tich = rng.choice(THANH_TICH_CHUYEN_DE) if de_nghi and rng.random() < 0.9 else ""
        ca_nhan.append(dataclasses.replace(c, xep_loai=None, sang_kien=None, de_tai=None, dang_ky=(),
                                           de_nghi=de_nghi, thanh_tich=thanh_tich))
    tap_the = [dataclasses.replace(t, xep_loai=None, diem=None, dang_ky=(),
                                   de_nghi=(DANH_HIEU["GK"],) if i < 2 else (),
                                   thanh_tich=THANH_TICH_CHUYEN_DE[i] if i < 2 else "")
               for i, t in enumerate(du_lieu.tap_the)]
    tt = dataclasses.replace(du_lieu.thong_tin, loai_dot="Chuyên đề", ten_dot=f"Chuyên đề chuyển đổi số năm {nam}",
                             ngay_hop=dt.date(nam, 10, 15),
                             can_cu_ke_hoach=f"Kế hoạch số 12/KH-SNNMT ngày 20 tháng 02 năm {nam} của Giám đốc Sở Nông "
                                             "nghiệp và Môi trường về phát động phong trào thi đua chuyên đề chuyển "
                                             f"đổi số năm {nam}")
    return dataclasses.replace(du_lieu, thong_tin=tt, ca_nhan=ca_nhan, tap_the=tap_the), phu


def tao_demo(thu_muc: Path, so_can_bo: int = 300, seed: int = 2025, so_don_vi: int | None = None,
             dot: str = "cuoi-nam") -> list[Path]:
    """The demo department's workbooks; ``dot`` = "cuoi-nam" (the year-end round) or "chuyen-de" (a themed
    round of the next year, on the same ledger)."""
    tao = tao_du_lieu_chuyen_de if dot == "chuyen-de" else tao_du_lieu
    du_lieu, phu = tao(so_can_bo, so_don_vi, seed)
    bo_tham_so_mac_dinh()
    return ghi_bo_du_lieu(du_lieu, Path(thu_muc), phu["rng"])
