"""Runs one legal scenario (tests/scenarios/**/*.yaml) through the library.

A scenario file has ``mac_dinh`` (defaults merged into each case) and ``cac_truong_hop``: each case has a full
Vietnamese sentence as ``ten``, the article it exercises as ``can_cu``, its inputs and the expected outcome.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from thidua.binh_xet import PhieuBau, doc_hinh_thuc, kiem_phieu, kiem_phieu_tay
from thidua.danh_muc import (
    THUONG_XUYEN,
    doc_cap,
    doc_danh_hieu,
    doc_danh_sach_danh_hieu,
    doc_ky_luat,
    doc_loai_khen_thuong,
    doc_loai_sang_kien,
    doc_xep_loai,
)
from thidua.doc_o import doc_nghi
from thidua.ket_xuat import ly_do
from thidua.loi import ThiduaError
from thidua.mo_hinh import (
    CaNhan,
    DuLieu,
    MucKyLuat,
    MucLichSu,
    MucSangKien,
    QuyetDinhHoiDong,
    SoTheoDoi,
    TapThe,
    ThongTin,
)
from thidua.tham_so import bo_tham_so_mac_dinh
from thidua.tien_thuong import tinh_tien_thuong
from thidua.xet import xet


def _ngay(v: Any) -> dt.date | None:
    if v is None or isinstance(v, dt.date):
        return v
    return dt.date.fromisoformat(str(v))


def _tuy_chon(v: Any, doc: Any) -> Any:
    return doc(v) if v not in (None, "") else None


def _ca_nhan(d: dict[str, Any]) -> CaNhan:
    return CaNhan(
        ma=str(d["ma"]), ho_ten=d.get("ho_ten", f"Người {d['ma']}"), don_vi=str(d.get("don_vi", "P1")),
        ngay_tuyen_dung=_ngay(d.get("ngay_tuyen_dung")), xep_loai=_tuy_chon(d.get("xep_loai"), doc_xep_loai),
        ky_luat=_tuy_chon(d.get("ky_luat"), doc_ky_luat), sang_kien=_tuy_chon(d.get("sang_kien"), doc_cap),
        de_tai=_tuy_chon(d.get("de_tai"), doc_cap), de_nghi=doc_danh_sach_danh_hieu(d.get("de_nghi")),
        dang_ky=doc_danh_sach_danh_hieu(d.get("dang_ky")), dang_xem_xet=bool(d.get("dang_xem_xet", False)),
        gioi_tinh=d.get("gioi_tinh", ""),
        ngay_vao_co_quan=_ngay(d.get("ngay_vao_co_quan")), co_quan_truoc=d.get("co_quan_truoc", ""),
        nghi=doc_nghi(d["nghi"]) if d.get("nghi") else (), ghi_chu=d.get("ghi_chu", ""))


def _tap_the(d: dict[str, Any]) -> TapThe:
    return TapThe(ma=str(d["ma"]), ten=d.get("ten", f"Đơn vị {d['ma']}"),
                  xep_loai=_tuy_chon(d.get("xep_loai"), doc_xep_loai), khoi=str(d.get("khoi", "")),
                  diem=d.get("diem"), de_nghi=doc_danh_sach_danh_hieu(d.get("de_nghi")),
                  dang_xem_xet=bool(d.get("dang_xem_xet", False)))


def chay(tc: dict[str, Any]) -> dict[str, Any]:
    """Run a case; return {path: actual value} for the fields the case expects."""
    thuc_te: dict[str, Any] = {}
    if "tien_thuong" in tc and "ca_nhan" not in tc and "tap_the" not in tc:
        bo = bo_tham_so_mac_dinh()
        for i, m in enumerate(tc["tien_thuong"]):
            try:
                tt = tinh_tien_thuong(doc_danh_hieu(m["danh_hieu"]), bo.tai_ngay(_ngay(m["ngay"])),
                                      tap_the=bool(m.get("tap_the", False)))
                thuc_te[f"tien_thuong[{i}]"] = tt.so_tien
            except ThiduaError as e:
                thuc_te[f"tien_thuong[{i}]"] = f"lỗi: {e}"
        return thuc_te
    ca_nhan = [_ca_nhan(d) for d in tc.get("ca_nhan", [])]
    for nhom in tc.get("sinh_them", []):
        for i in range(nhom["so_luong"]):
            d = dict(nhom)
            d["ma"] = f"{nhom.get('tien_to', 'X')}{i:03d}"
            ca_nhan.append(_ca_nhan(d))
    tap_the = [_tap_the(d) for d in tc.get("tap_the", [])]
    so = SoTheoDoi(MucLichSu(str(m["ma"]), int(m["nam"]), _tuy_chon(m.get("danh_hieu"), doc_danh_hieu),
                             xep_loai=_tuy_chon(m.get("xep_loai"), doc_xep_loai),
                             sang_kien=_tuy_chon(m.get("sang_kien"), doc_cap),
                             ky_luat=_tuy_chon(m.get("ky_luat"), doc_ky_luat),
                             ngay_quyet_dinh=_ngay(m.get("ngay_quyet_dinh")),
                             loai_khen_thuong=_tuy_chon(m.get("loai_khen_thuong"), doc_loai_khen_thuong) or THUONG_XUYEN)
                   for m in tc.get("lich_su", []))
    for m in tc.get("so_sang_kien", []):  # SangKien rows
        so.them_sang_kien(MucSangKien(str(m["ma"]), int(m["nam"]), m.get("ten", ""),
                                      doc_loai_sang_kien(m.get("loai", "Sáng kiến")), doc_cap(m["cap"]),
                                      m.get("so_quyet_dinh", ""), _ngay(m.get("ngay"))))
    for m in tc.get("so_ky_luat", []):  # KyLuat rows
        so.them_ky_luat(MucKyLuat(str(m["ma"]), doc_ky_luat(m["hinh_thuc"]), m.get("so_quyet_dinh", ""),
                                  _ngay(m.get("ngay_quyet_dinh")), m.get("nam_vi_pham"), _ngay(m.get("ngay_het_hieu_luc"))))
    bo = bo_tham_so_mac_dinh()
    quy_che = bo.doc_quy_che((tc.get("quy_che") or {}).items())
    kp = None
    if "phieu" in tc:
        p = tc["phieu"]
        if "dong_y" in p:
            kp = kiem_phieu_tay({tuple(k.split()): v for k, v in p["dong_y"].items()}, p["tong"], p["co_mat"],
                                p.get("hop_le"), p.get("van_ban", 0))
        else:
            ds = [PhieuBau(str(b.get("so", i + 1)),
                           {tuple(k.split()): v for k, v in b.items() if k not in ("so", "hop_le", "hinh_thuc")},
                           hop_le_theo_ban_kiem_phieu=b.get("hop_le"), hinh_thuc=doc_hinh_thuc(b.get("hinh_thuc")))
                  for i, b in enumerate(p["phieu_bau"])]
            uv = sorted({k for b in ds for k in b.danh_dau})
            kp = kiem_phieu(ds, uv, p["tong"], p["co_mat"])
            thuc_te["so_phieu.hop_le"] = kp.hop_le
            thuc_te["so_phieu.khong_hop_le"] = kp.khong_hop_le
            thuc_te["so_phieu.van_ban"] = kp.van_ban
            thuc_te["so_phieu.phat_ra"] = kp.phat_ra
    tt = ThongTin(nam=int(tc["nam"]), ngay_quyet_dinh=_ngay(tc["ngay_quyet_dinh"]))
    quyet = {(str(q["ma"]), doc_danh_hieu(q["danh_hieu"]).ma): QuyetDinhHoiDong(
        str(q["ma"]), doc_danh_hieu(q["danh_hieu"]), bool(q["chon"]), q.get("ly_do", ""))
        for q in tc.get("hoi_dong_quyet", [])}
    kq = xet(DuLieu(tt, ca_nhan, tap_the, so, kp, quy_che, hoi_dong_quyet=quyet), bo)
    for doi_tuong, ds in (*kq.ca_nhan, *kq.tap_the):
        for k in ds:
            goc = f"{doi_tuong.ma}.{k.danh_hieu.ma}"
            thuc_te[f"{goc}.du_dieu_kien"] = k.du_dieu_kien
            thuc_te[f"{goc}.dat"] = k.dat
            thuc_te[f"{goc}.tien_thuong"] = k.tien_thuong
            thuc_te[f"{goc}.can_hoi_dong"] = k.can_hoi_dong
            thuc_te[f"{goc}.ly_do"] = " | ".join(ly_do(k))
            thuc_te[f"{goc}.hoa_tai_diem_cat"] = k.hoa_tai_diem_cat
            thuc_te[f"{goc}.xep_hang"] = k.xep_hang
            thuc_te[f"{goc}.can_cu"] = " | ".join(k.can_cu)
            if k.phieu:
                for truong in ("dong_y", "mau_so", "du_so_nguoi", "van_ban", "dat", "so_phieu_can"):
                    thuc_te[f"{goc}.phieu.{truong}"] = getattr(k.phieu, truong)
                thuc_te[f"{goc}.phieu.nguong"] = f"{k.phieu.nguong.numerator}/{k.phieu.nguong.denominator}"
                thuc_te[f"{goc}.phieu.ghi_chu_nguong"] = k.phieu.ghi_chu_nguong
    return thuc_te


def so_sanh(tc: dict[str, Any], thuc_te: dict[str, Any]) -> list[str]:
    """Expected vs actual; ``ly_do`` expectations are substrings of the joined reasons."""
    sai: list[str] = []
    mong = tc.get("ket_qua", {})
    for ma, theo_dh in mong.items():
        if ma in ("so_phieu",):
            for k, v in theo_dh.items():
                if thuc_te.get(f"so_phieu.{k}") != v:
                    sai.append(f"so_phieu.{k}: expected {v!r}, got {thuc_te.get(f'so_phieu.{k}')!r}")
            continue
        for dh, truong in theo_dh.items():
            goc = f"{ma}.{doc_danh_hieu(dh).ma}"
            if f"{goc}.dat" not in thuc_te:
                sai.append(f"{goc}: no result (was it proposed?)")
                continue
            for k, v in truong.items():
                if k == "ly_do_chua":
                    for doan in [v] if isinstance(v, str) else v:
                        if doan not in thuc_te[f"{goc}.ly_do"]:
                            sai.append(f"{goc}.ly_do: expected to contain {doan!r}, got {thuc_te[f'{goc}.ly_do']!r}")
                    continue
                if k in ("ly_do_khong_chua", "can_cu_chua", "can_cu_khong_chua"):
                    truong_tt = "can_cu" if k.startswith("can_cu") else "ly_do"
                    co = not k.endswith("khong_chua")
                    for doan in [v] if isinstance(v, str) else v:
                        if (doan in thuc_te[f"{goc}.{truong_tt}"]) != co:
                            sai.append(f"{goc}.{truong_tt}: expected {'to contain' if co else 'not to contain'} "
                                       f"{doan!r}, got {thuc_te[f'{goc}.{truong_tt}']!r}")
                    continue
                if k == "phieu":
                    for kk, vv in v.items():
                        if thuc_te.get(f"{goc}.phieu.{kk}") != vv:
                            sai.append(f"{goc}.phieu.{kk}: expected {vv!r}, got {thuc_te.get(f'{goc}.phieu.{kk}')!r}")
                    continue
                if thuc_te.get(f"{goc}.{k}") != v:
                    sai.append(f"{goc}.{k}: expected {v!r}, got {thuc_te.get(f'{goc}.{k}')!r}")
    for i, m in enumerate(tc.get("tien_thuong", []) if "ca_nhan" not in tc else []):
        got = thuc_te.get(f"tien_thuong[{i}]")
        if "so_tien" in m and got != m["so_tien"]:
            sai.append(f"tien_thuong[{i}] {m['danh_hieu']} {m['ngay']}: expected {m['so_tien']!r}, got {got!r}")
        if "loi_chua" in m and (not isinstance(got, str) or m["loi_chua"] not in got):
            sai.append(f"tien_thuong[{i}]: expected an error containing {m['loi_chua']!r}, got {got!r}")
    return sai
