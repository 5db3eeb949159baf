#!/usr/bin/env python3
"""Validate data/countries/*.yaml and data/indicators/*.yaml.

Usage:  python3 tools/dataset/check_dataset.py [REPO_ROOT]

Standard library only: the files are read with a small parser for the YAML
subset that build_dataset.py writes (block mappings and sequences, `|` literal
blocks, flow mappings/lists, plain and double-quoted scalars). If PyYAML happens
to be installed, every file is also parsed with it and the two results must
agree, which catches scalars that a full YAML parser would read differently.

Checks: file name = code/id; only known fields; roles and eu_member consistent
with the 27 member states / origin list; every value key is a country with a
file (corridor keys: origin-destination with those roles); years 1900-2100;
values are numbers or null; flags are Eurostat letters; every source id
referenced is listed and every listed source is used; measure cells valid;
diaspora consistent with the corridor-population indicator.
Exit code 0 when clean, 1 with a list of problems.
"""
import datetime
import os
import re
import sys

EU27 = {"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
        "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"}
COUNTRY_FIELDS = {"code", "name", "roles", "region", "eu_member", "summary", "diaspora",
                  "measures", "sources"}
MEASURE_FIELDS = {"title", "actor", "kind", "mode", "effect", "weight", "since", "until",
                  "description", "sources"}
CODED_FIELDS = ("kind", "mode", "effect", "weight")
ACTORS = {"origin", "eu", "destination", "bilateral"}
DIASPORA_FIELDS = {"destination", "population", "year", "source"}
SOURCE_FIELDS = {"id", "author", "title", "date", "identifier", "url", "year"}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
IND_FIELDS = {"id", "title", "short_title", "unit", "higher_is_better", "scope",
              "compare_with", "gap_title", "description", "source", "values", "reference"}
IND_SOURCE_FIELDS = {"publisher", "title", "dataset", "url", "updated", "retrieved", "licence",
                     "note"}
UNITS = {"percent", "count", "rate-per-100", "index", "score"}
FLAG_LETTERS = set("bcdefnprsuz")
ID_RE = re.compile(r"^[a-z0-9-]+$")
REF_KEYS = {"EU27", "EU"}


# ---------------------------------------------------------------------------
# Minimal YAML-subset parser
# ---------------------------------------------------------------------------

class ParseError(Exception):
    pass


def parse_scalar(s):
    s = s.strip()
    if s.startswith('"'):
        val, rest = parse_dq(s, 0)
        if s[rest:].strip():
            raise ParseError(f"trailing text after string: {s!r}")
        return val
    if s in ("null", "~", ""):
        return None
    if s == "true":
        return True
    if s == "false":
        return False
    if re.fullmatch(r"-?\d+", s):
        return int(s)
    if re.fullmatch(r"-?\d+\.\d+", s):
        return float(s)
    if s.startswith(("{", "[")):
        val, pos = parse_flow(s, 0)
        if s[pos:].strip():
            raise ParseError(f"trailing text after flow value: {s!r}")
        return val
    if s[0] in "&*!|>%@`'":
        raise ParseError(f"unsupported scalar {s!r}")
    return s


def parse_dq(s, i):
    assert s[i] == '"'
    i += 1
    out = []
    esc = {'"': '"', "\\": "\\", "n": "\n", "t": "\t", "/": "/"}
    while i < len(s):
        ch = s[i]
        if ch == "\\":
            nxt = s[i + 1]
            if nxt in esc:
                out.append(esc[nxt])
                i += 2
            elif nxt == "x":
                out.append(chr(int(s[i + 2:i + 4], 16)))
                i += 4
            elif nxt == "u":
                out.append(chr(int(s[i + 2:i + 6], 16)))
                i += 6
            else:
                raise ParseError(f"bad escape in {s!r}")
        elif ch == '"':
            return "".join(out), i + 1
        else:
            out.append(ch)
            i += 1
    raise ParseError(f"unterminated string {s!r}")


def skip_ws(s, i):
    while i < len(s) and s[i] == " ":
        i += 1
    return i


def parse_flow(s, i):
    i = skip_ws(s, i)
    ch = s[i]
    if ch == "{":
        out = {}
        i = skip_ws(s, i + 1)
        if s[i] == "}":
            return out, i + 1
        while True:
            i = skip_ws(s, i)
            j = s.index(":", i)
            key = parse_scalar(s[i:j])
            val, i = parse_flow(s, j + 1)
            if key in out:
                raise ParseError(f"duplicate key {key!r}")
            out[key] = val
            i = skip_ws(s, i)
            if s[i] == ",":
                i += 1
                continue
            if s[i] == "}":
                return out, i + 1
            raise ParseError(f"bad flow mapping at {s[i:i + 20]!r}")
    if ch == "[":
        out = []
        i = skip_ws(s, i + 1)
        if s[i] == "]":
            return out, i + 1
        while True:
            val, i = parse_flow(s, i)
            out.append(val)
            i = skip_ws(s, i)
            if s[i] == ",":
                i += 1
                continue
            if s[i] == "]":
                return out, i + 1
            raise ParseError(f"bad flow list at {s[i:i + 20]!r}")
    if ch == '"':
        return parse_dq(s, i)
    j = i
    while j < len(s) and s[j] not in ",}]":
        j += 1
    return parse_scalar(s[i:j]), j


def indent_of(line):
    return len(line) - len(line.lstrip(" "))


def parse_yaml(text):
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for n, ln in enumerate(lines, 1):
        if "\t" in ln:
            raise ParseError(f"line {n}: tab character")
    val, i = parse_node(lines, 0, 0)
    while i < len(lines) and not lines[i].strip():
        i += 1
    if i != len(lines):
        raise ParseError(f"line {i + 1}: unexpected content {lines[i]!r}")
    return val


def next_content(lines, i):
    while i < len(lines) and not lines[i].strip():
        i += 1
    return i


def parse_node(lines, i, indent):
    i = next_content(lines, i)
    if lines[i][indent:].startswith("- "):
        return parse_seq(lines, i, indent)
    return parse_map(lines, i, indent)


def parse_seq(lines, i, indent):
    out = []
    while True:
        i = next_content(lines, i)
        if i >= len(lines) or indent_of(lines[i]) != indent or not lines[i][indent:].startswith("- "):
            return out, i
        lines = lines[:i] + [" " * (indent + 2) + lines[i][indent + 2:]] + lines[i + 1:]
        item, i = parse_map(lines, i, indent + 2)
        out.append(item)


def parse_map(lines, i, indent):
    out = {}
    while True:
        i = next_content(lines, i)
        if i >= len(lines) or indent_of(lines[i]) < indent:
            return out, i
        ln = lines[i]
        if indent_of(ln) != indent:
            raise ParseError(f"line {i + 1}: bad indentation")
        body = ln[indent:]
        if body.startswith("- "):
            return out, i
        m = re.match(r"^([A-Za-z0-9_-]+):(?: (.*))?$", body)
        if not m:
            raise ParseError(f"line {i + 1}: expected 'key: value', got {body!r}")
        key, rest = m.group(1), (m.group(2) or "").strip()
        if key in out:
            raise ParseError(f"line {i + 1}: duplicate key {key}")
        if rest == "|":
            i += 1
            chunk = []
            while i < len(lines) and (not lines[i].strip() or indent_of(lines[i]) > indent):
                chunk.append(lines[i])
                i += 1
            while chunk and not chunk[-1].strip():
                chunk.pop()
            ind = min(indent_of(c) for c in chunk if c.strip())
            out[key] = "\n".join(c[ind:] for c in chunk) + "\n"
        elif rest == "":
            j = next_content(lines, i + 1)
            if j < len(lines) and indent_of(lines[j]) > indent:
                out[key], i = parse_node(lines, j, indent_of(lines[j]))
            else:
                out[key] = None
                i += 1
        else:
            out[key] = parse_scalar(rest)
            i += 1


# ---------------------------------------------------------------------------
# Checks
# ---------------------------------------------------------------------------

class Report:
    def __init__(self):
        self.errors = []

    def err(self, path, msg):
        self.errors.append(f"{path}: {msg}")


def is_year(y):
    return isinstance(y, int) and not isinstance(y, bool) and 1900 <= y <= 2100


def is_num(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def normalise(v):
    """Make a PyYAML result comparable with ours (dates -> ISO strings)."""
    if isinstance(v, dict):
        return {normalise(k): normalise(x) for k, x in v.items()}
    if isinstance(v, list):
        return [normalise(x) for x in v]
    if isinstance(v, datetime.date):
        return v.isoformat()
    return v


def load(path, rep):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    try:
        data = parse_yaml(text)
    except (ParseError, ValueError, IndexError) as e:
        rep.err(path, f"cannot parse: {e}")
        return None
    try:
        import yaml  # optional cross-check
    except ImportError:
        yaml = None
    if yaml is not None:
        other = normalise(yaml.safe_load(text))
        if other != data:
            rep.err(path, "PyYAML reads this file differently from the subset parser")
    return data


def check_sources(path, data, rep):
    listed = {}
    for s in data.get("sources") or []:
        if not isinstance(s, dict):
            rep.err(path, "source entry is not a mapping")
            continue
        for k in s:
            if k not in SOURCE_FIELDS:
                rep.err(path, f"unknown source field {k!r}")
        sid = s.get("id")
        if not isinstance(sid, str) or not ID_RE.match(sid):
            rep.err(path, f"bad source id {sid!r}")
            continue
        if sid in listed:
            rep.err(path, f"duplicate source id {sid}")
        listed[sid] = s
        if not s.get("title"):
            rep.err(path, f"source {sid} has no title")
        if "year" in s and not is_year(s["year"]):
            rep.err(path, f"source {sid}: bad year {s['year']!r}")
        if "date" in s and not DATE_RE.match(str(s["date"])):
            rep.err(path, f"source {sid}: bad date {s['date']!r}")
        if "url" in s and not re.match(r"^https?://\S+$", str(s["url"])):
            rep.err(path, f"source {sid}: bad url {s['url']!r}")
    used = set()
    for d in data.get("diaspora") or []:
        used.add(d.get("source"))
    for m in data.get("measures") or []:
        for sid in m.get("sources") or []:
            used.add(sid)
            src = listed.get(sid)
            citable = src and (src.get("url") or src.get("identifier")
                               or (src.get("author") and src.get("date")))
            if src and not citable:
                rep.err(path, f"measure source {sid} has neither url, identifier nor author and date")
    for sid in sorted(used - set(listed), key=str):
        rep.err(path, f"source {sid!r} is referenced but not listed")
    for sid in sorted(set(listed) - used):
        rep.err(path, f"source {sid!r} is listed but never used")


def check_country(path, data, origins, rep):
    code = data.get("code")
    stem = os.path.basename(path)[:-5]
    for k in data:
        if k not in COUNTRY_FIELDS:
            rep.err(path, f"unknown field {k!r}")
    if not isinstance(code, str) or not re.match(r"^[A-Z]{2}$", code) or code.lower() != stem:
        rep.err(path, f"code {code!r} does not match the file name")
        return
    if not data.get("name"):
        rep.err(path, "missing name")
    roles = data.get("roles")
    if code in EU27:
        if roles != ["destination"] or data.get("eu_member") is not True:
            rep.err(path, "EU member state must have roles [destination] and eu_member: true")
        for k in ("diaspora", "measures", "sources"):
            if k in data:
                rep.err(path, f"destination profile must not have {k}")
    elif code in origins:
        if roles != ["origin"] or data.get("eu_member") is not False:
            rep.err(path, "origin must have roles [origin] and eu_member: false")
    else:
        rep.err(path, f"{code} is neither an EU member state nor a listed origin")
    if not isinstance(data.get("region"), str) or not data["region"]:
        rep.err(path, "missing region")
    summary = data.get("summary")
    if not isinstance(summary, str) or not summary.strip():
        rep.err(path, "missing summary")
    for d in data.get("diaspora") or []:
        for k in d:
            if k not in DIASPORA_FIELDS:
                rep.err(path, f"unknown diaspora field {k!r}")
        if d.get("destination") not in EU27:
            rep.err(path, f"diaspora destination {d.get('destination')!r} is not an EU member")
        pop = d.get("population")
        if not isinstance(pop, int) or isinstance(pop, bool) or pop <= 0:
            rep.err(path, f"diaspora population {pop!r} must be a positive integer")
        if not is_year(d.get("year")):
            rep.err(path, f"diaspora year {d.get('year')!r}")
    dests = [d.get("destination") for d in data.get("diaspora") or []]
    if len(dests) != len(set(dests)):
        rep.err(path, "duplicate diaspora destination")
    for m in data.get("measures") or []:
        t = m.get("title")
        for k in m:
            if k not in MEASURE_FIELDS:
                rep.err(path, f"measure {t!r}: unknown field {k!r}")
        if not t:
            rep.err(path, "measure without title")
        actor = m.get("actor", "origin")
        if actor not in ACTORS:
            rep.err(path, f"measure {t!r}: actor {actor!r}")
        if actor != "origin":
            for k in CODED_FIELDS:
                if k in m:
                    rep.err(path, f"context item {t!r} (actor {actor}) must not have {k}")
        else:
            if not isinstance(m.get("kind"), str) or not ID_RE.match(m["kind"]):
                rep.err(path, f"measure {t!r}: kind {m.get('kind')!r}")
            if m.get("mode") not in ("active", "passive"):
                rep.err(path, f"measure {t!r}: mode {m.get('mode')!r}")
            if m.get("effect") not in ("concordant", "discordant"):
                rep.err(path, f"measure {t!r}: effect {m.get('effect')!r}")
            if m.get("weight") not in (1, 2, 3) or isinstance(m.get("weight"), bool):
                rep.err(path, f"measure {t!r}: weight {m.get('weight')!r}")
        for k in ("since", "until"):
            if k in m and not is_year(m[k]):
                rep.err(path, f"measure {t!r}: {k} {m[k]!r}")
        if is_year(m.get("since")) and is_year(m.get("until")) and m["since"] > m["until"]:
            rep.err(path, f"measure {t!r}: since after until")
        if not m.get("sources"):
            rep.err(path, f"measure {t!r}: no sources")
        if not isinstance(m.get("description"), str) or not m["description"].strip():
            rep.err(path, f"measure {t!r}: no description")
    check_sources(path, data, rep)


def check_value(path, key, year, v, rep):
    if not is_year(year):
        rep.err(path, f"{key}: bad year {year!r}")
    if v is None or is_num(v):
        return
    if isinstance(v, dict):
        for k in v:
            if k not in ("value", "flag", "note"):
                rep.err(path, f"{key} {year}: unknown field {k!r}")
        if "value" not in v:
            rep.err(path, f"{key} {year}: mapping without value")
        elif not (v["value"] is None or is_num(v["value"])):
            rep.err(path, f"{key} {year}: value {v['value']!r} is not a number")
        if "flag" in v:
            f = v["flag"]
            if not isinstance(f, str) or not f or set(f) - FLAG_LETTERS:
                rep.err(path, f"{key} {year}: bad flag {f!r}")
        if "note" in v and not isinstance(v["note"], str):
            rep.err(path, f"{key} {year}: note must be text")
        return
    rep.err(path, f"{key} {year}: bad value {v!r}")


def check_indicator(path, data, roles, rep):
    stem = os.path.basename(path)[:-5]
    for k in data:
        if k not in IND_FIELDS:
            rep.err(path, f"unknown field {k!r}")
    if data.get("id") != stem or not ID_RE.match(stem):
        rep.err(path, f"id {data.get('id')!r} does not match the file name")
    for k in ("title", "unit", "scope", "source", "values"):
        if k not in data:
            rep.err(path, f"missing {k}")
    if data.get("unit") not in UNITS:
        rep.err(path, f"unit {data.get('unit')!r}")
    if not isinstance(data.get("higher_is_better"), bool):
        rep.err(path, "higher_is_better must be true or false")
    scope = data.get("scope")
    if scope not in ("country", "corridor"):
        rep.err(path, f"scope {scope!r}")
    src = data.get("source") or {}
    for k in src:
        if k not in IND_SOURCE_FIELDS:
            rep.err(path, f"unknown source field {k!r}")
    if not src.get("title"):
        rep.err(path, "source without title")
    for k in ("retrieved", "updated"):
        if k in src and not re.match(r"^\d{4}-\d{2}-\d{2}$", str(src[k])):
            rep.err(path, f"{k} {src[k]!r} is not YYYY-MM-DD")
    if "compare_with" in data and not data.get("gap_title"):
        rep.err(path, "an indicator with compare_with names its gap (gap_title)")
    for key, series in (data.get("values") or {}).items():
        if scope == "country":
            if key not in roles:
                rep.err(path, f"value key {key!r} has no country file")
        else:
            parts = str(key).split("-")
            if len(parts) != 2 or "origin" not in roles.get(parts[0], ()) \
                    or "destination" not in roles.get(parts[1], ()):
                rep.err(path, f"corridor key {key!r} needs an origin and a destination")
        if not isinstance(series, dict) or not series:
            rep.err(path, f"{key}: empty or invalid series")
            continue
        for year, v in series.items():
            check_value(path, key, year, v, rep)
    for key, series in (data.get("reference") or {}).items():
        if key not in REF_KEYS:
            rep.err(path, f"reference key {key!r} is not one of {sorted(REF_KEYS)}")
        for year, v in (series or {}).items():
            check_value(path, key, year, v, rep)


def main(argv):
    repo = argv[1] if len(argv) > 1 else os.path.dirname(os.path.dirname(
        os.path.dirname(os.path.abspath(__file__))))
    rep = Report()
    cdir = os.path.join(repo, "data", "countries")
    idir = os.path.join(repo, "data", "indicators")
    countries = {}
    for fn in sorted(os.listdir(cdir)):
        if not fn.endswith(".yaml"):
            rep.err(os.path.join(cdir, fn), "unexpected file")
            continue
        p = os.path.join(cdir, fn)
        d = load(p, rep)
        if isinstance(d, dict):
            countries[p] = d
    origins = {d["code"] for d in countries.values()
               if d.get("roles") == ["origin"] and isinstance(d.get("code"), str)}
    for p, d in countries.items():
        check_country(p, d, origins, rep)
    codes = {d.get("code") for d in countries.values()}
    missing = EU27 - codes
    if missing:
        rep.err(cdir, f"missing member states: {sorted(missing)}")
    roles = {d["code"]: tuple(d.get("roles") or ()) for d in countries.values()
             if isinstance(d.get("code"), str)}
    indicators = {}
    for fn in sorted(os.listdir(idir)):
        p = os.path.join(idir, fn)
        d = load(p, rep)
        if isinstance(d, dict):
            indicators[d.get("id")] = (p, d)
            check_indicator(p, d, roles, rep)
    for iid, (p, d) in indicators.items():
        cw = d.get("compare_with")
        if cw is not None:
            if cw not in indicators:
                rep.err(p, f"compare_with {cw!r} is not an indicator")
            elif indicators[cw][1].get("scope") != d.get("scope"):
                rep.err(p, f"compare_with {cw!r} has another scope")
    # diaspora must agree with the corridor indicator (latest non-zero year)
    corr = indicators.get("corridor-population", (None, {}))[1].get("values") or {}
    for p, d in countries.items():
        for item in d.get("diaspora") or []:
            series = corr.get(f"{d['code']}-{item.get('destination')}") or {}
            latest = max((y for y, v in series.items() if v is not None), default=None)
            val = series.get(latest)
            val = val.get("value") if isinstance(val, dict) else val
            if latest != item.get("year") or val != item.get("population"):
                rep.err(p, f"diaspora {item.get('destination')} does not match "
                           f"corridor-population (latest {latest}: {val})")
    n_measures = sum(len(d.get("measures") or []) for d in countries.values())
    if rep.errors:
        print("\n".join(rep.errors))
        print(f"{len(rep.errors)} problem(s)")
        return 1
    print(f"ok: {len(countries)} country files ({len(origins)} origins, {n_measures} measures), "
          f"{len(indicators)} indicator files")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
