// A tiny static file server for the demo and the browser test (localhost only).
// Run it by hand: `node okr-wasm/tests/serve.mjs [port]`, then open
// http://127.0.0.1:PORT/okr-wasm/demo/ (the repo root is served).
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm", // needed by WebAssembly.instantiateStreaming
  ".ts": "text/plain; charset=utf-8",
  ".yaml": "text/plain; charset=utf-8",
  ".png": "image/png",
};

/** Serves `root` on 127.0.0.1 (port 0 = any free port); resolves to {url, close}. */
export function startServer(root, port = 0) {
  const base = resolve(root);
  const server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url, "http://localhost");
      let path = resolve(join(base, decodeURIComponent(url.pathname)));
      if (path !== base && !path.startsWith(base + sep)) throw new Error("outside the root");
      if ((await stat(path)).isDirectory()) path = join(path, "index.html");
      const body = await readFile(path);
      response.writeHead(200, {
        "content-type": TYPES[extname(path)] ?? "application/octet-stream",
        "cache-control": "no-store",
      });
      response.end(request.method === "HEAD" ? undefined : body);
    } catch {
      response.writeHead(404, { "content-type": "text/plain" });
      response.end("not found\n");
    }
  });
  return new Promise((done, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => {
      done({
        url: `http://127.0.0.1:${server.address().port}`,
        close: () => new Promise((closed) => server.close(closed)),
      });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL("../..", import.meta.url));
  const { url } = await startServer(root, Number(process.argv[2] ?? 8080));
  console.log(`serving ${root} at ${url}/okr-wasm/demo/`);
}
