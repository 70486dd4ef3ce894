"""The council in the workbooks: its members (HoiDong), its ballots (PhieuBau, with written opinions, or KiemPhieu
counted by hand) and its resolution of ties (HoiDongQuyet) — candidate columns, marks, void ballots, and every bad
input named by its cell.

Before the vote a master workbook holds PhieuBau/KiemPhieu/HoiDongQuyet empty (or not at all): that is a state of
the year, not an error (issue #10)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .binh_xet import BANG_VAN_BAN, KetQuaKiemPhieu, PhieuBau, doc_dau, doc_hinh_thuc, kiem_phieu, kiem_phieu_tay
from .danh_muc import DanhHieu, doc_danh_hieu
from .doc_bang import BangTho, ten_cot
from .doc_o import BoGom, nguon_dong, o_cot
from .loi import CANH_BAO, LOI, GiaTriKhongHopLe
from .mo_hinh import CaNhan, QuyetDinhHoiDong, TapThe, ThanhVienHoiDong, ThongTin
from .tieng_viet import chuan_hoa, khoa_so_khop

_COT_UNG_VIEN = re.compile(r"^(.*?)\s*[-–—]\s*([^-–—]+)$")


VAI_TRO = ("Chủ tịch", "Phó Chủ tịch", "Ủy viên", "Ủy viên thư ký")
CO_MAT = ("Có", "Không", "Văn bản")
BAN_KIEM_PHIEU = ("Trưởng ban", "Thành viên")


def _chon(v: object, ds: tuple[str, ...], bi_danh: dict[str, str] | None = None) -> str | None:
    """A value of a closed list, matched without case or diacritics; "" for blank; None when not in the list."""
    k = khoa_so_khop(v)
    if not k:
        return ""
    for x in ds:
        if k == khoa_so_khop(x):
            return x
    return (bi_danh or {}).get(k)


def doc_hoi_dong(ds: list[BangTho], g: BoGom) -> list[ThanhVienHoiDong]:
    """The HoiDong sheet: one member a row. Values of Vai trò, Có mặt, Ban kiểm phiếu come from closed lists."""
    ket_qua: list[ThanhVienHoiDong] = []
    truong_ban: list[str] = []
    for b in ds:
        for r, dong in b.dong:
            d: dict[str, Any] = {}
            g.doc_dong(b, r, dong, d)
            ten = d.get("ho_ten") or ""
            if not ten:
                g.them("thieu_gia_tri", LOI, "Dòng HoiDong thiếu Họ và tên.", b, r, o_cot(b, "ho_ten"), "Họ và tên")
                continue
            vai_tro = _chon(d.get("vai_tro"), VAI_TRO, {"uyvienthuky": "Ủy viên thư ký", "thuky": "Ủy viên thư ký",
                                                       "phochutich": "Phó Chủ tịch", "chutich": "Chủ tịch"})
            if vai_tro is None:
                g.them("gia_tri_khong_hop_le", LOI, f"Vai trò '{d.get('vai_tro')}' của {ten} không hợp lệ; chọn "
                       + ", ".join(VAI_TRO) + ".", b, r, o_cot(b, "vai_tro"), "Vai trò")
                vai_tro = ""
            co_mat = _chon(d.get("co_mat"), CO_MAT, {"vang": "Không", "vangmat": "Không", "bangvanban": "Văn bản",
                                                     "ykienbangvanban": "Văn bản", "x": "Có"})
            if co_mat is None or co_mat == "":
                g.them("gia_tri_khong_hop_le", LOI, f"Có mặt của {ten}: ghi Có (dự họp), Không (vắng) hoặc Văn bản "
                       "(vắng, gửi ý kiến bằng văn bản).", b, r, o_cot(b, "co_mat"), "Có mặt")
                co_mat = "Không"
            ban = _chon(d.get("ban_kiem_phieu"), BAN_KIEM_PHIEU, {"truongban": "Trưởng ban", "uyvien": "Thành viên"})
            if ban is None:
                g.them("gia_tri_khong_hop_le", LOI, f"Ban kiểm phiếu của {ten}: ghi Trưởng ban, Thành viên hoặc để "
                       "trống.", b, r, o_cot(b, "ban_kiem_phieu"), "Ban kiểm phiếu")
                ban = ""
            if ban and co_mat != "Có":
                g.them("ban_kiem_phieu_vang", CANH_BAO, f"{ten} ở Ban kiểm phiếu nhưng không dự họp (Có mặt: {co_mat})"
                       "; Ban kiểm phiếu gồm người có mặt.", b, r, o_cot(b, "ban_kiem_phieu"), "Ban kiểm phiếu")
            if ban == "Trưởng ban":
                truong_ban.append(ten)
            ket_qua.append(ThanhVienHoiDong(ten, d.get("chuc_vu") or "", vai_tro or "Ủy viên", co_mat, ban,
                                            nguon_dong(b, r)))
    if len(truong_ban) > 1:
        g.them("hai_truong_ban", LOI, "Ban kiểm phiếu có nhiều Trưởng ban (" + ", ".join(truong_ban) + "); chỉ ghi "
               "một người.", ds[0], ds[0].dong_tieu_de, o_cot(ds[0], "ban_kiem_phieu"))
    if ket_qua and sum(1 for t in ket_qua if t.vai_tro == "Chủ tịch") != 1:
        g.them("chu_tich_hoi_dong", CANH_BAO, "Sheet HoiDong cần đúng một Chủ tịch Hội đồng (cột Vai trò).", ds[0],
               ds[0].dong_tieu_de, o_cot(ds[0], "vai_tro"))
    return ket_qua


def so_lieu_hoi_dong(hoi_dong: list[ThanhVienHoiDong]) -> tuple[int, int, int]:
    """(members, present at the meeting, absent voting in writing) from HoiDong."""
    return (len(hoi_dong), sum(1 for t in hoi_dong if t.co_mat == "Có"),
            sum(1 for t in hoi_dong if t.co_mat == "Văn bản"))


def doi_chieu_hoi_dong(tt: ThongTin, hoi_dong: list[ThanhVienHoiDong], g: BoGom,
                       ds_tt: list[BangTho]) -> ThongTin:
    """HoiDong, when present, gives the member count and attendance; ThongTin's two counts stay as the fallback,
    and a disagreement between them is an error naming both."""
    if not hoi_dong:
        return tt
    tong, co_mat, _ = so_lieu_hoi_dong(hoi_dong)
    b = ds_tt[0] if ds_tt else None
    for khoa, ten, gia_tri in (("so_thanh_vien", "Số thành viên Hội đồng", tong),
                               ("so_co_mat", "Số thành viên có mặt", co_mat)):
        ghi = getattr(tt, khoa)
        if ghi is not None and ghi != gia_tri:
            r, c = _vi_tri_khoa(b, ten) if b is not None else (None, None)
            g.them("hoi_dong_lech", LOI, f"ThongTin ghi '{ten}' = {ghi} nhưng sheet HoiDong có {gia_tri} "
                   f"({'thành viên' if khoa == 'so_thanh_vien' else 'người Có mặt = Có'}); sửa cho khớp hoặc xóa "
                   "dòng này ở ThongTin (HoiDong được dùng).", b, r, c, ten)
    return dataclasses.replace(tt, so_thanh_vien=tong, so_co_mat=co_mat)


def _vi_tri_khoa(b: BangTho, ten: str) -> tuple[int | None, int | None]:
    for r, dong in b.dong:
        for c, x in enumerate(dong):
            if khoa_so_khop(x) == khoa_so_khop(ten):
                return r, c + 1
    return None, None


def doc_hoi_dong_quyet(ds: list[BangTho], g: BoGom, ca_nhan: list[CaNhan],
                       tap_the: list[TapThe]) -> dict[tuple[str, str], QuyetDinhHoiDong]:
    """HoiDongQuyet: the council's resolution of ties at a quota cut. A row whose 'Hội đồng chọn' is blank is a
    row still to fill (``tao-phieu --hoi-dong-quyet`` writes them), not an error."""
    de_nghi = {c.ma: c.de_nghi for c in ca_nhan} | {t.ma: t.de_nghi for t in tap_the}
    ket_qua: dict[tuple[str, str], QuyetDinhHoiDong] = {}
    for b in ds:
        for r, dong in b.dong:
            d: dict[str, Any] = {}
            g.doc_dong(b, r, dong, d)
            ma, dh = d.get("ma"), d.get("danh_hieu")
            if not ma or dh is None:
                if ma or dh is not None or d.get("chon") is not None:
                    g.them("thieu_gia_tri", LOI, "Dòng HoiDongQuyet cần Mã và Danh hiệu.", b, r, 0)
                continue
            if ma not in de_nghi:
                g.them("ung_vien_la", LOI, f"HoiDongQuyet ghi mã '{ma}' không có ở CaNhan hoặc TapThe.", b, r,
                       o_cot(b, "ma"), "Mã")
                continue
            if dh not in de_nghi[ma]:
                g.them("ung_vien_khong_de_nghi", LOI, f"HoiDongQuyet: {ma} không được đề nghị {dh.viet_tat}.", b, r,
                       o_cot(b, "danh_hieu"), "Danh hiệu")
                continue
            if (ma, dh.ma) in ket_qua:
                g.them("trung_ma", LOI, f"HoiDongQuyet có hai dòng cho {ma} – {dh.viet_tat}; giữ một dòng.", b, r,
                       o_cot(b, "ma"), "Mã")
                continue
            if d.get("chon") is None:
                continue  # still to fill
            ket_qua[(ma, dh.ma)] = QuyetDinhHoiDong(ma, dh, bool(d["chon"]), d.get("ly_do") or "", nguon_dong(b, r))
    return ket_qua


def _phieu_hai_tep(ds_pb: list[BangTho], g: BoGom) -> None:
    """Ballots in the PhieuBau sheets of two or more files: one vote entered twice (e.g. the demo's tong-hop.xlsx,
    which holds its ballots, given together with a phieu-bau.xlsx from tao-phieu). Counting both would double every
    vote, so nothing is counted and the officer is told which files to choose between."""
    ten = [Path(b.tep).name for b in ds_pb]
    if len(set(ten)) < len(ten):
        ten = [str(b.tep) for b in ds_pb]
    cac = [f"{t} ({len(b.dong)} dòng phiếu)" for t, b in zip(ten, ds_pb, strict=True)]
    g.them("phieu_hai_tep", LOI, f"Sheet PhieuBau có phiếu ở {len(ds_pb)} tệp: {' và '.join(cac)}. Một cuộc bỏ phiếu "
           "chỉ nhập ở một tệp, đếm cả hai là đếm mỗi phiếu hai lần: giữ một tệp (bỏ tệp kia khỏi lệnh, hoặc xóa các "
           "dòng phiếu ở sheet PhieuBau của tệp kia) rồi chạy lại.", ds_pb[1], ds_pb[1].dong[0][0], 0)


def doc_phieu(ds_pb: list[BangTho], ds_kp: list[BangTho], g: BoGom, tt: ThongTin, ca_nhan: list[CaNhan],
              tap_the: list[TapThe], ts: Any, hoi_dong: list[ThanhVienHoiDong] | None = None) -> KetQuaKiemPhieu | None:
    """The ballots, or None before the vote (sheets absent or without a ballot row)."""
    ds_pb = [b for b in ds_pb if b.dong]
    ds_kp = [b for b in ds_kp if b.dong]
    if not ds_pb and not ds_kp:
        return None
    if len({b.tep for b in ds_pb}) > 1:
        _phieu_hai_tep(ds_pb, g)
        return None
    de_nghi: dict[str, tuple[DanhHieu, ...]] = {c.ma: c.de_nghi for c in ca_nhan} | {t.ma: t.de_nghi for t in tap_the}
    can_phieu: Callable[[DanhHieu], bool] = (lambda d: bool(ts(f"binh_xet.bo_phieu.{d.ma}"))) if ts else (lambda d: True)
    thieu = False
    for khoa, ten in (("so_thanh_vien", "Số thành viên Hội đồng"), ("so_co_mat", "Số thành viên có mặt")):
        if getattr(tt, khoa) is None:
            g.them("thieu_gia_tri", LOI, f"Có phiếu bầu nhưng ThongTin thiếu '{ten}' (hoặc điền sheet HoiDong).", None)
            thieu = True
    if thieu or (tt.so_co_mat or 0) > (tt.so_thanh_vien or 0):
        return None
    tong, co_mat = tt.so_thanh_vien or 0, tt.so_co_mat or 0
    so_vb_hoi_dong = so_lieu_hoi_dong(hoi_dong)[2] if hoi_dong else None
    ten_uv = {c.ma: c.ho_ten for c in ca_nhan} | {t.ma: t.ten for t in tap_the}
    # a CaNhan/TapThe sheet renamed or without its code column: its people are not read, and their ballot columns
    # would each say "mã … không có" (a newcomer's second review)
    danh_sach_hong = any(v.muc_do == LOI and (v.ma_loi == "sheet_ten_la" or (v.ma_loi == "thieu_cot" and v.cot in
                                              ("Mã CB", "Mã đơn vị"))) for v in g.van_de)

    def doc_ung_vien(tieu_de: str, b: BangTho, r: int, c: int) -> tuple[str, str] | None:
        s = chuan_hoa(tieu_de)
        ma, dh = s, None
        m = _COT_UNG_VIEN.match(s)
        if m and m.group(1).strip() in de_nghi:
            try:
                ma, dh = m.group(1).strip(), doc_danh_hieu(m.group(2))
            except GiaTriKhongHopLe as e:  # the code is right, the title mistyped: say which (a newcomer's review)
                g.them("ung_vien_la", LOI, f"Cột '{tieu_de}': mã {m.group(1).strip()} có ở CaNhan/TapThe nhưng phần "
                       f"danh hiệu sai — {e.thong_bao}", b, r, c)
                return None
        if ma not in de_nghi:
            if not danh_sach_hong:  # else the list itself is what to fix (its error is said): not every column
                g.them("ung_vien_la", LOI, f"Cột '{tieu_de}' ghi mã '{ma}' không có ở CaNhan hoặc TapThe; tiêu đề cột "
                       "ghi 'Mã' hoặc 'Mã - Danh hiệu', ví dụ '00123 - CSTĐCS'.", b, r, c)
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
        if not can_phieu(dh):  # its marks would be dropped without a word (a newcomer's review)
            g.them("khong_can_phieu", CANH_BAO, f"Cột '{tieu_de}': {dh.viet_tat} không phải bỏ phiếu (theo luật và quy "
                   "chế đang áp dụng) nên các đánh dấu ở cột này không được tính; bỏ cột này khỏi phiếu bầu.", b, r, c)
            return None
        return (ma, dh.ma)

    kp_pb: KetQuaKiemPhieu | None = None
    ma_pb: set[str] = set()
    if ds_pb:
        phieu: list[PhieuBau] = []
        ung_vien: list[tuple[str, str]] = []
        da_co_uv: set[tuple[str, str]] = set()  # ung_vien as a set: a look-up per column, not a scan
        so_da_thay: dict[str, str] = {}
        vi_tri: dict[int, tuple[BangTho, int]] = {}  # a ballot's table and row
        for b in ds_pb:
            cot_uv: dict[int, tuple[str, str]] = {}
            for c, td in b.cot_khac.items():
                uv = doc_ung_vien(td, b, b.dong_tieu_de, c)
                if uv:
                    cot_uv[c] = uv
                    if uv not in da_co_uv:
                        da_co_uv.add(uv)
                        ung_vien.append(uv)
            chu_cot = {c: ten_cot(c + 1) for c in cot_uv}  # the letters of each candidate's column, once
            cot_dau: dict[tuple[str, str], int] = {}  # a candidate's first column
            for c, uv in cot_uv.items():
                cot_dau.setdefault(uv, c)
            for r, dong in b.dong:
                d: dict[str, Any] = {}
                g.doc_dong(b, r, dong, d)
                so = str(d.get("so_phieu") or f"{Path(b.tep).stem}:{r + 1}")
                if so in so_da_thay:
                    g.them("trung_so_phieu", CANH_BAO, f"Số phiếu {so} trùng với phiếu ở {so_da_thay[so]}: phiếu sau "
                           "không hợp lệ.", b, r, o_cot(b, "so_phieu"), "Phiếu số")
                so_da_thay.setdefault(so, f"{Path(b.tep).name}, sheet {b.ten_sheet}, ô {b.o(r, o_cot(b, 'so_phieu'))}")
                danh_dau = {uv: (dong[c] if c < len(dong) else "") for c, uv in cot_uv.items()}
                try:
                    hinh_thuc = doc_hinh_thuc(d.get("hinh_thuc"))
                except ValueError as e:
                    g.them("gia_tri_khong_hop_le", LOI, f"Hình thức '{d.get('hinh_thuc')}' của phiếu {so}: {e}.", b, r,
                           o_cot(b, "hinh_thuc"), "Hình thức")
                    hinh_thuc = doc_hinh_thuc("")
                hang = str(r + 1)
                o = {uv: chu_cot[c] + hang for c, uv in cot_uv.items()}  # = b.o(r, c)
                for uv, v in danh_dau.items():
                    if doc_dau(v) is None:
                        g.them("dau_khong_doc_duoc", CANH_BAO, f"Phiếu {so}: đánh dấu '{v}' không đọc được nên cả phiếu "
                               "không hợp lệ (đồng ý: x, 1, ✓; không đồng ý: để trống, 0, -).", b, r, cot_dau[uv])
                phieu.append(PhieuBau(so, danh_dau, o, d.get("hop_le"), nguon_dong(b, r), hinh_thuc))
                vi_tri[id(phieu[-1])] = (b, r)
        if phieu and not any(p.hop_le_theo_ban_kiem_phieu is not None or any(doc_dau(v) is not False
                                                                               for v in p.danh_dau.values())
                             for p in phieu):
            # rows prepared by tao-phieu, no mark entered yet: the vote has not been entered (issue #10)
            g.them("phieu_chua_nhap", CANH_BAO, f"Sheet PhieuBau có {len(phieu)} dòng phiếu nhưng chưa có đánh dấu nào: "
                   "coi như chưa bỏ phiếu. Nhập đánh dấu (x) của từng phiếu rồi chạy lại.", ds_pb[0],
                   ds_pb[0].dong_tieu_de + 1, 0)
            phieu = []
        trong = [p for p in phieu if p.hop_le_theo_ban_kiem_phieu is None
                 and not any(doc_dau(v) is not False for v in p.danh_dau.values())]
        if trong:  # a ballot against everyone, or a row tao-phieu prepared that nobody filled: the officer tells
            b0, r0 = vi_tri[id(trong[0])]
            g.them("phieu_trong", CANH_BAO, f"{len(trong)} phiếu không có đánh dấu nào (phiếu số "
                   + ", ".join(p.so_phieu for p in trong[:10]) + (" …" if len(trong) > 10 else "")
                   + "): được tính là phiếu hợp lệ không đồng ý với ai. Nếu là phiếu chưa nhập, nhập đánh dấu (x); nếu "
                   "thành viên không đồng ý với ai thì để nguyên.", b0, r0, o_cot(b0, "so_phieu"), "Phiếu số")
        van_ban = sum(1 for p in phieu if p.hinh_thuc == BANG_VAN_BAN)
        tai_hop = len(phieu) - van_ban
        if tai_hop > co_mat:
            g.them("qua_nhieu_phieu", LOI, f"Có {tai_hop} phiếu nhưng chỉ {co_mat} thành viên có mặt (phiếu tại cuộc "
                   "họp); kiểm tra lại số phiếu, cột Hình thức (ý kiến bằng văn bản ghi 'Bằng văn bản') hoặc số thành viên có "
                   "mặt (ThongTin hoặc HoiDong).", ds_pb[0], ds_pb[0].dong_tieu_de, 0)
        gioi_han_vb = (tong - co_mat) if so_vb_hoi_dong is None else so_vb_hoi_dong
        if van_ban > gioi_han_vb:
            g.them("qua_nhieu_van_ban", LOI, f"Có {van_ban} ý kiến bằng văn bản nhưng chỉ {gioi_han_vb} thành viên vắng "
                   + ("gửi ý kiến bằng văn bản (HoiDong, Có mặt = Văn bản)" if so_vb_hoi_dong is not None
                      else "mặt") + "; kiểm tra lại cột Hình thức.", ds_pb[0], ds_pb[0].dong_tieu_de,
                   o_cot(ds_pb[0], "hinh_thuc"))
        if phieu:
            kp_pb = kiem_phieu(phieu, ung_vien, tong, co_mat, so_vb_hoi_dong, lambda uv: ten_uv.get(uv[0], uv[0]))
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
                toi_da = co_mat + (so_vb_hoi_dong or 0)
                if not 0 <= d["dong_y"] <= toi_da:
                    g.them("gia_tri_khong_hop_le", LOI, f"Số phiếu đồng ý {d['dong_y']} phải từ 0 đến số thành viên có "
                           f"mặt ({co_mat})" + (f" cộng {so_vb_hoi_dong} ý kiến bằng văn bản" if so_vb_hoi_dong else "")
                           + ".", b, r, o_cot(b, "dong_y"))
                    continue
                so_phieu[uv] = d["dong_y"]
        kp_tay = kiem_phieu_tay(so_phieu, tong, co_mat, tt.so_phieu_hop_le, so_vb_hoi_dong or 0)
        if not so_phieu and kp_pb is None:
            return None
        if kp_pb is None:
            return kp_tay
        kp_pb.dong_y.update(kp_tay.dong_y)
    return kp_pb
