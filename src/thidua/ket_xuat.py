"""Results in the shapes SPEC §4 promises (``kiem-phieu``, ``xet``) and the summaries the faces print.
The CLI, the Excel functions, the documents and the batch all format through here: the Vietnamese sentences of
a decision (``ly_do``) are rendered here from its data (criteria, vote, quota cut, outcome, money) — no face
reads them back."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from fractions import Fraction
from typing import Any

from .binh_xet import du_so_nguoi, ket_qua_phieu
from .danh_muc import DANH_HIEU, MucDo
from .mo_hinh import CaNhan, DuLieu
from .tham_so import BoThamSo, bo_tham_so_mac_dinh, hien_thi_gia_tri
from .tieu_chuan import KetQuaTieuChi, TieuChi
from .xet import KetQua, KetQuaXet, TrangThaiPhieu, diem_chu, mo_ta_chi_tieu, thong_bao_hoa

NOI_QUYET_DINH = {"tinh": "Chủ tịch UBND tỉnh", "thu_tuong": "Thủ tướng Chính phủ (qua UBND tỉnh)"}


def dong_du_dieu_kien(k: KetQua) -> str:
    """The eligibility sentence: "Đủ tiêu chuẩn: …" with the criteria met, or "Không đủ điều kiện: …" with
    every criterion failed."""
    if k.du_dieu_kien:
        dat = [t.noi_dung for t in k.tieu_chi if t.ket_qua == KetQuaTieuChi.DAT]
        return "Đủ tiêu chuẩn: " + "; ".join(dat) if dat else "Đủ tiêu chuẩn"
    return "Không đủ điều kiện: " + "; ".join(tieu_chi_khong_dat(k))


def tieu_chi_khong_dat(k: KetQua) -> list[str]:
    return [t.noi_dung for t in k.tieu_chi if t.ket_qua == KetQuaTieuChi.KHONG_DAT]


def thanh_tich(k: KetQua) -> str:
    """The achievement a document quotes: the criteria met."""
    return "; ".join(t.noi_dung for t in k.tieu_chi if t.ket_qua == KetQuaTieuChi.DAT) or "Đủ tiêu chuẩn"


def quyet_hoa(k: KetQua) -> str:
    """The council's recorded resolution of this candidate's tie ("Hội đồng chọn: lý do"), or ""."""
    n = k.nguoi_hoa
    if n is None or n.chon is None or k.can_hoi_dong:
        return ""
    return f"Hội đồng {'chọn' if n.chon else 'không chọn'}" + (f": {n.ly_do}" if n.ly_do else "")


def mo_ta_chi_tieu_cua(k: KetQua) -> str:
    return mo_ta_chi_tieu(k.chi_tieu) if k.chi_tieu else ""


def cau_hoa(k: KetQua) -> str:
    """The council's notice for this candidate's open tie at a quota's cut, or ""."""
    c = k.chi_tieu
    if c is None or c.hoa is None or not k.can_hoi_dong:
        return ""
    return thong_bao_hoa(k.danh_hieu, c)


def ly_do(k: KetQua) -> list[str]:
    """The reasons of a decision, in order: eligibility, vote, quota, conclusion, assumptions, quy chế, money."""
    dong = [dong_du_dieu_kien(k)]
    if k.chi_mot_dong:
        if k.thieu_so_theo_doi:
            dong.append("Chỉ xét trên dòng này, chưa có sổ theo dõi các năm trước (dùng thidua xet cho đủ)")
        return dong
    du, tp, vt = k.du_dieu_kien, k.trang_thai_phieu, k.danh_hieu.viet_tat
    if tp == TrangThaiPhieu.CHUA_CO and du:
        dong.append("Chưa có kết quả bỏ phiếu của Hội đồng (sheet PhieuBau hoặc KiemPhieu)")
    elif tp == TrangThaiPhieu.THIEU and du:
        dong.append("Không có trong phiếu bầu: chưa được Hội đồng bỏ phiếu")
    elif tp == TrangThaiPhieu.KHONG_DU_SO_NGUOI and k.phieu is not None:
        dong.append(k.phieu.mo_ta())
    elif tp == TrangThaiPhieu.CO and du and k.phieu is not None:
        dong.append(k.phieu.mo_ta())
    c = k.chi_tieu
    if c is not None:
        if c.hoa is not None and k.can_hoi_dong:
            dong.append(f"Xếp hạng {c.xep_hang}/{c.so_ung_vien}. {cau_hoa(k)}")
        elif c.hoa is not None:
            dong.append(f"Xếp hạng {c.xep_hang}/{c.so_ung_vien} ({diem_chu(c)}), bằng nhau tại điểm cắt "
                        f"({mo_ta_chi_tieu(c)}, còn {c.hoa.con_lai} chỗ cho {len(c.hoa.nguoi)} người); "
                        f"{quyet_hoa(k)} (sheet HoiDongQuyet)")
        elif c.khoi is not None:  # "dẫn đầu Khối chi cục theo điểm thi đua", or not
            dong.append(f"Xếp hạng {c.xep_hang}/{c.so_ung_vien} ({diem_chu(c)}), "
                        f"{'' if c.trong else 'không '}{mo_ta_chi_tieu(c)}")
        else:
            dong.append(f"Xếp hạng {c.xep_hang}/{c.so_ung_vien} ({diem_chu(c)}), {'trong' if c.trong else 'ngoài'} "
                        f"{mo_ta_chi_tieu(c)}")
    if k.dat:
        if k.so_quyet_dinh:
            dong.append(f"Kết luận: đạt {vt}, Giám đốc Sở quyết định")
        else:
            dong.append(f"Kết luận: đề nghị {NOI_QUYET_DINH.get(k.cap_quyet_dinh, k.cap_quyet_dinh)} xét tặng {vt}")
    elif du and not k.can_hoi_dong:
        dong.append(f"Kết luận: không đạt {vt}")
    if k.gia_dinh:
        dong.append("Coi như đạt (dữ liệu không kiểm tra được): " + "; ".join(k.gia_dinh))
    if k.theo_quy_che:
        dong.append("Theo quy chế (chưa được luật xác nhận hoặc do cơ quan quy định): " + "; ".join(k.theo_quy_che))
    if k.khong_chi_vi is not None:  # the same-period rule's sentence, as xet._chi_tien wrote it for the money
        dong.append(k.giai_thich_tien)
    return dong


def _json(v: object) -> object:
    if v is None or isinstance(v, bool | int | float | str):
        return v
    if isinstance(v, Fraction):
        return float(v)
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, MucDo):
        return v.ma
    if isinstance(v, tuple | list):
        return [_json(x) for x in v]
    return str(v)


def tieu_chi_json(t: TieuChi) -> dict[str, Any]:
    return {"noi_dung": t.noi_dung, "ket_qua": t.ket_qua.value, "du_kien": {k: _json(v) for k, v in t.du_kien},
            "can_cu": t.can_cu, "theo_quy_che": t.theo_quy_che, "con": [tieu_chi_json(c) for c in t.con]}


def ket_qua_json(k: KetQua) -> dict[str, Any]:
    """SPEC §4 ``KQ``: ``ly_do`` a list of Vietnamese sentences, ``can_cu`` a list of citations; added keys carry
    the data they are rendered from (``ket_luan``, ``tieu_chi``)."""
    return {
        "danh_hieu": k.danh_hieu.ma,
        "ten_danh_hieu": k.danh_hieu.ten,
        "du_dieu_kien": k.du_dieu_kien,
        "dat": k.dat,
        "ly_do": ly_do(k),
        "can_cu": k.can_cu,
        "phieu": k.phieu.as_dict() if k.phieu else None,
        "tien_thuong": k.tien_thuong,
        "gia_dinh": k.gia_dinh,
        "theo_quy_che": k.theo_quy_che,
        "can_hoi_dong_quyet_dinh": k.can_hoi_dong,
        "xep_hang": k.xep_hang,
        "ngoai_chi_tieu": k.ngoai_chi_tieu,
        "hoa_tai_diem_cat": k.hoa_tai_diem_cat,
        "hoi_dong_quyet": quyet_hoa(k) or None,
        "cap_quyet_dinh": k.cap_quyet_dinh,
        "ket_luan": k.ket_luan.value,
        "tieu_chi": [tieu_chi_json(t) for t in k.tieu_chi],
    }


def ket_qua_xet_json(kq: KetQuaXet) -> dict[str, Any]:
    """SPEC §4 ``xet --json``."""
    ten_don_vi = {t.ma: t.ten for t in kq.du_lieu.tap_the}
    return {
        "nam": kq.nam,
        "ngay_quyet_dinh": kq.ngay_quyet_dinh.isoformat(),
        "ca_nhan": [{"ma": c.ma, "ho_ten": c.ho_ten, "don_vi": ten_don_vi.get(c.don_vi, c.don_vi),
                     "ma_don_vi": c.don_vi, "ket_qua": [ket_qua_json(k) for k in ks]} for c, ks in kq.ca_nhan],
        "tap_the": [{"ma": t.ma, "ten": t.ten, "ket_qua": [ket_qua_json(k) for k in ks]} for t, ks in kq.tap_the],
    }


def bang_kiem_phieu(du_lieu: DuLieu, bo: BoThamSo | None = None, ket_qua: KetQuaXet | None = None) -> dict[str, Any]:
    """SPEC §4 ``kiem-phieu``: ballots issued/collected/valid/void (and written opinions), then per candidate, in
    ballot order, the vote result ``binh_xet.ket_qua_phieu`` made — agreeing votes (of which written) against the
    denominator and threshold, the quorum. With the decision (``ket_qua``) each row also carries its rank, a tie at
    a quota cut, the council's resolution and "ngoài chỉ tiêu". This only formats."""
    if ket_qua is not None and bo is None and du_lieu is ket_qua.du_lieu:  # the round's table: built once
        if "bang_kiem_phieu" not in ket_qua.da_tinh:
            ket_qua.da_tinh["bang_kiem_phieu"] = _bang_kiem_phieu(du_lieu, None, ket_qua)
        return ket_qua.da_tinh["bang_kiem_phieu"]
    return _bang_kiem_phieu(du_lieu, bo, ket_qua)


def _bang_kiem_phieu(du_lieu: DuLieu, bo: BoThamSo | None, ket_qua: KetQuaXet | None) -> dict[str, Any]:
    bo = bo or bo_tham_so_mac_dinh()
    kp = du_lieu.kiem_phieu
    if kp is None:
        return {"so_phieu": None, "ung_vien": [], "phieu_khong_hop_le": [], "du_so_nguoi": None}
    ts = ket_qua.ts if ket_qua is not None else bo.tai_ngay(du_lieu.thong_tin.ngay_quyet_dinh, du_lieu.quy_che)
    ten = {c.ma: c.ho_ten for c in du_lieu.ca_nhan} | {t.ma: t.ten for t in du_lieu.tap_the}
    ten_dv = {t.ma: t.ten for t in du_lieu.tap_the}
    don_vi = {c.ma: ten_dv.get(c.don_vi, c.don_vi) for c in du_lieu.ca_nhan}
    quyet: dict[tuple[str, str], Any] = {}
    if ket_qua is not None:
        quyet = {(d.ma, k.danh_hieu.ma): k for d, k in ket_qua.tat_ca()}
    ung_vien = []
    for uv in kp.dong_y:
        ma, ma_dh = uv
        p = ket_qua_phieu(kp, uv, ts)
        assert p is not None
        k = quyet.get(uv)
        ung_vien.append({
            "ma": ma, "ten": ten.get(ma, ""), "don_vi": don_vi.get(ma, ""), "danh_hieu": ma_dh, "dong_y": p.dong_y,
            "van_ban": p.van_ban, "mau_so": p.mau_so, "ty_le": round(float(p.ty_le), 4),
            "nguong": round(float(p.nguong), 4), "can_cu_nguong": p.ghi_chu_nguong.strip("()"), "dat": p.dat,
            "dat_nguong": p.dat_nguong, "du_so_nguoi": p.du_so_nguoi, "so_phieu_can": p.so_phieu_can,
            "mo_ta": p.mo_ta(),
            "xep_hang": k.xep_hang if k else None,
            "ngoai_chi_tieu": bool(k and k.ngoai_chi_tieu and p.dat and not k.can_hoi_dong),
            "hoa_tai_diem_cat": bool(k and k.hoa_tai_diem_cat),
            "cho_hoi_dong": bool(k and k.can_hoi_dong),
            "hoi_dong_quyet": quyet_hoa(k) if k else "",
            "mo_ta_chi_tieu": mo_ta_chi_tieu_cua(k) if k else "",
            "dat_cuoi_cung": k.dat if k else None,
            "du_dieu_kien": k.du_dieu_kien if k else None,
            "khong_du_vi": tieu_chi_khong_dat(k) if k and not k.du_dieu_kien else [],
        })
    co_du = du_so_nguoi(kp, ts("binh_xet.ty_le_co_mat_toi_thieu"))
    return {
        "so_phieu": kp.so_phieu(),
        "tong_thanh_vien": kp.tong_thanh_vien, "co_mat": kp.co_mat, "du_so_nguoi": co_du,
        "toi_thieu_co_mat": hien_thi_gia_tri(ts("binh_xet.ty_le_co_mat_toi_thieu")),
        "cach_kiem": kp.kieu,
        "phieu_khong_hop_le": [{"so_phieu": p.so_phieu, "ly_do": p.ly_do, "o": p.o} for p in kp.phieu_khong_hop_le],
        "ung_vien": ung_vien,
    }


CAP_QUYET_DINH_SO = "Sở quyết định, Sở chi"
CAP_QUYET_DINH_TREN = "Đề nghị cấp trên (chưa chi)"


KHONG_DU_TIEU_CHUAN = "Đạt tỷ lệ phiếu; không đủ tiêu chuẩn"


def ket_luan_phieu(u: dict[str, Any]) -> str:
    """The one-word verdict of a row of ``bang_kiem_phieu``, the same on every face. With the decision, a candidate
    who passed the vote threshold but fails a criterion reads "Đạt tỷ lệ phiếu; không đủ tiêu chuẩn" (the failed
    criteria are the row's ``khong_du_vi``), never "Đạt"."""
    if not u["du_so_nguoi"]:
        return "Không có giá trị (thiếu số thành viên có mặt)"
    if not u["dat_nguong"]:
        return "Không đạt"
    if u.get("du_dieu_kien") is False:
        return KHONG_DU_TIEU_CHUAN
    if u["cho_hoi_dong"]:
        return "Bằng phiếu tại điểm cắt — chờ Hội đồng quyết định"
    if u["hoa_tai_diem_cat"]:
        return "Đạt (Hội đồng chọn)" if u["dat_cuoi_cung"] else "Hội đồng không chọn"
    if u["ngoai_chi_tieu"]:
        return "Đạt ngưỡng, ngoài chỉ tiêu"
    return "Đạt"


def tong_hop_theo_danh_hieu(kq: KetQuaXet) -> list[dict[str, Any]]:
    """Per code: proposed, eligible, passed (final), money. Counted once per decided round (``tong-ket`` prints it
    in ket-qua.xlsx, the manifest and its closing summary: 0.05 s each at 20,000 staff); each call gets its own
    dicts."""
    if "tong_hop_theo_danh_hieu" not in kq.da_tinh:
        kq.da_tinh["tong_hop_theo_danh_hieu"] = _tong_hop_theo_danh_hieu(kq)
    return [dict(d) for d in kq.da_tinh["tong_hop_theo_danh_hieu"]]


def _tong_hop_theo_danh_hieu(kq: KetQuaXet) -> list[dict[str, Any]]:
    dem: dict[str, Counter] = defaultdict(Counter)
    for _, k in kq.tat_ca():
        c = dem[k.danh_hieu.ma]
        c["de_nghi"] += 1
        c["du_dieu_kien"] += k.du_dieu_kien
        c["dat"] += k.dat
        c["tien"] += k.tien_thuong or 0
        c["can_hoi_dong"] += k.can_hoi_dong
        c["so"] = k.so_quyet_dinh
    return [{"danh_hieu": m, "ten": DANH_HIEU[m].viet_tat, **{k: v for k, v in dem[m].items() if k != "so"},
             "cap_quyet_dinh": CAP_QUYET_DINH_SO if dem[m]["so"] else CAP_QUYET_DINH_TREN}
            for m in DANH_HIEU if m in dem]


def tong_hop_theo_don_vi(kq: KetQuaXet) -> list[dict[str, Any]]:
    """Per unit and code: how many passed (individuals of the unit and the unit itself); money the Sở pays
    (``so_chi``) and money of the proposals upward (``de_nghi``, not paid by the Sở) kept apart."""
    ten = {t.ma: t.ten for t in kq.du_lieu.tap_the}
    dem: dict[str, Counter] = defaultdict(Counter)
    for dt_, k in kq.tat_ca():
        ma_dv = dt_.don_vi if isinstance(dt_, CaNhan) else dt_.ma
        if k.dat:
            dem[ma_dv][k.danh_hieu.ma] += 1
            dem[ma_dv]["so_chi" if k.so_quyet_dinh else "de_nghi"] += k.tien_thuong or 0
    return [{"ma": ma, "ten": ten.get(ma, ma), **dem[ma]} for ma in ten if ma in dem]



def viec_cho_hoi_dong(kq: KetQuaXet) -> list[str]:
    """What the round still waits for from the council: per code, the candidates tied at a quota cut with no
    recorded resolution (their documents are drafts). Empty when nothing is pending."""
    cho: dict[str, list[str]] = defaultdict(list)
    for d, k in kq.can_hoi_dong():
        cho[k.danh_hieu.ma].append(f"{d.ho_ten if isinstance(d, CaNhan) else d.ten} ({d.ma})")
    return [f"{DANH_HIEU[m].viet_tat}: {len(ds)} người bằng phiếu tại điểm cắt chờ Hội đồng quyết định ("
            + ", ".join(ds) + f"); văn bản về {DANH_HIEU[m].viet_tat} là DỰ THẢO cho đến khi ghi quyết định vào sheet "
            "HoiDongQuyet (tạo các dòng cần điền: thidua tao-phieu … -o THU_MUC --hoi-dong-quyet)."
            for m, ds in cho.items()]
