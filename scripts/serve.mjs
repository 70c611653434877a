// Serves dist/ on 127.0.0.1 (PORT, default 8000, or the next free port) and prints the URL
// and the path of the single-file build. Static files only; nothing else listens.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(fileURLToPath(new URL('..', import.meta.url)), 'dist');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm' };

const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  const file = normalize(join(dist, path.endsWith('/') ? `${path}index.html` : path));
  if (!file.startsWith(dist + sep)) { res.writeHead(403).end(); return; }
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
});

let port = Number(process.env.PORT ?? 8000);
server.on('error', (error) => {
  if (error.code === 'EADDRINUSE' && port > 0 && port < 8100) server.listen(++port, '127.0.0.1');
  else throw error;
});
server.on('listening', () => {
  console.log(`Storyscope is served at http://127.0.0.1:${server.address().port}/`);
  console.log(`The single-file page (works offline and from file://): ${join(dist, 'storyscope.html')}`);
  console.log('Press Ctrl+C to stop.');
});
server.listen(port, '127.0.0.1');
