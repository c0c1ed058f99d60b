/**
 * Serves a built site the way a static host does: files as they are, `200.html` for any other
 * path under the base (the SPA fallback), 404 outside it. Lets the tests also cut the network
 * (`setOnline(false)`) or swap in another build (`setRoot`) to play a new deployment.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.webmanifest': 'application/manifest+json',
	'.txt': 'text/plain; charset=utf-8'
};

export interface StaticServer {
	url: string;
	origin: string;
	close(): Promise<void>;
	setOnline(online: boolean): void;
	setRoot(root: string): void;
	/** Requests served, for tests that check what a page fetched. */
	log: { path: string; status: number; bytes: number }[];
}

export async function serveStatic(root: string, base = '', port = 0): Promise<StaticServer> {
	let currentRoot = root;
	let online = true;
	const log: StaticServer['log'] = [];
	const server = http.createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		if (!online) {
			req.socket.destroy();
			return;
		}
		const send = (status: number, body: Buffer | string, type = 'text/plain; charset=utf-8') => {
			const bytes = Buffer.byteLength(body);
			log.push({ path: url.pathname, status, bytes });
			res.writeHead(status, {
				'content-type': type,
				'cache-control': url.pathname.includes('/_app/immutable/')
					? 'public, max-age=31536000, immutable'
					: 'no-cache'
			});
			res.end(body);
		};
		let pathname = decodeURIComponent(url.pathname);
		if (!pathname.startsWith(base + '/') && pathname !== base) return send(404, 'not found');
		pathname = pathname.slice(base.length) || '/';
		const candidates = [pathname, pathname + '.html', path.join(pathname, 'index.html')];
		for (const c of candidates) {
			const file = path.join(currentRoot, path.normalize(c));
			if (!file.startsWith(currentRoot)) return send(403, 'forbidden');
			if (fs.existsSync(file) && fs.statSync(file).isFile()) {
				return send(
					200,
					fs.readFileSync(file),
					TYPES[path.extname(file)] ?? 'application/octet-stream'
				);
			}
		}
		// Like a static host: assets that do not exist are 404, pages fall back to the app shell.
		if (pathname.startsWith('/_app/') || path.extname(pathname)) return send(404, 'not found');
		return send(200, fs.readFileSync(path.join(currentRoot, '200.html')), TYPES['.html']);
	});
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	const address = server.address() as { port: number };
	const origin = `http://127.0.0.1:${address.port}`;
	return {
		origin,
		url: origin + base + '/',
		log,
		setOnline: (value) => (online = value),
		setRoot: (value) => (currentRoot = value),
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}
