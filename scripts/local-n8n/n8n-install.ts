/**
 * n8n from npm, installed once per version into the cache (about 3 GB, minutes the first time).
 *
 * A plain `npm install n8n` fails offline: some install scripts download files. So it is installed
 * with `--ignore-scripts`, and the one native module n8n needs at run time (sqlite3) is rebuilt
 * from source against the Node.js that will run n8n.
 */
import * as fs from 'fs';
import * as path from 'path';

import { ensureCachedFolder, npmInstall, withHeartbeat } from './cached-install';
import { nodeRuntimeFor, runtimeEnv, type NodeRuntime } from './node-runtime';
import { runCommand } from './processes';
import { say, step } from './progress';

/** The n8n `npm start` and `npm run test:e2e` use: the latest release that installs here. */
export const LATEST_N8N = '2.41.1';
/** The oldest n8n we support: 2.8.4, the last n8n on Node.js 20 (the package type-checks against its n8n-workflow). */
export const OLDEST_N8N = '2.8.4';

/**
 * Older n8n releases depend on an `xlsx` that npm fetches from a download site outside the
 * registry; the registry's last `xlsx` stands in. Newer releases do not use it, so this is a no-op.
 */
const OVERRIDES = { xlsx: '0.18.5' };

export interface N8nInstall {
	version: string;
	/** `node_modules/n8n/bin/n8n` of the install. */
	bin: string;
	/** The Node.js that runs this n8n. */
	runtime: NodeRuntime;
}

function enginesOf(folder: string): string | undefined {
	const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'node_modules', 'n8n', 'package.json'), 'utf8'));
	return manifest.engines?.node;
}

async function buildN8n(version: string, folder: string): Promise<void> {
	await npmInstall(folder, { dependencies: { n8n: version }, overrides: OVERRIDES }, {
		label: `n8n ${version}`,
		timeoutMs: 25 * 60_000,
	});
	const runtime = await nodeRuntimeFor(enginesOf(folder));
	if (fs.existsSync(path.join(folder, 'node_modules', 'sqlite3'))) {
		await withHeartbeat('sqlite3', () =>
			runCommand({
				name: `npm rebuild sqlite3 (Node.js ${runtime.version})`,
				command: 'npm',
				args: ['rebuild', 'sqlite3', '--ignore-scripts=false', '--loglevel=error'],
				cwd: folder,
				env: runtimeEnv(runtime),
				logFile: path.join(folder, 'install.log'),
				timeoutMs: 15 * 60_000,
			}),
		);
	}
	const reported = await runCommand({
		name: `n8n ${version} --version`,
		command: path.join(folder, 'node_modules', 'n8n', 'bin', 'n8n'),
		args: ['--version'],
		env: runtimeEnv(runtime),
		timeoutMs: 2 * 60_000,
	});
	if (!reported.stdout.includes(version)) throw new Error(`The installed n8n reports '${reported.stdout.trim()}', expected ${version}`);
}

/** The cached install of n8n `version`, installing it (and a newer Node.js if needed) first. */
export async function ensureN8n(version: string): Promise<N8nInstall> {
	const folderName = `n8n-${version}`;
	const folder = await ensureCachedFolder(folderName, (building) =>
		step(`Installing n8n ${version} into the cache (a few minutes, once)`, () => buildN8n(version, building)),
	);
	const runtime = await nodeRuntimeFor(enginesOf(folder));
	say(`n8n ${version} (Node.js ${runtime.version}) from ${folder}`);
	return { version, bin: path.join(folder, 'node_modules', 'n8n', 'bin', 'n8n'), runtime };
}
