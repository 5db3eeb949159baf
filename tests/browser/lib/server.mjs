// A small static file server for the browser suite (Node's http module, no
// dependency). It serves a built site the way a plain static host does:
// `/a/` -> `/a/index.html`, `/a` (a folder) -> 301 to `/a/`, anything
// missing -> the site's `404.html` with status 404.
//
// The page kinds are checked against the built site (what is published)
// through this server, not through `polibrief serve`: serve builds the
// sources in memory (it cannot serve a built folder such as CI's
// target/ci-site), adds its live-reload script to every page, and serves
// under the base path; the Nu HTML Checker reads the same files from
// disk. serve's own page kind (the error overlay) runs it separately
// (lib/serve.mjs).

import { createServer } from "node:http";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".pdf": "application/pdf",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
};

async function fileAt(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const full = path.resolve(root, "." + path.posix.normalize("/" + decoded));
  if (full !== root && !full.startsWith(root + path.sep)) return null;
  try {
    const s = await stat(full);
    if (s.isDirectory()) return { dir: true, full };
    if (s.isFile()) return { dir: false, full };
  } catch {}
  return null;
}

function send(res, status, file, method) {
  const type = TYPES[path.extname(file).toLowerCase()] || "application/octet-stream";
  res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
  if (method === "HEAD") return res.end();
  createReadStream(file).pipe(res);
}

/** Serves `root` on 127.0.0.1 (a free port); resolves to `{ origin, close }`. */
export async function startStaticServer(root) {
  root = path.resolve(root);
  const server = createServer(async (req, res) => {
    const urlPath = new URL(req.url, "http://x").pathname;
    let found = await fileAt(root, urlPath);
    if (found && found.dir) {
      if (!urlPath.endsWith("/")) {
        res.writeHead(301, { location: urlPath + "/" });
        return res.end();
      }
      found = await fileAt(root, urlPath + "index.html");
    }
    if (found && !found.dir) return send(res, 200, found.full, req.method);
    const notFound = await fileAt(root, "/404.html");
    if (notFound && !notFound.dir) return send(res, 404, notFound.full, req.method);
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
    res.end("not found\n");
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
