// npm run demo: serves the demo on http://127.0.0.1:PORT/ (PORT from argv or 8123).
//   /demo/       the demo page (/ redirects there)
//   /dist/       the built package
//   /data/       the repository's graphs
//   /webcola/    npm webcola (pinned in webcola/harness), for the side-by-side switch
//   /d3/         d3 (a devDependency), for the WebCola d3 example page
// Also imported by the browser test, which calls serve(0) for a free port.
import { createServer } from 'node:http';
import { execFileSync } from 'node:child_process';
import { existsSync, createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const js = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repo = path.resolve(js, '../..');
const harness = path.join(repo, 'webcola/harness');
const roots = {
  demo: path.join(js, 'demo'),
  dist: path.join(js, 'dist'),
  data: path.join(repo, 'data'),
  webcola: path.join(harness, 'node_modules/webcola/WebCola'),
  d3: path.join(js, 'node_modules/d3/dist'),
};
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
};

/** Resolves a URL path to a file under one of `roots`, or null. */
function file(urlPath) {
  const parts = decodeURIComponent(urlPath).split('/').filter(Boolean);
  const root = roots[parts[0]];
  if (!root) return null;
  let f = path.resolve(root, ...parts.slice(1));
  if (!f.startsWith(root + path.sep) && f !== root) return null;
  if (existsSync(f) && statSync(f).isDirectory()) f = path.join(f, 'index.html');
  return existsSync(f) && statSync(f).isFile() ? f : null;
}

/** Starts the server; resolves to its base URL. */
export function serve(port = 8123) {
  if (!existsSync(path.join(roots.dist, 'index.js'))) throw new Error('run `npm run build` first');
  if (!existsSync(path.join(roots.webcola, 'cola.min.js'))) {
    execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: harness, stdio: 'inherit' });
  }
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/') {
      res.writeHead(302, { location: `/demo/${url.search}` }).end();
      return;
    }
    const f = file(url.pathname);
    if (!f) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': types[path.extname(f)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(f).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(port, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() })),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { url } = await serve(Number(process.argv[2] ?? 8123));
  console.log(`colayout demo: ${url}`);
}
