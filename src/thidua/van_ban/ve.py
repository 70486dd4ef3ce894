"""Rendering the Word documents. Every template is checked against its context before anything is written: a
broken tag or a field the context does not give is a ``LoiMauVanBan`` naming the template and the field."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, fields, is_dataclass
from pathlib import Path
from typing import Any

import jinja2
from docxtpl import DocxTemplate

from ..duong_dan import thu_muc_mau_van_ban
from ..ghi_bang import ghi_nguyen_tu
from ..loi import LoiMauVanBan
from ..mo_hinh import ThongTin
from ..xet import KetQuaXet
from . import luu_mau, ngu_canh
from .bieu_do import BieuDoWord, so_lieu
from .moi_truong import moi_truong
from .ngu_canh import NguCanh, thanh_dict
from .ve_nhanh import MauDaDich, MauNhanh

TEN_MAU = ("quyet_dinh", "quyet_dinh_tap_the", "to_trinh", "bien_ban_hop", "bien_ban_kiem_phieu", "phieu_bau", "danh_sach_dang_ky",
           "giay_khen", "bao_cao_tong_ket")


def tim_mau(ten: str, thu_muc_nguoi_dung: Path | None = None, thong_bao: list[str] | None = None) -> Path:
    """The user's template when ``--mau DIR`` has it, else the built-in one (with a notice)."""
    if thu_muc_nguoi_dung is not None:
        p = Path(thu_muc_nguoi_dung) / f"{ten}.docx"
        if p.is_file():
            return p
        if thong_bao is not None:
            thong_bao.append(f"Không có mẫu {ten}.docx trong {thu_muc_nguoi_dung}: dùng mẫu có sẵn của thidua.")
    return thu_muc_mau_van_ban() / f"{ten}.docx"


_BIEN_CUA_MAU: dict[tuple[str, int, int], frozenset[str]] = {}


def bien_cua_mau(duong_dan: str, mtime_ns: int, kich_thuoc: int) -> frozenset[str]:
    """Every variable a template uses (docxtpl's ``get_undeclared_template_variables``), once per file version and
    process (~20 ms a template; a hồ sơ renders the same template for every candidate). ``tong-ket`` has its first
    worker work them out while this process reads (``chuan_bi_mau``), and hands them over (``nap_bien_mau``)."""
    khoa = (duong_dan, mtime_ns, kich_thuoc)
    bien = _BIEN_CUA_MAU.get(khoa)
    if bien is None:
        ban_luu = luu_mau.doc(luu_mau.khoa(Path(duong_dan).read_bytes()))  # prepared in an earlier run
        if ban_luu is not None and isinstance(ban_luu.get("bien"), frozenset):
            bien = ban_luu["bien"]
        else:
            bien = frozenset(MauNhanh(duong_dan).get_undeclared_template_variables(moi_truong()))
        _BIEN_CUA_MAU[khoa] = bien
    return bien


def nap_bien_mau(bien: dict[tuple[str, int, int], frozenset[str]]) -> None:
    """Take the variables of templates another process has worked out (``chuan_bi_mau``'s result): keyed by file
    version, so a template changed since is read again."""
    _BIEN_CUA_MAU.update(bien)


def kiem_mau(duong_dan: Path, ngu_canh_: NguCanh | Mapping[str, Any]) -> None:
    """Check a template against a context: it parses, and every variable it uses is in the context (a context
    dataclass's top-level fields). Cached per (file version, key set): a hồ sơ checks the same template for every
    candidate, and nothing is opened again for it."""
    ten = duong_dan.name
    khoa = frozenset(f.name for f in fields(ngu_canh_)) if isinstance(ngu_canh_, NguCanh) else frozenset(ngu_canh_)
    try:
        tt = duong_dan.stat()
        thieu = bien_cua_mau(str(duong_dan), tt.st_mtime_ns, tt.st_size) - khoa
    except jinja2.TemplateSyntaxError as e:
        raise LoiMauVanBan(f"Mẫu {ten} có thẻ viết sai: {e.message}. Mở mẫu trong Word, sửa thẻ {{{{ … }}}} hoặc "
                           "{% … %} cho đúng (hoặc xóa mẫu để dùng mẫu có sẵn).", tep=str(duong_dan)) from None
    except (KeyError, ValueError, OSError) as e:
        raise LoiMauVanBan(f"Mẫu {ten} không mở được như tệp Word (.docx): {e}.", tep=str(duong_dan)) from None
    if thieu:
        raise LoiMauVanBan(f"Mẫu {ten} dùng trường không có: {', '.join(sorted(thieu))}. Các trường có thể dùng: "
                           + ", ".join(sorted(khoa)) + ".", tep=str(duong_dan))


def nap_mau(duong_dan: Path, ngu_canh_: NguCanh | Mapping[str, Any]) -> DocxTemplate:
    """Open a template and check it (``kiem_mau``)."""
    kiem_mau(duong_dan, ngu_canh_)
    try:
        return MauNhanh(str(duong_dan))
    except (KeyError, ValueError, OSError) as e:
        raise LoiMauVanBan(f"Mẫu {duong_dan.name} không mở được như tệp Word (.docx): {e}.",
                           tep=str(duong_dan)) from None


def luu_docx(tpl: DocxTemplate, ra: Path) -> Path:
    return ghi_nguyen_tu(ra, tpl.save)


_PHAN_TRAM = re.compile(r"(\d) %")


def _nfc_chuoi(s: str) -> str:
    if not s.isascii():  # ASCII text is already NFC
        s = unicodedata.normalize("NFC", s)
    return _PHAN_TRAM.sub("\\1\u00a0%", s) if " %" in s else s


_TRUONG: dict[type, tuple[str, ...]] = {}


def _truong_khoi_tao(kieu: type) -> tuple[str, ...]:
    """The init fields of a context dataclass (looked up once per class)."""
    ten = _TRUONG.get(kieu)
    if ten is None:
        ten = _TRUONG[kieu] = tuple(f.name for f in fields(kieu) if f.init)
    return ten


_DON = (int, float, bool, type(None))


def nfc(v: Any) -> Any:
    """Every string of a context in NFC, however the data arrived (decomposed text renders badly in Word), with a
    non-breaking space before "%" so that "90,91 %" never breaks at the end of a line. A row or group that needs no
    change is kept as it is (they are frozen); one that does is a new one."""
    kieu = type(v)
    if kieu is str:
        return _nfc_chuoi(v)
    if kieu in _DON:
        return v
    if isinstance(v, str):
        return _nfc_chuoi(v)
    if isinstance(v, dict):
        return {k: nfc(x) for k, x in v.items()}
    if is_dataclass(v) and not isinstance(v, type):
        ten = _truong_khoi_tao(kieu)
        cu = [getattr(v, t) for t in ten]
        moi = [nfc(x) for x in cu]
        if all(a is b for a, b in zip(cu, moi)):
            return v
        return kieu(**dict(zip(ten, moi)))
    if isinstance(v, list | tuple):
        return type(v)(nfc(x) for x in v)
    return v


def ve(ten: str, ngu_canh_: NguCanh | Mapping[str, Any], ra: Path, thu_muc_mau: Path | None = None,
       thong_bao: list[str] | None = None, truoc_khi_ve: Callable[[DocxTemplate, dict], None] | None = None,
       ghi: Callable[[Path, bytes], Path] | None = None) -> Path:
    """Render one document. The single point where a typed context becomes docxtpl's dict (``thanh_dict``:
    top-level fields, shallow). ``ghi`` writes the bytes (default: ``ghi_nguyen_tu``, a temporary file renamed;
    ``tong-ket`` writes inside its temporary output folder with ``ghi_an_toan.ghi_trong_thu_muc_tam``)."""
    bien = nfc(thanh_dict(ngu_canh_))
    duong_dan = tim_mau(ten, thu_muc_mau, thong_bao)
    if truoc_khi_ve:  # a hook on docxtpl's object (the report's chart): docxtpl's own render
        tpl = nap_mau(duong_dan, bien)
        truoc_khi_ve(tpl, bien)
        tpl.render(bien, jinja_env=moi_truong(), autoescape=True)
        return luu_docx(tpl, ra)
    kiem_mau(duong_dan, bien)  # checked (cached per template and key set); the prepared template renders it
    tt = duong_dan.stat()
    try:
        da_dich = _da_dich(str(duong_dan), tt.st_mtime_ns, tt.st_size)
    except (KeyError, ValueError, OSError) as e:
        raise LoiMauVanBan(f"Mẫu {duong_dan.name} không mở được như tệp Word (.docx): {e}.",
                           tep=str(duong_dan)) from None
    du_lieu = da_dich.ve(bien)
    if ghi is not None:
        return ghi(Path(ra), du_lieu)
    return ghi_nguyen_tu(ra, lambda p: Path(p).write_bytes(du_lieu))


@functools.lru_cache(maxsize=32)
def _da_dich(duong_dan: str, mtime_ns: int, kich_thuoc: int) -> MauDaDich:
    """A template prepared once per file version and process (``MauDaDich``): the same bytes as docxtpl's render,
    without re-opening and re-compiling it for every document — and once for all runs while it does not change
    (``luu_mau``: what preparing it gave, kept on disk)."""
    noi_dung = Path(duong_dan).read_bytes()
    ten = luu_mau.khoa(noi_dung)
    ban_luu = luu_mau.doc(ten)
    if ban_luu is not None:
        try:
            return MauDaDich(duong_dan, moi_truong(), ban_luu)
        except Exception:  # an entry of another shape (written by hand?): prepared again below
            pass
    mau = MauDaDich(duong_dan, moi_truong(), noi_dung=noi_dung)
    luu_mau.ghi(ten, mau.ban_luu())
    return mau


@dataclass
class BanVe:
    """One document to render: template, context, output name."""

    mau: str
    ngu_canh: NguCanh | Mapping[str, Any]
    ten_tep: str
    truoc_khi_ve: Callable[[DocxTemplate, dict], None] | None = None


@dataclass(frozen=True)
class ChenBieuDo:
    """The report's pre-render hook: puts the chart (a Word chart with its data, ``bieu_do.BieuDoWord``) into the
    template where the report is rendered. A plain object (not a closure), so that the report can be sent to a
    worker process with its context."""

    bao_cao: ngu_canh.NguCanhBaoCao

    def __call__(self, tpl: DocxTemplate, ctx: dict) -> None:
        ctx["bieu_do"] = BieuDoWord(tpl, so_lieu(self.bao_cao))


def cac_ban_ve_nam(kq: KetQuaXet) -> Iterator[BanVe]:
    """Every document of the year-end round that has something to say, each as soon as its context is built
    (``tong-ket`` hands each to a worker while the next one is built)."""
    nam = kq.nam
    dat = {k.danh_hieu.ma for _, k in kq.tat_ca() if k.dat}
    if dat & {"LDTT", "CSTDCS"}:
        yield BanVe("quyet_dinh", ngu_canh.quyet_dinh(kq, "danh_hieu"), f"qd-cong-nhan-danh-hieu-{nam}.docx")
    if "TTLDTT" in dat:
        yield BanVe("quyet_dinh_tap_the", ngu_canh.quyet_dinh(kq, "tap_the"), f"qd-cong-nhan-ttldtt-{nam}.docx")
    if "GK" in dat:
        yield BanVe("quyet_dinh", ngu_canh.quyet_dinh(kq, "giay_khen"), f"qd-tang-giay-khen-{nam}.docx")
        yield BanVe("giay_khen", ngu_canh.giay_khen(kq), f"giay-khen-{nam}.docx")
    if not kq.du_lieu.thong_tin.cuoi_nam:  # a chuyên đề / đột xuất round: its decisions, and upward what it needs
        if any(not k.so_quyet_dinh for _, k in kq.tat_ca() if k.dat):
            yield BanVe("to_trinh", ngu_canh.to_trinh(kq), f"to-trinh-khen-thuong-cap-tinh-{nam}.docx")
        if kq.du_lieu.kiem_phieu is not None:
            yield BanVe("bien_ban_hop", ngu_canh.bien_ban_hop(kq), f"bien-ban-hop-hoi-dong-{nam}.docx")
            yield BanVe("bien_ban_kiem_phieu", ngu_canh.bien_ban_kiem_phieu(kq), f"bien-ban-kiem-phieu-{nam}.docx")
        return
    yield BanVe("to_trinh", ngu_canh.to_trinh(kq), f"to-trinh-khen-thuong-cap-tinh-{nam}.docx")
    yield BanVe("bien_ban_hop", ngu_canh.bien_ban_hop(kq), f"bien-ban-hop-hoi-dong-{nam}.docx")
    if kq.du_lieu.kiem_phieu is not None:
        yield BanVe("bien_ban_kiem_phieu", ngu_canh.bien_ban_kiem_phieu(kq), f"bien-ban-kiem-phieu-{nam}.docx")
    bao_cao = ngu_canh.bao_cao(kq, "")
    yield BanVe("bao_cao_tong_ket", bao_cao, f"bao-cao-tong-ket-{nam}.docx", ChenBieuDo(bao_cao))


def ban_ve_nam(kq: KetQuaXet) -> list[BanVe]:
    """Every document of the year-end round that has something to say."""
    return list(cac_ban_ve_nam(kq))


MAU_TONG_KET = ("quyet_dinh", "quyet_dinh_tap_the", "giay_khen", "to_trinh", "bien_ban_hop", "bien_ban_kiem_phieu",
                "bao_cao_thanh_tich_ca_nhan", "bao_cao_thanh_tich_tap_the", "bao_cao_thanh_tich_dot", "danh_muc_ho_so")
MAU_TONG_KET_HOOK = ("bao_cao_tong_ket",)  # rendered by docxtpl's own path (its chart's hook): variables only


def chuan_bi_mau(thu_muc_mau: Path | None = None) -> dict[tuple[str, int, int], frozenset[str]]:
    """Prepare the templates ``tong-ket`` renders without a pre-render hook (``MauDaDich``), ahead of use, and work
    out the variables each uses (``bien_cua_mau``, returned for the main process's checks): a worker does it while
    the main process reads. A template that does not open is left alone here: the check before rendering reports
    it to the user."""
    bien = {}
    for ten in (*MAU_TONG_KET, *MAU_TONG_KET_HOOK):
        p = tim_mau(ten, thu_muc_mau)
        try:
            tt = p.stat()
            khoa = (str(p), tt.st_mtime_ns, tt.st_size)
            if ten in MAU_TONG_KET:
                da_dich = _da_dich(*khoa)
                if da_dich.bien is not None:  # worked out while preparing it: the package is not opened again
                    _BIEN_CUA_MAU.setdefault(khoa, da_dich.bien)
            bien[khoa] = bien_cua_mau(*khoa)
        except Exception:  # reported by nap_mau where it is used, in Vietnamese
            continue
    return bien


def kiem_tra_mau(ban_ve: list[BanVe], thu_muc_mau: Path | None = None, thong_bao: list[str] | None = None) -> None:
    """Check every template against its context before anything is written."""
    for b in ban_ve:
        kiem_mau(tim_mau(b.mau, thu_muc_mau, thong_bao), b.ngu_canh)


def ve_mot(b: BanVe, thu_muc_ra: Path, thu_muc_mau: Path | None = None,
           ghi: Callable[[Path, bytes], Path] | None = None) -> Path:
    return ve(b.mau, b.ngu_canh, Path(thu_muc_ra) / b.ten_tep, thu_muc_mau, None, b.truoc_khi_ve, ghi)


def ve_van_ban(kq: KetQuaXet, thu_muc_ra: Path, thu_muc_mau: Path | None = None,
               thong_bao: list[str] | None = None) -> list[Path]:
    """Render every document of the round into ``thu_muc_ra`` (checked first, each file written atomically)."""
    ds = ban_ve_nam(kq)
    kiem_tra_mau(ds, thu_muc_mau, thong_bao)
    return [ve_mot(b, thu_muc_ra, thu_muc_mau) for b in ds]


def ve_phieu_bau(tt: ThongTin, ung_vien: list, so_phieu: int, thu_muc_ra: Path) -> Path:
    ctx = ngu_canh.phieu_bau(tt, ung_vien, so_phieu)
    return ve("phieu_bau", ctx, Path(thu_muc_ra) / f"phieu-bau-{tt.nam}.docx")


def ve_danh_sach_dang_ky(du_lieu: Any, ghi_chu: dict[tuple[str, str], str], thu_muc_ra: Path,
                         ngay: Any = None) -> Path:
    """The Word registration list: ``ghi_chu`` maps (code of person or unit, title code) to its reachability note."""
    tt = du_lieu.thong_tin
    ctx = ngu_canh.danh_sach_dang_ky(tt, du_lieu, ghi_chu, ngay)
    return ve("danh_sach_dang_ky", ctx, Path(thu_muc_ra) / f"danh-sach-dang-ky-{tt.nam}.docx")
