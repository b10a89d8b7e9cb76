"""Build the province, district and commune gazetteers from data already installed.

The administrative units ship inside the ``underthesea`` package
(``underthesea/address/data/mapping.json``, from *vietnamadminunits*): the 63
provinces before the 1 July 2025 merger, the 34 after it, and every ward with
its old district and new province.  Nothing is downloaded.  The few facts the
package does not carry (Thừa Thiên Huế's pre-2025 name, common aliases,
districts dissolved before 2025) are the small tables below: data, kept here
so a rebuild is reproducible.

Usage::

    .venv/bin/python scripts/build_gazetteers.py [--out gazetteers]
"""
from __future__ import annotations

import argparse
import csv
import json
import unicodedata
from pathlib import Path

# Pre-2025 names that the package already gives in their 2025 form (it lists
# Thừa Thiên Huế as "Thành phố Huế", the city it became in January 2025).
OLD_NAME_OVERRIDES = {
    "46": ("Tỉnh Thừa Thiên Huế", "Thừa Thiên Huế"),
}

# Other ways the press writes a province (matched folded; tone placement and
# dash spacing are folded away, so "Hoà Bình" or "Bà Rịa-Vũng Tàu" need no row).
# Keyed by short name; the same aliases serve the 2025 province of that name.
ALIASES = {
    "Thừa Thiên Huế": ["Thừa Thiên - Huế", "TT-Huế", "Huế"],
    "Huế": ["Thừa Thiên Huế"],
    "Hồ Chí Minh": ["TP.HCM", "TP. HCM", "TPHCM", "TP HCM", "TP. Hồ Chí Minh",
                    "TP.Hồ Chí Minh", "TP Hồ Chí Minh", "Thành phố Hồ Chí Minh",
                    "Sài Gòn"],
    "Hà Nội": ["TP. Hà Nội", "TP Hà Nội", "Thủ đô Hà Nội"],
    "Bà Rịa - Vũng Tàu": ["BR-VT", "Bà Rịa Vũng Tàu"],
    "Đắk Lắk": ["Đắc Lắc", "Đăk Lăk", "Đắk Lăk", "Dak Lak"],
    "Đắk Nông": ["Đăk Nông", "Đắc Nông", "Dak Nong"],
    "Bắc Kạn": ["Bắc Cạn"],
    "Kon Tum": ["Kontum"],
    "Đà Nẵng": ["TP. Đà Nẵng", "TP Đà Nẵng"],
    "Hải Phòng": ["TP. Hải Phòng", "TP Hải Phòng"],
    "Cần Thơ": ["TP. Cần Thơ", "TP Cần Thơ"],
}

# Short names that are not evidence on their own in running text (they are
# also a person's name: "tư tưởng Hồ Chí Minh").  They still count after a
# marker ("tỉnh", "thành phố", "TP.") or in an alias form such as "TP.HCM".
NOT_BARE = {"Hồ Chí Minh"}

# District-level units dissolved or renamed before the package's snapshot
# (mid-2025), still named in older articles: (old province code, type, name).
HISTORICAL_DISTRICTS = [
    ("37", "thành phố", "Ninh Bình"),      # merged into thành phố Hoa Lư, 2025
    ("37", "huyện", "Hoa Lư"),
    ("36", "huyện", "Mỹ Lộc"),             # into thành phố Nam Định, 2025
    ("17", "huyện", "Kỳ Sơn"),             # into thành phố Hòa Bình, 2020
    ("22", "huyện", "Hoành Bồ"),           # into thành phố Hạ Long, 2019
    ("04", "huyện", "Thông Nông"),         # into huyện Hà Quảng, 2020
    ("04", "huyện", "Trà Lĩnh"),           # into huyện Trùng Khánh, 2020
    ("04", "huyện", "Phục Hòa"),           # into huyện Quảng Hòa, 2020
    ("04", "huyện", "Quảng Uyên"),
    ("24", "huyện", "Yên Dũng"),           # split, 2025
    ("46", "thành phố", "Huế"),            # split into quận Phú Xuân/Thuận Hóa, 2025
    ("46", "thị xã", "Hương Thủy"),        # thành phố since 2025
    ("46", "thị xã", "Hương Trà"),
    ("30", "huyện", "Kinh Môn"),           # thị xã since 2019
    ("35", "huyện", "Duy Tiên"),           # thị xã since 2020
    ("35", "huyện", "Kim Bảng"),           # thị xã since 2025
    ("26", "huyện", "Mê Linh"),            # moved to Hà Nội in 2008; still Vĩnh Phúc in old text
]

TYPE_WORDS = ("thành phố", "thị xã", "quận", "huyện", "phường", "xã", "thị trấn", "đặc khu")


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def split_type(full: str) -> tuple[str, str]:
    """'Huyện Núi Thành' -> ('huyện', 'Núi Thành')."""
    low = full.lower()
    for t in TYPE_WORDS:
        if low.startswith(t + " "):
            return t, full[len(t) + 1:].strip()
    return "", full


def mapping_path() -> Path:
    import underthesea

    return Path(underthesea.__file__).parent / "address" / "data" / "mapping.json"


def write_csv(path: Path, header: list[str], rows: list[list[str]], comment: str) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        for line in comment.strip().splitlines():
            f.write(f"# {line}\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def build(out: Path) -> dict[str, int]:
    data = json.loads(mapping_path().read_text(encoding="utf-8"))
    old, new, pmap = data["old_province_names"], data["province_names"], data["province_mapping"]
    src = f"underthesea address data ({data['metadata'].get('source')} {data['metadata'].get('version')})"

    new_rows = []
    for key, p in sorted(new.items(), key=lambda kv: kv[1]["code"]):
        short = nfc(p["short"])
        new_rows.append([p["code"], nfc(p["name"]), short, ";".join(ALIASES.get(short, [])),
                         "0" if short in NOT_BARE else "1"])
    old_rows, old_code_by_key = [], {}
    for key, p in sorted(old.items(), key=lambda kv: kv[1]["code"]):
        name, short = OLD_NAME_OVERRIDES.get(p["code"], (nfc(p["name"]), nfc(p["short"])))
        n = new[pmap[key]]
        old_code_by_key[key] = p["code"]
        old_rows.append([p["code"], name, short, ";".join(ALIASES.get(short, [])),
                         nfc(n["short"]), n["code"], "0" if short in NOT_BARE else "1"])
    write_csv(out / "provinces.csv",
              ["code", "name", "short", "aliases", "province_2025", "code_2025", "bare"], old_rows,
              f"The 63 provinces before the 1 July 2025 merger (GSO codes) and the province\n"
              f"each became part of.  Built by scripts/build_gazetteers.py from {src}.\n"
              f"aliases: ';'-separated other spellings.  bare=0: the short name alone in\n"
              f"running text is not evidence (it is also a person's name).")
    write_csv(out / "provinces_2025.csv", ["code", "name", "short", "aliases", "bare"], new_rows,
              f"The 34 provinces after the 1 July 2025 merger (Decision 19/2025/QĐ-TTg codes).\n"
              f"Built by scripts/build_gazetteers.py from {src}.")

    districts: dict[tuple[str, str], tuple[str, str]] = {}
    communes: dict[tuple, None] = {}
    new_code = {k: v["code"] for k, v in new.items()}
    for w in data["ward_mapping"]:
        pcode = old_code_by_key[w["old_province_key"]]
        dtype, dname = split_type(nfc(w["old_district"]))
        districts[(pcode, nfc(w["old_district"]))] = (dtype, dname)
        otype, oname = split_type(nfc(w["old_ward"]))
        communes[("old", pcode, otype, oname)] = None
        ntype, nname = split_type(nfc(w["new_ward"]))
        communes[("new", new_code[w["new_province_key"]], ntype, nname)] = None
    drows = [[pc, f"{t} {n}", t, n, "current"] for (pc, _), (t, n) in districts.items()]
    seen = {(r[0], r[1].lower()) for r in drows}
    for pc, t, n in HISTORICAL_DISTRICTS:
        if (pc, f"{t} {n}".lower()) not in seen:
            drows.append([pc, f"{t} {n}", t, n, "historical"])
    drows.sort(key=lambda r: (r[0], r[3], r[2]))
    write_csv(out / "districts.csv", ["province_code", "name", "type", "bare", "status"], drows,
              f"District-level units (huyện, thị xã, thành phố, quận) of the 63 pre-2025\n"
              f"provinces, keyed by the old GSO province code.  status=current: in {src}\n"
              f"(the units of mid-2025); historical: dissolved or renamed earlier.")
    crows = [[era, pc, t, n] for (era, pc, t, n) in communes]
    crows.sort()
    write_csv(out / "communes.csv", ["era", "province_code", "type", "bare"], crows,
              f"Commune-level units.  era=old: before 1 July 2025, province_code is the old\n"
              f"GSO code; era=new: after it, the new province's code.  From {src}.\n"
              f"Many names repeat across provinces: only a unique name is evidence.")
    return {"provinces": len(old_rows), "provinces_2025": len(new_rows),
            "districts": len(drows), "communes": len(crows)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(Path(__file__).resolve().parent.parent / "gazetteers"))
    args = ap.parse_args()
    counts = build(Path(args.out))
    for k, v in counts.items():
        print(f"{k}: {v} rows")


if __name__ == "__main__":
    main()
