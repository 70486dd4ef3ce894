"""Document contexts are typed (issue #16 item 3): every builder of ``van_ban.ngu_canh`` returns a frozen dataclass
whose rows and groups are dataclasses too — no dict of ``Any`` anywhere a template reads — and the render point
turns only the top level into docxtpl's dict."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from thidua.van_ban import ngu_canh
from thidua.van_ban.ve import ban_ve_nam

# what may stay a mapping inside a context: the report's writing prompts (str → str, the template reads
# cho_viet_phan.dac_diem …)
CHO_PHEP_DICT = {"cho_viet_phan"}


def _dict_trong(x: Any, duong: str, gap: list[str]) -> None:
    """Collect the paths of every dict inside ``x`` (rows, groups, totals) — a typed context has none."""
    if isinstance(x, dict):
        gap.append(duong)
    elif dataclasses.is_dataclass(x) and not isinstance(x, type):
        assert type(x).__dataclass_params__.frozen, f"{duong}: {type(x).__name__} không frozen"
        for f in dataclasses.fields(x):
            if f.name not in CHO_PHEP_DICT:
                _dict_trong(getattr(x, f.name), f"{duong}.{f.name}", gap)
    elif isinstance(x, list | tuple):
        for i, v in enumerate(x[:50]):
            _dict_trong(v, f"{duong}[{i}]", gap)


def _ngu_canh_demo(kq: Any) -> dict[str, Any]:
    from thidua.tao_phieu import ung_vien_bo_phieu

    ctx: dict[str, Any] = {f"{b.mau}:{b.ten_tep}": b.ngu_canh for b in ban_ve_nam(kq)}
    for loai in ("danh_hieu", "tap_the", "giay_khen"):
        ctx[f"quyet_dinh:{loai}"] = ngu_canh.quyet_dinh(kq, loai)
    ctx["quyet_dinh_danh_hieu"] = ngu_canh.quyet_dinh_danh_hieu(kq)
    ctx["quyet_dinh_giay_khen"] = ngu_canh.quyet_dinh_giay_khen(kq)
    ctx["quyet_dinh_tap_the"] = ngu_canh.quyet_dinh_tap_the(kq)
    ctx["giay_khen"] = ngu_canh.giay_khen(kq)
    ctx["bao_cao"] = ngu_canh.bao_cao(kq)
    ctx["to_trinh"] = ngu_canh.to_trinh(kq)
    ctx["bien_ban_hop"] = ngu_canh.bien_ban_hop(kq)
    ctx["bien_ban_kiem_phieu"] = ngu_canh.bien_ban_kiem_phieu(kq)
    ctx["phieu_bau"] = ngu_canh.phieu_bau(kq.du_lieu.thong_tin, ung_vien_bo_phieu(kq.du_lieu)[0], 3)
    ctx["danh_sach_dang_ky"] = ngu_canh.danh_sach_dang_ky(kq.du_lieu.thong_tin, kq.du_lieu)
    from thidua.ho_so import bao_cao_thanh_tich, danh_muc, ung_vien_trinh  # the hồ sơ's own contexts too

    for cap, ds in ung_vien_trinh(kq).items():
        ctx[f"danh_muc_ho_so:{cap}"] = danh_muc(kq, cap, [])
        for d, ks in ds[:3] + [x for x in ds if not hasattr(x[0], "ho_ten")][:2]:
            mau, c = bao_cao_thanh_tich(kq, d, ks)
            ctx[f"{mau}:{d.ma}"] = c
    return ctx


def test_moi_ngu_canh_la_dataclass_khong_co_dict(demo_ket_qua) -> None:
    """The demo's every document context: a frozen ``NguCanh`` dataclass, no dict inside; ``thanh_dict`` gives its
    top-level fields and nothing else."""
    ctx = _ngu_canh_demo(demo_ket_qua.ket_qua)
    assert len(ctx) >= 19
    for ten, c in ctx.items():
        assert isinstance(c, ngu_canh.NguCanh), f"{ten}: {type(c).__name__}"
        gap: list[str] = []
        _dict_trong(c, ten, gap)
        assert gap == [], f"{ten}: dict tại {gap[:5]}"
        d = ngu_canh.thanh_dict(c)
        assert list(d) == [f.name for f in dataclasses.fields(c)]
        assert all(d[k] is getattr(c, k) for k in d)  # shallow: nested rows stay the builder's own objects
        with pytest.raises(dataclasses.FrozenInstanceError):
            c.trich_yeu = "khác"  # type: ignore[misc]
