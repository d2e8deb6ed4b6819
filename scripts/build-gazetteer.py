#!/usr/bin/env python3
"""Builds the offline gazetteer that AidBridge ships in bot/src/main/resources/gazetteer/.

Input (GeoNames extract, CC-BY 4.0, see NOTICE):
  SHARED/data/geonames/cities1000.tsv.gz  populated places (geonameid, name, asciiname,
                                           alternatenames, latitude, longitude, feature_code,
                                           country_code, admin1_code, population, timezone)
  SHARED/data/geonames/admin1.tsv         first-level divisions (code "US.MN", name)

Output:
  bot/src/main/resources/gazetteer/places.tsv.gz
      id, name, country, admin1, lat, lon (4 decimals), population, key, alternates
      where key is the name normalised as NameNormalizer does (empty when that is just the name
      in lower case) and alternates are "|"-separated names normalised the same way,
      kept only in Latin or Arabic script, deduplicated, without airport codes, links,
      romanisations written all in lower case, and very long names.
  bot/src/main/resources/gazetteer/admin1.tsv
      code, name, aliases ("|"-separated: the name without "Province"/"State of"..., postal
      abbreviations such as MI or ON)

Run from the repository root (standard library only):
  python3 scripts/build-gazetteer.py            # shared folder defaults to ../shared
  python3 scripts/build-gazetteer.py /path/to/shared
The output is deterministic for a given input, so re-running it gives a clean git diff.
"""

import gzip
import math
import os
import sys
import unicodedata

MAX_NAME_LENGTH = 40
MAX_WORDS = 5
LINK_MARKS = ("http", "www.", "/", "@", ".com", ".org")

# Canadian provinces: GeoNames codes are numeric, people write the postal abbreviation.
CANADA_POSTAL = {
    "01": "AB", "02": "BC", "03": "MB", "04": "NB", "05": "NL", "07": "NS", "08": "ON",
    "09": "PE", "10": "QC", "11": "SK", "12": "YT", "13": "NT", "14": "NU",
}
# Australian states, same story.
AUSTRALIA_POSTAL = {
    "01": "ACT", "02": "NSW", "03": "NT", "04": "QLD", "05": "SA", "06": "TAS", "07": "VIC",
    "08": "WA",
}
# Mexican states: the usual short forms in addresses and the press.
MEXICO_SHORT = {
    "09": ["CDMX", "DF", "Distrito Federal", "Ciudad de Mexico"],
    "15": ["Edomex", "Estado de Mexico"],
    "06": ["Chih"],
    "02": ["BC", "Baja California Norte"],
    "19": ["NL"],
    "28": ["Tamps"],
    "07": ["Coah"],
    "26": ["Son"],
    "14": ["Jal"],
}
# Persian names of Iranian provinces people use as a hint ("شیراز، فارس").
IRAN_PERSIAN = {
    "26": ["تهران"], "07": ["فارس"], "28": ["اصفهان"], "42": ["خراسان رضوی"],
    "33": ["آذربایجان شرقی"], "01": ["آذربایجان غربی"], "15": ["خوزستان"], "08": ["گیلان"],
    "35": ["مازندران"], "29": ["کرمان"], "13": ["کرمانشاه"], "16": ["کردستان"],
    "04": ["سیستان و بلوچستان"], "22": ["بوشهر"], "11": ["هرمزگان"], "40": ["یزد"],
    "44": ["البرز"], "39": ["قم"], "38": ["قزوین"], "36": ["زنجان"], "09": ["همدان"],
    "23": ["لرستان"], "34": ["مرکزی"], "25": ["سمنان"], "37": ["گلستان"], "32": ["اردبیل"],
    "10": ["ایلام"], "03": ["چهارمحال و بختیاری"], "05": ["کهگیلویه و بویراحمد"],
    "41": ["خراسان جنوبی"], "43": ["خراسان شمالی"],
}
ADMIN_AFFIXES = [
    "State of ", "Estado de ", "Provincia de ", "Province of ", "Departamento de ",
    "Ostan-e ", "Region of ", "Republic of ",
]
ADMIN_SUFFIXES = [" Province", " State", " Region", " Governorate", " Oblast", " County"]

ARABIC_MAP = {
    "\u064a": "\u06cc",  # Arabic yeh -> Persian yeh
    "\u0649": "\u06cc",  # alef maksura -> Persian yeh
    "\u0643": "\u06a9",  # Arabic kaf -> Persian kaf (keheh)
    "\u0629": "\u0647",  # teh marbuta -> heh
    "\u06c0": "\u0647",  # heh with yeh above -> heh
    "\u0671": "\u0627",  # alef wasla -> alef
    "\u06d5": "\u0647",  # ae (from heh with yeh above after NFKD) -> heh
    "\u06c1": "\u0647",  # heh goal (Urdu) -> heh
    "\u06be": "\u0647",  # heh doachashmee (Urdu) -> heh
    "\u06d2": "\u06cc",  # yeh barree (Urdu) -> Persian yeh
    "\u0640": "",  # tatweel
}
LATIN_MAP = {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d",
             "þ": "th", "ı": "i", "ħ": "h"}
DIGITS = {}
for base in (0x0660, 0x06F0):
    for d in range(10):
        DIGITS[chr(base + d)] = str(d)


def normalise(text):
    """Mirror of org.aidbridge.bot.place.NameNormalizer.normalize (keep the two in step)."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    out = []
    for ch in decomposed:
        cat = unicodedata.category(ch)
        if cat == "Mn" or cat == "Cf":
            continue
        ch = DIGITS.get(ch, ch.lower())
        ch = ARABIC_MAP.get(ch, ch)
        ch = LATIN_MAP.get(ch, ch)
        if not ch:
            continue
        if ch.isalnum():
            out.append(ch)
        else:
            out.append(" ")
    return " ".join("".join(out).split())


def script_of(name):
    """'latin', 'arabic' or None (other or mixed scripts)."""
    found = set()
    for ch in name:
        if not ch.isalpha():
            continue
        uname = unicodedata.name(ch, "")
        if uname.startswith("LATIN"):
            found.add("latin")
        elif uname.startswith("ARABIC"):
            found.add("arabic")
        else:
            return None
    return found.pop() if len(found) == 1 else None


def useful_alternate(name):
    if not name or len(name) > MAX_NAME_LENGTH or any(m in name for m in LINK_MARKS):
        return False
    script = script_of(name)
    if script is None:
        return False
    if script == "latin":
        if name.isupper() and len(name) <= 4:
            return False  # IATA/ICAO codes such as SYZ, KSYZ
        if name == name.lower():
            return False  # romanisations of CJK names (shirazu, she la zi)
        if any(ch.isdigit() for ch in name):
            return False
    return True


def alternates(row_name, ascii_name, alt_field):
    main = normalise(row_name)
    seen = {main}
    result = []
    for candidate in [ascii_name] + alt_field.split(","):
        candidate = candidate.strip()
        if not useful_alternate(candidate):
            continue
        key = normalise(candidate)
        if not key or key in seen or len(key.split(" ")) > MAX_WORDS:
            continue
        seen.add(key)
        result.append(key)
    return result


def build_places(shared, out_dir):
    source = os.path.join(shared, "data", "geonames", "cities1000.tsv.gz")
    rows = []
    with gzip.open(source, "rt", encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        col = {name: i for i, name in enumerate(header)}
        for line in f:
            p = line.rstrip("\n").split("\t")
            name = p[col["name"]]
            alts = alternates(name, p[col["asciiname"]], p[col["alternatenames"]])
            key = normalise(name)
            rows.append(
                "\t".join([
                    p[col["geonameid"]], name, p[col["country_code"]], p[col["admin1_code"]],
                    "%.4f" % float(p[col["latitude"]]), "%.4f" % float(p[col["longitude"]]),
                    str(int(p[col["population"]] or 0)),
                    "" if key == name.lower() else key,
                    "|".join(alts),
                ])
            )
    rows.sort(key=lambda r: int(r.split("\t", 1)[0]))
    target = os.path.join(out_dir, "places.tsv.gz")
    with open(target, "wb") as raw:
        # mtime=0 keeps the file byte-identical across runs.
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as gz:
            gz.write(("\n".join(rows) + "\n").encode("utf-8"))
    return len(rows), os.path.getsize(target)


def admin_aliases(code, name):
    country, sub = code.split(".", 1)
    aliases = []
    short = name
    for prefix in ADMIN_AFFIXES:
        if short.startswith(prefix):
            short = short[len(prefix):]
    for suffix in ADMIN_SUFFIXES:
        if short.endswith(suffix):
            short = short[: -len(suffix)]
    if short != name:
        aliases.append(short)
    if country == "US" and len(sub) == 2 and sub.isalpha():
        aliases.append(sub)  # GeoNames US admin1 codes are the USPS postal codes
    if country == "CA" and sub in CANADA_POSTAL:
        aliases.append(CANADA_POSTAL[sub])
    if country == "AU" and sub in AUSTRALIA_POSTAL:
        aliases.append(AUSTRALIA_POSTAL[sub])
    if country == "MX":
        aliases.extend(MEXICO_SHORT.get(sub, []))
    if country == "IR":
        aliases.extend(IRAN_PERSIAN.get(sub, []))
    return aliases


def build_admin1(shared, out_dir):
    source = os.path.join(shared, "data", "geonames", "admin1.tsv")
    rows = []
    with open(source, encoding="utf-8") as f:
        f.readline()
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2 or "." not in parts[0]:
                continue
            code, name = parts[0], parts[1]
            rows.append("\t".join([code, name, "|".join(admin_aliases(code, name))]))
    rows.sort()
    target = os.path.join(out_dir, "admin1.tsv")
    with open(target, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(rows) + "\n")
    return len(rows)


def build_zones(shared, out_dir):
    """One time zone per one-degree cell that has towns: that of its most populous town.

    Lets the bot say what the local time is where a group is (for its daily digest) without
    shipping the zone of every place. A cell is (floor(lat) + 90) * 360 + floor(lon) + 180, as the
    Java side computes it.
    """
    source = os.path.join(shared, "data", "geonames", "cities1000.tsv.gz")
    best = {}
    with gzip.open(source, "rt", encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        col = {name: i for i, name in enumerate(header)}
        for line in f:
            p = line.rstrip("\n").split("\t")
            zone = p[col["timezone"]]
            if not zone:
                continue
            lat, lon = float(p[col["latitude"]]), float(p[col["longitude"]])
            cell = (math.floor(min(lat, 89.999)) + 90) * 360 + (math.floor(lon) + 180) % 360
            population = int(p[col["population"]] or 0)
            if cell not in best or population > best[cell][0]:
                best[cell] = (population, zone)
    rows = ["%d\t%s" % (cell, best[cell][1]) for cell in sorted(best)]
    target = os.path.join(out_dir, "zones.tsv.gz")
    with open(target, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", compresslevel=9, fileobj=raw, mtime=0) as gz:
            gz.write(("\n".join(rows) + "\n").encode("utf-8"))
    return len(rows), os.path.getsize(target)


def main(argv):
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    shared = argv[1] if len(argv) > 1 else os.path.join(repo, "..", "shared")
    if not os.path.isfile(os.path.join(shared, "data", "geonames", "cities1000.tsv.gz")):
        sys.exit("no data/geonames/cities1000.tsv.gz under %s; pass the shared folder as argument"
                 % os.path.abspath(shared))
    out_dir = os.path.join(repo, "bot", "src", "main", "resources", "gazetteer")
    os.makedirs(out_dir, exist_ok=True)
    count, size = build_places(shared, out_dir)
    admins = build_admin1(shared, out_dir)
    cells, zone_size = build_zones(shared, out_dir)
    print("places: %d rows, %.2f MB; admin1: %d rows; zones: %d cells, %.0f kB"
          % (count, size / 1e6, admins, cells, zone_size / 1e3))


if __name__ == "__main__":
    main(sys.argv)
