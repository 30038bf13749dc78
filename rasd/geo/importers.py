"""Import gazetteer layers the user supplies, and rebuild the index with them.

* ``import_geonames(path)``: a GeoNames country dump (``IQ.txt``, ``SY.txt`` ... from the GeoNames export,
  19 tab-separated columns with the ``alternatenames`` column): populated places, admin seats and sites
  (airports, military bases, dams, bridges, crossings) with an Arabic name;
* ``import_dtm(path)``: an IOM DTM location list in the layout of ``iraq_locations_iom_dtm.tsv``
  (``location_id, governorate, district, name_en, name_ar, lat, lon``).

Each import writes one layer file into :func:`rasd.geo.gazetteer.user_dir` ``/layers``; :func:`build` compiles the
embedded sources plus every layer into the user's ``index.tsv``, which :func:`rasd.geo.gazetteer.load` prefers.
A layer's place replaces an embedded one with the same GeoNames id.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import InputError
from .build import DATA, _clean_dtm_names, _english_dtm, compile_index, read_rows
from .gazetteer import clear_cache, user_dir

LAYER_COLUMNS = ("id", "feature", "country", "admin1_code", "admin2_code", "name", "lat", "lon", "population",
                 "geonameid", "names_ar")
_ARABIC = re.compile(r"[\u0621-\u064a]")
_FOREIGN = set("ەێۆڵڕۊۋۉۇېےۍ")
_SITE_CODES = {"AIRP": "SITE:airport", "AIRB": "SITE:airport", "AIRF": "SITE:airport", "MILB": "SITE:base",
               "INSM": "SITE:base", "DAM": "SITE:dam", "BDG": "SITE:bridge", "PSTB": "SITE:crossing",
               "OILR": "SITE:refinery", "PRN": "SITE:prison", "CMPRF": "SITE:camp", "SQR": "SITE:square",
               "PRT": "SITE:port", "ESTO": "SITE:site"}


def _layers() -> Path:
    return user_dir() / "layers"


def _write_layer(name: str, rows: list[dict[str, str]]) -> Path:
    folder = _layers()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.tsv"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("# rasd gazetteer layer, imported by `rasd gazetteer import`\n")
        handle.write("\t".join(LAYER_COLUMNS) + "\n")
        for r in rows:
            handle.write("\t".join(str(r.get(c, "")).replace("\t", " ") for c in LAYER_COLUMNS) + "\n")
    return path


def _arabic(names) -> list[str]:
    out = []
    for n in names:
        n = " ".join(n.split())
        if n and _ARABIC.search(n) and not any(c in _FOREIGN for c in n) and not re.search(r"[A-Za-z0-9]", n):
            if n not in out:
                out.append(n)
    return out


def import_geonames(path: str | Path) -> tuple[Path, int]:
    """Import a GeoNames country dump; returns the layer written and how many places it holds."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"no such file: {path}")
    rows: list[dict[str, str]] = []
    countries: set[str] = set()
    with open(path, encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, 1):
            cells = line.rstrip("\n").split("\t")
            if len(cells) < 15:
                if line.strip():
                    raise InputError(f"{path}:{number}: not a GeoNames dump line (19 tab-separated columns expected)")
                continue
            gid, name, ascii_name, alt, lat, lon, fclass, fcode, cc = cells[:9]
            a1, a2, pop = cells[10], cells[11], cells[14]
            if fclass == "P":
                feature = "PPLC" if fcode == "PPLC" else "PPLA" if fcode == "PPLA" else "PPL"
            elif fclass == "S" and fcode in _SITE_CODES:
                feature = _SITE_CODES[fcode]
            else:
                continue
            names = _arabic(alt.split(","))
            if not names:
                continue
            countries.add(cc)
            rows.append({"id": f"g:{gid}", "feature": feature, "country": cc, "admin1_code": f"{cc}.{a1}" if a1 else "",
                         "admin2_code": f"{cc}.{a1}.{a2}" if a1 and a2 else "", "name": ascii_name or name,
                         "lat": lat, "lon": lon, "population": pop or "0", "geonameid": gid, "names_ar": "|".join(names)})
    if not rows:
        raise InputError(f"{path}: no place with an Arabic name found")
    layer = _write_layer(f"geonames-{'-'.join(sorted(countries)) or path.stem}", rows)
    return layer, len(rows)


def import_dtm(path: str | Path) -> tuple[Path, int]:
    """Import an IOM DTM location list; returns the layer written and how many places it holds."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"no such file: {path}")
    districts = {(r["governorate"], r["district"]): r for r in read_rows(DATA / "dtm_districts.tsv")}
    rows: list[dict[str, str]] = []
    unknown: set[tuple[str, str]] = set()
    with open(path, encoding="utf-8", errors="replace") as handle:
        header = handle.readline().rstrip("\n").split("\t")
        want = ["location_id", "governorate", "district", "name_en", "name_ar", "lat", "lon"]
        if [h.strip().lower() for h in header[:7]] != want:
            raise InputError(f"{path}: expected the IOM DTM columns {', '.join(want)}")
        for line in handle:
            cells = line.rstrip("\n").split("\t")
            if len(cells) < 7:
                continue
            loc, gov, dist, name_en, name_ar, lat, lon = cells[:7]
            m = districts.get((gov, dist))
            if m is None:
                unknown.add((gov, dist))
                continue
            names, _ = _clean_dtm_names(name_ar)
            try:
                float(lat), float(lon)
            except ValueError:
                continue
            if not names:
                continue
            rows.append({"id": f"d:{loc}", "feature": "VILLAGE", "country": "IQ", "admin1_code": m["admin1"],
                         "admin2_code": m["admin2"], "name": _english_dtm(name_en), "lat": lat, "lon": lon,
                         "population": "0", "geonameid": "", "names_ar": "|".join(names)})
    if not rows:
        raise InputError(f"{path}: no location with a known governorate and district")
    layer = _write_layer(f"dtm-{path.stem}", rows)
    return layer, len(rows)


def layer_rows() -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    folder = _layers()
    if folder.is_dir():
        for path in sorted(folder.glob("*.tsv")):
            rows.extend(read_rows(path))
    return rows


def build() -> tuple[Path, dict[str, int]]:
    """Compile the embedded sources and the user's layers into the user's index; returns it and counts."""
    out = user_dir() / "index.tsv"
    out.parent.mkdir(parents=True, exist_ok=True)
    rows = layer_rows()
    if not rows:
        if out.exists():
            out.unlink()  # nothing imported: the embedded index serves
        clear_cache()
        return DATA / "index.tsv", {}
    tmp = out.with_suffix(".tmp")
    stats = compile_index(DATA, tmp, extra_rows=rows)
    tmp.replace(out)
    clear_cache()
    return out, stats
