/**
 * A gzip-compressing front for the test server, for Lighthouse: static hosts (GitHub Pages,
 * Netlify, nginx) compress text, the test server does not, and Lighthouse's simulated mobile
 * network charges every uncompressed byte. Everything else — paths, status, SPA fallback,
 * cache headers — is the test server's own answer.
 */
import http from 'node:http';
import zlib from 'node:zlib';
import { GZIP_LEVEL } from './first-visit';

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|manifest\+json)|image\/svg\+xml)/u;

export interface GzipProxy {
	url: string;
	close(): Promise<void>;
}

/** Serves `upstream` (an origin such as http://127.0.0.1:1234) compressed, at the same paths. */
export async function gzipProxy(upstream: string): Promise<GzipProxy> {
	const target = new URL(upstream);
	// The files never change while the benchmark runs: compress each answer once.
	const cache = new Map<string, Buffer>();
	const server = http.createServer((req, res) => {
		const forward = http.request(
			{
				host: target.hostname,
				port: target.port,
				path: req.url,
				method: req.method,
				headers: { ...req.headers, host: target.host, 'accept-encoding': 'identity' }
			},
			(upstreamRes) => {
				const chunks: Buffer[] = [];
				upstreamRes.on('data', (chunk: Buffer) => chunks.push(chunk));
				upstreamRes.on('end', () => {
					const body = Buffer.concat(chunks);
					const headers = { ...upstreamRes.headers };
					// The body is re-sent whole, with its own length.
					delete headers['transfer-encoding'];
					delete headers.connection;
					const type = String(headers['content-type'] ?? '');
					const accepts = /\bgzip\b/u.test(String(req.headers['accept-encoding'] ?? ''));
					if (accepts && COMPRESSIBLE.test(type) && body.length > 0) {
						const key = `${upstreamRes.statusCode} ${req.url}`;
						let gz = cache.get(key);
						if (!gz) {
							gz = zlib.gzipSync(body, { level: GZIP_LEVEL });
							cache.set(key, gz);
						}
						headers['content-encoding'] = 'gzip';
						headers['content-length'] = String(gz.length);
						headers.vary = 'Accept-Encoding';
						res.writeHead(upstreamRes.statusCode ?? 200, headers);
						res.end(req.method === 'HEAD' ? undefined : gz);
					} else {
						headers['content-length'] = String(body.length);
						res.writeHead(upstreamRes.statusCode ?? 200, headers);
						res.end(req.method === 'HEAD' ? undefined : body);
					}
				});
			}
		);
		forward.on('error', () => {
			res.writeHead(502);
			res.end();
		});
		req.pipe(forward);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as { port: number };
	return {
		url: `http://127.0.0.1:${port}${target.pathname}`,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}
