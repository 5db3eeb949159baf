// `polibrief serve` for the browser suite: the dev server run on a copy of
// the default site's sources (never on the repository itself, since the
// suite breaks a file to make the server show its error overlay).
//
// startServe() copies config.yaml, content/, data/, templates/ and static/
// into a temporary folder, starts `polibrief serve <copy> --port 0` (any
// free port on 127.0.0.1) and resolves once the server has printed its
// address, alone, on stdout: the first build is done and it is listening.
// It returns `{ url, origin, dir, edit(rel, change), restore(rel), close() }`.

import { spawn } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** What a site folder holds (docs/format.md); `public/` and the rest stay behind. */
const SITE_PARTS = ["config.yaml", "content", "data", "templates", "static"];

/** Starts the dev server on a copy of `siteSource`; rejects with its stderr if it stops first. */
export async function startServe(binary, siteSource, { timeoutMs = 60_000 } = {}) {
  if (!existsSync(binary)) {
    throw new Error(`no polibrief binary at ${binary}: build it first (cargo build --release) or pass --polibrief PATH`);
  }
  const dir = await mkdtemp(path.join(tmpdir(), "polibrief-serve-"));
  for (const part of SITE_PARTS) {
    const from = path.join(siteSource, part);
    if (existsSync(from)) await cp(from, path.join(dir, part), { recursive: true });
  }
  const child = spawn(binary, ["serve", dir, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
  // However the suite ends (an exception past every `finally`, Ctrl-C
  // through Playwright's handler, process.exit), the server and the copy
  // go with it: `exit` handlers run synchronously, so SIGKILL and rmSync.
  const leftBehind = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  };
  process.on("exit", leftBehind);
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));

  const url = await new Promise((resolve, reject) => {
    let stdout = "";
    const timer = setTimeout(() => reject(new Error(`polibrief serve printed no address in ${timeoutMs / 1000} s:\n${stderr}`)), timeoutMs);
    child.stdout.on("data", (d) => {
      stdout += d;
      const line = stdout.split("\n").find((l, i, all) => i < all.length - 1 && l.trim());
      if (line) {
        clearTimeout(timer);
        resolve(line.trim());
      }
    });
    child.once("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`polibrief serve exited (${signal || code}) before printing its address:\n${stderr}`));
    });
  }).catch(async (err) => {
    child.kill("SIGKILL");
    await exited;
    process.off("exit", leftBehind);
    await rm(dir, { recursive: true, force: true });
    throw err;
  });

  const originals = new Map();
  return {
    url,
    origin: new URL(url).origin,
    dir,
    stderr: () => stderr,
    /** Rewrites a file of the copy with `change(text)`; the first original is kept for restore(). */
    async edit(rel, change) {
      const file = path.join(dir, rel);
      const text = await readFile(file, "utf8");
      if (!originals.has(rel)) originals.set(rel, text);
      await writeFile(file, change(text));
    },
    async restore(rel) {
      await writeFile(path.join(dir, rel), originals.get(rel));
    },
    /** Ctrl-C, as a writer stops it; the copy is removed. */
    async close() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGINT");
        // A deadline, not a wait: it ends as soon as the server exits.
        let timer;
        const deadline = new Promise((r) => (timer = setTimeout(r, 5_000, null)));
        const stopped = await Promise.race([exited, deadline]);
        clearTimeout(timer);
        if (!stopped) {
          child.kill("SIGKILL");
          await exited;
        }
      }
      process.off("exit", leftBehind);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
