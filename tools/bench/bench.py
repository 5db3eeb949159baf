#!/usr/bin/env python3
"""Benchmark `polibrief build` on generated sites.

Builds polibrief (release) once, generates sites into a temporary folder on
tmpfs (/dev/shm when present, else /tmp; --tmp to choose), runs
`polibrief build SITE --out OUT` --runs times per size and reports, per size:
the median wall time, the peak memory of the whole build process (its
ru_maxrss, read with os.wait4 for that child alone), the files written and
files per second, the load average before the runs, and, when the binary
supports `--timings json`, the median seconds and items per second of each
stage (load, validate, markdown, templates, charts, write).

Modes (any combination; run in this order):

  (default, or --site)       the reference site of issue 11: gen_site.py
                             --countries 200 --indicators 40 --years 25
                             --pages 50 (change with --countries ...)
  --scale countries 50,100,200,400
                             that shape with the countries varied; prints the
                             time ratio of each step, as a ratio per doubling
                             (target <= 2.3x)
  --scale pages 1000,10000   the Markdown-only corpus of gen_corpus.py;
                             prints time ratio against size ratio (target:
                             10x pages <= 11x time)
  --corpus 10000             one corpus size (targets: 100,000 pages under
                             1 GiB peak; 10,000 pages at most 250 MiB)

Examples:
  tools/bench/bench.py                                   # the 200-country site
  tools/bench/bench.py --scale countries 20,40,80 --runs 3 --timeout 180
  tools/bench/bench.py --scale pages 1000,10000 --corpus 100000 --markdown

A build that runs longer than --timeout seconds is stopped and recorded as
"did not finish in N s"; larger sizes of the same scale are then skipped.
Python 3 standard library only.
"""
import argparse
import datetime
import json
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
GEN_SITE = os.path.join(HERE, "gen_site.py")
DEFAULT_GEN_CORPUS = os.path.normpath(os.path.join(REPO, "..", "shared", "bench", "gen_corpus.py"))

MIB = 1024 * 1024
REFERENCE = {"countries": 200, "indicators": 40, "years": 25, "pages": 50}
COUNTRY_DOUBLING_TARGET = 2.3   # each doubling of the countries costs at most 2.3x
PAGES_SLACK = 1.1               # 10x the pages costs at most 11x the time
SITE_TARGET_S = 3.0             # the 200-country site builds in under 3 s
CORPUS_MEMORY_TARGETS = {10000: 250 * MIB, 100000: 1024 * MIB}
STAGES = ["load", "validate", "markdown", "templates", "charts", "write"]


# ------------------------------------------------------------------ machine


def run_text(cmd, cwd=None):
    try:
        return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def cpu_model():
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def ram_bytes():
    try:
        with open("/proc/meminfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None


def machine(binary):
    commit = run_text(["git", "rev-parse", "--short=12", "HEAD"], cwd=REPO)
    dirty = run_text(["git", "status", "--porcelain", "--untracked-files=no"], cwd=REPO)
    ram = ram_bytes()
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "cpu": cpu_model(),
        "ram": f"{ram / 1024 ** 3:.1f} GiB" if ram else "unknown",
        "kernel": platform.release(),
        "rustc": run_text(["rustc", "--version"]) or "unknown",
        "polibrief": run_text([binary, "--version"]) or "unknown",
        "commit": (commit or "unknown") + (" (with uncommitted changes)" if dirty else ""),
        "python": platform.python_version(),
    }


# ------------------------------------------------------------------ binary


def build_binary(args):
    """`cargo build --release` once (niced: it is not what we measure); returns the binary's path."""
    if args.binary:
        return os.path.abspath(args.binary)
    meta = run_text(["cargo", "metadata", "--format-version", "1", "--no-deps"], cwd=REPO)
    target = json.loads(meta)["target_directory"] if meta else os.path.join(REPO, "target")
    if not args.no_build:
        print("building polibrief (cargo build --release)...", file=sys.stderr, flush=True)
        subprocess.run(["nice", "-n", "10", "cargo", "build", "--release", "--quiet"], cwd=REPO, check=True)
    binary = os.path.join(target, "release", "polibrief")
    if not os.access(binary, os.X_OK):
        sys.exit(f"bench: no binary at {binary}; build it or give --binary")
    return binary


def build_flags(binary):
    """The optional flags this binary's `build` knows (`--quiet`, `--timings json`)."""
    help_text = run_text([binary, "build", "--help"]) or ""
    return {"timings": "--timings" in help_text, "quiet": "--quiet" in help_text}


# ------------------------------------------------------------------ one run


def timed_run(cmd, timeout, nice, env=None):
    """Run cmd alone; wall seconds, peak RSS in bytes (this child's rusage), exit status, output."""
    if nice:
        cmd = ["nice", "-n", str(nice)] + cmd
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env)
        killed = threading.Event()

        def stop():
            killed.set()
            proc.kill()

        timer = threading.Timer(timeout, stop)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return {
            "seconds": seconds,
            "peak_bytes": usage.ru_maxrss * 1024,  # Linux reports KiB
            "cpu_seconds": usage.ru_utime + usage.ru_stime,
            "returncode": proc.returncode,
            "timed_out": killed.is_set(),
            "stdout": out.read().decode("utf-8", "replace"),
            "stderr": err.read().decode("utf-8", "replace"),
        }


def parse_timings(stdout):
    """The JSON object printed by `--timings json`, or None."""
    text = stdout.strip()
    start, end = text.find("{"), text.rfind("}")
    if start < 0 or end < start:
        return None
    try:
        data = json.loads(text[start:end + 1])
    except ValueError:
        return None
    return data if isinstance(data, dict) and isinstance(data.get("stages"), list) else None


def count_warnings(stderr):
    """Warnings a build printed (its closing count: `3 warnings`, `1 error, 2 warnings`)."""
    m = re.search(r"^(?:\d+ errors?, )?(\d+) warnings?$", stderr, re.M)
    return int(m.group(1)) if m else 0


def output_files(out):
    """Files and bytes in the output folder, and how many are HTML pages."""
    files = pages = size = 0
    for root, _, names in os.walk(out):
        for name in names:
            files += 1
            pages += name.endswith(".html")
            size += os.path.getsize(os.path.join(root, name))
    return files, pages, size


def clear(path):
    if os.path.lexists(path):
        shutil.rmtree(path)


# ------------------------------------------------------------------ one size


def measure(label, site, work, binary, flags, args):
    """--runs builds of one site; a result row."""
    out = os.path.join(work, "out-" + re.sub(r"[^A-Za-z0-9]+", "-", label))
    extra = (["--timings", "json"] + (["--quiet"] if flags["quiet"] else [])) if flags["timings"] else []
    cmd = [binary, "build", site, "--out", out] + extra
    row = {"label": label, "site": site, "command": " ".join(["polibrief build SITE --out OUT"] + extra), "runs": [],
           "load_before": os.getloadavg()[0]}
    if args.check:
        check = timed_run([binary, "check", site, "--deny-warnings"], args.timeout, args.nice)
        if check["returncode"] != 0:
            row["status"] = "check failed"
            row["error"] = (check["stderr"] or check["stdout"])[-2000:]
            return row
    spent = 0.0
    for i in range(args.warmup + args.runs):
        if not args.rebuild:
            clear(out)
        run = timed_run(cmd, args.timeout, args.nice)
        spent += run["seconds"]
        if run["timed_out"]:
            row["status"] = f"did not finish in {args.timeout:g} s"
            row["peak_at_stop_bytes"] = run["peak_bytes"]
            row["cpu_at_stop_s"] = run["cpu_seconds"]
            break
        if run["returncode"] != 0:
            row["status"] = f"exit {run['returncode']}"
            row["error"] = (run["stderr"] or run["stdout"])[-2000:]
            break
        if "warnings" not in row:
            row["warnings"] = count_warnings(run["stderr"])
        if i >= args.warmup:
            row["runs"].append({"seconds": run["seconds"], "cpu_seconds": run["cpu_seconds"],
                                "peak_bytes": run["peak_bytes"],
                                "timings": parse_timings(run["stdout"])})
            print(f"  {label}: run {len(row['runs'])}: {run['seconds']:.2f} s ({run['cpu_seconds']:.2f} s CPU), "
                  f"{run['peak_bytes'] / MIB:.0f} MiB", file=sys.stderr, flush=True)
        if row["runs"] and spent > args.max_seconds_per_size:
            break  # enough: a slow size gets fewer runs (the row says how many)
    row["load_after"] = os.getloadavg()[0]
    if not row["runs"]:
        row.setdefault("status", "no run")
        return row
    row.setdefault("status", "ok")
    secs = [r["seconds"] for r in row["runs"]]
    row["median_s"] = statistics.median(secs)
    row["min_s"], row["max_s"] = min(secs), max(secs)
    row["cpu_s"] = statistics.median(r["cpu_seconds"] for r in row["runs"])
    row["peak_bytes"] = max(r["peak_bytes"] for r in row["runs"])
    row["files"], row["pages"], row["bytes"] = output_files(out)
    row["files_per_s"] = row["files"] / row["median_s"]
    row["stages"] = stage_medians(row["runs"])
    if not args.keep:
        clear(out)
    return row


def stage_medians(runs):
    """Per stage: median seconds over the runs, items and unit of the last run."""
    timed = [r["timings"] for r in runs if r["timings"]]
    if not timed:
        return None
    names = [s.get("name") for s in timed[-1]["stages"]]
    stages = []
    for name in names:
        secs = [s.get("seconds", 0.0) for t in timed for s in t["stages"] if s.get("name") == name]
        last = next(s for s in timed[-1]["stages"] if s.get("name") == name)
        median = statistics.median(secs)
        items = last.get("items")
        stages.append({"name": name, "seconds": median, "items": items, "unit": last.get("unit", ""),
                       "items_per_s": items / median if items and median > 0 else None})
    extra = {k: statistics.median([t[k] for t in timed if isinstance(t.get(k), (int, float))])
             for k in ("total_seconds", "peak_memory_bytes") if any(isinstance(t.get(k), (int, float)) for t in timed)}
    return {"stages": stages, **extra}


# ------------------------------------------------------------------ sites


def gen_site(work, countries, indicators, years, pages):
    site = os.path.join(work, f"site-c{countries}-i{indicators}-y{years}-p{pages}")
    if not os.path.exists(os.path.join(site, ".bench-site.json")):
        subprocess.run([sys.executable, GEN_SITE, "--out", site, "--countries", str(countries),
                        "--indicators", str(indicators), "--years", str(years), "--pages", str(pages)],
                       check=True, stdout=subprocess.DEVNULL)
    return site


def gen_corpus(work, n, script):
    out = os.path.join(work, f"corpus-{n}")
    site = os.path.join(out, "polibrief")
    if not os.path.exists(os.path.join(site, "config.yaml")):
        subprocess.run([sys.executable, script, "--n", str(n), "--out", out, "--formats", "polibrief"],
                       check=True, stdout=subprocess.DEVNULL)
    return site


def ints(text):
    try:
        values = [int(x) for x in text.split(",") if x.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"`{text}` is not a list of whole numbers such as 50,100,200")
    if not values or min(values) < 1:
        raise argparse.ArgumentTypeError("give at least one size, each 1 or more")
    return values


def max_countries():
    sys.path.insert(0, HERE)
    try:
        import gen_site as g
        return g.MAX_COUNTRIES
    finally:
        sys.path.pop(0)


# ------------------------------------------------------------------ report


def fmt_s(x):
    return "-" if x is None else (f"{x:.3f}" if x < 10 else f"{x:.1f}")


def fmt_rate(x):
    return "-" if x is None else f"{x:,.0f}"


def size_rows(block):
    rows = []
    for r in block["rows"]:
        if r.get("status") != "ok":
            peak = r.get("peak_at_stop_bytes")
            cpu = r.get("cpu_at_stop_s")
            rows.append([r["label"], str(len(r["runs"])), r["status"], "", f"{fmt_s(cpu)} (at stop)" if cpu else "", "",
                         f"{peak / MIB:.0f} (at stop)" if peak else "-", "", "", "", load(r)])
            continue
        rows.append([r["label"], str(len(r["runs"])), fmt_s(r["median_s"]),
                     f"{fmt_s(r['min_s'])}-{fmt_s(r['max_s'])}", fmt_s(r["cpu_s"]), ("yes" if r.get("target_met") else "NO")
                     if "target_met" in r else "", f"{r['peak_bytes'] / MIB:.0f}", f"{r['pages']:,}",
                     f"{r['files']:,}", fmt_rate(r["files_per_s"]), load(r)])
    return ["size", "runs", "median s", "min-max s", "CPU s", "target", "peak MiB", "pages", "files", "files/s",
            "load"], rows


def load(r):
    """The 1-minute load average before the runs of a size, and after them."""
    after = r.get("load_after")
    return f"{r['load_before']:.2f}" + (f"/{after:.2f}" if after is not None else "")


def stage_rows(row):
    st = row.get("stages")
    if not st:
        return None
    rows = [[s["name"], fmt_s(s["seconds"]), fmt_rate(s["items"]) if s["items"] is not None else "-",
             s["unit"], fmt_rate(s["items_per_s"])] for s in st["stages"]]
    if "total_seconds" in st:
        rows.append(["total (self-reported)", fmt_s(st["total_seconds"]), "", "", ""])
    if "peak_memory_bytes" in st:
        rows.append(["peak memory (self-reported)", f"{st['peak_memory_bytes'] / MIB:.0f} MiB", "", "", ""])
    return ["stage", "median s", "items", "unit", "items/s"], rows


def text_table(header, rows):
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows)]
    line = lambda cells: "  ".join(str(c).ljust(w) for c, w in zip(cells, widths)).rstrip()
    return "\n".join([line(header), line(["-" * w for w in widths])] + [line(r) for r in rows])


def md_table(header, rows):
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    return "\n".join(out)


def report(info, flags, blocks, markdown):
    print()
    print(f"machine: {info['nproc']} cores, {info['cpu']}, {info['ram']} RAM, Linux {info['kernel']}")
    print(f"versions: {info['polibrief']} (commit {info['commit']}), {info['rustc']}, Python {info['python']}")
    print(f"command: {info['invocation']}" + (f" (builds under nice -n {info['nice']})" if info["nice"] else ""))
    print(f"date: {info['date']}; per-stage timings: "
          f"{'yes' if flags['timings'] else 'not supported by this binary (no --timings)'}")
    for b in blocks:
        print()
        print(f"== {b['title']}")
        print(f"   site: {b['command']}")
        ok = [r for r in b["rows"] if r.get("command")]
        if ok:
            print(f"   build: {ok[0]['command']}")
        header, rows = size_rows(b)
        print(text_table(header, rows))
        for note in b.get("notes", []):
            print("   " + note)
        for r in b["rows"]:
            if r.get("warnings"):
                print(f"   {r['label']}: the build printed {r['warnings']} warnings: the site is not clean "
                      "(run `polibrief check` on it; --keep keeps it)")
            if r.get("error"):
                print(f"   {r['label']}: {r['status']}:\n" + "\n".join("     " + l for l in r["error"].splitlines()[-15:]))
            st = stage_rows(r)
            if st:
                print(f"   stages of {r['label']}:")
                print("\n".join("   " + l for l in text_table(*st).splitlines()))
    if markdown:
        print()
        print("----- Markdown -----")
        print()
        print(f"Machine: {info['nproc']} cores ({info['cpu']}), {info['ram']} RAM; {info['polibrief']} "
              f"(commit {info['commit']}), {info['rustc']}; {info['date']}. Output in {info['output_in']}; "
              "`load` is the 1-minute load average before/after the runs of a size; "
              "`pages` are the HTML files written, `files` all files; `CPU s` is the median user+system "
              "CPU time of the build process (less disturbed by other load than the wall time); "
              f"command: `{info['invocation']}`.")
        for b in blocks:
            print()
            print(f"**{b['title']}**: `{b['command']}`")
            print()
            print(md_table(*size_rows(b)))
            for note in b.get("notes", []):
                print()
                print(note)
            for r in b["rows"]:
                st = stage_rows(r)
                if st:
                    print()
                    print(f"Stages of {r['label']}:")
                    print()
                    print(md_table(*st))


# ------------------------------------------------------------------ modes


def scale_notes_countries(rows):
    """Ratio of each step, expressed per doubling: r ** (1 / log2(c2 / c1))."""
    notes = []
    ok = [r for r in rows if r.get("status") == "ok"]
    for a, b in zip(ok, ok[1:]):
        ca, cb = a["size"], b["size"]
        ratio = b["median_s"] / a["median_s"]
        per_doubling = ratio ** (1 / math.log2(cb / ca))
        verdict = "meets" if per_doubling <= COUNTRY_DOUBLING_TARGET else "misses"
        exponent = math.log(ratio) / math.log(cb / ca)
        cpu_ratio = b["cpu_s"] / a["cpu_s"]
        notes.append(f"{ca} -> {cb} countries: {ratio:.2f}x the time ({per_doubling:.2f}x per doubling, "
                     f"time ~ countries^{exponent:.2f}); {verdict} the {COUNTRY_DOUBLING_TARGET}x target; "
                     f"CPU time {cpu_ratio:.2f}x ({cpu_ratio ** (1 / math.log2(cb / ca)):.2f}x per doubling)")
    return notes


def scale_notes_pages(rows):
    notes = []
    ok = [r for r in rows if r.get("status") == "ok"]
    for a, b in zip(ok, ok[1:]):
        size_ratio = b["size"] / a["size"]
        ratio = b["median_s"] / a["median_s"]
        limit = size_ratio * PAGES_SLACK
        verdict = "meets" if ratio <= limit else "misses"
        notes.append(f"{a['size']:,} -> {b['size']:,} pages ({size_ratio:g}x): {ratio:.2f}x the time; "
                     f"{verdict} the target (at most {limit:g}x); CPU time {b['cpu_s'] / a['cpu_s']:.2f}x")
    return notes


def wait_for_quiet(args):
    """With --wait-load X: wait (at most --wait-max s) until the 1-minute load average is below X."""
    if args.wait_load is None:
        return
    deadline = time.monotonic() + args.wait_max
    while os.getloadavg()[0] >= args.wait_load and time.monotonic() < deadline:
        print(f"  waiting for the load average ({os.getloadavg()[0]:.2f}) to fall below {args.wait_load:g}...",
              file=sys.stderr, flush=True)
        time.sleep(15)


def run_block(title, command, sizes, make_site, work, binary, flags, args, skip_above=None):
    block = {"title": title, "command": command, "rows": [], "notes": []}
    stopped = None
    for size in sizes:
        label = f"{size:,}"
        if skip_above is not None and size > skip_above:
            block["notes"].append(f"{size}: not run: polibrief accepts at most {skip_above} country codes "
                                  "(ISO 3166-1 alpha-2 and XK)")
            continue
        if stopped:
            block["rows"].append({"label": label, "size": size, "runs": [], "status": f"not run ({stopped} did not finish)",
                                  "load_before": os.getloadavg()[0]})
            continue
        print(f"{title}: {label}: generating...", file=sys.stderr, flush=True)
        site = make_site(size)
        wait_for_quiet(args)
        row = measure(label, site, work, binary, flags, args)
        row["size"] = size
        block["rows"].append(row)
        if row["status"].startswith("did not finish"):
            stopped = label
        if not args.keep:
            shutil.rmtree(os.path.dirname(site) if site.endswith("/polibrief") else site, ignore_errors=True)
    return block


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--site", action="store_true", help="the reference site (the default when no mode is given)")
    ap.add_argument("--countries", type=int, default=REFERENCE["countries"])
    ap.add_argument("--indicators", type=int, default=REFERENCE["indicators"])
    ap.add_argument("--years", type=int, default=REFERENCE["years"])
    ap.add_argument("--pages", type=int, default=REFERENCE["pages"])
    ap.add_argument("--scale", nargs=2, action="append", metavar=("countries|pages", "SIZES"), default=[],
                    help="a scale: `countries 50,100,200,400` or `pages 1000,10000`")
    ap.add_argument("--corpus", type=ints, action="append", default=[], metavar="N[,N]",
                    help="the Markdown-only corpus of gen_corpus.py at N pages")
    ap.add_argument("--gen-corpus", default=DEFAULT_GEN_CORPUS,
                    help="path to gen_corpus.py (default: ../shared/bench/gen_corpus.py from the repository)")
    ap.add_argument("--runs", type=int, default=5, help="timed builds per size (default 5)")
    ap.add_argument("--warmup", type=int, default=0, help="untimed builds first (default 0)")
    ap.add_argument("--timeout", type=float, default=180.0,
                    help="stop a build after this many seconds: 'did not finish' (default 180)")
    ap.add_argument("--max-seconds-per-size", type=float, default=300.0,
                    help="no further run once a size has used this much time (default 300)")
    ap.add_argument("--rebuild", action="store_true",
                    help="keep the previous output between runs (measures a rebuild over it)")
    ap.add_argument("--check", action="store_true", help="run `polibrief check --deny-warnings` on each site first")
    ap.add_argument("--nice", type=int, default=0, help="run the builds under `nice -n N` (default 0: not niced)")
    ap.add_argument("--wait-load", type=float, metavar="X",
                    help="before each size, wait until the 1-minute load average is below X")
    ap.add_argument("--wait-max", type=float, default=600.0, help="wait at most this many seconds (default 600)")
    ap.add_argument("--tmp", help="where sites and outputs go (default /dev/shm, else the system temp folder)")
    ap.add_argument("--binary", help="use this polibrief binary instead of building one")
    ap.add_argument("--no-build", action="store_true", help="use target/release/polibrief as it is")
    ap.add_argument("--keep", action="store_true", help="keep the generated sites and outputs")
    ap.add_argument("--markdown", action="store_true", help="also print Markdown tables for docs/performance.md")
    ap.add_argument("--json", metavar="FILE", help="also write every figure to FILE")
    args = ap.parse_args()

    scales = []
    for kind, sizes in args.scale:
        if kind not in ("countries", "pages"):
            ap.error(f"--scale takes `countries` or `pages`, not `{kind}`")
        try:
            scales.append((kind, ints(sizes)))
        except argparse.ArgumentTypeError as e:
            ap.error(str(e))
    corpora = [n for group in args.corpus for n in group]
    want_site = args.site or not (scales or corpora)
    if (any(k == "pages" for k, _ in scales) or corpora) and not os.path.isfile(args.gen_corpus):
        ap.error(f"gen_corpus.py not found at {args.gen_corpus}; give --gen-corpus PATH")

    binary = build_binary(args)
    flags = build_flags(binary)
    info = machine(binary)
    info["invocation"] = " ".join(["tools/bench/bench.py"] + sys.argv[1:])
    base = args.tmp or ("/dev/shm" if os.path.isdir("/dev/shm") else tempfile.gettempdir())
    info["output_in"] = base
    info["nice"] = args.nice
    work = tempfile.mkdtemp(prefix="polibrief-bench-", dir=base)
    limit = max_countries()
    blocks = []
    try:
        shape = lambda c: f"--countries {c} --indicators {args.indicators} --years {args.years} --pages {args.pages}"
        site_of = lambda c: gen_site(work, c, args.indicators, args.years, args.pages)
        if want_site:
            b = run_block("reference site", f"gen_site.py {shape(args.countries)}", [args.countries], site_of,
                          work, binary, flags, args, skip_above=limit)
            for r in b["rows"]:
                if r.get("status") == "ok":
                    r["target_met"] = r["median_s"] < SITE_TARGET_S
            b["notes"].append(f"target: under {SITE_TARGET_S:g} s")
            blocks.append(b)
        for kind, sizes in scales:
            if kind == "countries":
                b = run_block("countries scale", f"gen_site.py {shape('C')}", sizes, site_of, work, binary, flags,
                              args, skip_above=limit)
                b["notes"] += scale_notes_countries(b["rows"])
            else:
                b = run_block("pages scale (gen_corpus.py)", "gen_corpus.py --n N --formats polibrief", sizes,
                              lambda n: gen_corpus(work, n, args.gen_corpus), work, binary, flags, args)
                b["notes"] += scale_notes_pages(b["rows"])
            blocks.append(b)
        if corpora:
            b = run_block("Markdown corpus (gen_corpus.py)", "gen_corpus.py --n N --formats polibrief", corpora,
                          lambda n: gen_corpus(work, n, args.gen_corpus), work, binary, flags, args)
            for r in b["rows"]:
                target = CORPUS_MEMORY_TARGETS.get(r["size"])
                if target and r.get("status") == "ok":
                    r["target_met"] = r["peak_bytes"] < target
                    b["notes"].append(f"{r['label']} pages: peak {r['peak_bytes'] / MIB:.0f} MiB; "
                                      f"target under {target // MIB} MiB")
            blocks.append(b)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"kept {work}", file=sys.stderr)
    report(info, flags, blocks, args.markdown)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"machine": info, "flags": flags, "blocks": blocks}, f, indent=2, default=str)
            f.write("\n")


if __name__ == "__main__":
    main()
