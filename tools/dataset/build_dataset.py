#!/usr/bin/env python3
"""Build the default dataset of polibrief from the shared research data.

Usage (from anywhere):
    python3 tools/dataset/build_dataset.py [SHARED_DATA_DIR]

SHARED_DATA_DIR defaults to ../shared/data relative to the repository root.
Writes data/countries/<code>.yaml, data/indicators/<id>.yaml and
tools/dataset/CODING.md. Python 3.11 standard library only; the output is
deterministic (same input -> byte-identical files).

Rules kept here: no number is typed by hand; every value comes from a named
input file; flags are copied as written; empty cells become null; no average
or aggregate is computed (the only derived figure, the non-EU share, is
computed upstream in series/non_eu_share.csv and labelled as such).
"""
import csv
import os
import re
import sys
import textwrap

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # keep tools/dataset free of __pycache__

import facts  # noqa: E402  (hand-coded facts beside this script)

EU_LICENCE = ("CC BY 4.0 under the Commission's reuse policy (Decision 2011/833/EU); "
              "attribution: Source: Eurostat")
MIPEX_LICENCE = ("Reused with attribution to Solano and Huddleston, Migrant Integration Policy "
                 "Index 2020 (Migration Policy Group and CIDOB); this site applies CC BY-NC-SA 4.0 "
                 "(non-commercial, share-alike) to its MIPEX figures")
WRAP = 92

# ---------------------------------------------------------------------------
# Reading inputs
# ---------------------------------------------------------------------------


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


NUM_RE = re.compile(r"^-?\d+(\.\d+)?$")
FLAG_RE = re.compile(r"^[a-z]+$")


class Num:
    """A number kept exactly as written in the source file."""

    def __init__(self, text):
        text = text.strip()
        if not NUM_RE.match(text):
            raise ValueError(f"not a number: {text!r}")
        self.text = text

    def __float__(self):
        return float(self.text)

    def __repr__(self):
        return self.text


class Cell:
    """One observation: value (Num or None), flag (str or ''), note (str or '')."""

    def __init__(self, value, flag="", note=""):
        self.value = value
        self.flag = flag
        self.note = note
        if flag and not FLAG_RE.match(flag):
            raise ValueError(f"bad flag {flag!r}")


def read_series(path, key_cols=("country",), value_col="value", flag_col="flag", where=None):
    """Return {key: {year: Cell}} for a tidy series file; keeps every listed year."""
    out = {}
    for row in read_csv(path):
        if where and not where(row):
            continue
        key = "-".join(row[c] for c in key_cols)
        year = int(row["year"])
        raw = row[value_col].strip()
        flag = row.get(flag_col, "") or ""
        flag = flag.strip()
        value = Num(raw) if raw else None
        by_year = out.setdefault(key, {})
        if year in by_year:
            raise ValueError(f"{path}: duplicate {key} {year}")
        by_year[year] = Cell(value, flag)
    return out


# ---------------------------------------------------------------------------
# YAML writing (a small, strict subset: what the site format needs)
# ---------------------------------------------------------------------------

YAML_RESERVED = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"}
PLAIN_RE = re.compile(r"^[A-Za-z][A-Za-z0-9 ,.()/_%'&+-]*$")
URL_RE = re.compile(r"^https?://[^\s#]+$")


def scalar(v):
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, Num):
        return v.text
    if isinstance(v, str):
        if (PLAIN_RE.match(v) and v.lower() not in YAML_RESERVED and not v.endswith(" ")
                and ": " not in v and " #" not in v) or URL_RE.match(v):
            return v
        return dquote(v)
    raise TypeError(type(v))


def dquote(s):
    out = ['"']
    for ch in s:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ord(ch) < 0x20:
            out.append("\\x%02x" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def block(key, text, indent):
    """`key: |` literal block, wrapped; paragraphs separated by blank lines."""
    pad = " " * indent
    lines = [f"{pad}{key}: |"]
    paras = [p.strip() for p in text.strip().split("\n\n")]
    for i, para in enumerate(paras):
        if i:
            lines.append("")
        para = " ".join(para.split())
        for ln in textwrap.wrap(para, width=WRAP - indent - 2, break_long_words=False,
                                break_on_hyphens=False):
            lines.append(f"{pad}  {ln}")
    return lines


def flow_list(items):
    return "[" + ", ".join(scalar(i) for i in items) + "]"


def cell_yaml(c):
    if not c.flag and not c.note:
        return scalar(c.value)
    parts = [f"value: {scalar(c.value)}"]
    if c.flag:
        parts.append(f"flag: {c.flag if c.flag.lower() not in YAML_RESERVED else dquote(c.flag)}")
    if c.note:
        parts.append(f"note: {dquote(c.note)}")
    return "{" + ", ".join(parts) + "}"


def series_yaml(by_year):
    return "{" + ", ".join(f"{y}: {cell_yaml(by_year[y])}" for y in sorted(by_year)) + "}"


def write(path, lines):
    text = "\n".join(lines).rstrip("\n") + "\n"
    for ln in text.split("\n"):
        if ln != ln.rstrip():
            raise ValueError(f"{path}: trailing whitespace in {ln!r}")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


# ---------------------------------------------------------------------------
# Countries
# ---------------------------------------------------------------------------

FLAG_WORDS = {"b": "break in series", "u": "low reliability", "d": "definition differs",
              "e": "estimated", "p": "provisional", "c": "confidential", "f": "forecast",
              "n": "not significant", "r": "revised", "s": "Eurostat estimate",
              "z": "not applicable"}
WITH_THE = {"NL"}


def flag_words(flag):
    return ", ".join(FLAG_WORDS[ch] for ch in flag)


def the(code, name):
    return f"the {name}" if code in WITH_THE else name


def destination_summary(code, name, data, mipex_note):
    name_t = the(code, name)
    s = []
    share = data["share"].get(code, {}).get(2024)
    if share and share.value is not None:
        s.append(f"On 1 January 2024, citizens of countries outside the EU made up {share.value}% "
                 f"of the population of {name_t} (Eurostat, migr_pop1ctz; a share derived for "
                 "this site from two Eurostat counts).")
    neu = data["emp_neu"].get(code, {}).get(2024)
    nat = data["emp_nat"].get(code, {}).get(2024)
    if neu and nat and neu.value is not None and nat.value is not None:
        flags = []
        if neu.flag and neu.flag == nat.flag:
            flags.append(f"both figures flagged {neu.flag}, {flag_words(neu.flag)}")
        else:
            if neu.flag:
                flags.append(f"the non-EU figure is flagged {neu.flag}, {flag_words(neu.flag)}")
            if nat.flag:
                flags.append(f"the nationals' figure is flagged {nat.flag}, {flag_words(nat.flag)}")
        src = "Eurostat, lfsa_ergan" + ("; " + "; ".join(flags) if flags else "")
        sent = (f"In 2024, {neu.value}% of non-EU citizens aged 20-64 were in employment, "
                f"against {nat.value}% of nationals ({src})")
        gap = float(neu.value) - float(nat.value)
        if -1 < gap < 1:
            sent += ", so non-EU citizens were employed about as often as nationals"
        elif gap >= 1:
            sent += ", so non-EU citizens were employed more often than nationals"
        else:
            sent += ", so nationals were more often in work"
        s.append(sent + ".")
    nat_neu = data["nat_neu"].get(code, {}).get(2024)
    if nat_neu and nat_neu.value is not None:
        src = "Eurostat, migr_acqs" + (f"; flagged {nat_neu.flag}, {flag_words(nat_neu.flag)}"
                                       if nat_neu.flag else "")
        s.append(f"The same year, acquisitions of citizenship by non-EU citizens came to "
                 f"{nat_neu.value} per 100 non-EU residents ({src}).")
    s.append(mipex_note)
    if code in facts.DESTINATION_NOTES:
        s.append(facts.DESTINATION_NOTES[code])
    return " ".join(s)


def mipex_sentence(code, cell, kind):
    if cell is None or cell.value is None or kind in (None, "secondary"):
        return "The sources used for this dataset give no MIPEX 2020 overall score for it."
    v = cell.value
    edition = "In the MIPEX 2020 edition, which scores policies as they stood in 2019,"
    return {
        "workbook": f"{edition} its overall score is {v} out of 100 (MIPEX EU policy-indicator workbook).",
        "page": f"{edition} its overall score is {v} out of 100 (MIPEX 2020 country page).",
        "press": f"{edition} its overall score is reported as {v} out of 100 in a press report of the edition's results, not in a MIPEX publication.",
        "derived": f"{edition} its overall score is read as {v} out of 100: a European Commission report of the edition's results ranks it together with Bulgaria, whose published score is 40; the figure is derived, not published.",
    }[kind]


def origin_summary(code, name, diaspora, dest_names):
    text = facts.ORIGIN_SUMMARIES[code].strip()
    recent = [d for d in diaspora if d["year"] == 2024]
    recent.sort(key=lambda d: (-d["population"], d["destination"]))
    top = [dest_names[d["destination"]] for d in recent[:3]]
    top = [the(c, n) for c, n in zip([d["destination"] for d in recent[:3]], top)]
    if len(top) >= 2:
        listed = ", ".join(top[:-1]) + " and " + top[-1]
        sent = (f"Among the EU states whose Eurostat figures give the breakdown by citizenship, "
                f"the largest communities of citizens of {name} on 1 January 2024 lived in "
                f"{listed} (Eurostat, migr_pop1ctz)")
        fr = [d for d in diaspora if d["destination"] == "FR"]
        if fr and len(recent) >= 3 and fr[0]["population"] > recent[2]["population"]:
            beaten = next(d for d in recent[:3] if d["population"] < fr[0]["population"])
            third = the(beaten["destination"], dest_names[beaten["destination"]])
            sent += ("; France, which last reported this breakdown for 1 January 2018, counted "
                     f"more of them at that date than {third} did in 2024")
        text += " " + sent + "."
    return text


def build_diaspora(origin, stocks, eu):
    """Latest year per EU destination, from corridor_stocks; zero values skipped."""
    out = []
    for key, by_year in stocks.items():
        o, d = key.split("-")
        if o != origin or d not in eu:
            continue
        years = [y for y, c in by_year.items() if c.value is not None]
        if not years:
            continue
        y = max(years)
        v = by_year[y].value
        if float(v) == 0:
            continue
        out.append({"destination": d, "population": int(v.text), "year": y,
                    "source": "eurostat-migr-pop1ctz"})
    out.sort(key=lambda r: (-r["population"], r["destination"]))
    return out


def country_lines(c):
    lines = [f"code: {c['code']}", f"name: {scalar(c['name'])}",
             f"roles: {flow_list(c['roles'])}", f"region: {scalar(c['region'])}",
             f"eu_member: {scalar(c['eu_member'])}"]
    lines += block("summary", c["summary"], 0)
    if c.get("diaspora"):
        lines.append("diaspora:")
        for d in c["diaspora"]:
            lines.append(f"  - destination: {d['destination']}")
            lines.append(f"    population: {d['population']}")
            lines.append(f"    year: {d['year']}")
            lines.append(f"    source: {d['source']}")
    items = list(c.get("measures") or []) + list(c.get("context") or [])
    if items:
        lines.append("measures:")
        for m in items:
            lines.append(f"  - title: {scalar(m['title'])}")
            if "actor" in m:
                lines.append(f"    actor: {m['actor']}")
            else:
                mode, effect, weight = facts.RULES[m["kind"]]
                lines.append(f"    kind: {m['kind']}")
                lines.append(f"    mode: {mode}")
                lines.append(f"    effect: {effect}")
                lines.append(f"    weight: {weight}")
            for k in ("since", "until"):
                if k in m:
                    lines.append(f"    {k}: {scalar(m[k])}")
            lines += block("description", m["description"], 4)
            lines.append(f"    sources: {flow_list(m['sources'])}")
    if c.get("sources"):
        lines.append("sources:")
        for s in c["sources"]:
            lines.append(f"  - id: {s['id']}")
            if s.get("author"):
                lines.append(f"    author: {scalar(s['author'])}")
            lines.append(f"    title: {scalar(s['title'])}")
            if s.get("date"):
                lines.append(f"    date: {dquote(s['date'])}")
            if s.get("identifier"):
                lines.append(f"    identifier: {scalar(s['identifier'])}")
            if s.get("url"):
                lines.append(f"    url: {scalar(s['url'])}")
    return lines


def used_sources(diaspora, measures):
    """Sources in order of first use by diaspora entries, measures and context items."""
    order = []
    for d in diaspora:
        if d["source"] not in order:
            order.append(d["source"])
    for m in measures:
        for s in m["sources"]:
            if s not in order:
                order.append(s)
    out = []
    for sid in order:
        if sid not in facts.SOURCES:
            raise KeyError(f"unknown source id {sid}")
        src = dict(facts.SOURCES[sid])
        src["id"] = sid
        out.append(src)
    return out


# ---------------------------------------------------------------------------
# Indicators
# ---------------------------------------------------------------------------


def indicator_lines(ind):
    lines = [f"id: {ind['id']}", f"title: {scalar(ind['title'])}",
             f"short_title: {scalar(ind['short_title'])}", f"unit: {ind['unit']}",
             f"higher_is_better: {scalar(ind['higher_is_better'])}", f"scope: {ind['scope']}"]
    if ind.get("compare_with"):
        lines.append(f"compare_with: {ind['compare_with']}")
        lines.append(f"gap_title: {scalar(ind['gap_title'])}")
    lines += block("description", ind["description"], 0)
    src = ind["source"]
    lines.append("source:")
    lines.append(f"  publisher: {scalar(src['publisher'])}")
    lines.append(f"  title: {dquote(src['title'])}")
    lines.append(f"  dataset: {scalar(src['dataset'])}")
    lines.append(f"  url: {scalar(src['url'])}")
    if src.get("updated"):
        lines.append(f"  updated: {src['updated']}")
    lines.append(f"  licence: {dquote(src['licence'])}")
    lines += block("note", src["note"], 2)
    lines.append("values:")
    for key in sorted(ind["values"]):
        lines.append(f"  {key}: {series_yaml(ind['values'][key])}")
    if ind.get("reference"):
        lines.append("reference:")
        for key in sorted(ind["reference"]):
            lines.append(f"  {key}: {series_yaml(ind['reference'][key])}")
    return lines


def split_values(series, countries, ref_keys):
    values, reference = {}, {}
    for key, by_year in series.items():
        if key in ref_keys:
            reference[key] = by_year
        elif key in countries:
            values[key] = by_year
        else:
            raise KeyError(f"unexpected key {key}")
    return values, reference


LFS_NOTE = (
    "Filters: annual data, unit percent, both sexes, ages 20-64, citizen {citizen}; the 27 "
    "member states (Eurostat's EL written GR) and Eurostat's EU27_2020 aggregate (written EU27, "
    "shown as a reference line). Flags are as Eurostat published them. The values are those of "
    "an extract of the Eurostat database made in September 2025; the extract does not carry "
    "Eurostat's update date, so later revisions by Eurostat are not included."
    " How the extracts were obtained is explained on the [data and sources](/about/data-and-sources/) page."
)

ACQ_NOTE = (
    "Filters: unit percent, both sexes, indicator {indic}; the 27 member states (Eurostat's EL "
    "written GR) and Eurostat's EU aggregate of the member states of each year (shown as a "
    "reference line). Flags are as Eurostat published them. The values come from the Eurostat "
    "database as updated on 27 March 2026."
    " How the extracts were obtained is explained on the [data and sources](/about/data-and-sources/) page."
)

POP_NOTE_COMMON = (
    "The values come from the Eurostat database as updated on 13 March 2025 (sex total, all "
    "ages, unit number). The extract used does not carry Eurostat's observation flags, so no "
    "flags are shown."
    " How the extracts were obtained is explained on the [data and sources](/about/data-and-sources/) page."
)

ESTAT_DB = "Eurostat database"


def build_indicators(sd, countries, origins, eu):
    ser = os.path.join(sd, "series")
    inds = []

    def eurostat_lfs(ind_id, file, citizen, title, short, compare, gap_title, description):
        s = read_series(os.path.join(ser, file))
        values, reference = split_values(s, countries, {"EU27"})
        inds.append({
            "id": ind_id, "title": title, "short_title": short, "unit": "percent",
            "higher_is_better": True, "scope": "country", "compare_with": compare,
            "gap_title": gap_title, "description": description,
            "source": {"publisher": "Eurostat",
                       "title": "Employment rates by sex, age and citizenship (%)",
                       "dataset": "lfsa_ergan",
                       "url": "https://ec.europa.eu/eurostat/databrowser/view/lfsa_ergan/default/table",
                       "licence": EU_LICENCE,
                       "note": LFS_NOTE.format(citizen=citizen)},
            "values": values, "reference": reference})

    eurostat_lfs(
        "employment-rate-non-eu", "lfsa_ergan_neu.csv", "NEU27_2020_FOR (citizens of non-EU-27 countries)",
        "Employment rate of non-EU citizens aged 20-64", "Employment, non-EU citizens",
        None, None,
        "Share of people aged 20 to 64 who hold the citizenship of a country outside the EU-27 "
        "and are in employment, in percent, from the EU Labour Force Survey (annual results). "
        "Citizens of other EU member states are not included, and migrants who have naturalised "
        "count as nationals, so the indicator follows a legal status, not a migration "
        "background.\n\n"
        "Small samples make many values unreliable: Eurostat flags them `u`, and some "
        "country-years are not published at all (shown as missing, with their flag). Every "
        "country has a break in series (`b`) in 2021 and some in other years; Spain and France "
        "carry `d` (definition differs) from 2021. The EU27 reference line is Eurostat's own "
        "EU27_2020 aggregate. The employment gap, nationals minus non-EU citizens, is charted on "
        "the page of the [employment rate of nationals](/indicators/employment-rate-nationals/).")
    eurostat_lfs(
        "employment-rate-nationals", "lfsa_ergan_nat.csv", "NAT (citizens of the reporting country)",
        "Employment rate of nationals aged 20-64", "Employment, nationals",
        "employment-rate-non-eu", "Employment gap (nationals minus non-EU citizens)",
        "Share of people aged 20 to 64 who hold the citizenship of the reporting country and "
        "are in employment, in percent, from the EU Labour Force Survey (annual results). "
        "Naturalised migrants are counted here. It is the benchmark for the employment rate of "
        "non-EU citizens.\n\n"
        "The employment gap is this rate minus the rate of non-EU citizens, in percentage "
        "points: a positive gap means nationals are more often in work, a negative gap that "
        "non-EU citizens are. The site uses this one definition wherever the gap appears.\n\n"
        "Every country has a break in series (`b`) in 2021 and some in other years; Spain and "
        "France carry `d` (definition differs) from 2021. The EU27 reference line is Eurostat's "
        "own EU27_2020 aggregate.")

    # non-EU share
    s = read_series(os.path.join(ser, "non_eu_share.csv"))
    values, reference = split_values(s, countries, {"EU27"})
    inds.append({
        "id": "non-eu-share", "title": "Share of non-EU citizens in the population",
        "short_title": "Non-EU citizens, % of population", "unit": "percent",
        "higher_is_better": False, "scope": "country",
        "description":
            "Citizens of countries outside the EU-27 as a share of all residents on 1 January, in "
            "percent. This is a context indicator: a higher or lower share is neither better nor "
            "worse, and `higher_is_better` is set to false only because the format asks for a "
            "value. The count excludes stateless persons and people of unknown citizenship, and "
            "countries differ in how they count temporary-protection beneficiaries (notably from "
            "Ukraine).\n\n"
            "Every value is derived for this site from two Eurostat counts; none is a figure "
            "Eurostat publishes. Coverage of the non-EU count is uneven: most countries start in "
            "2017; Spain, France, Hungary, Italy, Lithuania and Portugal cover 2015-2024; Croatia, "
            "Cyprus and Malta start in 2021; Bulgaria and the EU27 reference in 2023; Romania has "
            "no 2022 data. Missing years are shown as missing.",
        "source": {"publisher": "Eurostat",
                   "title": "Population on 1 January by age group, sex and citizenship",
                   "dataset": "migr_pop1ctz",
                   "url": "https://ec.europa.eu/eurostat/databrowser/view/migr_pop1ctz/default/table",
                   "updated": "2025-03-13", "licence": EU_LICENCE,
                   "note": "Derived for this site as 100 x citizens of non-EU countries (citizen "
                           "NEU27_2020_FOR) / all residents (citizen TOTAL), rounded to two "
                           "decimals; it is not a figure published by Eurostat. "
                           + POP_NOTE_COMMON},
        "values": values, "reference": reference})

    def acq(ind_id, file, indic, title, short, compare, gap_title, numer, denom, start, extra=""):
        s = read_series(os.path.join(ser, file))
        values, reference = split_values(s, countries, {"EU"})
        inds.append({
            "id": ind_id, "title": title, "short_title": short, "unit": "rate-per-100",
            "higher_is_better": True, "scope": "country", "compare_with": compare,
            "gap_title": gap_title,
            "description":
                f"Acquisitions of the reporting country's citizenship during the year by {numer}, "
                f"per 100 {denom} resident there on 1 January (Eurostat indicator {indic}). A "
                "higher rate is read here as wider access to citizenship, but the rate also "
                "depends on how many residents are eligible and choose to apply.\n\n"
                "The reference line `EU` is Eurostat's aggregate for the European Union as "
                "composed in each year (its evolving composition), not the fixed EU-27, and "
                f"starts in {start} here. Flags: `b` break in series, `e` estimated, `p` "
                "provisional. Romania's series was revised sharply between Eurostat releases; "
                "read it with caution." + extra,
            "source": {"publisher": "Eurostat",
                       "title": "Residents who acquired citizenship as a share of resident "
                                "non-citizens by former citizenship and sex",
                       "dataset": "migr_acqs",
                       "url": "https://ec.europa.eu/eurostat/databrowser/view/migr_acqs/default/table",
                       "updated": "2026-03-27", "licence": EU_LICENCE,
                       "note": ACQ_NOTE.format(indic=indic)},
            "values": values, "reference": reference})

    acq("naturalisation-rate-non-eu", "naturalisation_neu.csv", "NEU_P_HHAB",
        "Naturalisation rate of non-EU citizens", "Naturalisation, non-EU citizens",
        "naturalisation-rate-all",
        "Difference (non-EU citizens minus all foreign citizens)",
        "former citizens of non-EU countries", "citizens of non-EU countries", 2015,
        " Bulgaria, Greece, Croatia, Cyprus and Malta have no 2020 value.")
    acq("naturalisation-rate-all", "naturalisation_all.csv", "FOR_P_HHAB",
        "Naturalisation rate of all foreign citizens", "Naturalisation, all foreigners",
        None, None, "former foreign citizens (EU and non-EU)", "foreign citizens", 2014)

    # MIPEX access to nationality 2007-2019
    s = read_series(os.path.join(ser, "mipex_atn_2007_2019.csv"), flag_col="none",
                    where=lambda r: r["strand"] == "access_to_nationality")
    values, reference = split_values(s, countries, set())
    inds.append({
        "id": "mipex-access-to-nationality", "title": "MIPEX score for access to nationality",
        "short_title": "MIPEX, access to nationality", "unit": "score",
        "higher_is_better": True, "scope": "country",
        "description":
            "Score from 0 to 100 for the Migrant Integration Policy Index (MIPEX) policy area "
            "'access to nationality'; higher scores mean policies closer to MIPEX's benchmark of "
            "equal treatment. MIPEX scores laws and policies, not outcomes: each indicator is "
            "scored and the scores are averaged by area.\n\n"
            "Years are the years whose policies are scored (reference years), 2007-2019, all "
            "from the core indicator set of the MIPEX 2020 edition, so the series is one edition "
            "throughout. The value for 2019 is the one the MIPEX 2020 edition reports. Bulgaria "
            "and Romania start in 2010 and Croatia in 2013. Values keep the decimals they were "
            "published with (up to three; shown with at most two).",
        "source": {"publisher": "MIPEX (Migration Policy Group and CIDOB)",
                   "title": "Policy Indicators Scores (2007-2019), core set of indicators, "
                            "citizenship strand",
                   "dataset": "MIPEX 2020 edition, access to nationality",
                   "url": "https://www.mipex.eu/",
                   "licence": MIPEX_LICENCE,
                   "note": "Only EU-27 rows with a value are shown (Greece written GR). No flags."
                           + PROVENANCE},
        "values": values, "reference": {}})

    # MIPEX overall
    inds.append(build_mipex_overall(sd, countries))

    # corridor population
    s = read_series(os.path.join(ser, "corridor_stocks.csv"), key_cols=("origin", "destination"),
                    flag_col="none")
    values = {}
    for key, by_year in s.items():
        o, d = key.split("-")
        if o in origins and d in eu:
            values[key] = by_year
    inds.append({
        "id": "corridor-population",
        "title": "Citizens of the origin country living in the destination",
        "short_title": "Citizens of origin in destination", "unit": "count",
        "higher_is_better": False, "scope": "corridor",
        "description":
            "Number of citizens of the origin country usually resident in the EU destination on "
            "1 January (all ages, both sexes), from Eurostat's population statistics by "
            "citizenship. It is a descriptive size measure: a larger community is neither better "
            "nor worse, and `higher_is_better` is false only because the format asks for a "
            "value. It counts citizenship, not country of birth, so people who naturalise in the "
            "destination leave the count.\n\n"
            "Only destinations and years that report the breakdown appear: France stops after "
            "2018, Bulgaria has only 2023-2024, Denmark lacks 2023-2024, Luxembourg starts in "
            "2016 and Ireland in 2017, Estonia lacks 2021 and Romania 2022, and some pairs are "
            "missing within covered years; Croatia, Cyprus, Greece, Malta and Poland are absent. "
            "Reported zeros are kept. The source's labels do not show whether 'China' includes "
            "Hong Kong or which code lies behind 'Serbia'.",
        "source": {"publisher": "Eurostat",
                   "title": "Population on 1 January by age group, sex and citizenship",
                   "dataset": "migr_pop1ctz",
                   "url": "https://ec.europa.eu/eurostat/databrowser/view/migr_pop1ctz/default/table",
                   "updated": "2025-03-13", "licence": EU_LICENCE,
                   "note": "Citizens of the 15 origin countries of this site living in EU member "
                           "states; only the pairs and years the database reports are listed. "
                           + POP_NOTE_COMMON},
        "values": values, "reference": {}})
    return inds


# How each MIPEX 2020 overall value outside the workbook is sourced (sources.md keys):
# (kind, note or None). Values published by MIPEX itself carry no note; a value from a
# press report or derived indirectly carries a note, and charts, tables, CSV and
# reports mark it. A value from an unverified secondary source is not used.
MIPEX_OTHER = {
    "S-MIPEX-PAGE": ("page", None),
    "S-MIPEX-PRESS": ("press", "From a press report of the MIPEX 2020 results (Delano, "
                               "https://delano.lu/article/delano_report-shows-lux-integration-improvements), "
                               "not from a MIPEX publication; published as a whole number."),
    "S-MIPEX-SEC": ("secondary", None),
    "S-MIPEX-EWSI-BG": ("derived", "Derived, not published for Poland: the European Commission's "
                                   "European Website on Integration "
                                   "(https://ec.europa.eu/migrant-integration/news/bulgaria-national-results-mipex-2020_en) "
                                   "reports Bulgaria at 40 points, ranked together with Poland, so "
                                   "Poland's score is read as 40."),
}
MIPEX_PAGES = {"BE": "https://www.mipex.eu/belgium", "BG": "https://www.mipex.eu/bulgaria",
               "PT": "https://mipex.eu/portugal", "FR": "https://www.mipex.eu/france"}
MIPEX_PAGE_NAMES = {"BE": "Belgium", "BG": "Bulgaria", "PT": "Portugal", "FR": "France"}
PROVENANCE = (" How the figures were obtained is explained on the "
              "[data and sources](/about/data-and-sources/) page.")
# The MIPEX 2020 edition scores policies as of 2019: its values are keyed 2019, the
# reference year, as in mipex-access-to-nationality.
MIPEX_2020_EDITION_YEAR = 2019


def mipex_kind(dest_row):
    keys = dest_row["source"].split(";")
    if "S-MIPEX-WB" in keys:
        return "workbook"
    for k in ("S-MIPEX-PAGE", "S-MIPEX-PRESS", "S-MIPEX-SEC", "S-MIPEX-EWSI-BG"):
        if k in keys:
            return k
    return None


def build_mipex_overall(sd, countries):
    wb = read_series(os.path.join(sd, "series", "mipex.csv"), flag_col="none",
                     where=lambda r: r["strand"] == "overall")
    dest = {r["iso2"]: r for r in read_csv(os.path.join(sd, "destinations.csv"))}
    values = {}
    year = MIPEX_2020_EDITION_YEAR
    for code in sorted(c for c in countries if c in dest):
        row = dest[code]
        kind = mipex_kind(row)
        if kind == "workbook":
            # the workbook's column 2020 is the MIPEX 2020 edition; later columns are left out
            cell = wb[code][2020]
            if cell.value.text != row["mipex2020_overall"]:
                raise ValueError(f"MIPEX mismatch for {code}")
            values[code] = {year: cell}
        elif row["mipex2020_overall"].strip() and MIPEX_OTHER[kind][0] != "secondary":
            note = MIPEX_OTHER[kind][1] or ""
            values[code] = {year: Cell(Num(row["mipex2020_overall"]), note=note)}
        else:
            values[code] = {year: Cell(None)}
    return {
        "id": "mipex-overall", "title": "MIPEX overall score", "short_title": "MIPEX overall",
        "unit": "score", "higher_is_better": True, "scope": "country",
        "description":
            "Overall score of the Migrant Integration Policy Index (MIPEX), 0 to 100, where 100 "
            "means equal treatment of immigrants with nationals: the mean of eight policy areas "
            "(labour market mobility, family reunion, education, political participation, "
            "permanent residence, access to nationality, anti-discrimination, health). It scores "
            "policies, not outcomes.\n\n"
            "All values are from one edition, MIPEX 2020, which scores policies as they stood in "
            "2019; they are shown under that reference year, 2019, as in the access-to-"
            "nationality indicator. Each value keeps the precision it was published with: two "
            "decimals for Denmark, Germany, Ireland, Italy, the Netherlands, Spain, Finland and "
            "Sweden (MIPEX's EU policy-indicator workbook), whole numbers for Belgium, Bulgaria, "
            "France and Portugal (MIPEX 2020 country pages). Luxembourg's score comes from a press "
            "report and Poland's is derived from a reported tie with Bulgaria: both carry a note "
            "and are marked in charts, tables, downloads and reports. The other states have no "
            "MIPEX 2020 overall score in the sources used (null).",
        "source": {"publisher": "MIPEX (Migration Policy Group and CIDOB)",
                   "title": "Migrant Integration Policy Index 2020: EU Policy Indicators Scores "
                            "(2020-2024) workbook and MIPEX 2020 country pages",
                   "dataset": "MIPEX 2020 edition, overall score (with health)",
                   "url": "https://mipex.eu/sites/default/files/downloads/pdf/EU%20Policy%20Indicators%20Scores%20(2020-2024).xlsx",
                   "licence": MIPEX_LICENCE,
                   "note": "Workbook values are the workbook's column for the 2020 edition, "
                           "rounded to two decimals; the overall score equals the mean of the "
                           "eight policy areas. The workbook's later columns (2021-2024), "
                           "available for eight states only, are not shown, so that every "
                           "comparison uses one edition. Country pages: "
                           + ", ".join(f"[{MIPEX_PAGE_NAMES[c]}]({u})" for c, u in sorted(MIPEX_PAGES.items()))
                           + "." + PROVENANCE},
        "values": values, "reference": {}}


# ---------------------------------------------------------------------------
# CODING.md
# ---------------------------------------------------------------------------

CODING_HEAD = """# Coding of origin-country measures (concordance typology)

Generated by `build_dataset.py` from `facts.py`; edit `facts.py`, not this file.

Each measure is one thing the origin state itself does (or leaves in place)
towards its nationals abroad, coded from the sourced facts in the shared
`origins.csv`, `origins.md` and `eu-policy.md`.

Rules applied throughout:

- **Only the origin state's acts are coded.** Instruments of the EU, of a
  destination state or of a bilateral agreement whose content the other party
  sets (Talent Partnerships, Mobility Partnerships, equal treatment in social
  security under EU association agreements, EEC-Turkey Decision 3/80, France's
  ELCO-to-EILE reform) are `context` items with an `actor` (eu, destination,
  bilateral): listed on the country page, never counted. Where the origin
  state acted within such a framework (Türkiye pays its EILE teachers), that
  act is its measure.
- **One rule per kind of measure.** Every measure has a `kind`; the kind's
  rule (`CODING_RULES` in `src/typology.rs`, printed with its reasoning on the
  site's method page, `/typology/method/`) fixes its mode, effect and weight
  for every country alike, and `polibrief check` refuses a measure coded
  otherwise. `RULES` in `facts.py` is a copy of that table.
- **Current law.** Where a law changed, the old rule gets `until` and the new
  one `since` (Ukraine 2025). Where a source dates a change only to part of a
  decade ("the early 1990s"), the first year of the decade is recorded.
- **Sources.** A fact marked UNVERIFIED in the notes is not coded. A fact
  that rests only on a mirror, a wiki, a document-sharing site or a blog is
  dropped unless a primary source for it was found (then that source is
  cited). Dual nationality is coded from the GLOBALCIT Citizenship Law Dataset
  (mode L05, law in force on 1 January 2020) for every country, unless a later
  law changed it.
- No `typology:` override is set for any country.

## Measures

| Country | Measure | Kind | Cell | Weight | Years | Why this kind |
| --- | --- | --- | --- | --- | --- | --- |
"""


def years_of(m):
    since, until = m.get("since"), m.get("until")
    if since and until:
        return f"{since}-{until}"
    if until:
        return f"until {until}"
    if since:
        return f"since {since}"
    return ""


def coding_md(origin_rows):
    lines = [CODING_HEAD.rstrip("\n")]
    totals_lines = []
    context_lines = []
    for code, name in origin_rows:
        ms = facts.MEASURES.get(code, [])
        totals = {}
        current = 0
        for m in ms:
            mode, effect, weight = facts.RULES[m["kind"]]
            cell = f"{mode}-{effect}"
            if "until" not in m:
                totals[cell] = totals.get(cell, 0) + weight
                current += 1
            why = m["why"].replace("|", "/")
            lines.append(f"| {code} {name} | {m['title']} | {m['kind']} | {cell} | {weight} | "
                         f"{years_of(m)} | {why} |")
        if totals:
            best = max(totals.values())
            top = sorted(c for c, v in totals.items() if v == best)
            cls = top[0] if len(top) == 1 else "tie: " + " / ".join(top)
            t = ", ".join(f"{k} {v}" for k, v in sorted(totals.items()))
        else:
            cls, t = "not coded", "-"
        totals_lines.append(f"| {code} | {current} of {len(ms)} | {t} | {cls} |")
        for x in facts.CONTEXT.get(code, []):
            context_lines.append(f"| {code} {name} | {x['title']} | {x['actor']} | {years_of(x)} | "
                                 f"{x['why'].replace('|', '/')} |")
    lines.append("")
    lines.append("## Totals per country (current measures only; ended ones are history)")
    lines.append("")
    lines.append("The site computes the class, its sensitivity and the thin-evidence mark; "
                 "this table is a check.")
    lines.append("")
    lines.append("| Country | Current of all measures | Weight per cell | Largest cell |")
    lines.append("| --- | --- | --- | --- |")
    lines += totals_lines
    lines.append("")
    lines.append("## Context (not counted)")
    lines.append("")
    lines.append("| Country | Item | Actor | Years | Why context |")
    lines.append("| --- | --- | --- | --- | --- |")
    lines += context_lines
    lines.append("")
    lines.append("## Facts deliberately not coded")
    lines.append("")
    for code, name in origin_rows:
        for item in facts.NOT_CODED.get(code, []):
            lines.append(f"- {code} {name}: {item}")
    return lines


# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------


def main(argv):
    sd = argv[1] if len(argv) > 1 else os.path.join(REPO, "..", "shared", "data")
    sd = os.path.abspath(sd)
    dest_rows = read_csv(os.path.join(sd, "destinations.csv"))
    orig_rows = read_csv(os.path.join(sd, "origins.csv"))
    eu = {r["iso2"]: r["name"] for r in dest_rows}
    origins = {r["iso2"]: facts.NAME_OVERRIDES.get(r["iso2"], r["name"]) for r in orig_rows}
    if len(eu) != 27 or len(origins) != 15 or set(eu) & set(origins):
        raise SystemExit("unexpected country lists")
    countries = set(eu) | set(origins)

    ser = os.path.join(sd, "series")
    data = {
        "share": read_series(os.path.join(ser, "non_eu_share.csv")),
        "emp_neu": read_series(os.path.join(ser, "lfsa_ergan_neu.csv")),
        "emp_nat": read_series(os.path.join(ser, "lfsa_ergan_nat.csv")),
        "nat_neu": read_series(os.path.join(ser, "naturalisation_neu.csv")),
    }
    stocks = read_series(os.path.join(ser, "corridor_stocks.csv"),
                         key_cols=("origin", "destination"), flag_col="none")

    inds = build_indicators(sd, countries, set(origins), set(eu))
    mipex = next(i for i in inds if i["id"] == "mipex-overall")

    out_c = os.path.join(REPO, "data", "countries")
    out_i = os.path.join(REPO, "data", "indicators")
    written = []
    # destinations
    for r in dest_rows:
        code = r["iso2"]
        kind = mipex_kind(r)
        cell = mipex["values"][code].get(MIPEX_2020_EDITION_YEAR)
        mk = "workbook" if kind == "workbook" else (MIPEX_OTHER[kind][0] if kind else None)
        c = {"code": code, "name": r["name"], "roles": ["destination"],
             "region": facts.REGIONS[code], "eu_member": True,
             "summary": destination_summary(code, r["name"], data,
                                            mipex_sentence(code, cell, mk))}
        path = os.path.join(out_c, code.lower() + ".yaml")
        write(path, country_lines(c))
        written.append(path)
    # origins
    for r in orig_rows:
        code = r["iso2"]
        name = origins[code]
        diaspora = build_diaspora(code, stocks, set(eu))
        measures = facts.MEASURES.get(code, [])
        context = facts.CONTEXT.get(code, [])
        for m in measures:
            if m["kind"] not in facts.RULES:
                raise KeyError(f"{code}: unknown kind {m['kind']}")
        for m in context:
            if m["actor"] not in ("eu", "destination", "bilateral"):
                raise KeyError(f"{code}: bad actor {m['actor']}")
        c = {"code": code, "name": name, "roles": ["origin"], "region": facts.REGIONS[code],
             "eu_member": False, "summary": origin_summary(code, name, diaspora, eu),
             "diaspora": diaspora, "measures": measures, "context": context,
             "sources": used_sources(diaspora, measures + context)}
        path = os.path.join(out_c, code.lower() + ".yaml")
        write(path, country_lines(c))
        written.append(path)
    for ind in inds:
        path = os.path.join(out_i, ind["id"] + ".yaml")
        write(path, indicator_lines(ind))
        written.append(path)
    write(os.path.join(HERE, "CODING.md"),
          coding_md([(r["iso2"], origins[r["iso2"]]) for r in orig_rows]))

    # remove stale generated files (only YAML files in our two folders)
    keep = {os.path.abspath(p) for p in written}
    for folder in (out_c, out_i):
        for fn in sorted(os.listdir(folder)):
            p = os.path.abspath(os.path.join(folder, fn))
            if fn.endswith(".yaml") and p not in keep:
                os.remove(p)
                print(f"removed stale {os.path.relpath(p, REPO)}")
    print(f"wrote {len(written)} YAML files from {sd}")
    for ind in inds:
        n = sum(len(v) for v in ind["values"].values())
        nn = sum(1 for v in ind["values"].values() for c in v.values() if c.value is None)
        nr = sum(len(v) for v in ind["reference"].values())
        print(f"  {ind['id']}: {len(ind['values'])} keys, {n} values ({nn} null), "
              f"{nr} reference values")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
