"""Where the shipped Word templates live: inside the wheel (``thidua/_du_lieu``) or, from a source checkout, at
the repository's top level (``templates/``). The blank forms ship too, but ``tao-mau`` generates them afresh."""

from __future__ import annotations

from pathlib import Path

_GOI = Path(__file__).resolve().parent


def _tim(*phan: str) -> Path:
    trong_goi = _GOI / "_du_lieu" / Path(*phan)
    if trong_goi.exists():
        return trong_goi
    return _GOI.parent.parent / Path(*phan)


def thu_muc_mau_van_ban() -> Path:
    """The built-in Word templates."""
    return _tim("templates")

