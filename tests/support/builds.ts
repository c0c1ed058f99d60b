/** Where the browser tests find the production builds that global-setup makes. */
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
/** The site built for the root of a host. */
export const BUILD = process.env.NIANJIAN_TEST_BUILD ?? path.join(ROOT, 'build');
/** The same site built for hosting under a sub-path. */
export const BASE_PATH = '/nianjian';
export const BASE_BUILD =
	process.env.NIANJIAN_TEST_BASE_BUILD ?? path.join(os.tmpdir(), 'nianjian-test-builds', 'base');
