"""Folder and file names made from people's and units' names, safe on Windows and Linux.

"Phòng Kế hoạch/Tài chính" must not become two folders, ".." must not climb out of the output folder, "CON" or
"Nul.docx" must not be a device on Windows, Windows silently drops trailing dots and spaces, Linux refuses a name
over 255 bytes (a Vietnamese letter is up to 3 bytes in UTF-8), and two people called "Nguyễn Văn An" must not
share one folder — Windows compares names without case, so uniqueness is checked the same way.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import MutableSet

# Characters Windows forbids in a name, plus both separators; control characters are handled apart.
_CAM = re.compile(r'[<>:"/\\|?*]+')
_DIEU_KHIEN = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_KHOANG_TRANG = re.compile(r"\s+")
_NHIEU_CHAM = re.compile(r"\.{2,}")
# Device names of Windows, with or without an extension ("NUL", "com1.docx"); COM¹–COM³ count too.
_TEN_THIET_BI = re.compile(r"^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$", re.IGNORECASE)

TOI_DA_KY_TU = 100
TOI_DA_BYTE = 240  # below Linux's 255 bytes, leaving room for an extension such as ".docx"


def _cat(ten: str, toi_da: int) -> str:
    ten = ten[:toi_da]
    while len(ten.encode("utf-8")) > TOI_DA_BYTE:
        ten = ten[:-1]
    return ten.rstrip(" .")


def ten_an_toan(ten: object, da_dung: MutableSet[str] | None = None, *, toi_da: int = TOI_DA_KY_TU,
                mac_dinh: str = "khong-ten") -> str:
    """A file or folder name (without extension) from any text: NFC; separators, characters Windows forbids and
    control characters become "-"; runs of dots become one dot; no leading or trailing dot or space; a Windows
    device name gets a "_" in front; at most ``toi_da`` characters and 240 bytes; never empty.

    With ``da_dung`` (the names already given in the same folder, as returned by this function), the name is
    made unique by adding " (2)", " (3)"… — compared without case, as Windows does — and is added to it.
    """
    s = unicodedata.normalize("NFC", "" if ten is None else str(ten))
    s = _DIEU_KHIEN.sub(" ", s)
    s = _CAM.sub("-", s)
    s = _KHOANG_TRANG.sub(" ", s)
    s = _NHIEU_CHAM.sub(".", s)
    s = s.strip(" .")
    s = _cat(s, toi_da) or mac_dinh
    if _TEN_THIET_BI.match(s.split(".")[0].rstrip(" ")):
        s = _cat("_" + s, toi_da)
    if da_dung is None:
        return s
    khoa = {x.casefold() for x in da_dung}
    ket_qua, i = s, 1
    while ket_qua.casefold() in khoa:
        i += 1
        duoi = f" ({i})"
        ket_qua = _cat(s, toi_da - len(duoi)) + duoi
    da_dung.add(ket_qua)
    return ket_qua
