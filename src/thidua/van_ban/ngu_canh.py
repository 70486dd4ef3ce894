"""One typed context builder per template. Templates never compute rules: every sentence, count and amount is
built here from the decided results (``KetQuaXet``) and the parameters in force."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any

from ..danh_muc import DANH_HIEU, DanhHieu
from ..ket_xuat import bang_kiem_phieu, thanh_tich
from ..mo_hinh import CaNhan, TapThe, ThongTin
from ..tham_so import TEN_LUA_CHON, ThamSoApDung, hien_thi_gia_tri
from ..tieng_viet import dinh_dang_ngay, dinh_dang_tien, dinh_dang_ty_le, doc_so_tien, khoa_sap_xep_ho_ten
from ..xet import KetQua, KetQuaXet

CHO_VIET = "[Phần do cán bộ thi đua viết: nêu đặc điểm, số liệu và đánh giá của đơn vị — xoá dòng này khi viết.]"


def _ten_co_quan(tt: ThongTin) -> str:
    """"SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG" → "Sở Nông nghiệp và Môi trường" (sentence case for running text)."""
    tu = tt.co_quan.lower().split()
    if not tu:
        return ""
    ket_qua = [tu[0].capitalize()]
    for i, t in enumerate(tu[1:], start=1):
        ket_qua.append(t.capitalize() if i == 1 or tu[i - 1] in ("và",) else t)
    return " ".join(ket_qua)


@dataclass
class DauVanBan:
    """The header block and signature shared by every document (Decree 30)."""

    co_quan_chu_quan: str
    co_quan: str
    ky_hieu_van_ban: str
    dia_danh_ngay: str
    ngay_chu: str
    chuc_danh_ky: list[str]
    nguoi_ky: str
    nguoi_ban_hanh: str
    noi_nhan: list[str] = field(default_factory=list)


def dau_van_ban(tt: ThongTin, loai: str, noi_nhan: list[str] | None = None) -> DauVanBan:
    chuc_vu = tt.chuc_vu_nguoi_ky.upper().strip() or "GIÁM ĐỐC"
    chuc_danh = ["KT. GIÁM ĐỐC", chuc_vu] if tt.ky_thay else [chuc_vu]
    return DauVanBan(tt.co_quan_chu_quan, tt.co_quan, f"{loai}-{tt.ky_hieu}",
                     dinh_dang_ngay(tt.ngay_quyet_dinh, tt.dia_danh), dinh_dang_ngay(tt.ngay_quyet_dinh), chuc_danh,
                     tt.nguoi_ky, f"Giám đốc {_ten_co_quan(tt)}", noi_nhan or [])


def _gop(*phan: Any) -> dict[str, Any]:
    d: dict[str, Any] = {}
    for p in phan:
        d.update(asdict(p) if hasattr(p, "__dataclass_fields__") else p)
    return d


def _ten(d: CaNhan | TapThe) -> str:
    return d.ho_ten if isinstance(d, CaNhan) else d.ten


def _ngay_hop(tt: ThongTin) -> dt.date:
    return tt.ngay_hop or tt.ngay_quyet_dinh


def _can_cu(ts: ThamSoApDung, tt: ThongTin) -> list[str]:
    return [*ts("van_ban.can_cu_quyet_dinh"),
            f"Căn cứ kết quả họp Hội đồng Thi đua – Khen thưởng {_ten_co_quan(tt)} {dinh_dang_ngay(_ngay_hop(tt))};"]


def _nhom_theo_don_vi(kq: KetQuaXet, muc: list[tuple[CaNhan | TapThe, KetQua]]) -> tuple[list[dict], int]:
    ten_dv = {t.ma: t.ten for t in kq.du_lieu.tap_the}
    thu_tu_dv = {t.ma: i for i, t in enumerate(kq.du_lieu.tap_the)}
    nhom: dict[str, list] = defaultdict(list)
    for d, k in muc:
        nhom[d.don_vi if isinstance(d, CaNhan) else ""].append((d, k))
    ds = []
    stt = 0
    for ma in sorted(nhom, key=lambda m: thu_tu_dv.get(m, -1)):
        dong = []
        for d, k in sorted(nhom[ma], key=lambda x: (-x[1].danh_hieu.thu_hang, khoa_sap_xep_ho_ten(_ten(x[0])))):
            stt += 1
            tien = "—" if k.tien_thuong == 0 else dinh_dang_tien(k.tien_thuong)
            dong.append({"stt": stt, "ten": _ten(d), "chuc_vu": getattr(d, "chuc_vu", ""),
                         "danh_hieu": k.danh_hieu.viet_tat, "so_tien": tien})
        ds.append({"ten": ten_dv.get(ma, "Tập thể") if ma else "Tập thể", "ds": dong})
    return ds, stt


def quyet_dinh(kq: KetQuaXet, loai: str) -> dict[str, Any]:
    """QĐ công nhận danh hiệu (LĐTT, CSTĐCS), QĐ công nhận TTLĐTT, QĐ tặng Giấy khen."""
    tt, ts = kq.du_lieu.thong_tin, kq.ts
    co_quan = _ten_co_quan(tt)
    ma = {"danh_hieu": ("CSTDCS", "LDTT"), "tap_the": ("TTLDTT",), "giay_khen": ("GK",)}[loai]
    muc = [(d, k) for d, k in kq.tat_ca() if k.dat and k.danh_hieu.ma in ma
           and (loai != "danh_hieu" or isinstance(d, CaNhan))]
    dem = Counter(k.danh_hieu.ma for _, k in muc)
    tong = sum(k.tien_thuong or 0 for _, k in muc)
    nhom, so = _nhom_theo_don_vi(kq, muc)
    van_ban_tien = ts("van_ban.can_cu_tien_thuong")[0]
    if loai == "danh_hieu":
        trich_yeu = f"Về việc công nhận danh hiệu thi đua năm {kq.nam}"
        dieu1 = (f"Công nhận danh hiệu thi đua năm {kq.nam} cho {so} lượt cá nhân thuộc {co_quan} (có danh sách kèm "
                 f"theo), gồm: {dem['CSTDCS']} danh hiệu \"Chiến sĩ thi đua cơ sở\" và {dem['LDTT']} danh hiệu "
                 "\"Lao động tiên tiến\".")
        tieu_de_ds = f"CÁ NHÂN ĐƯỢC CÔNG NHẬN DANH HIỆU THI ĐUA NĂM {kq.nam}"
        cot_ten = "Họ và tên"
    elif loai == "tap_the":
        trich_yeu = f"Về việc công nhận danh hiệu \"Tập thể lao động tiên tiến\" năm {kq.nam}"
        dieu1 = (f"Công nhận danh hiệu \"Tập thể lao động tiên tiến\" năm {kq.nam} cho {so} tập thể thuộc {co_quan} "
                 "(có danh sách kèm theo).")
        tieu_de_ds = f"TẬP THỂ ĐƯỢC CÔNG NHẬN DANH HIỆU \"TẬP THỂ LAO ĐỘNG TIÊN TIẾN\" NĂM {kq.nam}"
        cot_ten = "Tên tập thể"
    else:
        so_tt = sum(1 for d, _ in muc if isinstance(d, TapThe))
        trich_yeu = f"Về việc tặng Giấy khen năm {kq.nam}"
        dieu1 = (f"Tặng Giấy khen của Giám đốc {co_quan} cho {so_tt} tập thể và {so - so_tt} cá nhân (có danh sách "
                 f"kèm theo) đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm {kq.nam}.")
        tieu_de_ds = f"TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN NĂM {kq.nam}"
        cot_ten = "Tên tập thể, cá nhân"
    dieu2 = (f"Tiền thưởng kèm theo thực hiện theo {van_ban_tien}: tổng cộng {dinh_dang_tien(tong)} đồng "
             f"({doc_so_tien(tong)}), chi từ Quỹ thi đua, khen thưởng của {co_quan}.")
    if any(k.tien_thuong == 0 for _, k in muc):
        dieu2 += (" Cá nhân được công nhận nhiều danh hiệu tính trong cùng thời gian chỉ nhận tiền thưởng của danh "
                  "hiệu cao nhất (ghi \"—\" trong danh sách).")
    dieu3 = (f"Quyết định có hiệu lực kể từ ngày ký. Chánh Văn phòng Sở, Thủ trưởng các phòng, đơn vị thuộc Sở và "
             f"các {'cá nhân' if loai == 'danh_hieu' else 'tập thể' if loai == 'tap_the' else 'tập thể, cá nhân'} "
             "có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.")
    dau = dau_van_ban(tt, "QĐ", ["- Như Điều 3;", "- Ban Thi đua – Khen thưởng (Sở Nội vụ);", "- Lưu: VT, VP."])
    return _gop(dau, {
        "trich_yeu": trich_yeu, "tham_quyen": f"GIÁM ĐỐC {tt.co_quan}", "can_cu": _can_cu(ts, tt),
        "theo_de_nghi": f"Theo đề nghị của Chánh Văn phòng Sở (Thường trực Hội đồng Thi đua – Khen thưởng {co_quan}).",
        "dieu": [{"so": "Điều 1.", "noi_dung": dieu1}, {"so": "Điều 2.", "noi_dung": dieu2},
                 {"so": "Điều 3.", "noi_dung": dieu3}],
        "tieu_de_danh_sach": tieu_de_ds, "cot_ten": cot_ten, "nhom_danh_sach": nhom, "so_nguoi": f"{so} lượt",
        "tong_tien": dinh_dang_tien(tong), "tong_tien_chu": doc_so_tien(tong),
    })


def _phieu_chu(k: KetQua) -> str:
    return f"{k.phieu.dong_y}/{k.phieu.mau_so} ({dinh_dang_ty_le(float(k.phieu.ty_le))})" if k.phieu else ""


def _thanh_tich(k: KetQua) -> str:
    return thanh_tich(k)


def to_trinh(kq: KetQuaXet) -> dict[str, Any]:
    """Tờ trình to the Chủ tịch UBND tỉnh for the codes the province (or the Prime Minister) decides."""
    tt, ts = kq.du_lieu.thong_tin, kq.ts
    co_quan = _ten_co_quan(tt)
    ten_dv = {t.ma: t.ten for t in kq.du_lieu.tap_the}
    nhom = []
    tong = Counter()
    for dh in DANH_HIEU.values():
        muc = [(d, k) for d, k in kq.tat_ca() if k.dat and k.danh_hieu is dh and not k.so_quyet_dinh]
        if not muc:
            continue
        ds = []
        for i, (d, k) in enumerate(sorted(muc, key=lambda x: khoa_sap_xep_ho_ten(_ten(x[0]))), start=1):
            don_vi = f"{d.chuc_vu}, {ten_dv.get(d.don_vi, d.don_vi)}" if isinstance(d, CaNhan) else ""
            ds.append({"stt": i, "ten": _ten(d), "don_vi": don_vi, "thanh_tich": _thanh_tich(k), "phieu": _phieu_chu(k)})
            tong["ca_nhan" if isinstance(d, CaNhan) else "tap_the"] += 1
        ghi = " (để Chủ tịch UBND tỉnh trình Thủ tướng Chính phủ)" if muc[0][1].cap_quyet_dinh == "thu_tuong" else ""
        nhom.append({"tieu_de": f"{len(nhom) + 1}. {dh.ten} ({dh.viet_tat}): {len(ds)}{ghi}", "ds": ds})
    tinh = tt.dia_danh
    noi_dung = [
        f"Thực hiện công tác thi đua, khen thưởng năm {kq.nam}, trên cơ sở đề nghị của các đơn vị và kết quả bỏ phiếu "
        f"kín của Hội đồng Thi đua – Khen thưởng, {co_quan} kính trình Chủ tịch Ủy ban nhân dân tỉnh xem xét, tặng "
        f"danh hiệu thi đua và hình thức khen thưởng cho {tong['tap_the']} tập thể và {tong['ca_nhan']} cá nhân, cụ thể:",
    ] if nhom else [f"Năm {kq.nam}, {co_quan} không có tập thể, cá nhân đủ tiêu chuẩn đề nghị khen thưởng cấp tỉnh."]
    dau = dau_van_ban(tt, "TTr", ["- Như trên;", "- Sở Nội vụ (Ban Thi đua – Khen thưởng);", "- Lưu: VT, VP."])
    return _gop(dau, {
        "trich_yeu": f"Về việc đề nghị tặng danh hiệu thi đua, hình thức khen thưởng cấp tỉnh năm {kq.nam}",
        "kinh_gui": f"Chủ tịch Ủy ban nhân dân tỉnh {tinh} (qua Sở Nội vụ)",
        "can_cu": _can_cu(ts, tt), "noi_dung": noi_dung, "nhom_danh_sach": nhom,
        "ket_luan": ["(Có báo cáo thành tích, biên bản họp Hội đồng và biên bản kiểm phiếu kèm theo.)",
                     f"{co_quan} kính trình Chủ tịch Ủy ban nhân dân tỉnh xem xét, quyết định./."],
    })


def _da_bo_phieu(kq: KetQuaXet) -> list[tuple[CaNhan | TapThe, KetQua]]:
    return [(d, k) for d, k in kq.tat_ca() if k.phieu is not None]


def bien_ban_hop(kq: KetQuaXet) -> dict[str, Any]:
    tt = kq.du_lieu.thong_tin
    co_quan = _ten_co_quan(tt)
    kp = kq.du_lieu.kiem_phieu
    ten_dv = {t.ma: t.ten for t in kq.du_lieu.tap_the}
    tong_tv, co_mat = tt.so_thanh_vien or 0, tt.so_co_mat or 0
    mo_dau = [
        f"Vào hồi …… giờ …… {dinh_dang_ngay(_ngay_hop(tt))}, tại {tt.dia_diem_hop or '……'}, Hội đồng Thi đua – "
        f"Khen thưởng {co_quan} họp xét danh hiệu thi đua, hình thức khen thưởng năm {kq.nam}.",
        f"Chủ trì: {tt.chu_tri or '……'}.",
        f"Thư ký: {tt.thu_ky or '……'}.",
        f"Thành phần: {co_mat}/{tong_tv} thành viên Hội đồng có mặt.",
    ]
    dem = Counter((k.danh_hieu.viet_tat, k.dat) for _, k in kq.tat_ca())
    noi_dung = [
        "Thường trực Hội đồng báo cáo tổng hợp đề nghị của các đơn vị: "
        + "; ".join(f"{d.viet_tat}: {dem[(d.viet_tat, True)] + dem[(d.viet_tat, False)]} đề nghị" for d in DANH_HIEU.values()
                    if dem[(d.viet_tat, True)] + dem[(d.viet_tat, False)]) + ".",
        "Hội đồng đã thảo luận, đối chiếu tiêu chuẩn theo Luật Thi đua, khen thưởng và quy chế của cơ quan; bỏ phiếu kín "
        "đối với các danh hiệu, hình thức phải bỏ phiếu. Kết quả như sau:",
    ]
    if kp is None:
        noi_dung.append("(Chưa có kết quả bỏ phiếu.)")
    nhom = []
    for dh in DANH_HIEU.values():
        muc = [(d, k) for d, k in _da_bo_phieu(kq) if k.danh_hieu is dh]
        if not muc:
            continue
        ds = [{"stt": i, "ten": _ten(d), "don_vi": ten_dv.get(getattr(d, "don_vi", ""), ""),
               "dong_y": f"{k.phieu.dong_y}/{k.phieu.mau_so}", "ty_le": dinh_dang_ty_le(float(k.phieu.ty_le)),
               "ket_qua": "Đạt" if k.dat else ("Hội đồng quyết định" if k.can_hoi_dong else "Không đạt")}
              for i, (d, k) in enumerate(sorted(muc, key=lambda x: (-x[1].phieu.dong_y, khoa_sap_xep_ho_ten(_ten(x[0])))), 1)]
        nhom.append({"tieu_de": f"{dh.ten} ({dh.viet_tat}) — ngưỡng {hien_thi_gia_tri(muc[0][1].phieu.nguong)} "
                                f"{TEN_LUA_CHON.get(muc[0][1].phieu.loai_mau_so, '')}", "ds": ds})
    ket_luan = ["Kết luận: Hội đồng thống nhất đề nghị: " + "; ".join(
        f"{d.viet_tat}: {dem[(d.viet_tat, True)]}" for d in DANH_HIEU.values() if dem[(d.viet_tat, True)]) + "."]
    can = kq.can_hoi_dong()
    if can:
        ket_luan.append("Các trường hợp bằng phiếu tại điểm cắt chỉ tiêu, Hội đồng cần quyết định: "
                        + "; ".join(f"{_ten(d)} ({k.danh_hieu.viet_tat})" for d, k in can) + ".")
    ket_luan.append("Cuộc họp kết thúc vào hồi …… giờ …… cùng ngày. Biên bản đã được đọc lại và thông qua trước Hội đồng.")
    dau = dau_van_ban(tt, "BB")
    return _gop(dau, {"trich_yeu": f"Họp Hội đồng Thi đua – Khen thưởng xét khen thưởng năm {kq.nam}",
                      "mo_dau": mo_dau, "noi_dung": noi_dung, "nhom_ket_qua": nhom, "ket_luan": ket_luan,
                      "thu_ky": tt.thu_ky.split(",")[0],
                      "chu_tri": tt.chu_tri.split(",")[0]})


def bien_ban_kiem_phieu(kq: KetQuaXet) -> dict[str, Any]:
    tt = kq.du_lieu.thong_tin
    bang = bang_kiem_phieu(kq.du_lieu)
    sp = bang["so_phieu"] or {"phat_ra": 0, "thu_vao": 0, "hop_le": 0, "khong_hop_le": 0}
    ung_vien = [{"stt": i, "ten": u["ten"], "danh_hieu": DANH_HIEU[u["danh_hieu"]].viet_tat, "dong_y": u["dong_y"],
                 "mau_so": u["mau_so"], "ty_le": dinh_dang_ty_le(u["ty_le"]),
                 "nguong": dinh_dang_ty_le(u["nguong"]), "ket_qua": "Đạt" if u["dat"] else "Không đạt"}
                for i, u in enumerate(bang["ung_vien"], start=1)]
    dat = defaultdict(list)
    for u in bang["ung_vien"]:
        if u["dat"]:
            dat[DANH_HIEU[u["danh_hieu"]].viet_tat].append(u["ten"])
    mo_dau = [
        f"Hội đồng Thi đua – Khen thưởng {_ten_co_quan(tt)} bỏ phiếu kín {dinh_dang_ngay(_ngay_hop(tt))}. Ban kiểm phiếu "
        "gồm các thành viên ký tên dưới đây đã tiến hành kiểm phiếu.",
        f"Tổng số thành viên Hội đồng: {bang.get('tong_thanh_vien', 0)}; có mặt: {bang.get('co_mat', 0)}.",
    ]
    khl = [f"Phiếu số {p['so_phieu']} không hợp lệ: {p['ly_do']}." for p in bang["phieu_khong_hop_le"]]
    ket_luan = ["Các ứng viên đạt tỷ lệ phiếu đồng ý theo quy định:"] + [
        f"- {dh}: {', '.join(ds)}." for dh, ds in dat.items()] or ["Không có ứng viên nào đạt tỷ lệ phiếu theo quy định."]
    ket_luan.append("Biên bản kiểm phiếu được lập lúc …… giờ …… cùng ngày và công bố trước Hội đồng.")
    dau = dau_van_ban(tt, "BB")
    return _gop(dau, {"trich_yeu": f"Bỏ phiếu kín xét danh hiệu thi đua, hình thức khen thưởng năm {kq.nam}",
                      "mo_dau": mo_dau, "so_phieu": sp, "phieu_khong_hop_le": khl, "ung_vien": ung_vien,
                      "ket_luan": ket_luan})


def phieu_bau(tt: ThongTin, ung_vien: list, so_phieu: int) -> dict[str, Any]:
    """Printable ballots: one numbered page per council member, candidates grouped by code."""
    nhom: dict[DanhHieu, list] = defaultdict(list)
    for u in ung_vien:
        nhom[u.danh_hieu].append(u)
    ds_nhom = [{"tieu_de": f"{dh.ten} ({dh.viet_tat})",
                "ds": [{"stt": i, "ten": u.ten, "don_vi": u.don_vi} for i, u in enumerate(ds, start=1)]}
               for dh, ds in nhom.items()]
    return {"co_quan": tt.co_quan, "trich_yeu": f"Bình xét danh hiệu thi đua, hình thức khen thưởng năm {tt.nam}",
            "huong_dan": "Đồng ý: đánh dấu X vào ô \"Đồng ý\"; không đồng ý: đánh dấu X vào ô \"Không đồng ý\". "
                         "Phiếu đánh dấu khác, gạch xoá hoặc ghi thêm là phiếu không hợp lệ.",
            "phieu": [{"so": i, "ngat_trang": "\f" if i < so_phieu else ""} for i in range(1, so_phieu + 1)],
            "nhom_ung_vien": ds_nhom}


def danh_sach_dang_ky(tt: ThongTin, dong: list) -> dict[str, Any]:
    nhom: dict[str, list] = defaultdict(list)
    for d in dong:
        nhom[d.don_vi].append(d)
    stt = 0
    ds = []
    for ten, cac in nhom.items():
        muc = []
        for d in cac:
            stt += 1
            muc.append({"stt": stt, "ten": d.ten, "chuc_vu": d.chuc_vu, "danh_hieu": d.danh_hieu, "ghi_chu": d.ghi_chu})
        ds.append({"ten": ten, "ds": muc})
    dem = Counter(d.danh_hieu for d in dong)
    dau = dau_van_ban(tt, "DS")
    return _gop(dau, {"nam": tt.nam, "co_quan_ten": tt.co_quan, "nhom_danh_sach": ds,
                      "so_luong": [f"{k}: {v} đăng ký" for k, v in dem.items()]})


def giay_khen(kq: KetQuaXet) -> dict[str, Any]:
    tt = kq.du_lieu.thong_tin
    ten_dv = {t.ma: t.ten for t in kq.du_lieu.tap_the}
    muc = [(d, k) for d, k in kq.tat_ca() if k.dat and k.danh_hieu.ma == "GK"]
    muc.sort(key=lambda x: (isinstance(x[0], CaNhan), khoa_sap_xep_ho_ten(_ten(x[0]))))
    ds = []
    for i, (d, _) in enumerate(muc, start=1):
        mo_ta = f"{d.chuc_vu}, {ten_dv.get(d.don_vi, d.don_vi)}" if isinstance(d, CaNhan) else tt.co_quan.title()
        ds.append({"ten": _ten(d) if isinstance(d, CaNhan) else _ten(d).upper(), "mo_ta": mo_ta,
                   "thanh_tich": f"Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm {kq.nam}",
                   "so_vao_so": "……", "ngat_trang": "\f" if i < len(muc) else ""})
    dau = dau_van_ban(tt, "QĐ")
    return _gop(dau, {"tham_quyen": f"GIÁM ĐỐC {tt.co_quan}", "giay_khen": ds})


def bao_cao(kq: KetQuaXet, bieu_do: Any = "") -> dict[str, Any]:
    tt = kq.du_lieu.thong_tin
    cac_nam = [kq.nam - 3, kq.nam - 2, kq.nam - 1, kq.nam]
    dem_truoc = Counter((m.nam, m.danh_hieu.ma) for m in kq.du_lieu.so_theo_doi.cac_muc if m.danh_hieu)
    tat_ca = kq.tat_ca()
    dem_nay = Counter(k.danh_hieu.ma for _, k in tat_ca if k.dat)
    so_sanh = []
    for dh in DANH_HIEU.values():
        so = [dem_truoc[(y, dh.ma)] for y in cac_nam[:3]] + [dem_nay[dh.ma]]
        if any(so):
            so_sanh.append({"ten": dh.viet_tat, "so": so})
    theo_dv = []
    # One pass over the results (not one per unit): a result counts for a unit whose code is its unit, or for
    # the collective it belongs to.
    theo_ma: dict[str, Counter] = defaultdict(Counter)
    theo_tt: dict[int, Counter] = defaultdict(Counter)
    for d, k in tat_ca:
        if k.dat:
            ma = getattr(d, "don_vi", None)
            cac = [theo_ma[ma]] if ma is not None else []
            if isinstance(d, TapThe) and ma != d.ma:
                cac.append(theo_tt[id(d)])
            for c in cac:
                c[k.danh_hieu.ma] += 1
                c["tien"] += k.tien_thuong or 0
    for t in kq.du_lieu.tap_the:
        c = theo_ma.get(t.ma, Counter()) + theo_tt.get(id(t), Counter())
        theo_dv.append({"ten": t.ten, "ldtt": c["LDTT"], "cstdcs": c["CSTDCS"],
                        "khac": sum(v for k2, v in c.items() if k2 not in ("LDTT", "CSTDCS", "tien")),
                        "tien": dinh_dang_tien(c["tien"])})
    tong = sum(k.tien_thuong or 0 for _, k in tat_ca if k.dat)
    ket_qua = [
        f"Năm {kq.nam}, toàn {_ten_co_quan(tt)} có {len(kq.du_lieu.ca_nhan)} cán bộ, công chức, viên chức, người lao động "
        f"và {len(kq.du_lieu.tap_the)} tập thể tham gia phong trào thi đua.",
        "Kết quả: " + "; ".join(f"{DANH_HIEU[m].viet_tat}: {n}" for m, n in dem_nay.items()) + ".",
        f"Tổng tiền thưởng theo quy định: {dinh_dang_tien(tong)} đồng ({doc_so_tien(tong)}).",
    ]
    cstdcs = [_ten(d) for d, k in tat_ca if k.dat and k.danh_hieu.ma in ("CSTDT", "CSTDTQ")]
    tap_the = [_ten(d) for d, k in tat_ca if k.dat and k.danh_hieu.ma in ("TTLDXS", "CTDT")]
    dien_hinh = []
    if cstdcs:
        dien_hinh.append("Cá nhân tiêu biểu (đề nghị Chiến sĩ thi đua cấp tỉnh trở lên): " + ", ".join(cstdcs) + ".")
    if tap_the:
        dien_hinh.append("Tập thể tiêu biểu (Tập thể lao động xuất sắc, Cờ thi đua): " + ", ".join(dict.fromkeys(tap_the)) + ".")
    dau = dau_van_ban(tt, "BC", ["- UBND tỉnh (báo cáo);", "- Sở Nội vụ (Ban Thi đua – Khen thưởng);", "- Lưu: VT, VP."])
    return _gop(dau, {"trich_yeu": f"Tổng kết công tác thi đua, khen thưởng năm {kq.nam}", "nam": kq.nam,
                      "cho_viet": CHO_VIET, "cho_viet_dien_hinh": CHO_VIET, "ket_qua": ket_qua, "cac_nam": cac_nam,
                      "so_sanh": so_sanh, "bieu_do": bieu_do, "theo_don_vi": theo_dv, "dien_hinh": dien_hinh})
