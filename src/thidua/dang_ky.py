"""The start-of-year round (``thidua dang-ky``): registrations validated, reachability noted, the consolidated
registration list written (Excel, and Word by unit)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from .danh_muc import DANH_HIEU
from .ghi_bang import ghi_bang, luu_nguyen_tu
from .kiem_tra import KetQuaKiemTra, ghi_chu_kha_nang, kiem_tra
from .loi import CANH_BAO, VanDe
from .tham_so import bo_tham_so_mac_dinh
from .tieng_viet import khoa_sap_xep_ho_ten

DANH_HIEU_THEO_VIET_TAT = {d.viet_tat: d.ma for d in DANH_HIEU.values()}


@dataclass
class DongDangKy:
    don_vi: str
    ma: str
    ten: str
    chuc_vu: str
    danh_hieu: str
    ghi_chu: str
    ca_nhan: bool


@dataclass
class KetQuaDangKy:
    kiem_tra: KetQuaKiemTra
    dong: list[DongDangKy] = field(default_factory=list)
    so_luong: list[dict[str, Any]] = field(default_factory=list)
    tep_ra: list[Path] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"loi": [v.as_dict() for v in self.kiem_tra.van_de], "so_luong": self.so_luong,
                "dang_ky": [asdict(d) for d in self.dong], "tep_ra": [str(p) for p in self.tep_ra]}


def danh_sach_dang_ky(kq: KetQuaKiemTra) -> list[DongDangKy]:
    du = kq.du_lieu
    if du is None:
        return []
    ten_dv = {t.ma: t.ten for t in du.tap_the}
    ts = (kq.bo or bo_tham_so_mac_dinh()).tai_ngay(du.thong_tin.ngay_quyet_dinh, du.quy_che)
    dong: list[DongDangKy] = []
    for t in du.tap_the:
        for dh in t.dang_ky:
            dong.append(DongDangKy(t.ten, t.ma, t.ten, "", dh.viet_tat, "", False))
    for c in sorted(du.ca_nhan, key=lambda c: (c.don_vi, khoa_sap_xep_ho_ten(c.ho_ten))):
        for dh in c.dang_ky:
            dong.append(DongDangKy(ten_dv.get(c.don_vi, c.don_vi), c.ma, c.ho_ten, c.chuc_vu, dh.viet_tat,
                                   ghi_chu_kha_nang(c, dh, du.thong_tin.nam, du.so_theo_doi, ts), True))
    return dong


def chay_dang_ky(dau_vao: list[Path], thu_muc_ra: Path, nam: int | None = None,
                 ngay: dt.date | None = None) -> KetQuaDangKy:
    """``nam`` is the year registered for (it overrides a ThongTin year: a master workbook of last year may be
    reused); ``ngay`` dates the Word list (default: today)."""
    kq = kiem_tra(dau_vao, che_do="dang_ky", nam_mac_dinh=nam)
    ket_qua = KetQuaDangKy(kq)
    if kq.co_loi or kq.du_lieu is None:
        return ket_qua
    tt = kq.du_lieu.thong_tin
    if nam is not None and tt.nam != nam:
        kq.du_lieu.thong_tin = tt = dataclasses.replace(tt, nam=nam)
    thieu = [ten for ten, v in (("Cơ quan", tt.co_quan), ("Người ký", tt.nguoi_ky), ("Ký hiệu cơ quan", tt.ky_hieu),
                                ("Địa danh", tt.dia_danh)) if not v]
    if thieu:
        kq.van_de.append(VanDe("thieu_thong_tin_van_ban", CANH_BAO,
                               f"Không có sheet ThongTin ghi {', '.join(thieu)}: danh sách Word để trống phần đầu "
                               "(tên cơ quan, số, địa danh) và chữ ký. Thêm tệp tổng hợp có sheet ThongTin (mẫu: thidua "
                               "tao-mau) vào đầu vào để điền.", sheet="ThongTin"))
    ket_qua.dong = danh_sach_dang_ky(kq)
    dem = Counter(d.danh_hieu for d in ket_qua.dong)
    ket_qua.so_luong = [{"danh_hieu": d.ma, "ten": d.viet_tat, "so_luong": dem[d.viet_tat]}
                        for d in DANH_HIEU.values() if dem[d.viet_tat]]
    thu_muc_ra = Path(thu_muc_ra)
    thu_muc_ra.mkdir(parents=True, exist_ok=True)
    nam_xet = kq.du_lieu.thong_tin.nam
    wb = Workbook()
    ws = wb.active
    ws.title = "DangKy"
    ghi_bang(ws, ["STT", "Đơn vị", "Mã", "Họ tên / Tập thể", "Chức vụ", "Danh hiệu đăng ký", "Ghi chú"],
             [[i, d.don_vi, d.ma, d.ten, d.chuc_vu, d.danh_hieu, d.ghi_chu] for i, d in enumerate(ket_qua.dong, 1)],
             tieu_de_trang=f"DANH SÁCH ĐĂNG KÝ THI ĐUA NĂM {nam_xet}", do_rong=[6, 30, 10, 26, 20, 16, 60],
             ten_bang="BangDangKy")
    ws2 = wb.create_sheet("SoLuong")
    ghi_bang(ws2, ["Danh hiệu", "Số đăng ký"], [[d["ten"], d["so_luong"]] for d in ket_qua.so_luong],
             tieu_de_trang="SỐ LƯỢNG ĐĂNG KÝ THEO DANH HIỆU", do_rong=[24, 14])
    p = thu_muc_ra / f"danh-sach-dang-ky-{nam_xet}.xlsx"
    luu_nguyen_tu(wb, p)
    ket_qua.tep_ra.append(p)
    from .van_ban.ve import ve_danh_sach_dang_ky

    ghi_chu = {(d.ma, DANH_HIEU_THEO_VIET_TAT[d.danh_hieu]): d.ghi_chu for d in ket_qua.dong
               if d.danh_hieu in DANH_HIEU_THEO_VIET_TAT}
    ket_qua.tep_ra.append(ve_danh_sach_dang_ky(kq.du_lieu, ghi_chu, thu_muc_ra, ngay))
    return ket_qua
