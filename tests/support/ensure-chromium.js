// Browser tests drive Debian's Chromium through playwright-core: Playwright's own browser
// download does not work on our machines. Installs it with apt-get when it is missing.
import { execSync } from 'node:child_process';
import fs from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (fs.existsSync(CHROMIUM)) {
	process.exit(0);
}
console.log(`${CHROMIUM} is missing: installing Debian's chromium (and CJK fonts) with apt-get…`);
const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
try {
	execSync(`${sudo}apt-get update -qq && ${sudo}apt-get install -y -qq chromium fonts-noto-cjk`, {
		stdio: 'inherit',
		env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
	});
} catch {
	console.error(
		'Could not install chromium with apt-get. Install it by hand: apt-get install -y chromium'
	);
	process.exit(1);
}
if (!fs.existsSync(CHROMIUM)) {
	console.error(`apt-get finished but ${CHROMIUM} is still missing.`);
	process.exit(1);
}
