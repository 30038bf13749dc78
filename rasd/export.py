"""Event records -> ACLED CSV rows, GeoJSON features, JSON lines, Parquet.

Works on plain event records (``rasd extract``) and on stored events (``rasd export``, ``GET /export``)
alike: a stored event is a record with the same field names, plus ``n_reports`` and ``updated_at``.

Every format keeps the Arabic evidence in ``notes`` and carries the English note ``notes_en``
(:mod:`rasd.notes_en`, written from the record where it lacks one) where the format allows: JSON lines,
GeoJSON and Parquet always; ACLED CSV only when asked (``english_notes=True``: one column after ACLED's 31),
so that the default CSV has exactly ACLED's columns.
"""
from __future__ import annotations

import csv
import json
from typing import IO, Any, Iterable

from .notes_en import english_note, with_note

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]

# ACLED's region of the countries rasd covers (anything else: left empty)
REGIONS = {
    **dict.fromkeys(["Iraq", "Syria", "Yemen", "Lebanon", "Jordan", "Palestine", "Israel", "Saudi Arabia", "Kuwait",
                     "Bahrain", "Qatar", "United Arab Emirates", "Oman", "Iran", "Turkey"], "Middle East"),
    **dict.fromkeys(["Egypt", "Libya", "Tunisia", "Algeria", "Morocco", "Sudan"], "Northern Africa"),
}

# Fields that are not ACLED columns but that GeoJSON/JSONL keep
EXTRA_FIELDS = ["location_ar", "geonameid", "background", "confidence", "article_id", "n_reports"]


def _blank(value: Any) -> Any:
    return "" if value is None else value


def acled_row(record: dict) -> dict[str, Any]:
    """One event record -> one ACLED row (a dict in :data:`ACLED_COLUMNS` order)."""
    date = str(record.get("event_date") or "")
    year = record.get("year") or (int(date[:4]) if date[:4].isdigit() else "")
    row = {
        "event_id_cnty": record.get("event_id") or "",
        "event_date": date,
        "year": year,
        "time_precision": _blank(record.get("time_precision")),
        "disorder_type": _blank(record.get("disorder_type")),
        "event_type": _blank(record.get("event_type")),
        "sub_event_type": _blank(record.get("sub_event_type")),
        "actor1": _blank(record.get("actor1")),
        "assoc_actor_1": _blank(record.get("assoc_actor_1")),
        "inter1": _blank(record.get("inter1")),
        "actor2": _blank(record.get("actor2")),
        "assoc_actor_2": _blank(record.get("assoc_actor_2")),
        "inter2": _blank(record.get("inter2")),
        "interaction": _blank(record.get("interaction")),
        "civilian_targeting": "Civilian targeting" if record.get("civilian_targeting") else "",
        "iso": _blank(record.get("iso")),
        "region": REGIONS.get(record.get("country") or "", ""),
        "country": _blank(record.get("country")),
        "admin1": _blank(record.get("admin1")),
        "admin2": _blank(record.get("admin2")),
        "admin3": _blank(record.get("admin3")),
        "location": _blank(record.get("location")),
        "latitude": _blank(record.get("latitude")),
        "longitude": _blank(record.get("longitude")),
        "geo_precision": _blank(record.get("geo_precision")),
        "source": _blank(record.get("source")),
        "source_scale": _blank(record.get("source_scale")),
        "notes": " ".join(str(record.get("notes") or "").split()),
        "fatalities": int(record.get("fatalities") or 0),
        "tags": _blank(record.get("tags")),
        "timestamp": _blank(record.get("timestamp", record.get("updated_at"))),
    }
    return row


def acled_rows(records: Iterable[dict]) -> list[dict[str, Any]]:
    """Event records -> ACLED rows (dicts whose keys are :data:`ACLED_COLUMNS`, in order)."""
    return [acled_row(r) for r in records]


def _english(record: dict) -> str:
    note = record.get("notes_en")
    return note if isinstance(note, str) and note else english_note(record)


def write_acled_csv(records: Iterable[dict], fh: IO[str], *, english_notes: bool = False) -> int:
    """Write an ACLED CSV (header first) to a text file handle; returns the number of rows. With
    ``english_notes`` a ``notes_en`` column follows ACLED's 31."""
    columns = ACLED_COLUMNS + (["notes_en"] if english_notes else [])
    writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    count = 0
    for record in records:
        row = acled_row(record)
        if english_notes:
            row["notes_en"] = _english(record)
        writer.writerow(row)
        count += 1
    return count


def feature(record: dict) -> dict:
    """One event record -> a GeoJSON Feature (a Point where coordinates are known, else no geometry)."""
    props = acled_row(record)
    props["event_id"] = props.pop("event_id_cnty")
    props["notes_en"] = _english(record)
    for key in EXTRA_FIELDS:
        if key in record:
            props[key] = record[key]
    lat, lon = record.get("latitude"), record.get("longitude")
    geometry = ({"type": "Point", "coordinates": [float(lon), float(lat)]}
                if lat is not None and lon is not None else None)
    return {"type": "Feature", "id": props["event_id"], "geometry": geometry, "properties": props}


def geojson(records: Iterable[dict]) -> dict:
    """Event records -> a GeoJSON FeatureCollection (RFC 7946: longitude first)."""
    return {"type": "FeatureCollection", "features": [feature(r) for r in records]}


def write_jsonl(records: Iterable[dict], fh: IO[str]) -> int:
    """One record a line (with ``notes_en``: the record's own, else written from its fields)."""
    count = 0
    for record in records:
        fh.write(json.dumps(with_note(record), ensure_ascii=False, default=str) + "\n")
        count += 1
    return count


def write_parquet(records: Iterable[dict], path: Any) -> int:
    """ACLED columns plus ``notes_en`` and ``evidence`` (JSON text) as a Parquet file (a path or a binary file object); needs ``pyarrow`` (rasd[parquet])."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as error:
        from .errors import ConfigError
        raise ConfigError("Parquet export needs pyarrow: pip install 'rasd[parquet]'") from error
    rows = []
    for record in records:
        row = acled_row(record)
        row["notes_en"] = _english(record)
        row["evidence"] = json.dumps(record.get("evidence") or [], ensure_ascii=False)
        rows.append(row)
    types = {"year": pa.int32(), "time_precision": pa.int8(), "interaction": pa.int16(), "iso": pa.int16(),
             "latitude": pa.float64(), "longitude": pa.float64(), "geo_precision": pa.int8(),
             "fatalities": pa.int32(), "timestamp": pa.int64()}
    columns = ACLED_COLUMNS + ["notes_en", "evidence"]
    arrays = {}
    for name in columns:
        values = [None if r[name] == "" else r[name] for r in rows]
        arrays[name] = pa.array(values, type=types.get(name, pa.string()))
    pq.write_table(pa.table(arrays), path)
    return len(rows)
