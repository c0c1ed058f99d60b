/**
 * Browser tests run against production builds, never the dev server: one for the root of a host
 * and one under BASE_PATH. Set NIANJIAN_SKIP_BUILD=1 to reuse builds you just made.
 */
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import { BASE_BUILD, BASE_PATH, BUILD, ROOT } from './builds';

export default function setup(): void {
	if (
		process.env.NIANJIAN_SKIP_BUILD === '1' &&
		fs.existsSync(BUILD) &&
		fs.existsSync(BASE_BUILD)
	) {
		return;
	}
	// Vitest sets NODE_ENV=test, which would make these development builds (no service worker).
	const run = (env: Record<string, string>) =>
		execSync('npx vite build --logLevel warn', {
			cwd: ROOT,
			stdio: 'inherit',
			env: { ...process.env, NODE_ENV: 'production', ...env }
		});
	run({ BUILD_DIR: BUILD });
	fs.rmSync(BASE_BUILD, { recursive: true, force: true });
	run({ BASE_PATH, BUILD_DIR: BASE_BUILD });
}
