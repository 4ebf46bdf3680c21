// Runs n8n's community package scanner (the analysis behind `npx @n8n/scan-community-package`)
// over the source tree and over the tarball `npm pack` would publish. Needs `npm run build` first.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function scan(label, dir, patterns) {
	const result = await analyzePackage(dir, patterns);
	if (!result.passed) {
		console.error(`Scanner (${label}): ${result.message}\n${result.details ?? ''}`);
		return false;
	}
	console.log(`Scanner (${label}): passed${result.message ? ` (${result.message})` : ''}`);
	return true;
}

if (!fs.existsSync(path.join(root, 'dist', 'nodes'))) {
	console.error('Scanner: dist/ is missing, run `npm run build` first');
	process.exit(1);
}
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'halopsa-scan-'));
try {
	const sourceOk = await scan('source', root, SOURCE_FILE_PATTERNS);
	const tarball = execFileSync('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', work], { cwd: root })
		.toString()
		.trim()
		.split('\n')
		.pop();
	const unpacked = path.join(work, 'package');
	execFileSync('tar', ['-xzf', path.join(work, tarball), '-C', work]);
	const tarballOk = await scan(`tarball ${tarball}`, unpacked);
	process.exitCode = sourceOk && tarballOk ? 0 : 1;
} finally {
	fs.rmSync(work, { recursive: true, force: true });
}
