"""An in-memory stand-in for an xlwings Book — the part of xlwings' Range/Sheet/Note API that the button and the
Lite scripts use (values from A1, fill colour, notes, sheets added/cleared/hidden). Pure Python, so the same
stand-in runs in CPython and under Pyodide. Colours: ``color`` answers like the classic add-in ((r, g, b) or
None), ``await get_color()`` like xlwings Lite ("#rrggbb" or None); note text likewise."""

from __future__ import annotations

import re


def _o(dia_chi: str) -> tuple[int, int]:
    m = re.fullmatch(r"\$?([A-Z]+)\$?(\d+)", dia_chi.upper())
    if not m:
        raise ValueError(dia_chi)
    c = 0
    for ch in m.group(1):
        c = c * 26 + ord(ch) - 64
    return int(m.group(2)), c


def _dia_chi(r: int, c: int) -> str:
    chu = ""
    while c:
        c, du = divmod(c - 1, 26)
        chu = chr(65 + du) + chu
    return f"{chu}{r}"


class GhiChuGia:
    def __init__(self, sheet: SheetGia, k: tuple[int, int]) -> None:
        self._sheet, self._k = sheet, k

    @property
    def text(self) -> str:
        return self._sheet.ghi_chu[self._k]

    @text.setter
    def text(self, v: str) -> None:
        self._sheet.ghi_chu[self._k] = v

    def delete(self) -> None:
        del self._sheet.ghi_chu[self._k]

    async def get_text(self) -> str:
        return self.text


class VungGia:
    def __init__(self, sheet: SheetGia, dau: tuple[int, int], cuoi: tuple[int, int] | None = None,
                 ndim: int | None = None) -> None:
        self.sheet, self.dau, self.cuoi, self._ndim = sheet, dau, cuoi or dau, ndim

    def options(self, ndim: int | None = None, **_: object) -> VungGia:
        return VungGia(self.sheet, self.dau, self.cuoi, ndim)

    @property
    def row(self) -> int:
        return self.dau[0]

    @property
    def column(self) -> int:
        return self.dau[1]

    @property
    def last_cell(self) -> VungGia:
        return VungGia(self.sheet, self.cuoi)

    @property
    def address(self) -> str:
        return _dia_chi(*self.dau)

    @property
    def value(self) -> object:
        (r1, c1), (r2, c2) = self.dau, self.cuoi
        bang = [[self.sheet.o.get((r, c)) for c in range(c1, c2 + 1)] for r in range(r1, r2 + 1)]
        if self._ndim == 2:
            return bang
        if len(bang) == 1 and len(bang[0]) == 1:
            return bang[0][0]
        return bang[0] if len(bang) == 1 else bang

    @value.setter
    def value(self, v: object) -> None:
        r0, c0 = self.dau
        bang = v if isinstance(v, list) and v and isinstance(v[0], list) else [v if isinstance(v, list) else [v]]
        for i, d in enumerate(bang):
            for j, x in enumerate(d):
                if x is None or x == "":
                    self.sheet.o.pop((r0 + i, c0 + j), None)
                else:
                    self.sheet.o[(r0 + i, c0 + j)] = x

    @property
    def color(self) -> tuple[int, int, int] | None:
        m = self.sheet.mau.get(self.dau)
        return None if m is None else (int(m[0:2], 16), int(m[2:4], 16), int(m[4:6], 16))

    @color.setter
    def color(self, v: object) -> None:
        if v is None:
            self.sheet.mau.pop(self.dau, None)
        elif isinstance(v, tuple):
            self.sheet.mau[self.dau] = "".join(f"{x:02X}" for x in v)
        else:
            self.sheet.mau[self.dau] = str(v).lstrip("#").upper()

    async def get_color(self) -> str | None:
        m = self.sheet.mau.get(self.dau)
        return None if m is None else "#" + m.lower()

    @property
    def note(self) -> GhiChuGia | None:
        return GhiChuGia(self.sheet, self.dau) if self.dau in self.sheet.ghi_chu else None

    def add_note(self, text: str) -> GhiChuGia:
        if self.dau in self.sheet.ghi_chu:
            raise ValueError("This cell already has a note")
        self.sheet.ghi_chu[self.dau] = text
        return GhiChuGia(self.sheet, self.dau)


class SheetGia:
    def __init__(self, so: SoGia, ten: str, dong: list[list[object]] | None = None) -> None:
        self.so, self.name, self.visible = so, ten, True
        self.o: dict[tuple[int, int], object] = {}
        self.mau: dict[tuple[int, int], str] = {}
        self.ghi_chu: dict[tuple[int, int], str] = {}
        for r, d in enumerate(dong or [], start=1):
            for c, x in enumerate(d, start=1):
                if x is not None and x != "":
                    self.o[(r, c)] = x

    def __getitem__(self, dia_chi: str) -> VungGia:
        return VungGia(self, _o(dia_chi))

    def range(self, dau: tuple[int, int], cuoi: tuple[int, int] | None = None) -> VungGia:
        return VungGia(self, tuple(dau), tuple(cuoi) if cuoi else None)

    @property
    def used_range(self) -> VungGia:
        k = set(self.o) | set(self.mau) | set(self.ghi_chu)
        if not k:
            return VungGia(self, (1, 1))
        return VungGia(self, (min(r for r, _ in k), min(c for _, c in k)), (max(r for r, _ in k), max(c for _, c in k)))

    def clear(self) -> None:
        self.o.clear()
        self.mau.clear()
        self.ghi_chu.clear()

    def delete(self) -> None:
        self.so.sheets._ds.remove(self)

    def activate(self) -> None:
        self.so.sheets._dang_mo = self


class CacSheetGia:
    def __init__(self, so: SoGia) -> None:
        self._so, self._ds, self._dang_mo = so, [], None

    def __iter__(self):
        return iter(list(self._ds))

    def __len__(self) -> int:
        return len(self._ds)

    def __getitem__(self, k: str | int) -> SheetGia:
        if isinstance(k, int):
            return self._ds[k]
        return next(s for s in self._ds if s.name == k)

    @property
    def active(self) -> SheetGia:
        return self._dang_mo or self._ds[0]

    def add(self, name: str, before: SheetGia | None = None, after: SheetGia | None = None) -> SheetGia:
        if name in [s.name for s in self._ds]:
            raise ValueError(f"Sheet {name} already exists")
        s = SheetGia(self._so, name)
        i = self._ds.index(after) + 1 if after is not None else self._ds.index(before) if before else 0
        self._ds.insert(i, s)
        self._dang_mo = s  # like Excel, a new sheet becomes the active one
        return s


class UngDungGia:
    def __init__(self) -> None:
        self.thong_bao: list[tuple[str, str]] = []

    def alert(self, prompt: str, title: str | None = None, **_: object) -> None:
        self.thong_bao.append((title or "", prompt))


class ApiGia:
    def __init__(self, luu) -> None:
        self._luu = luu

    def SaveCopyAs(self, duong_dan: str) -> None:
        self._luu(duong_dan)


class SoGia:
    """A workbook: ``{sheet name: rows}``; ``luu`` writes the "open" workbook's state to a path (SaveCopyAs)."""

    def __init__(self, ten: str, gia_tri: dict[str, list[list[object]]], fullname: str = "", luu=None) -> None:
        self.name, self.fullname = ten, fullname or ten
        self.sheets = CacSheetGia(self)
        for t, dong in gia_tri.items():
            self.sheets._ds.append(SheetGia(self, t, dong))
        self.app = UngDungGia()
        self.api = ApiGia(luu)

    def mau(self, sheet: str, dia_chi: str) -> str | None:
        return self.sheets[sheet].mau.get(_o(dia_chi))

    def ghi_chu(self, sheet: str, dia_chi: str) -> str | None:
        return self.sheets[sheet].ghi_chu.get(_o(dia_chi))
