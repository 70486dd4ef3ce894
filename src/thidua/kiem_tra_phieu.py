"""Ballots in the workbooks (sheets PhieuBau and KiemPhieu): candidate columns, marks, void ballots, and every bad
input named by its cell (issue 4)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .binh_xet import KetQuaKiemPhieu, PhieuBau, doc_dau, kiem_phieu, kiem_phieu_tay
from .danh_muc import DanhHieu, doc_danh_hieu
from .doc_bang import BangTho
from .doc_o import BoGom, nguon_dong, o_cot
from .loi import CANH_BAO, LOI, GiaTriKhongHopLe
from .mo_hinh import CaNhan, TapThe, ThongTin
from .tieng_viet import chuan_hoa

_COT_UNG_VIEN = re.compile(r"^(.*?)\s*[-–—]\s*([^-–—]+)$")


def doc_phieu(ds_pb: list[BangTho], ds_kp: list[BangTho], g: BoGom, tt: ThongTin, ca_nhan: list[CaNhan],
               tap_the: list[TapThe], ts: Any) -> KetQuaKiemPhieu | None:
    if not ds_pb and not ds_kp:
        return None
    de_nghi: dict[str, tuple[DanhHieu, ...]] = {c.ma: c.de_nghi for c in ca_nhan} | {t.ma: t.de_nghi for t in tap_the}
    can_phieu: Callable[[DanhHieu], bool] = (lambda d: bool(ts(f"binh_xet.bo_phieu.{d.ma}"))) if ts else (lambda d: True)
    thieu = False
    for khoa, ten in (("so_thanh_vien", "Số thành viên Hội đồng"), ("so_co_mat", "Số thành viên có mặt")):
        if getattr(tt, khoa) is None:
            g.them("thieu_gia_tri", LOI, f"Có phiếu bầu nhưng ThongTin thiếu '{ten}'.", None)
            thieu = True
    if thieu or (tt.so_co_mat or 0) > (tt.so_thanh_vien or 0):
        return None
    tong, co_mat = tt.so_thanh_vien or 0, tt.so_co_mat or 0

    def doc_ung_vien(tieu_de: str, b: BangTho, r: int, c: int) -> tuple[str, str] | None:
        s = chuan_hoa(tieu_de)
        ma, dh = s, None
        m = _COT_UNG_VIEN.match(s)
        if m and m.group(1).strip() in de_nghi:
            try:
                ma, dh = m.group(1).strip(), doc_danh_hieu(m.group(2))
            except GiaTriKhongHopLe:
                ma, dh = s, None
        if ma not in de_nghi:
            g.them("ung_vien_la", LOI, f"Cột '{tieu_de}' ghi mã '{ma}' không có ở CaNhan hoặc TapThe; tiêu đề cột ghi "
                   "'Mã' hoặc 'Mã - Danh hiệu', ví dụ '00123 - CSTĐCS'.", b, r, c)
            return None
        if dh is None:
            cac = [d for d in de_nghi[ma] if can_phieu(d)]
            if len(cac) != 1:
                g.them("ung_vien_mo_ho", LOI, f"Cột '{tieu_de}': {ma} được đề nghị "
                       + (", ".join(d.viet_tat for d in cac) or "không danh hiệu nào cần bỏ phiếu")
                       + "; ghi rõ 'Mã - Danh hiệu' ở tiêu đề cột.", b, r, c)
                return None
            dh = cac[0]
        if dh not in de_nghi[ma]:
            g.them("ung_vien_khong_de_nghi", LOI, f"Cột '{tieu_de}': {ma} không được đề nghị {dh.viet_tat} (xem cột Đề "
                   "nghị); bỏ cột này hoặc sửa đề nghị.", b, r, c)
            return None
        return (ma, dh.ma)

    kp_pb: KetQuaKiemPhieu | None = None
    ma_pb: set[str] = set()
    if ds_pb:
        phieu: list[PhieuBau] = []
        ung_vien: list[tuple[str, str]] = []
        so_da_thay: dict[str, str] = {}
        for b in ds_pb:
            cot_uv: dict[int, tuple[str, str]] = {}
            for c, td in b.cot_khac.items():
                uv = doc_ung_vien(td, b, b.dong_tieu_de, c)
                if uv:
                    cot_uv[c] = uv
                    if uv not in ung_vien:
                        ung_vien.append(uv)
            for r, dong in b.dong:
                d: dict[str, Any] = {}
                g.doc_dong(b, r, dong, d)
                so = str(d.get("so_phieu") or f"{Path(b.tep).stem}:{r + 1}")
                if so in so_da_thay:
                    g.them("trung_so_phieu", CANH_BAO, f"Số phiếu {so} trùng với {so_da_thay[so]}: phiếu sau không hợp "
                           "lệ.", b, r, o_cot(b, "so_phieu"), "Phiếu số")
                so_da_thay.setdefault(so, b.o(r, o_cot(b, "so_phieu")))
                danh_dau = {uv: (dong[c] if c < len(dong) else "") for c, uv in cot_uv.items()}
                o = {uv: b.o(r, c) for c, uv in cot_uv.items()}
                for uv, v in danh_dau.items():
                    if doc_dau(v) is None:
                        g.them("dau_khong_doc_duoc", CANH_BAO, f"Phiếu {so}: đánh dấu '{v}' không đọc được nên cả phiếu "
                               "không hợp lệ (đồng ý: x, 1, ✓; không đồng ý: để trống, 0, -).", b, r,
                               next(c for c, u in cot_uv.items() if u == uv))
                phieu.append(PhieuBau(so, danh_dau, o, d.get("hop_le"), nguon_dong(b, r)))
        if not phieu:
            g.them("phieu_rong", LOI, "Sheet PhieuBau không có phiếu nào; nhập mỗi phiếu một dòng.", ds_pb[0],
                   ds_pb[0].dong_tieu_de + 1, 0)
            return None
        if len(phieu) > co_mat:
            g.them("qua_nhieu_phieu", LOI, f"Có {len(phieu)} phiếu nhưng chỉ {co_mat} thành viên có mặt; kiểm tra lại số"
                   " phiếu hoặc Số thành viên có mặt ở ThongTin.", ds_pb[0], ds_pb[0].dong_tieu_de, 0)
        kp_pb = kiem_phieu(phieu, ung_vien, tong, co_mat)
        ma_pb = {dh for _, dh in ung_vien}
    if ds_kp:
        so_phieu: dict[tuple[str, str], int] = {}
        for b in ds_kp:
            for r, dong in b.dong:
                d = {}
                g.doc_dong(b, r, dong, d)
                if not d.get("ma") or d.get("danh_hieu") is None or d.get("dong_y") is None:
                    g.them("thieu_gia_tri", LOI, "Dòng KiemPhieu cần Mã, Danh hiệu và Số phiếu đồng ý.", b, r, 0)
                    continue
                uv = doc_ung_vien(f"{d['ma']} - {d['danh_hieu'].ma}", b, r, o_cot(b, "ma"))
                if not uv:
                    continue
                if uv[1] in ma_pb:
                    g.them("phieu_hai_nguon", LOI, f"{d['danh_hieu'].viet_tat} có cả ở PhieuBau và KiemPhieu; chỉ dùng "
                           "một cách kiểm phiếu cho mỗi danh hiệu.", b, r, o_cot(b, "danh_hieu"))
                    continue
                if not 0 <= d["dong_y"] <= co_mat:
                    g.them("gia_tri_khong_hop_le", LOI, f"Số phiếu đồng ý {d['dong_y']} phải từ 0 đến số thành viên có "
                           f"mặt ({co_mat}).", b, r, o_cot(b, "dong_y"))
                    continue
                so_phieu[uv] = d["dong_y"]
        kp_tay = kiem_phieu_tay(so_phieu, tong, co_mat, tt.so_phieu_hop_le)
        if kp_pb is None:
            return kp_tay
        kp_pb.dong_y.update(kp_tay.dong_y)
    return kp_pb
