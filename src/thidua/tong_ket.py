"""The year-end batch (``thidua tong-ket``, SPEC §5): a folder of workbooks in; checked results, every document,
the updated ledger and an audit manifest out.

Safety (``ghi_an_toan.ThuMucGhi``): outputs are built in a temporary folder beside the target and moved into
place only when complete; an existing output folder is replaced only with ``ghi_de``, and never when it holds an
input; inputs are hashed before and after and never written; any failure (or Ctrl+C) removes the temporary
folder.
"""

from __future__ import annotations

import ctypes
import datetime as dt
import functools
import gc
import hashlib
import inspect
import itertools
import json
import multiprocessing as mp
import pickle
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, as_completed, wait
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import __version__
from .danh_muc import DANH_HIEU
from .doc_bang import liet_ke_dau_vao
from .ghi_an_toan import ThuMucGhi, ghi_nguyen_tu, ghi_trong_thu_muc_tam
from .ghi_bang import SO_TIEN, ghi_bang, luu_nguyen_tu
from .ghi_nhanh import SoNhanh
from .ho_so import KetQuaHoSo, ke_hoach_ho_so, lap_ho_so, ma_danh_hieu_trinh, ung_vien_trinh
from .ket_xuat import (
    CAP_QUYET_DINH_SO,
    CAP_QUYET_DINH_TREN,
    bang_kiem_phieu,
    ket_luan_phieu,
    ly_do,
    tong_hop_theo_danh_hieu,
    tong_hop_theo_don_vi,
    viec_cho_hoi_dong,
)
from .kiem_tra import KetQuaKiemTra, kiem_tra
from .loi import ThiduaError, VanDe
from .mo_hinh import CaNhan, TapThe
from .so_do import KY_LUAT_SHEET, LICH_SU, SANG_KIEN, dong_ky_luat, dong_lich_su, dong_sang_kien, theo_so_do
from .tieng_viet import dinh_dang_tien, doc_so_tien
from .tieu_chuan import TIEU_CHUAN_CA_NHAN, TIEU_CHUAN_TAP_THE
from .van_ban.ngu_canh import ten_co_quan
from .van_ban.pdf import can_soffice, chuyen_pdf
from .van_ban.ve import BanVe, cac_ban_ve_nam, kiem_tra_mau, nap_bien_mau, ve_mot
from .xet import KetQua, KetQuaXet, xet_sau_kiem_tra

GIAI_DOAN = ("Đọc và kiểm tra", "Kiểm phiếu và xét", "Ghi kết quả Excel", "Tạo văn bản Word", "Ghi sổ và manifest")


@dataclass
class KetQuaTongKet:
    ma_thoat: int
    thu_muc_ra: Path
    kiem_tra: KetQuaKiemTra
    ket_qua: KetQuaXet | None = None
    tep_ra: list[Path] = field(default_factory=list)
    thoi_gian: dict[str, float] = field(default_factory=dict)
    thong_bao: list[str] = field(default_factory=list)


def sha256(p: Path) -> str:
    h = hashlib.sha256()
    with open(p, "rb") as f:
        for khoi in iter(lambda: f.read(1 << 20), b""):
            h.update(khoi)
    return h.hexdigest()


def _dong_ket_qua(d: CaNhan | TapThe, k: Any, ten_dv: dict[str, str], chung: dict[str, str]) -> list[object]:
    """A row of CaNhan / TapThe. ``chung``: the reasons and citations already written, so that equal texts — most
    people share theirs — are one object: pickled once to the worker that saves the file (issue 15: 41 → 16 MB at
    20,000 staff) and hashed once by its shared-strings table."""
    p = k.phieu
    phieu = f"{p.dong_y}/{p.mau_so}" if p else ""
    dau = [d.ma, d.ho_ten, ten_dv.get(d.don_vi, d.don_vi)] if isinstance(d, CaNhan) else [d.ma, d.ten]
    ket = "Đạt" if k.dat else "Chờ Hội đồng quyết định" if k.can_hoi_dong else "Không đạt"  # a tie: not "Không đạt"
    giai_thich, can_cu = "\n".join(ly_do(k)), "; ".join(k.can_cu)
    return [*dau, k.danh_hieu.viet_tat, "Có" if k.du_dieu_kien else "Không", ket, phieu,
            k.tien_thuong, "Có" if k.can_hoi_dong else "", chung.setdefault(giai_thich, giai_thich),
            chung.setdefault(can_cu, can_cu)]


def _ten_dot_tieu_de(kq: KetQuaXet) -> str:
    """"NĂM 2025", or a chuyên đề / đột xuất round by its name ("ĐỢT CHUYÊN ĐỀ CHUYỂN ĐỔI SỐ NĂM 2026"; "ĐỢT ĐỘT
    XUẤT: ỨNG PHÓ …" when the name does not say its kind) — a clerk's review: a themed round's title read "NĂM 2026"."""
    tt = kq.du_lieu.thong_tin
    if tt.cuoi_nam:
        return f"NĂM {kq.nam}"
    ten = tt.ten_dot.strip()
    return "ĐỢT " + (ten if ten.lower().startswith(tt.loai_dot.lower()) else f"{tt.loai_dot}: {ten}").upper()


RONG_TONG_HOP = [28, 10, 12, 10, 14, 30, 18]  # TongHop's first table; "Cấp quyết định" holds "Đề nghị cấp trên (chưa chi)"


def ghi_ket_qua_xlsx(kq: KetQuaXet | None, van_de: list[VanDe], duong_dan: Path,
                     luu: Callable[[Any, Path], Path] = luu_nguyen_tu) -> Path:
    """ket-qua.xlsx: TongHop, CaNhan, TapThe, KiemPhieu, TienThuong, Loi (only Loi when the data has errors).
    ``luu`` saves the built workbook (``tong-ket --jobs`` hands it to a worker)."""
    wb = SoNhanh()  # write-once: xlsxwriter (ghi_nhanh), not an openpyxl Cell per cell
    ws = wb.active
    if kq is not None:
        ws.title = "TongHop"
        ghi_bang(ws, ["Danh hiệu, hình thức", "Đề nghị", "Đủ điều kiện", "Đạt", "Cần Hội đồng quyết định",
                      "Cấp quyết định", "Tiền thưởng (đồng)"],
                 [[d["ten"], d["de_nghi"], d["du_dieu_kien"], d["dat"], d["can_hoi_dong"], d["cap_quyet_dinh"],
                   d["tien"]] for d in tong_hop_theo_danh_hieu(kq)],
                 # a chuyên đề / đột xuất round by its name (a clerk's review: a themed round read "NĂM 2026")
                 tieu_de_trang=f"TỔNG HỢP KẾT QUẢ {_ten_dot_tieu_de(kq)} (quyết định ngày {kq.ngay_quyet_dinh:%d/%m/%Y})",
                 do_rong=RONG_TONG_HOP, dinh_dang={7: SO_TIEN})
        dong_dv = tong_hop_theo_don_vi(kq)
        r0 = ws.max_row + 3
        rong_dv = [40, *([11] * len(DANH_HIEU)), 16, 18]
        # the two tables share the sheet's columns: each column as wide as the wider of them (the second table's widths
        # had cut "Cấp quyết định" of the first — officer's review)
        ghi_bang(ws, ["Đơn vị", *(d.viet_tat for d in DANH_HIEU.values()), "Sở chi (đồng)", "Đề nghị cấp trên (đồng)"],
                 [[d["ten"], *(d.get(m, 0) for m in DANH_HIEU), d.get("so_chi", 0), d.get("de_nghi", 0)]
                  for d in dong_dv],
                 dong_dau=r0, tieu_de_trang="THEO ĐƠN VỊ (số danh hiệu, hình thức đạt; tiền Sở chi và tiền của các đề "
                 "nghị cấp trên, chưa chi, tách riêng)",
                 do_rong=[max(a, b) for a, b in itertools.zip_longest(rong_dv, RONG_TONG_HOP, fillvalue=0)],
                 dinh_dang={len(DANH_HIEU) + 2: SO_TIEN, len(DANH_HIEU) + 3: SO_TIEN})
        ten_dv = {t.ma: t.ten for t in kq.du_lieu.tap_the}
        chung: dict[str, str] = {}
        cot = ["Danh hiệu", "Đủ điều kiện", "Kết quả", "Phiếu", "Tiền thưởng (đồng)", "Cần HĐ quyết định", "Lý do",
               "Căn cứ"]
        ghi_bang(wb.create_sheet("CaNhan"), ["Mã CB", "Họ và tên", "Đơn vị", *cot],
                 [_dong_ket_qua(c, k, ten_dv, chung) for c, ks in kq.ca_nhan for k in ks],
                 do_rong=[10, 24, 28, 10, 10, 11, 8, 14, 12, 70, 45], ten_bang="KetQuaCaNhan",
                 tieu_de_trang=f"KẾT QUẢ XÉT CÁ NHÂN NĂM {kq.nam}", dinh_dang={8: SO_TIEN}, xuong_dong=(10, 11))
        ghi_bang(wb.create_sheet("TapThe"), ["Mã đơn vị", "Tên tập thể", *cot],
                 [_dong_ket_qua(t, k, ten_dv, chung) for t, ks in kq.tap_the for k in ks],
                 do_rong=[10, 36, 10, 10, 11, 8, 14, 12, 70, 45], ten_bang="KetQuaTapThe",
                 tieu_de_trang=f"KẾT QUẢ XÉT TẬP THỂ NĂM {kq.nam}", dinh_dang={7: SO_TIEN}, xuong_dong=(9, 10))
        bang = bang_kiem_phieu(kq.du_lieu, ket_qua=kq)
        ws_kp = wb.create_sheet("KiemPhieu")
        sp = bang["so_phieu"] or {}
        tieu = (f"KẾT QUẢ KIỂM PHIẾU — phát ra {sp.get('phat_ra', 0)}, thu vào {sp.get('thu_vao', 0)} (bằng văn bản "
                f"{sp.get('van_ban', 0)}), hợp lệ {sp.get('hop_le', 0)}, không hợp lệ {sp.get('khong_hop_le', 0)}")
        ghi_bang(ws_kp, ["Mã", "Họ tên / Tập thể", "Đơn vị", "Danh hiệu", "Đồng ý", "Trong đó bằng văn bản", "Mẫu số",
                         "Tỷ lệ", "Ngưỡng", "Xếp hạng", "Kết quả", "Diễn giải"],
                 [[u["ma"], u["ten"], u["don_vi"], DANH_HIEU[u["danh_hieu"]].viet_tat, u["dong_y"], u["van_ban"],
                   u["mau_so"], u["ty_le"], u["nguong"], u["xep_hang"], ket_luan_phieu(u),
                   u["mo_ta"] + (f"; {u['hoi_dong_quyet']}" if u["hoi_dong_quyet"] else "")]
                  for u in bang["ung_vien"]],
                 tieu_de_trang=tieu, do_rong=[10, 26, 24, 12, 8, 10, 8, 8, 8, 8, 22, 80],
                 dinh_dang={8: "0.00%", 9: "0.00%"})
        tien = [(d, k) for d, k in kq.tat_ca() if k.dat and k.tien_thuong is not None]
        ws_tt = wb.create_sheet("TienThuong")
        dong = [[d.ma, d.ho_ten if isinstance(d, CaNhan) else d.ten,
                 ten_dv.get(d.don_vi, "") if isinstance(d, CaNhan) else "", k.danh_hieu.viet_tat,
                 CAP_QUYET_DINH_SO if k.so_quyet_dinh else CAP_QUYET_DINH_TREN,
                 k.tien_thuong if k.so_quyet_dinh else None,
                 None if k.so_quyet_dinh else k.tien_thuong, k.giai_thich_tien]
                for d, k in sorted(tien, key=lambda x: not x[1].so_quyet_dinh)]
        cuoi = ghi_bang(ws_tt, ["Mã", "Họ tên / Tập thể", "Đơn vị", "Danh hiệu", "Cấp quyết định", "Sở chi (đồng)",
                                "Đề nghị cấp trên (đồng)", "Cách tính"], dong, tieu_de_trang=f"TIỀN THƯỞNG NĂM {kq.nam}",
                        do_rong=[10, 26, 30, 12, 26, 16, 18, 70], ten_bang="TienThuong",
                        dinh_dang={6: SO_TIEN, 7: SO_TIEN})
        so_chi = sum(k.tien_thuong or 0 for _, k in tien if k.so_quyet_dinh)
        de_nghi = sum(k.tien_thuong or 0 for _, k in tien if not k.so_quyet_dinh)
        for r in range(cuoi + 1, cuoi + 5):  # the totals below the table, in the money columns' format
            for c in (6, 7):
                ws_tt.cell(row=r, column=c).number_format = SO_TIEN
        ws_tt.cell(row=cuoi + 2, column=2, value="Sở chi (theo các quyết định của Giám đốc Sở)")
        ws_tt.cell(row=cuoi + 2, column=6, value=so_chi)
        ws_tt.cell(row=cuoi + 3, column=2, value="Bằng chữ")
        ws_tt.cell(row=cuoi + 3, column=3, value=doc_so_tien(so_chi))
        ws_tt.cell(row=cuoi + 4, column=2, value="Đề nghị cấp trên (chưa có quyết định, Sở chưa chi)")
        ws_tt.cell(row=cuoi + 4, column=7, value=de_nghi)
        ws_loi = wb.create_sheet("Loi")
    else:
        ws.title = "Loi"
        ws_loi = ws
    ghi_bang(ws_loi, ["Mức độ", "Tệp", "Sheet", "Ô", "Dòng", "Mã lỗi", "Nội dung"],
             [[v.nhan_muc, Path(v.tep).name if v.tep else "", v.sheet, v.o, v.dong,
               v.ma_loi, v.thong_bao] for v in van_de],
             tieu_de_trang="CÁC VẤN ĐỀ TRONG DỮ LIỆU" + (" — KHÔNG TẠO VĂN BẢN VÌ CÓ LỖI" if kq is None else ""),
             do_rong=[10, 22, 10, 8, 7, 20, 100])
    return luu(wb, duong_dan)


def ghi_so_theo_doi(kq: KetQuaXet, duong_dan: Path, luu: Callable[[Any, Path], Path] = luu_nguyen_tu) -> Path:
    """The ledger for the next round: LichSu plus this round's results decided by the Sở — typed with the round's
    kind (``Loại khen thưởng``: Thường xuyên for the year-end round, Chuyên đề, Đột xuất) and named (``Tên đợt``) —
    and, at year-end, each person's rating, initiative and discipline. Several rounds of a year land in the same
    ledger: a round replaces only its own earlier rows (same year, kind and name), so running it again changes
    nothing. Province-level proposals are not entered (add them when the province decides)."""
    tt = kq.du_lieu.thong_tin
    co_quan = ten_co_quan(tt) if tt.co_quan else ""
    loai_kt = tt.loai_khen_thuong
    ten_dot = tt.ten_dot if not tt.cuoi_nam else ""

    def ngay(d: dt.date | None) -> str:
        return d.strftime("%d/%m/%Y") if d else ""

    def cua_dot_nay(m: Any) -> bool:
        """A row this round wrote before (same year, kind and name): running the round again replaces it."""
        if m.nam != kq.nam or m.loai_khen_thuong.ten != loai_kt:
            return False
        return tt.cuoi_nam or m.ten_dot == ten_dot

    dong = [dong_lich_su(m, ten_dot=m.ten_dot) for m in kq.du_lieu.so_theo_doi.cac_muc if not cua_dot_nay(m)]
    moi_doi_tuong: list[tuple[CaNhan | TapThe, list[KetQua]]] = [*kq.ca_nhan, *kq.tap_the]
    for d, ks in moi_doi_tuong:
        dat = [k for k in ks if k.dat and k.so_quyet_dinh]
        nam_nay: dict[str, object] = {}
        if tt.cuoi_nam:  # the year's rating, initiative, discipline: once, with the year-end round
            nam_nay = {"xep_loai": d.xep_loai.ma if d.xep_loai else "",
                       "sang_kien": d.sang_kien.ten if isinstance(d, CaNhan) and d.sang_kien else "",
                       "ky_luat": d.ky_luat.ten if isinstance(d, CaNhan) and d.ky_luat else ""}
        if not dat:
            if any(nam_nay.values()):
                dong.append(theo_so_do(LICH_SU, ma=d.ma, nam=kq.nam, **nam_nay))
            continue
        for i, k in enumerate(dat):
            dong.append(theo_so_do(LICH_SU, ma=d.ma, nam=kq.nam, danh_hieu=k.danh_hieu.viet_tat,
                                   ngay_quyet_dinh=ngay(kq.ngay_quyet_dinh), co_quan=co_quan,
                                   loai_khen_thuong="" if tt.cuoi_nam else loai_kt, ten_dot=ten_dot,
                                   **(nam_nay if i == 0 else {})))
    wb = SoNhanh()  # write-once: xlsxwriter (ghi_nhanh), not an openpyxl Cell per cell
    ghi_bang(wb.active, [c.tieu_de for c in LICH_SU.cot], dong, tieu_de_trang=f"SỔ THEO DÕI THI ĐUA, KHEN THƯỞNG "
             f"(đến năm {kq.nam}) — ghi Số quyết định khi có", do_rong=[c.do_rong for c in LICH_SU.cot],
             ten_bang="SoTheoDoi")
    wb.active.title = "LichSu"
    so = kq.du_lieu.so_theo_doi
    for sheet, ds, ghi in ((SANG_KIEN, so.so_sang_kien, dong_sang_kien), (KY_LUAT_SHEET, so.so_ky_luat, dong_ky_luat)):
        if ds:  # the registers are cumulative: carried into next year's inputs with the ledger
            ghi_bang(wb.create_sheet(sheet.ten), [c.tieu_de for c in sheet.cot], [ghi(m) for m in ds],
                     tieu_de_trang=sheet.mo_ta.upper(), do_rong=[c.do_rong for c in sheet.cot],
                     ten_bang=f"Bang{sheet.ten}")
    return luu(wb, duong_dan)


def tep_cua_tong_ket(thu_muc: Path) -> set[str]:
    """The files a ``tong-ket`` (or ``demo``) left in its folder: those its manifest lists, and the manifest; a
    run stopped by data errors leaves ``ket-qua.xlsx`` alone, without a manifest."""
    try:
        m = json.loads((Path(thu_muc) / "manifest.json").read_text(encoding="utf-8"))
        return {str(x["tep"]) for x in m["dau_ra"]} | {"manifest.json"}
    except (OSError, ValueError, KeyError, TypeError):
        return {"ket-qua.xlsx"}


def _manifest(kq: KetQuaXet, tep_vao: dict[str, str], thu_muc: Path, tep_ra: list[Path]) -> dict[str, Any]:
    quy_tac = {}
    for ma, ham in (*TIEU_CHUAN_CA_NHAN.items(), *((f"{m} (tập thể)", h) for m, h in TIEU_CHUAN_TAP_THE.items())):
        quy_tac[ma] = inspect.getdoc(ham)
    tham_so = kq.ts.da_dung
    return {
        "thidua": __version__,
        "nam": kq.nam,
        "ngay_quyet_dinh": kq.ngay_quyet_dinh.isoformat(),
        "dau_vao": [{"tep": t, "sha256": h} for t, h in tep_vao.items()],
        "dau_ra": [{"tep": p.relative_to(thu_muc).as_posix(), "sha256": sha256(p)} for p in sorted(tep_ra)],
        "tham_so": [{"ten": ten, "gia_tri": gt.hien_thi(), "can_cu": gt.can_cu, "nguon": gt.nguon,
                     "tu_ngay": gt.tu_ngay.isoformat() if gt.tu_ngay else None}
                    for ten, gt in sorted(tham_so.items())],
        "quy_tac": quy_tac,
        "so_luong": {"ca_nhan": len(kq.du_lieu.ca_nhan), "tap_the": len(kq.du_lieu.tap_the),
                     "theo_danh_hieu": tong_hop_theo_danh_hieu(kq)},
    }


def _khoi_dong(viec: int, thu_muc_mau: Path | None) -> dict[tuple[str, int, int], frozenset[str]]:
    """A worker's warm-up. ``viec`` ≠ 0: nothing (the first jobs, which make the pool fork its workers now). The
    warm-up proper (``viec`` 0: the templates of the year's documents and of the hồ sơ prepared — from the cache
    of prepared templates when an earlier run left them —, ``ve.chuan_bi_mau``) is one job, handed out when
    ``_AmMay`` says; the other worker prepares what it needs when it needs it. Returns the variables of the
    templates (``ve.bien_cua_mau``), which the main process would otherwise work out itself before rendering."""
    bien = {}
    if viec == 0:
        from .van_ban.ve import chuan_bi_mau

        bien = chuan_bi_mau(thu_muc_mau)
        gc.collect()  # what preparing left (lxml trees of the packages, when not from the cache) goes first…
        gc.freeze()  # … then the prepared templates, which live as long as the worker, are never scanned
    return bien


def _khoi_tao_tien_trinh() -> None:
    """Each worker as it starts (the pool's initializer: every worker, whichever jobs it takes): the collector on,
    whatever the main process's was at the fork (``_khong_thu_gom``), and tuned as in the main process
    (``_gc_cho_lo_lon``) — what exists now is never scanned, and a job's many young objects (a workbook's cells, a
    document's rows) do not trigger a pass every 700 of them (issue 15: with the tuning done by a first job, a
    worker that took no such job made 791 passes, 0.28 s, at 20,000 staff)."""
    gc.enable()
    gc.freeze()
    gc.set_threshold(max(gc.get_threshold()[0], 50_000), *gc.get_threshold()[1:])


def _tra_bo_nho() -> None:
    """A worker gives back what its last job freed: glibc keeps freed memory for reuse, so without this a worker's
    resident size is the sum of its largest jobs (the 18,000-row decision, then a workbook), not the largest one."""
    gc.collect()  # a job's cycles (a workbook's objects refer to each other) go now, not at the next threshold
    if sys.platform == "linux":
        try:
            ctypes.CDLL("libc.so.6").malloc_trim(0)
        except (OSError, AttributeError):  # another C library (musl): nothing to give back this way
            pass


def _ve_do(b: BanVe, thu_muc: Path, thu_muc_mau: Path | None) -> tuple[Path, float]:
    t = time.perf_counter()
    p = ve_mot(b, thu_muc, thu_muc_mau, ghi_trong_thu_muc_tam)  # inside the run's temporary output folder
    return p, time.perf_counter() - t


def _mo_tien_trinh(so_tien_trinh: int, thu_muc_mau: Path | None) -> tuple[ProcessPoolExecutor | None,
                                                                          list[Future]]:
    """Document workers for ``--jobs`` > 1, started before reading: on Linux they are forked now, while this
    process holds little more than its imports, so a worker's memory is its own document and not a copy of every
    row and result (issue 15: ≤ 500 MB per process), and their start overlaps the reading. Elsewhere the platform's
    default (spawn) is used, which needs the usual ``if __name__ == "__main__":`` guard in a calling script."""
    if so_tien_trinh <= 1:
        return None, []
    ngu_canh = mp.get_context("fork") if sys.platform == "linux" else mp.get_context()
    ex = ProcessPoolExecutor(max_workers=so_tien_trinh, mp_context=ngu_canh, initializer=_khoi_tao_tien_trinh)
    return ex, [ex.submit(_khoi_dong, i + 1, thu_muc_mau) for i in range(so_tien_trinh)]


NGUONG_AM_MAY_SAU = 3_000_000  # bytes of input above which the warm-up waits for this process's reading


class _AmMay:
    """Hands out the warm-up proper (``_khoi_dong(0)``) once. For a large input (``NGUONG_AM_MAY_SAU``: ~12,000
    staff) when called: by ``doc_dau_vao`` once this process has read its own files (it then waits for the worker
    reading the largest one: a core is free), or after the reading when no worker read anything — the reading then
    has both cores, and the warm-up ends long before the decision (measured with matplotlib in it, ~1.1 s of CPU:
    20,000 staff, the reading ended at 1.1 s instead of 1.6 s, the first document was handed out at 3.9 s instead of
    4.6 s). For a smaller one at once: validating and deciding are then too short to hide the warm-up (5,000 staff:
    3.5 → 3.7 s end to end when deferred). Now ~0.4 s of CPU when no prepared template is cached, ~20 ms when they
    are (``van_ban/luu_mau``): when is no longer measurable (7.92 against 7.76 s at 20,000 staff, at once against
    deferred)."""

    def __init__(self, ex: ProcessPoolExecutor | None, thu_muc_mau: Path | None, khoi_dong: list[Future],
                 dau_vao: list[Path]) -> None:
        self.ex, self.thu_muc_mau, self.khoi_dong = ex, thu_muc_mau, khoi_dong
        self.da_giao = False
        if ex is not None:
            try:
                tep, _ = liet_ke_dau_vao(dau_vao)
                lon = sum(p.stat().st_size for p in tep if p.is_file()) >= NGUONG_AM_MAY_SAU
            except (ThiduaError, OSError):  # the reading reports it, in its words
                lon = False
            if not lon:
                self()

    def __call__(self) -> None:
        if self.ex is not None and not self.da_giao:
            self.da_giao = True
            self.khoi_dong.append(self.ex.submit(_khoi_dong, 0, self.thu_muc_mau))


def _nhan_bien_mau(khoi_dong: list[Future]) -> None:
    """The template variables the workers' warm-up worked out (``_khoi_dong``), taken if ready: never waited for
    (a template not there is read here, as without workers)."""
    for f in khoi_dong:
        if f.done() and not f.cancelled() and f.exception() is None:
            nap_bien_mau(f.result())


def _luu_do(goi: bytes, duong_dan: Path) -> tuple[Path, float]:
    t = time.perf_counter()
    p = luu_nguyen_tu(pickle.loads(goi), duong_dan)
    _tra_bo_nho()
    return p, time.perf_counter() - t


def _ve_goi(goi: bytes, thu_muc: Path, thu_muc_mau: Path | None) -> tuple[Path, float]:
    ra = _ve_do(pickle.loads(goi), thu_muc, thu_muc_mau)
    if len(goi) > 1_000_000:  # a large document (the decision with its list): give its memory back
        _tra_bo_nho()
    return ra


def _ve_lo(goi: bytes, thu_muc_mau: Path | None) -> list[tuple[Path, float]]:
    """Several small documents in one job (``_LichChay.van_ban_nho``): their (document, folder) pairs pickled
    together."""
    ra = [_ve_do(b, thu_muc, thu_muc_mau) for b, thu_muc in pickle.loads(goi)]
    if len(goi) > 1_000_000:  # among them a large one (a hồ sơ's lists of a big round): as _ve_goi
        _tra_bo_nho()
    return ra


class _LichChay:
    """The batch's outputs once the decision is made (issue 15, cause 5: none depends on another). This process
    builds what each output needs — a workbook's rows (``ghi_nhanh.SoNhanh``: recorded as rows, cheap), a
    document's context — and, with workers (``ex``), hands each to them as soon as it is built (pickled: rows and
    contexts, small), so that the files — xlsxwriter and docxtpl, most of the time — are written there, in parallel,
    by processes that hold only what they write. Without workers everything runs here, in order. ``ket_thuc``
    waits for every job and gives the files in the order the jobs were added; on any error nothing is left running
    (``dong``: the temporary output folder is removed only after every job has stopped)."""

    LO = 16  # small documents per job (van_ban_nho): a hồ sơ's 600 reports at 20,000 staff are 38 jobs, not 600

    def __init__(self, ex: ProcessPoolExecutor | None, thoi_gian: dict[str, float]) -> None:
        self.ex = ex
        self.thoi_gian = thoi_gian
        self.ra: dict[int, Path] = {}
        self.giai_doan: list[str] = []
        self.tuong_lai: dict[Future, list[int]] = {}  # a job → the outputs it writes, in order
        self.ban_sao: list[tuple[int, int, Path]] = []  # (output, output it copies, destination)
        self.cho: list[tuple[int, BanVe, Path]] = []  # small documents waiting to fill a job
        self.thu_muc_mau: Path | None = None

    def _ghi(self, i: int, p: Path, giay: float) -> None:
        self.ra[i] = p
        g = self.giai_doan[i]
        self.thoi_gian[g] = self.thoi_gian.get(g, 0.0) + giay

    def _gui(self, giai_doan: str, ham: Callable[..., tuple[Path, float]], *doi_so: Any) -> None:
        assert self.ex is not None
        self.giai_doan.append(giai_doan)
        self.tuong_lai[self.ex.submit(ham, *doi_so)] = [len(self.giai_doan) - 1]

    def so(self, giai_doan: str, ghi: Callable[..., Path], *doi_so: Any) -> None:
        """A workbook: built here by ``ghi(*doi_so, luu=…)``, saved by a worker (or here)."""
        t = time.perf_counter()
        if self.ex is None:
            self.giai_doan.append(giai_doan)
            self._ghi(len(self.giai_doan) - 1, ghi(*doi_so), time.perf_counter() - t)
            return

        def gui(wb: Any, duong_dan: Path) -> Path:  # pickled now: the rows are freed here at once
            self._gui(giai_doan, _luu_do, pickle.dumps(wb, pickle.HIGHEST_PROTOCOL), duong_dan)
            return duong_dan

        ghi(*doi_so, luu=gui)
        self.thoi_gian[giai_doan] = self.thoi_gian.get(giai_doan, 0.0) + time.perf_counter() - t

    def van_ban(self, giai_doan: str, b: BanVe, thu_muc: Path, thu_muc_mau: Path | None) -> int:
        """A document (returns its job number)."""
        if self.ex is None:
            self.giai_doan.append(giai_doan)
            t = time.perf_counter()
            self._ghi(len(self.giai_doan) - 1, ve_mot(b, thu_muc, thu_muc_mau, ghi_trong_thu_muc_tam),
                      time.perf_counter() - t)
        else:
            self._gui(giai_doan, _ve_goi, pickle.dumps(b, pickle.HIGHEST_PROTOCOL), thu_muc, thu_muc_mau)
        return len(self.giai_doan) - 1

    def van_ban_nho(self, giai_doan: str, b: BanVe, thu_muc: Path, thu_muc_mau: Path | None) -> None:
        """A small document (a hồ sơ's report of one candidate): with workers, sent with others, ``LO`` to a job
        (issue 15: a job's own cost — pickling, the queues, a future — is ~0.4 ms of CPU, a tenth of such a
        document's)."""
        if self.ex is None:
            self.van_ban(giai_doan, b, thu_muc, thu_muc_mau)
            return
        if self.cho and thu_muc_mau != self.thu_muc_mau:
            self._gui_lo()  # a job renders with one template folder
        self.giai_doan.append(giai_doan)
        self.thu_muc_mau = thu_muc_mau
        self.cho.append((len(self.giai_doan) - 1, b, thu_muc))
        if len(self.cho) >= self.LO:
            self._gui_lo()

    def _gui_lo(self) -> None:
        if not self.cho:
            return
        assert self.ex is not None
        goi = pickle.dumps([(b, tm) for _, b, tm in self.cho], pickle.HIGHEST_PROTOCOL)
        self.tuong_lai[self.ex.submit(_ve_lo, goi, self.thu_muc_mau)] = [i for i, _, _ in self.cho]
        self.cho = []

    def sao(self, giai_doan: str, nguon: int, dich: Path) -> None:
        """A document identical to job ``nguon``'s (same template, equal context): copied once that is written."""
        self.giai_doan.append(giai_doan)
        self.ban_sao.append((len(self.giai_doan) - 1, nguon, dich))

    def ket_thuc(self) -> list[Path]:
        self._gui_lo()
        for f in as_completed(self.tuong_lai):
            kq = f.result()
            for i, (p, giay) in zip(self.tuong_lai[f], kq if isinstance(kq, list) else [kq], strict=True):
                self._ghi(i, p, giay)
        for i, nguon, dich in self.ban_sao:
            t = time.perf_counter()
            self._ghi(i, ghi_nguyen_tu(dich, functools.partial(shutil.copyfile, self.ra[nguon])),
                      time.perf_counter() - t)
        return [self.ra[i] for i in range(len(self.giai_doan))]

    def dong(self) -> None:
        """Stop: pending jobs cancelled, running ones waited for."""
        for f in self.tuong_lai:
            f.cancel()
        wait(list(self.tuong_lai))


@contextmanager
def _gc_cho_lo_lon() -> Iterator[None]:
    """The collector tuned for one batch (issue 15, cause 3): what exists before is frozen (never scanned again),
    young collections are rarer while the big heap of rows and results is built, and ``gc.freeze()`` after the
    decision (in ``_tong_ket``) keeps the collector off those results — and off the pages forked workers share.
    Everything is restored at the end."""
    nguong = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(max(nguong[0], 50_000), nguong[1], nguong[2])
    try:
        yield
    finally:
        gc.set_threshold(*nguong)
        gc.unfreeze()


@contextmanager
def _khong_thu_gom() -> Iterator[None]:
    """No collector passes while the batch reads, validates and decides (issue 15, cause 3): what it builds lives
    to the end and holds no garbage cycle — measured at 20,000 staff, 12 passes there took 0.25 s of the main
    process's time and found 145 objects in all. At the end what was built is frozen (``_gc_cho_lo_lon`` unfreezes
    it when the batch ends) — else the first pass after would scan all of it at once — and the collector is turned
    back on (if it was on), however the block ends."""
    bat = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if bat:
            gc.enable()


def tong_ket(dau_vao: list[Path], thu_muc_ra: Path, *, ghi_de: bool = False, so_tien_trinh: int = 1,
             thu_muc_mau: Path | None = None, bao: Callable[[str], None] | None = None,
             pdf: bool = False) -> KetQuaTongKet:
    """Run the whole year-end batch. Exit code 0, or 1 when the data has errors (then only ket-qua.xlsx with the
    Loi sheet is written). With ``pdf`` every document is also written as PDF (LibreOffice must be installed:
    checked before any work starts)."""
    bao = bao or (lambda _: None)
    soffice = can_soffice() if pdf else None
    thu_muc_ra = Path(thu_muc_ra)
    ghi = ThuMucGhi(thu_muc_ra, ghi_de=ghi_de, dau_vao=[*dau_vao, thu_muc_mau], ca_thu_muc=True,
                    cua_lenh=tep_cua_tong_ket)
    ex, khoi_dong = _mo_tien_trinh(so_tien_trinh, thu_muc_mau)
    try:
        with _gc_cho_lo_lon():
            return _tong_ket(dau_vao, thu_muc_ra, ghi, ex, thu_muc_mau, bao, soffice, khoi_dong)
    finally:
        if ex is not None:
            ex.shutdown(wait=True, cancel_futures=True)


def _tong_ket(dau_vao: list[Path], thu_muc_ra: Path, ghi: ThuMucGhi, ex: ProcessPoolExecutor | None,
              thu_muc_mau: Path | None,
              bao: Callable[[str], None], soffice: Any, khoi_dong: list[Future]) -> KetQuaTongKet:
    thoi_gian: dict[str, float] = {}
    t = time.perf_counter()
    bao(GIAI_DOAN[0])
    am_may = _AmMay(ex, thu_muc_mau, khoi_dong, dau_vao)
    with _khong_thu_gom():
        kt = kiem_tra(dau_vao, song_song=ex, trong_khi_cho=am_may)  # a worker reads the largest file meanwhile
        am_may()
        tep_vao = {str(p): sha256(p) for p in kt.tep}
        thoi_gian["doc_kiem_tra"] = time.perf_counter() - t
        kq = None
        if not kt.co_loi and kt.du_lieu is not None:
            t = time.perf_counter()
            bao(GIAI_DOAN[1])
            kq = xet_sau_kiem_tra(kt)  # the one decision of the run
            thoi_gian["xet"] = time.perf_counter() - t
            if not kt.co_loi:
                kt.bang = []  # the sheets as read: every problem has its cell; the outputs need the records only
    if kq is None or kt.co_loi:
        # a report of errors replacing complete results (--ghi-de): the documents an officer may have numbered or
        # edited are kept beside it, not deleted
        ghi.giu_cu = (ghi.dich / "manifest.json").is_file()
        with ghi as tam:
            p = ghi_ket_qua_xlsx(None, kt.van_de, tam / "ket-qua.xlsx")
        return KetQuaTongKet(1, thu_muc_ra, kt, None, [ghi.dich_cua(p)], thoi_gian, list(ghi.thong_bao))
    thong_bao: list[str] = []
    gc.freeze()  # the decided results live to the end: no collector pass over them (nor copies in forked ones)
    with ghi as tam:
        lich = _LichChay(ex, thoi_gian)
        # with workers this process only builds rows and contexts, freed as soon as they are sent (no cycle: see
        # ghi_nhanh.BangNhanh.freeze_panes): no collector passes either (issue 15: 15 passes, 0.22 s at 20,000 staff,
        # found ~3,000 objects); alone it renders documents too, whose packages do hold cycles
        tat_thu_gom = ex is not None and gc.isenabled()
        try:
            if tat_thu_gom:
                gc.disable()
            t = time.perf_counter()
            if ex is None:
                for g in GIAI_DOAN[2:4]:
                    bao(g)
            else:
                bao(f"{GIAI_DOAN[2]}, tạo văn bản Word, ghi sổ: song song")
                bao(GIAI_DOAN[3])
            # the largest jobs first — the ledger, the first document (the decision with its list), ket-qua.xlsx —
            # so that both workers are busy while this process builds the rest; then each document as soon as its
            # context is built, each template checked against its context before it is used
            lich.so("so_theo_doi", ghi_so_theo_doi, kq, tam / "so-theo-doi.xlsx")
            t_nc = time.perf_counter()
            _nhan_bien_mau(khoi_dong)
            nam: dict[str, tuple[BanVe, int]] = {}
            ban_ve = cac_ban_ve_nam(kq)
            for b in itertools.islice(ban_ve, 1):
                kiem_tra_mau([b], thu_muc_mau, thong_bao)
                nam[b.mau] = (b, lich.van_ban("van_ban", b, tam / "van-ban", thu_muc_mau))
            t_kq = time.perf_counter()
            lich.so("ket_qua_xlsx", ghi_ket_qua_xlsx, kq, kt.van_de, tam / "ket-qua.xlsx")
            t_nc += time.perf_counter() - t_kq  # its own stage
            for b in ban_ve:
                kiem_tra_mau([b], thu_muc_mau, thong_bao)
                nam[b.mau] = (b, lich.van_ban("van_ban", b, tam / "van-ban", thu_muc_mau))
            if ung_vien_trinh(kq):  # the dossier of each upward proposal (Law 2022 Art. 84)
                for tm, b in ke_hoach_ho_so(kq, thu_muc_mau, thong_bao).ban_ve:
                    cung = nam.get(b.mau)
                    if cung and b.truoc_khi_ve is None and cung[0].truoc_khi_ve is None \
                            and cung[0].ngu_canh == b.ngu_canh:  # the year's vote-count minutes: the same document
                        lich.sao("ho_so", cung[1], tam / "ho-so" / tm / b.ten_tep)
                    else:
                        lich.van_ban_nho("ho_so", b, tam / "ho-so" / tm, thu_muc_mau)
            thoi_gian["ngu_canh"] = time.perf_counter() - t_nc
            tep = lich.ket_thuc()
        except BaseException:
            lich.dong()
            raise
        finally:
            if tat_thu_gom:
                gc.enable()
        thoi_gian["ghi"] = time.perf_counter() - t
        t = time.perf_counter()
        if soffice:
            tep += chuyen_pdf([p for p in tep if p.suffix == ".docx"], soffice=str(soffice))
            thoi_gian["pdf"] = time.perf_counter() - t
        t = time.perf_counter()
        bao(GIAI_DOAN[4])
        for ten_vao, h in tep_vao.items():
            if sha256(Path(ten_vao)) != h:
                raise ThiduaError(f"Tệp đầu vào '{ten_vao}' bị thay đổi trong khi chạy; đóng Excel và chạy lại.")
        manifest = _manifest(kq, tep_vao, tam, tep)
        (tam / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
        tep.append(tam / "manifest.json")
        thoi_gian["manifest"] = time.perf_counter() - t
    return KetQuaTongKet(0, thu_muc_ra, kt, kq, [ghi.dich_cua(p) for p in tep], thoi_gian, thong_bao + ghi.thong_bao)


def tom_tat(kq: KetQuaTongKet) -> list[str]:
    """The closing summary the CLI prints."""
    if kq.ket_qua is None:
        return [f"Dữ liệu có lỗi: xem {kq.thu_muc_ra / 'ket-qua.xlsx'} (sheet Loi). Chưa tạo văn bản."]
    k = kq.ket_qua
    dong = [f"{d['ten']}: {d['dat']}/{d['de_nghi']} đạt" for d in tong_hop_theo_danh_hieu(k)]
    tong_so = sum(x.tien_thuong or 0 for _, x in k.tat_ca() if x.dat and x.so_quyet_dinh)
    de_nghi = sum(x.tien_thuong or 0 for _, x in k.tat_ca() if x.dat and not x.so_quyet_dinh)
    dong.append(f"Tiền thưởng Sở chi (theo quyết định của Giám đốc Sở): {dinh_dang_tien(tong_so)} đồng "
                f"({doc_so_tien(tong_so)}).")
    if de_nghi:
        dong.append(f"Tiền thưởng của các đề nghị cấp trên (chưa có quyết định, Sở chưa chi): {dinh_dang_tien(de_nghi)} "
                    "đồng.")
    for cho in viec_cho_hoi_dong(k):
        dong.append(f"Chưa xong — {cho}")
    return dong


@dataclass
class KetQuaChayHoSo:
    ma_thoat: int
    kiem_tra: KetQuaKiemTra
    ho_so: KetQuaHoSo | None = None
    thong_bao: list[str] = field(default_factory=list)


def chay_ho_so(dau_vao: list[Path], thu_muc_ra: Path, *, ghi_de: bool = False, pdf: bool = False,
               thu_muc_mau: Path | None = None) -> KetQuaChayHoSo:
    """``thidua ho-so``: read, validate, decide, then write the dossiers into ``thu_muc_ra`` (the command's own
    folder: built beside it, moved into place whole, an existing non-empty one replaced only with ``ghi_de``).
    Exit code 1 (nothing written) when the data has errors."""
    ghi = ThuMucGhi(thu_muc_ra, ghi_de=ghi_de, dau_vao=[*dau_vao, thu_muc_mau], ca_thu_muc=True)
    soffice = can_soffice() if pdf else None
    kt = kiem_tra(dau_vao)
    tep_vao = {str(p): sha256(p) for p in kt.tep}
    kq = xet_sau_kiem_tra(kt)
    if kq is None or kt.co_loi:
        return KetQuaChayHoSo(1, kt)
    thong_bao: list[str] = []
    if not ung_vien_trinh(kq):
        thong_bao.append("Không có đề nghị nào đạt để trình Chủ tịch UBND tỉnh hoặc Thủ tướng Chính phủ quyết định "
                         f"({', '.join(d.viet_tat for d in ma_danh_hieu_trinh(kq))}): không lập hồ sơ.")
        return KetQuaChayHoSo(0, kt, KetQuaHoSo([], {}, 0), thong_bao)
    with ghi as tam:
        hs = lap_ho_so(kq, tam, thu_muc_mau, thong_bao)
        if soffice:
            hs.tep += chuyen_pdf(hs.tep, soffice=soffice)
        for p, h in tep_vao.items():
            if sha256(Path(p)) != h:
                raise ThiduaError(f"Tệp đầu vào '{p}' bị thay đổi trong khi chạy; đóng Excel và chạy lại.")
    hs.tep = [ghi.dich_cua(p) for p in hs.tep]
    return KetQuaChayHoSo(0, kt, hs, thong_bao + ghi.thong_bao)
