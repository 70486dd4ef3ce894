"""Legacy Vietnamese encodings: TCVN3 (ABC, .VnTime fonts) and VNI (VNI-Times) text read as Unicode.

Units still type in these fonts; the bytes arrive looking like "Céng hßa". We detect such text and convert it
to Unicode (NFC), with a warning per cell so the officer knows.

The character tables follow the standard TCVN 5712:1993 and VNI layouts as tabulated by the MIT-licensed npm
package ``vietnamese-conversion`` (src/charsets.ts, © Trần Đức Duy), ported to Python. In TCVN3 "ư" is the
soft-hyphen byte U+00AD.
"""

from __future__ import annotations

import re
import unicodedata

_UNICODE = 'ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯưẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ'

_VNI = (
    'AØ', 'AÙ', 'AÂ', 'AÕ', 'EØ', 'EÙ', 'EÂ', 'Ì', 'Í', 'OØ', 'OÙ', 'OÂ', 'OÕ', 'UØ', 'UÙ', 'YÙ', 'aø', 'aù',
    'aâ', 'aõ', 'eø', 'eù', 'eâ', 'ì', 'í', 'oø', 'où', 'oâ', 'oõ', 'uø', 'uù', 'yù', 'AÊ', 'aê', 'Ñ', 'ñ',
    'Ó', 'ó', 'UÕ', 'uõ', 'Ô', 'ô', 'Ö', 'ö', 'AÏ', 'aï', 'AÛ', 'aû', 'AÁ', 'aá', 'AÀ', 'aà', 'AÅ', 'aå',
    'AÃ', 'aã', 'AÄ', 'aä', 'AÉ', 'aé', 'AÈ', 'aè', 'AÚ', 'aú', 'AÜ', 'aü', 'AË', 'aë', 'EÏ', 'eï', 'EÛ',
    'eû', 'EÕ', 'eõ', 'EÁ', 'eá', 'EÀ', 'eà', 'EÅ', 'eå', 'EÃ', 'eã', 'EÄ', 'eä', 'Æ', 'æ', 'Ò', 'ò', 'OÏ',
    'oï', 'OÛ', 'oû', 'OÁ', 'oá', 'OÀ', 'oà', 'OÅ', 'oå', 'OÃ', 'oã', 'OÄ', 'oä', 'ÔÙ', 'ôù', 'ÔØ', 'ôø',
    'ÔÛ', 'ôû', 'ÔÕ', 'ôõ', 'ÔÏ', 'ôï', 'UÏ', 'uï', 'UÛ', 'uû', 'ÖÙ', 'öù', 'ÖØ', 'öø', 'ÖÛ', 'öû', 'ÖÕ',
    'öõ', 'ÖÏ', 'öï', 'YØ', 'yø', 'Î', 'î', 'YÛ', 'yû', 'YÕ', 'yõ',
)

_TCVN3 = (
    'Aµ', 'A¸', '¢', 'A·', 'EÌ', 'EÐ', '£', 'I×', 'IÝ', 'Oß', 'Oã', '¤', 'Oâ', 'Uï', 'Uó', 'Yý', 'µ', '¸',
    '©', '·', 'Ì', 'Ð', 'ª', '×', 'Ý', 'ß', 'ã', '«', 'â', 'ï', 'ó', 'ý', '¡', '¨', '§', '®', 'IÜ', 'Ü',
    'Uò', 'ò', '¥', '¬', '¦', '\xad', 'A¹', '¹', 'A¶', '¶', '¢Ê', 'Ê', '¢Ç', 'Ç', '¢È', 'È', '¢É', 'É', '¢Ë',
    'Ë', '¡¾', '¾', '¡»', '»', '¡¼', '¼', '¡½', '½', '¡Æ', 'Æ', 'EÑ', 'Ñ', 'EÎ', 'Î', 'EÏ', 'Ï', '£Õ', 'Õ',
    '£Ò', 'Ò', '£Ó', 'Ó', '£Ô', 'Ô', '£Ö', 'Ö', 'IØ', 'Ø', 'IÞ', 'Þ', 'Oä', 'ä', 'Oá', 'á', '¤è', 'è', '¤å',
    'å', '¤æ', 'æ', '¤ç', 'ç', '¤é', 'é', '¥í', 'í', '¥ê', 'ê', '¥ë', 'ë', '¥ì', 'ì', '¥î', 'î', 'Uô', 'ô',
    'Uñ', 'ñ', '¦ø', 'ø', '¦õ', 'õ', '¦ö', 'ö', '¦÷', '÷', '¦ù', 'ù', 'Yú', 'ú', 'Yþ', 'þ', 'Yû', 'û', 'Yü',
    'ü',
)

_VIET = set(_UNICODE) | set("ĂăĐđĨĩŨũƠơƯư")
# Latin-1 characters that never occur in Vietnamese written in Unicode.
_LA = set("¡¢£¤¥¦§¨ª«¬\xad®¯±²³´µ¶¸¹º»¼½¾¿ÄÅÆÇËÎÏÐÑÖ×ØÛÜÞßäåæçëîïðñö÷øûüþÿ")


def _bang(ma: tuple[str, ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    anh_xa = {m: u for m, u in zip(ma, _UNICODE, strict=True)}
    khoa = sorted(anh_xa, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, khoa))), anh_xa


_BANG = {"TCVN3": _bang(_TCVN3), "VNI": _bang(_VNI)}


def chuyen_ma(van_ban: str, bang_ma: str) -> str:
    """Convert text in a legacy encoding ("TCVN3" or "VNI") to Unicode NFC."""
    mau, anh_xa = _BANG[bang_ma]
    return unicodedata.normalize("NFC", mau.sub(lambda m: anh_xa[m.group(0)], van_ban))


_CO_LA = re.compile("[" + re.escape("".join(sorted(_LA))) + "]")


def _diem_la(s: str) -> int:
    return sum(1 for c in s if c in _LA)


def nhan_dien(van_ban: str) -> str | None:
    """"TCVN3", "VNI", or None when the text is plain Unicode (or ASCII)."""
    if not van_ban or van_ban.isascii() or _CO_LA.search(van_ban) is None:
        return None
    s = unicodedata.normalize("NFC", van_ban)
    if any(c in "ĂăĐđĨĩŨũƠơƯư" or "\u1ea0" <= c <= "\u1ef9" for c in s):
        return None  # already proper Vietnamese
    # Score each reading: foreign characters left over first, then length (VNI folds two characters into one
    # letter, so the right VNI reading is the shorter one).
    diem = {ten: (_diem_la(doi := chuyen_ma(s, ten)), len(doi)) for ten in ("TCVN3", "VNI")}
    tot_nhat = min(diem, key=lambda ten: diem[ten])
    if diem[tot_nhat][0] >= _diem_la(s):
        return None
    return tot_nhat


def sua_ma_cu(van_ban: str) -> tuple[str, str | None]:
    """(Unicode text, the legacy encoding it was in or None)."""
    ma = nhan_dien(van_ban)
    return (chuyen_ma(van_ban, ma), ma) if ma else (van_ban, None)
