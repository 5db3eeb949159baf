#!/usr/bin/env python3
"""Generate a large synthetic site in polibrief's site format, for benchmarks.

Writes, under --out (replaced when it holds an earlier generated site):

  config.yaml                 title, base_url, date, main_indicators (5)
  content/_index.md           home page, linking every section
  content/part-NNN/_index.md  sections of --section-size pages each
  content/part-NNN/brief-NNNNN.md
                              --pages pages of ~--words words (headings,
                              lists, a table, emphasis, a footnote, links to
                              pages, anchors, countries, indicators and
                              corridors); every --chart-every-th page carries
                              --charts-per-page chart shortcodes, their kinds
                              taking turns: bar, line, gap, map, corridor
  data/countries/<code>.yaml  --countries profiles: the first half
                              destinations (European codes first), the
                              second half origins with 4-8 coded measures,
                              --corridors-per-origin diaspora entries (one
                              corridor each) and their sources
  data/indicators/<id>.yaml   --indicators indicators over --years years
                              (ending 2024); one in --corridor-every is
                              corridor-scoped (values for every corridor),
                              the others country-scoped (values for every
                              country), paired by compare_with, half of the
                              pairs with an EU27 reference line
  .bench-site.json            what was generated (polibrief skips dot files)

The shape of issue 11 is the default:
  gen_site.py --out SITE --countries 200 --indicators 40 --years 25 --pages 50

Country codes are real ISO 3166-1 alpha-2 codes as polibrief accepts them
(the 249 codes of rust_iso3166 0.2, plus XK): at most 250 countries. Names
are the ISO short names; every figure, measure and source is invented and
says so. Python 3 standard library only; the output is byte-identical for
the same arguments.
"""
import argparse
import json
import os
import random
import shutil
import sys

# The 249 ISO 3166-1 alpha-2 codes of rust_iso3166 0.2 (which polibrief's
# data/validate.rs accepts), with their ISO short names, plus Kosovo's
# user-assigned XK, which polibrief accepts too. Nothing else is accepted.
ISO_COUNTRIES = [
    ("AD", "Andorra"), ("AE", "United Arab Emirates"), ("AF", "Afghanistan"),
    ("AG", "Antigua and Barbuda"), ("AI", "Anguilla"), ("AL", "Albania"), ("AM", "Armenia"),
    ("AO", "Angola"), ("AQ", "Antarctica"), ("AR", "Argentina"), ("AS", "American Samoa"),
    ("AT", "Austria"), ("AU", "Australia"), ("AW", "Aruba"), ("AX", "Åland Islands"),
    ("AZ", "Azerbaijan"), ("BA", "Bosnia and Herzegovina"), ("BB", "Barbados"),
    ("BD", "Bangladesh"), ("BE", "Belgium"), ("BF", "Burkina Faso"), ("BG", "Bulgaria"),
    ("BH", "Bahrain"), ("BI", "Burundi"), ("BJ", "Benin"), ("BL", "Saint Barthélemy"),
    ("BM", "Bermuda"), ("BN", "Brunei Darussalam"), ("BO", "Bolivia (Plurinational State of)"),
    ("BQ", "Bonaire, Sint Eustatius and Saba"), ("BR", "Brazil"), ("BS", "Bahamas"),
    ("BT", "Bhutan"), ("BV", "Bouvet Island"), ("BW", "Botswana"), ("BY", "Belarus"),
    ("BZ", "Belize"), ("CA", "Canada"), ("CC", "Cocos (Keeling) Islands"),
    ("CD", "Congo (Democratic Republic of the)"), ("CF", "Central African Republic"),
    ("CG", "Congo"), ("CH", "Switzerland"), ("CI", "Côte d'Ivoire"), ("CK", "Cook Islands"),
    ("CL", "Chile"), ("CM", "Cameroon"), ("CN", "China"), ("CO", "Colombia"), ("CR", "Costa Rica"),
    ("CU", "Cuba"), ("CV", "Cabo Verde"), ("CW", "Curaçao"), ("CX", "Christmas Island"),
    ("CY", "Cyprus"), ("CZ", "Czechia"), ("DE", "Germany"), ("DJ", "Djibouti"), ("DK", "Denmark"),
    ("DM", "Dominica"), ("DO", "Dominican Republic"), ("DZ", "Algeria"), ("EC", "Ecuador"),
    ("EE", "Estonia"), ("EG", "Egypt"), ("EH", "Western Sahara"), ("ER", "Eritrea"),
    ("ES", "Spain"), ("ET", "Ethiopia"), ("FI", "Finland"), ("FJ", "Fiji"),
    ("FK", "Falkland Islands (Malvinas)"), ("FM", "Micronesia (Federated States of)"),
    ("FO", "Faroe Islands"), ("FR", "France"), ("GA", "Gabon"),
    ("GB", "United Kingdom of Great Britain and Northern Ireland"), ("GD", "Grenada"),
    ("GE", "Georgia"), ("GF", "French Guiana"), ("GG", "Guernsey"), ("GH", "Ghana"),
    ("GI", "Gibraltar"), ("GL", "Greenland"), ("GM", "Gambia"), ("GN", "Guinea"),
    ("GP", "Guadeloupe"), ("GQ", "Equatorial Guinea"), ("GR", "Greece"),
    ("GS", "South Georgia and the South Sandwich Islands"), ("GT", "Guatemala"), ("GU", "Guam"),
    ("GW", "Guinea-Bissau"), ("GY", "Guyana"), ("HK", "Hong Kong"),
    ("HM", "Heard Island and McDonald Islands"), ("HN", "Honduras"), ("HR", "Croatia"),
    ("HT", "Haiti"), ("HU", "Hungary"), ("ID", "Indonesia"), ("IE", "Ireland"), ("IL", "Israel"),
    ("IM", "Isle of Man"), ("IN", "India"), ("IO", "British Indian Ocean Territory"),
    ("IQ", "Iraq"), ("IR", "Iran (Islamic Republic of)"), ("IS", "Iceland"), ("IT", "Italy"),
    ("JE", "Jersey"), ("JM", "Jamaica"), ("JO", "Jordan"), ("JP", "Japan"), ("KE", "Kenya"),
    ("KG", "Kyrgyzstan"), ("KH", "Cambodia"), ("KI", "Kiribati"), ("KM", "Comoros"),
    ("KN", "Saint Kitts and Nevis"), ("KP", "Korea (Democratic People's Republic of)"),
    ("KR", "Korea (Republic of)"), ("KW", "Kuwait"), ("KY", "Cayman Islands"),
    ("KZ", "Kazakhstan"), ("LA", "Lao People's Democratic Republic"), ("LB", "Lebanon"),
    ("LC", "Saint Lucia"), ("LI", "Liechtenstein"), ("LK", "Sri Lanka"), ("LR", "Liberia"),
    ("LS", "Lesotho"), ("LT", "Lithuania"), ("LU", "Luxembourg"), ("LV", "Latvia"),
    ("LY", "Libya"), ("MA", "Morocco"), ("MC", "Monaco"), ("MD", "Moldova (Republic of)"),
    ("ME", "Montenegro"), ("MF", "Saint Martin (French part)"), ("MG", "Madagascar"),
    ("MH", "Marshall Islands"), ("MK", "North Macedonia"), ("ML", "Mali"), ("MM", "Myanmar"),
    ("MN", "Mongolia"), ("MO", "Macao"), ("MP", "Northern Mariana Islands"), ("MQ", "Martinique"),
    ("MR", "Mauritania"), ("MS", "Montserrat"), ("MT", "Malta"), ("MU", "Mauritius"),
    ("MV", "Maldives"), ("MW", "Malawi"), ("MX", "Mexico"), ("MY", "Malaysia"),
    ("MZ", "Mozambique"), ("NA", "Namibia"), ("NC", "New Caledonia"), ("NE", "Niger"),
    ("NF", "Norfolk Island"), ("NG", "Nigeria"), ("NI", "Nicaragua"),
    ("NL", "Netherlands (Kingdom of the)"), ("NO", "Norway"), ("NP", "Nepal"), ("NR", "Nauru"),
    ("NU", "Niue"), ("NZ", "New Zealand"), ("OM", "Oman"), ("PA", "Panama"), ("PE", "Peru"),
    ("PF", "French Polynesia"), ("PG", "Papua New Guinea"), ("PH", "Philippines"),
    ("PK", "Pakistan"), ("PL", "Poland"), ("PM", "Saint Pierre and Miquelon"), ("PN", "Pitcairn"),
    ("PR", "Puerto Rico"), ("PS", "Palestine (State of)"), ("PT", "Portugal"), ("PW", "Palau"),
    ("PY", "Paraguay"), ("QA", "Qatar"), ("RE", "Réunion"), ("RO", "Romania"), ("RS", "Serbia"),
    ("RU", "Russian Federation"), ("RW", "Rwanda"), ("SA", "Saudi Arabia"),
    ("SB", "Solomon Islands"), ("SC", "Seychelles"), ("SD", "Sudan"), ("SE", "Sweden"),
    ("SG", "Singapore"), ("SH", "Saint Helena, Ascension and Tristan da Cunha"),
    ("SI", "Slovenia"), ("SJ", "Svalbard and Jan Mayen"), ("SK", "Slovakia"),
    ("SL", "Sierra Leone"), ("SM", "San Marino"), ("SN", "Senegal"), ("SO", "Somalia"),
    ("SR", "Suriname"), ("SS", "South Sudan"), ("ST", "Sao Tome and Principe"),
    ("SV", "El Salvador"), ("SX", "Sint Maarten (Dutch part)"), ("SY", "Syrian Arab Republic"),
    ("SZ", "Eswatini"), ("TC", "Turks and Caicos Islands"), ("TD", "Chad"),
    ("TF", "French Southern Territories"), ("TG", "Togo"), ("TH", "Thailand"),
    ("TJ", "Tajikistan"), ("TK", "Tokelau"), ("TL", "Timor-Leste"), ("TM", "Turkmenistan"),
    ("TN", "Tunisia"), ("TO", "Tonga"), ("TR", "Türkiye"), ("TT", "Trinidad and Tobago"),
    ("TV", "Tuvalu"), ("TW", "Taiwan (Province of China)"),
    ("TZ", "Tanzania (United Republic of)"), ("UA", "Ukraine"), ("UG", "Uganda"),
    ("UM", "United States Minor Outlying Islands"), ("US", "United States of America"),
    ("UY", "Uruguay"), ("UZ", "Uzbekistan"), ("VA", "Holy See"),
    ("VC", "Saint Vincent and the Grenadines"), ("VE", "Venezuela (Bolivarian Republic of)"),
    ("VG", "Virgin Islands (British)"), ("VI", "Virgin Islands (U.S.)"), ("VN", "Viet Nam"),
    ("VU", "Vanuatu"), ("WF", "Wallis and Futuna"), ("WS", "Samoa"), ("XK", "Kosovo"),
    ("YE", "Yemen"), ("YT", "Mayotte"), ("ZA", "South Africa"), ("ZM", "Zambia"),
    ("ZW", "Zimbabwe"),
]
MAX_COUNTRIES = len(ISO_COUNTRIES)
NAMES = dict(ISO_COUNTRIES)

EU27 = ["AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
        "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"]
OTHER_EUROPE = ["NO", "CH", "GB", "IS", "LI", "AL", "BA", "ME", "MK", "RS", "XK", "MD", "UA",
                "BY", "RU", "TR", "GE", "AM", "AZ", "AD", "MC", "SM", "VA"]
LAST_YEAR = 2024

CELLS = ["active-concordance", "active-discordance", "passive-concordance", "passive-discordance"]
MEASURE_KINDS = [
    "Nationality kept on naturalisation abroad", "Diaspora ministry", "Pre-departure orientation course",
    "Consular registration drive", "Mother-tongue teachers sent abroad", "Remittance tax relief",
    "Postal voting from abroad", "Recognition of qualifications agreement", "Military service obligation",
    "Religious staff sent abroad", "Diaspora investment bonds", "Document issuing backlog",
    "Bilateral social security agreement", "Return incentive scheme", "Advisory council of citizens abroad",
]
# Country-scoped indicators come in pairs (`a` compared with `b`) of one unit.
TOPICS = [
    ("employment-rate", "Employment rate", "percent"),
    ("naturalisations", "Naturalisations", "count"),
    ("early-leavers", "Early leavers from education", "rate-per-100"),
    ("policy-index", "Integration policy index", "index"),
    ("access-score", "Access to nationality score", "score"),
    ("overcrowding", "Overcrowding rate", "percent"),
    ("residence-permits", "First residence permits", "count"),
    ("poverty-risk", "At-risk-of-poverty rate", "percent"),
]
CORRIDOR_TOPICS = [
    ("corridor-stock", "Citizens of the origin living in the destination", "count"),
    ("corridor-remittances", "Remittances sent home", "index"),
    ("corridor-employment", "Employment rate of the origin group", "percent"),
]
FLAGS = ["p", "e", "b", "u", "bp", "d"]
CHART_KINDS = ["bar", "line", "gap", "map", "corridor"]

ACTORS = ["the origin state", "consulates", "the destination's municipalities", "diaspora associations",
          "employers", "the public employment service", "language schools", "the European Commission",
          "local integration councils", "community organisations"]
ACTIONS = ["expanded", "reviewed", "funded", "scaled back", "evaluated", "piloted", "coordinated",
           "simplified", "digitised", "opened up"]
TOPIC_NOUNS = ["language tuition", "recognition of diplomas", "dual nationality", "consular services",
               "civic orientation", "labour-market access", "family reunification", "school enrolment",
               "voting rights", "housing support"]
OUTCOMES = ["employment", "school attainment", "naturalisation", "civic participation", "earnings",
            "residential mobility", "trust in institutions", "language proficiency"]
QUALIFIERS = ["modest", "uneven", "lasting", "measurable", "limited", "clear", "fragile", "gradual"]


def yaml_str(text):
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def block(text, indent):
    """A YAML literal block (`|`) body, each line indented."""
    pad = " " * indent
    return "".join(pad + line + "\n" for line in text.splitlines())


def rng_for(seed, *parts):
    """An RNG per entity, so one country's data does not depend on the others."""
    return random.Random("/".join([str(seed)] + [str(p) for p in parts]))


# ------------------------------------------------------------------ the plan


class Plan:
    """Every name and link target of the site, decided before anything is written."""

    def __init__(self, a):
        order = EU27 + OTHER_EUROPE
        order += sorted(c for c, _ in ISO_COUNTRIES if c not in order)
        n_dest = a.countries // 2
        n_orig = a.countries - n_dest
        self.destinations = order[:n_dest]
        self.origins = order[len(order) - n_orig:]
        self.countries = sorted(self.destinations + self.origins)
        self.years = list(range(LAST_YEAR - a.years + 1, LAST_YEAR + 1))

        self.diaspora = {}
        for code in self.origins:
            r = rng_for(a.seed, "diaspora", code)
            k = min(a.corridors_per_origin, len(self.destinations))
            self.diaspora[code] = sorted(r.sample(self.destinations, k))
        self.corridors = sorted((o, d) for o, ds in self.diaspora.items() for d in ds)

        self.indicators = []  # (id, title, unit, scope, compare_with, reference)
        country_slots = [i for i in range(a.indicators) if (i + 1) % a.corridor_every != 0]
        corridor_slots = [i for i in range(a.indicators) if (i + 1) % a.corridor_every == 0]
        by_slot = {}
        for j, i in enumerate(country_slots):
            pair = j // 2
            key, title, unit = TOPICS[pair % len(TOPICS)]
            side = "a" if j % 2 == 0 else "b"
            who = "of non-citizens" if side == "a" else "of nationals"
            ind_id = f"{key}-{pair + 1:02d}{side}"
            partner = None
            if side == "a" and j + 1 < len(country_slots):
                partner = f"{key}-{pair + 1:02d}b"
            reference = pair % 2 == 0 and unit != "count"
            by_slot[i] = (ind_id, f"{title} {who} (set {pair + 1})", unit, "country", partner, reference)
        for j, i in enumerate(corridor_slots):
            key, title, unit = CORRIDOR_TOPICS[j % len(CORRIDOR_TOPICS)]
            by_slot[i] = (f"{key}-{j + 1:02d}", f"{title} (set {j + 1})", unit, "corridor", None, False)
        self.indicators = [by_slot[i] for i in range(a.indicators)]
        self.country_indicators = [ind for ind in self.indicators if ind[3] == "country"]
        self.corridor_indicators = [ind for ind in self.indicators if ind[3] == "corridor"]

        self.sections = []  # (slug, title, [page slugs])
        size = max(1, a.section_size)
        for s in range(0, a.pages, size):
            slugs = [f"brief-{i + 1:05d}" for i in range(s, min(a.pages, s + size))]
            self.sections.append((f"part-{s // size + 1:03d}", f"Part {s // size + 1}", slugs))
        self.page_urls = [f"/{sec}/{p}/" for sec, _, ps in self.sections for p in ps]


# ------------------------------------------------------------------ data files


def country_yaml(a, plan, code):
    r = rng_for(a.seed, "country", code)
    name = NAMES[code]
    origin = code in plan.origins
    lines = [f"code: {code}", f"name: {yaml_str(name)}",
             f"roles: [{'origin' if origin else 'destination'}]",
             f"region: {yaml_str(f'Synthetic region {r.randint(1, 8)}')}",
             f"eu_member: {'true' if code in EU27 else 'false'}",
             "summary: |",
             block(f"Synthetic profile of **{name}** generated for benchmarking polibrief: every figure, "
                   f"measure and source on it is invented.\n"
                   f"It is one of {a.countries} countries of a generated site.", 2).rstrip("\n")]
    if origin:
        lines.append("diaspora:")
        for dest in plan.diaspora[code]:
            lines += [f"  - destination: {dest}", f"    population: {r.randint(200, 900000)}",
                      f"    year: {LAST_YEAR - r.randint(0, 2)}", "    source: register"]
        lines.append("measures:")
        for j in range(r.randint(4, 8)):
            since = r.randint(1950, 2020)
            lines += [f"  - title: {yaml_str(f'{r.choice(MEASURE_KINDS)} ({code}-{j + 1})')}",
                      f"    mode: {r.choice(['active', 'passive'])}",
                      f"    effect: {r.choice(['concordant', 'discordant'])}",
                      f"    weight: {r.randint(1, 3)}", f"    since: {since}"]
            if r.random() < 0.15:
                lines.append(f"    until: {min(LAST_YEAR, since + r.randint(1, 20))}")
            lines += ["    description: |",
                      block(f"Invented measure, coded {r.choice(QUALIFIERS)} in its effect on "
                            f"{r.choice(OUTCOMES)}.", 6).rstrip("\n"),
                      f"    sources: [law-{j % 2 + 1}]"]
        if r.random() < 0.1:
            lines += ["typology:", f"  class: {r.choice(CELLS)}",
                      f"  rationale: {yaml_str('Invented expert review, for benchmarking.')}"]
        lines.append("sources:")
        lines += ["  - id: register", f"    title: {yaml_str(f'Synthetic population register of {name}')}",
                  f"    url: https://bench.example.org/sources/{code.lower()}/register", f"    year: {LAST_YEAR}"]
        for k in (1, 2):
            lines += [f"  - id: law-{k}", f"    title: {yaml_str(f'Synthetic law {k} of {name}')}",
                      f"    year: {r.randint(1950, 2020)}"]
    return "\n".join(lines) + "\n"


def unit_walk(r, unit, n):
    """n plausible values for a unit, as a bounded random walk."""
    lo, hi, step = {"percent": (5.0, 95.0, 2.5), "count": (100.0, 5e6, 0.0), "rate-per-100": (0.2, 15.0, 0.6),
                    "index": (40.0, 160.0, 4.0), "score": (0.0, 100.0, 3.0)}[unit]
    if unit == "count":
        v = 10 ** r.uniform(2.5, 6.3)
        out = []
        for _ in range(n):
            v = min(hi, max(lo, v * r.uniform(0.9, 1.12)))
            out.append(str(int(v)))
        return out
    v = r.uniform(lo + (hi - lo) * 0.2, hi - (hi - lo) * 0.2)
    out = []
    for _ in range(n):
        v = min(hi, max(lo, v + r.uniform(-step, step)))
        out.append(f"{v:.1f}")
    return out


def value_row(r, unit, years):
    """`{2000: 12.3, 2001: {value: 12.9, flag: p}, 2002: null}`; the last two years always have a value."""
    cells = []
    for k, (year, v) in enumerate(zip(years, unit_walk(r, unit, len(years)))):
        recent = k >= len(years) - 2
        x = r.random()
        if x < 0.02 and not recent:
            cells.append(f"{year}: null")
        elif x < 0.06:
            cells.append(f"{year}: {{value: {v}, flag: {r.choice(FLAGS)}}}")
        else:
            cells.append(f"{year}: {v}")
    return "{" + ", ".join(cells) + "}"


def indicator_yaml(a, plan, ind):
    ind_id, title, unit, scope, partner, reference = ind
    r = rng_for(a.seed, "indicator", ind_id)
    lines = [f"id: {ind_id}", f"title: {yaml_str(title)}", f"short_title: {yaml_str(title.split(' (')[0])}",
             f"unit: {unit}", f"higher_is_better: {'true' if r.random() < 0.5 else 'false'}", f"scope: {scope}"]
    if partner:
        lines.append(f"compare_with: {partner}")
    lines += ["description: |",
              block(f"Invented figures for benchmarking: *{title.lower()}*, over {len(plan.years)} years.", 2)
              .rstrip("\n"),
              "source:", "  title: \"Synthetic benchmark data\"", f"  dataset: bench-{ind_id}",
              f"  url: https://bench.example.org/data/{ind_id}", "  retrieved: 2026-01-01",
              "  licence: CC0 1.0", "values:"]
    if scope == "country":
        for code in plan.countries:
            lines.append(f"  {code}: {value_row(rng_for(a.seed, 'values', ind_id, code), unit, plan.years)}")
    else:
        for o, d in plan.corridors:
            lines.append(f"  {o}-{d}: {value_row(rng_for(a.seed, 'values', ind_id, o, d), unit, plan.years)}")
    if reference:
        lines += ["reference:", f"  EU27: {value_row(rng_for(a.seed, 'reference', ind_id), unit, plan.years)}"]
    return "\n".join(lines) + "\n"


def config_yaml(a, plan):
    main = [ind[0] for ind in plan.country_indicators[:5]]
    lines = [f"title: {yaml_str(f'Synthetic benchmark site: {a.countries} countries, {a.indicators} indicators, {a.years} years, {a.pages} pages')}",
             "base_url: https://bench.example.org/",
             "description: \"Generated by tools/bench/gen_site.py; every figure is invented.\"",
             "language: en", "author: polibrief benchmarks", "date: 2026-01-01"]
    if main:
        lines.append(f"main_indicators: [{', '.join(main)}]")
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------ content


def sentence(r, plan):
    country = NAMES[r.choice(plan.countries)] if plan.countries else "the destination"
    a, act, topic = r.choice(ACTORS), r.choice(ACTIONS), r.choice(TOPIC_NOUNS)
    out, q, y = r.choice(OUTCOMES), r.choice(QUALIFIERS), r.randint(1995, LAST_YEAR)
    pct = r.randint(3, 60)
    pick = r.randrange(6)
    if pick == 0:
        return f"In {y}, {a} {act} {topic}, with {q} effects on {out}."
    if pick == 1:
        return (f"Evidence from {country} suggests that {out} rose by about {pct} percent, "
                f"although the gains in {r.choice(OUTCOMES)} were *{q}*.")
    if pick == 2:
        return (f"Interviews show that {a} see {topic} as a lever for {out}, "
                f"but worry about funding and about who is eligible.")
    if pick == 3:
        return (f"The **{pct} percent** gap in {out} reflects {q} coordination between "
                f"{a} and {r.choice(ACTORS)}.")
    if pick == 4:
        return (f"Where {topic} was {act} early, {out} followed within two or three years, "
                f"while {r.choice(OUTCOMES)} changed more slowly.")
    return (f"A {q} share of the budget for {topic} still follows historical rules rather than "
            f"the needs of newcomers in {country}.")


def paragraph(r, plan, k):
    return " ".join(sentence(r, plan) for _ in range(k))


def words(text):
    return len(text.split())


def link_targets(r, plan):
    """Markdown links to pages (with an anchor), a country, an indicator and a corridor."""
    links = []
    other = r.choice(plan.page_urls)
    links.append(f"[the companion brief]({other})")
    links.append(f"[its findings]({r.choice(plan.page_urls)}#key-findings)")
    if plan.countries:
        c = r.choice(plan.countries)
        links.append(f"[the profile of {NAMES[c]}](/countries/{c.lower()}/)")
    if plan.indicators:
        links.append(f"[the indicator]({'/indicators/' + r.choice(plan.indicators)[0] + '/'})")
    if plan.corridors:
        o, d = r.choice(plan.corridors)
        links.append(f"[the corridor {NAMES[o]} to {NAMES[d]}](/corridors/{o.lower()}-{d.lower()}/)")
    return links


def chart_shortcode(plan, g):
    """The g-th chart of the site: kinds take turns, skipping those the data cannot draw."""
    r = random.Random(g)
    for step in range(len(CHART_KINDS)):
        kind = CHART_KINDS[(g + step) % len(CHART_KINDS)]
        ci, cor = plan.country_indicators, plan.corridor_indicators
        if kind == "bar" and ci:
            return f'{{{{ chart(indicator="{ci[g % len(ci)][0]}") }}}}'
        if kind == "line" and ci:
            pick = ",".join(sorted(r.sample(plan.countries, min(4, len(plan.countries)))))
            return f'{{{{ chart(indicator="{ci[g % len(ci)][0]}", kind="line", countries="{pick}") }}}}'
        paired = [ind for ind in ci if ind[4]]
        if kind == "gap" and paired:
            return f'{{{{ chart(indicator="{paired[g % len(paired)][0]}", kind="gap") }}}}'
        if kind == "map" and ci:
            return f'{{{{ chart(indicator="{ci[g % len(ci)][0]}", kind="map", year={LAST_YEAR}) }}}}'
        if kind == "corridor" and cor and plan.corridors:
            dest = r.choice(plan.corridors)[1]
            return f'{{{{ chart(indicator="{cor[g % len(cor)][0]}", kind="corridor", destination="{dest}") }}}}'
    return None


def page_md(a, plan, i, chart_numbers):
    r = rng_for(a.seed, "page", i)
    topic = r.choice(TOPIC_NOUNS)
    title = f"Brief {i + 1:05d}: {topic} and {r.choice(OUTCOMES)}"
    date = f"{2015 + i % 10}-{i % 12 + 1:02d}-{i % 28 + 1:02d}"
    links = link_targets(r, plan)
    charts = [c for c in (chart_shortcode(plan, g) for g in chart_numbers) if c]
    parts = [f"This brief looks at **{topic}** and draws on {links[0]} and {links[1]}. "
             + paragraph(r, plan, 2) + "[^src]"]
    parts.append("## Key findings")
    parts.append("\n".join(f"- **{r.choice(OUTCOMES).capitalize()}**: {sentence(r, plan)}" for _ in range(5)))
    parts.append("## Background")
    parts.append(paragraph(r, plan, 3) + " See " + ", ".join(links[2:]) + "." if len(links) > 2
                 else paragraph(r, plan, 3))
    if charts:
        parts.append(charts[0])
    parts.append(paragraph(r, plan, 3))
    parts.append("### Figures")
    rows = ["| Measure | 2015 | 2020 | 2024 |", "|---|---:|---:|---:|"]
    for noun in r.sample(TOPIC_NOUNS, 4):
        base = r.uniform(5, 80)
        rows.append(f"| {noun.capitalize()} | {base:.1f} | {base * r.uniform(0.8, 1.3):.1f} | "
                    f"{base * r.uniform(0.9, 1.5):.1f} |")
    parts.append("\n".join(rows))
    parts.append("*Table 1. Invented figures, for benchmarking.*")
    parts.append("## Options")
    parts.append("\n".join(f"{k + 1}. _{r.choice(TOPIC_NOUNS).capitalize()}_: {sentence(r, plan)}"
                           for k in range(4)))
    for extra in charts[1:]:
        parts.append(extra)
    parts.append("## Recommendations")
    tail = 90  # the conclusion and the footnote
    rec = []
    so_far = words("\n\n".join(parts))
    while so_far + sum(words(s) for s in rec) + tail < a.words:
        rec.append(sentence(r, plan))
    parts.append(" ".join(rec) if rec else sentence(r, plan))
    parts.append("## Conclusion")
    parts.append(paragraph(r, plan, 4))
    parts.append(f"[^src]: Synthetic source {i + 1}, generated for benchmarking.")
    front = (f"---\ntitle: {yaml_str(title)}\ndescription: {yaml_str('Invented brief on ' + topic)}\n"
             f"date: {date}\nweight: {i + 1}\n---\n\n")
    return front + "\n\n".join(parts) + "\n"


# ------------------------------------------------------------------ writing


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def prepare_out(out):
    """Replace an earlier generated site; never a folder this script did not make."""
    if os.path.lexists(out):
        if not os.path.isdir(out) or os.path.islink(out):
            sys.exit(f"gen_site: {out} exists and is not a folder")
        if os.listdir(out) and not os.path.exists(os.path.join(out, ".bench-site.json")):
            sys.exit(f"gen_site: {out} is not empty and was not made by gen_site.py (no .bench-site.json); "
                     "remove it or choose another --out")
        shutil.rmtree(out)
    os.makedirs(out)


def generate(a):
    plan = Plan(a)
    out = a.out
    prepare_out(out)
    write(f"{out}/config.yaml", config_yaml(a, plan))
    for code in plan.countries:
        write(f"{out}/data/countries/{code.lower()}.yaml", country_yaml(a, plan, code))
    for ind in plan.indicators:
        write(f"{out}/data/indicators/{ind[0]}.yaml", indicator_yaml(a, plan, ind))

    home = ["---", "title: \"Synthetic benchmark site\"", "description: \"Generated pages and data.\"",
            "---", "", "Every page and figure of this site is generated for benchmarking.", ""]
    home += [f"- [{title}](/{slug}/)" for slug, title, _ in plan.sections]
    write(f"{out}/content/_index.md", "\n".join(home) + "\n")
    g = 0  # chart counter over the whole site
    i = 0
    total_words = 0
    chart_pages = 0
    charts = 0
    for s, (slug, title, pages) in enumerate(plan.sections):
        write(f"{out}/content/{slug}/_index.md",
              f"---\ntitle: {yaml_str(title)}\nweight: {s + 1}\n---\n\nPages {pages[0]} to {pages[-1]}.\n")
        for page in pages:
            numbers = []
            if a.chart_every > 0 and (i + 1) % a.chart_every == 0:
                numbers = list(range(g, g + a.charts_per_page))
                g += a.charts_per_page
            text = page_md(a, plan, i, numbers)
            n_charts = text.count("{{ chart(")
            charts += n_charts
            chart_pages += n_charts > 0
            total_words += words(text.split("---\n", 2)[2])
            write(f"{out}/content/{slug}/{page}.md", text)
            i += 1
    n_values = (len(plan.country_indicators) * len(plan.countries)
                + len(plan.corridor_indicators) * len(plan.corridors)) * len(plan.years)
    manifest = {
        "generator": "tools/bench/gen_site.py",
        "arguments": {k: v for k, v in sorted(vars(a).items()) if k != "out"},
        "countries": len(plan.countries), "destinations": len(plan.destinations), "origins": len(plan.origins),
        "corridors": len(plan.corridors), "indicators": len(plan.indicators),
        "corridor_indicators": len(plan.corridor_indicators), "years": len(plan.years), "values": n_values,
        "pages": a.pages, "sections": len(plan.sections), "chart_pages": chart_pages,
        "chart_shortcodes": charts, "mean_words": round(total_words / max(1, a.pages)),
    }
    write(f"{out}/.bench-site.json", json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    return manifest


def positive(text):
    n = int(text)
    if n < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return n


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True, help="site folder to write (an earlier generated site there is replaced)")
    ap.add_argument("--countries", type=positive, default=200, help=f"countries, 2-{MAX_COUNTRIES} (default 200)")
    ap.add_argument("--indicators", type=positive, default=40, help="indicators (default 40)")
    ap.add_argument("--years", type=positive, default=25, help=f"years per indicator, ending {LAST_YEAR} (default 25)")
    ap.add_argument("--pages", type=positive, default=50, help="Markdown pages (default 50)")
    ap.add_argument("--section-size", type=positive, default=10, help="pages per section (default 10)")
    ap.add_argument("--words", type=positive, default=800, help="target words per page (default 800)")
    ap.add_argument("--chart-every", type=positive, default=5,
                    help="every N-th page carries chart shortcodes; 0: none (default 5)")
    ap.add_argument("--charts-per-page", type=positive, default=2, help="chart shortcodes on such a page (default 2)")
    ap.add_argument("--corridors-per-origin", type=positive, default=3,
                    help="diaspora entries, each a corridor, per origin (default 3)")
    ap.add_argument("--corridor-every", type=positive, default=8,
                    help="one indicator in N is corridor-scoped (default 8)")
    ap.add_argument("--seed", type=int, default=42)
    a = ap.parse_args(argv)
    if not 2 <= a.countries <= MAX_COUNTRIES:
        ap.error(f"--countries must be 2-{MAX_COUNTRIES}: polibrief accepts only ISO 3166-1 alpha-2 codes "
                 f"(249) and XK")
    if not 1 <= a.years <= LAST_YEAR - 1900 + 1:
        ap.error(f"--years must be 1-{LAST_YEAR - 1900 + 1} (polibrief accepts the years 1900-2100)")
    if a.corridor_every < 1:
        ap.error("--corridor-every must be 1 or more")
    return a


def main(argv=None):
    a = parse_args(argv)
    m = generate(a)
    print(f"wrote {a.out}: {m['countries']} countries ({m['origins']} origins, {m['corridors']} corridors), "
          f"{m['indicators']} indicators x {m['years']} years ({m['values']} values), {m['pages']} pages "
          f"(mean {m['mean_words']} words), {m['chart_shortcodes']} chart shortcodes on {m['chart_pages']} pages")


if __name__ == "__main__":
    main()
