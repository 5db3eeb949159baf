#!/usr/bin/env python3
"""How fast `polibrief serve` shows an edit: from saving a file to the
reload event reaching the browser.

Starts `polibrief serve SITE --port 0` on a generated site, connects to its
live-reload event stream as a browser does (Server-Sent Events), then edits
one file --runs times (a sentence changed each time) and measures, for each
edit, the time from the write to the `reload` event arriving. This includes
noticing the change (the watcher's debounce), loading the site again,
re-running the jobs the change reaches, and sending the event. Prints the
median and the slowest, with the server's own line for the last rebuild.

Modes:
  --pages 1000     a Markdown corpus (gen_corpus.py) of N pages; one page is
                   edited (target: under 100 ms)
  --countries 200  the data site of gen_site.py; one country file is edited
                   (target: under 300 ms)

Example:
  tools/bench/serve.py --pages 1000 --countries 200 --runs 15
"""
import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def build_binary():
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=REPO, check=True)
    return os.path.join(REPO, "target", "release", "polibrief")


class Events:
    """A Server-Sent Events reader on a raw socket."""

    def __init__(self, url):
        m = re.match(r"http://([^:/]+):(\d+)(/.*)?$", url)
        host, port, base = m.group(1), int(m.group(2)), (m.group(3) or "/")
        self.sock = socket.create_connection((host, port))
        path = base.rstrip("/") + "/__polibrief/events"
        self.sock.sendall(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept: text/event-stream\r\n\r\n".encode())
        self.buffer = b""

    def next_event(self, timeout):
        self.sock.settimeout(timeout)
        while b"\n\n" not in self.buffer:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise EOFError("the event stream closed")
            self.buffer += chunk
        block, self.buffer = self.buffer.split(b"\n\n", 1)
        lines = block.decode("utf-8", "replace").splitlines()
        names = [l[len("event: "):] for l in lines if l.startswith("event: ")]
        return names[0] if names else None

    def wait_for(self, wanted, timeout):
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no `{wanted}` event")
            name = self.next_event(left)
            if name == wanted:
                return
            if name == "errors":
                raise RuntimeError("the rebuild failed")


def measure(binary, site, edit_path, edit, runs, label):
    server = subprocess.Popen(
        [binary, "serve", site, "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        url = server.stdout.readline().strip()
        if not url.startswith("http"):
            raise RuntimeError("serve printed no address: " + server.stderr.read())
        events = Events(url)
        events.wait_for("ok", 60)
        times = []
        for n in range(runs + 1):
            edit(edit_path, n)
            start = time.monotonic()
            events.wait_for("reload", 30)
            if n > 0:  # the first edit warms the caches up
                times.append((time.monotonic() - start) * 1000)
            time.sleep(0.3)
        return times
    finally:
        server.terminate()
        try:
            _, err = server.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            _, err = server.communicate()
        lines = [l for l in err.splitlines() if "changed:" in l]
        if lines:
            print(f"   {label}: the server's last line: {lines[-1]}")


def replace_sentence(path, n):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    marker = "Edited while serving, round "
    text = re.sub(marker + r"\d+\.", "", text)
    if path.endswith(".md"):
        text = text.rstrip("\n") + f"\n\n{marker}{n}.\n"
    else:  # a country file: a sentence in its summary
        text = re.sub(r"summary: \|\n", f"summary: |\n  {marker}{n}.\n", text, count=1)
    tmp = path + ".polibrief-bench"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)  # an editor's atomic save


def report(label, times, target):
    median = statistics.median(times)
    verdict = "meets" if median < target else "misses"
    print(
        f"{label}: median {median:.0f} ms, fastest {min(times):.0f} ms, slowest {max(times):.0f} ms "
        f"over {len(times)} edits; {verdict} the target (under {target} ms)"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--countries", type=int, default=200)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--binary", help="a built polibrief (default: build the release binary)")
    parser.add_argument("--gen-corpus", default=os.path.join(REPO, "..", "shared", "bench", "gen_corpus.py"))
    parser.add_argument("--tmp", default="/dev/shm" if os.path.isdir("/dev/shm") else None)
    args = parser.parse_args()
    binary = args.binary or build_binary()
    work = tempfile.mkdtemp(prefix="polibrief-serve-bench-", dir=args.tmp)
    try:
        if args.pages:
            out = os.path.join(work, "corpus")
            subprocess.run([sys.executable, args.gen_corpus, "--n", str(args.pages), "--out", out,
                            "--formats", "polibrief"], check=True, stdout=subprocess.DEVNULL)
            site = os.path.join(out, "polibrief")
            page = sorted(
                os.path.join(d, f) for d, _, fs in os.walk(os.path.join(site, "content")) for f in fs
                if f.endswith(".md") and not f.startswith("_")
            )[len(os.listdir(os.path.join(site, "content"))) // 2]
            times = measure(binary, site, page, replace_sentence, args.runs, f"{args.pages} pages")
            report(f"one Markdown page of {args.pages} edited", times, 100)
        if args.countries:
            site = os.path.join(work, "data-site")
            subprocess.run([sys.executable, os.path.join(HERE, "gen_site.py"), "--out", site,
                            "--countries", str(args.countries)], check=True, stdout=subprocess.DEVNULL)
            countries = sorted(os.listdir(os.path.join(site, "data", "countries")))
            origin = next(
                os.path.join(site, "data", "countries", c) for c in countries
                if "origin" in open(os.path.join(site, "data", "countries", c), encoding="utf-8").read()
                and "summary: |" in open(os.path.join(site, "data", "countries", c), encoding="utf-8").read()
            )
            times = measure(binary, site, origin, replace_sentence, args.runs, f"{args.countries} countries")
            report(f"one country file of {args.countries} edited", times, 300)
        print(f"machine: {os.cpu_count()} cores; load average {os.getloadavg()[0]:.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
