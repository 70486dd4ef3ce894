"""Word → PDF through LibreOffice, the one place thidua does it (``van-ban --pdf``, ``tong-ket --pdf``, hồ sơ).

How (TECH_NOTES, "Checking outputs as a person would"): ``soffice --headless --convert-to pdf --outdir DIR a.docx
b.docx …`` converts a batch in one start (about 1 s per call plus ~0.1 s per document). Every call gets its own
throw-away user profile (``-env:UserInstallation=…``), so several conversions — or an officer's open LibreOffice —
never block each other. The PDFs are written into a private temporary folder first and each is moved into place in
one step (``os.replace``) only when LibreOffice has produced a real PDF for every document: a failed conversion
leaves no half-written or stale file behind.

LibreOffice is found as ``soffice``/``libreoffice`` on PATH, at its usual Windows and macOS places, or at the path
in the environment variable ``THIDUA_SOFFICE``. When it is absent, ``KhongCoLibreOffice`` says so in Vietnamese.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path

from ..ghi_an_toan import quyen_tep
from ..loi import ThiduaError

BIEN_MOI_TRUONG = "THIDUA_SOFFICE"
_NOI_CAI_THUONG_GAP = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    "/usr/lib/libreoffice/program/soffice",
    "/opt/libreoffice/program/soffice",
)
THOI_GIAN_KHOI_DONG = 120  # seconds allowed for LibreOffice to start (a cold start on a slow PC)
THOI_GIAN_MOI_TEP = 20  # seconds allowed per document on top of that


class KhongCoLibreOffice(ThiduaError):
    """LibreOffice is not installed (or not where THIDUA_SOFFICE says)."""


class LoiChuyenPdf(ThiduaError):
    """LibreOffice ran but did not produce a PDF for a document."""


def tim_soffice() -> str | None:
    """The LibreOffice program to run, or None when it is not installed."""
    rieng = os.environ.get(BIEN_MOI_TRUONG, "").strip()
    if rieng:
        return rieng if Path(rieng).is_file() else None
    for ten in ("soffice", "libreoffice"):
        p = shutil.which(ten)
        if p:
            return p
    for p in _NOI_CAI_THUONG_GAP:
        if Path(p).is_file():
            return p
    return None


def co_libreoffice() -> bool:
    return tim_soffice() is not None


def can_soffice() -> str:
    """The LibreOffice program, or ``KhongCoLibreOffice`` with what to do. Call it before any work starts."""
    p = tim_soffice()
    if p is not None:
        return p
    rieng = os.environ.get(BIEN_MOI_TRUONG, "").strip()
    if rieng:
        raise KhongCoLibreOffice(f"Không tìm thấy LibreOffice tại '{rieng}' (biến môi trường {BIEN_MOI_TRUONG}). "
                                 "Sửa đường dẫn tới soffice (soffice.exe trên Windows) hoặc xóa biến đó.")
    raise KhongCoLibreOffice(
        "Không tạo được PDF vì máy chưa cài LibreOffice (không thấy chương trình soffice). Cài LibreOffice miễn phí "
        "tại https://vi.libreoffice.org rồi chạy lại; hoặc chỉ đường dẫn tới soffice bằng biến môi trường "
        f"{BIEN_MOI_TRUONG}; hoặc bỏ tùy chọn --pdf để chỉ tạo tệp Word.")


def _la_pdf(p: Path) -> bool:
    try:
        with open(p, "rb") as f:
            return f.read(5) == b"%PDF-"
    except OSError:
        return False


def _dot(tep: list[Path]) -> list[list[Path]]:
    """Batches with distinct file stems (LibreOffice names each output after its input's stem)."""
    dot: list[list[Path]] = []
    da_co: list[set[str]] = []
    for p in tep:
        for i, ten in enumerate(da_co):
            if p.stem.lower() not in ten:
                dot[i].append(p)
                ten.add(p.stem.lower())
                break
        else:
            dot.append([p])
            da_co.append({p.stem.lower()})
    return dot


def _chay_libreoffice(soffice: str, tep: list[Path], ra: Path, ho_so: Path) -> None:
    lenh = [soffice, f"-env:UserInstallation={ho_so.resolve().as_uri()}", "--headless", "--invisible",
            "--nologo", "--norestore", "--nodefault", "--nolockcheck", "--convert-to", "pdf", "--outdir", str(ra),
            *(str(p) for p in tep)]
    try:
        kq = subprocess.run(lenh, capture_output=True, text=True, errors="replace", stdin=subprocess.DEVNULL,
                            timeout=THOI_GIAN_KHOI_DONG + THOI_GIAN_MOI_TEP * len(tep))
    except subprocess.TimeoutExpired:
        raise LoiChuyenPdf(f"LibreOffice không chuyển xong {len(tep)} văn bản sang PDF trong thời gian cho phép. "
                           "Đóng các cửa sổ LibreOffice đang treo rồi chạy lại.") from None
    except OSError as e:
        raise KhongCoLibreOffice(f"Không chạy được LibreOffice '{soffice}': {e.strerror or e}. Cài lại LibreOffice "
                                 f"hoặc sửa biến môi trường {BIEN_MOI_TRUONG}.") from None
    thieu = [p for p in tep if not _la_pdf(ra / f"{p.stem}.pdf")]
    if thieu:
        chi_tiet = (kq.stderr or kq.stdout or "").strip().splitlines()[-1:] or [f"mã thoát {kq.returncode}"]
        raise LoiChuyenPdf(f"LibreOffice không tạo được PDF cho {', '.join(p.name for p in thieu)} "
                           f"({chi_tiet[0]}). Mở tệp bằng Word/LibreOffice để kiểm tra tệp có hỏng không.",
                           tep=str(thieu[0]))


def chuyen_pdf(tep: Iterable[Path | str], thu_muc_ra: Path | str | None = None, *, ghi_de: bool = False,
               soffice: str | None = None) -> list[Path]:
    """Convert Word documents (.docx/.doc/.odt) to PDF with LibreOffice, all in one start.

    Each PDF is named after its document (``a.docx`` → ``a.pdf``) and placed in ``thu_muc_ra`` (default: beside
    its document). An existing PDF is replaced only with ``ghi_de``; nothing is placed unless every document was
    converted. Returns the PDFs in the order of ``tep``.

    Raises ``KhongCoLibreOffice`` when LibreOffice is not installed, ``LoiChuyenPdf`` when a document cannot be
    converted, ``ThiduaError`` when a document is missing or a PDF exists without ``ghi_de``.
    """
    ds = [Path(p) for p in tep]
    if not ds:
        return []
    for p in ds:
        if not p.is_file():
            raise ThiduaError(f"Không có tệp '{p}' để chuyển sang PDF.", tep=str(p))
    dich = [(Path(thu_muc_ra) if thu_muc_ra is not None else p.parent) / f"{p.stem}.pdf" for p in ds]
    if len({d.resolve() for d in dich}) < len(dich):
        raise ThiduaError("Hai văn bản cùng tên sẽ cho cùng một tệp PDF: "
                          + ", ".join(str(p) for p in ds) + ". Đổi tên một văn bản rồi chạy lại.")
    if not ghi_de:
        da_co = [d for d in dich if d.exists()]
        if da_co:
            raise ThiduaError(f"Tệp '{da_co[0]}' đã có; thêm --ghi-de để thay thế (hoặc chọn thư mục khác).",
                              tep=str(da_co[0]))
    soffice = soffice or can_soffice()
    for d in dich:
        d.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="thidua-pdf-") as tam:
        tam_p = Path(tam)
        for i, dot in enumerate(_dot(ds)):
            _chay_libreoffice(soffice, dot, tam_p / f"ra{i}", tam_p / f"ho-so{i}")
        # every PDF exists: copy each beside its target, then replace in one step
        cho: list[tuple[Path, Path]] = []
        try:
            for i, dot in enumerate(_dot(ds)):
                for p in dot:
                    d = dich[ds.index(p)]
                    fd, tam_d = tempfile.mkstemp(prefix=".~thidua-", suffix=".pdf", dir=d.parent)
                    os.close(fd)
                    cho.append((Path(tam_d), d))
                    shutil.copyfile(tam_p / f"ra{i}" / f"{p.stem}.pdf", tam_d)
                    os.chmod(tam_d, quyen_tep())  # the umask's mode, like every output
            for t, d in cho:
                os.replace(t, d)
        except BaseException:
            for t, _ in cho:
                t.unlink(missing_ok=True)
            raise
    return dich
