/**
 * npm installs kept in the cache folder. Each is built in a temporary folder and renamed into place
 * only when complete, so an interrupted install is redone next time instead of being half-used.
 */
import * as fs from 'fs';
import * as path from 'path';

import { cachePath } from './paths';
import { runCommand } from './processes';
import { say, seconds } from './progress';

/** Returns `<cache>/<name>`, running `build` in a fresh folder first when it does not exist yet. */
export async function ensureCachedFolder(name: string, build: (folder: string) => Promise<void>): Promise<string> {
	const folder = cachePath(name);
	if (fs.existsSync(folder)) return folder;
	removeAbandonedBuilds(folder);
	const building = `${folder}.partial-${process.pid}`;
	fs.mkdirSync(building, { recursive: true });
	try {
		await build(building);
		// Renamed, not copied: nothing inside may depend on the folder's path (npm's links are relative).
		fs.renameSync(building, folder);
	} finally {
		fs.rmSync(building, { recursive: true, force: true });
	}
	return folder;
}

function isRunning(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** Removes `<folder>.partial-<pid>` folders whose process is gone (an install stopped with Ctrl-C). */
function removeAbandonedBuilds(folder: string): void {
	const parent = path.dirname(folder);
	if (!fs.existsSync(parent)) return;
	const prefix = `${path.basename(folder)}.partial-`;
	for (const entry of fs.readdirSync(parent)) {
		const pid = Number(entry.slice(prefix.length));
		if (entry.startsWith(prefix) && !isRunning(pid)) fs.rmSync(path.join(parent, entry), { recursive: true, force: true });
	}
}

/** `npm install` of `dependencies` into `folder`, without install scripts, saying it is still busy. */
export async function npmInstall(
	folder: string,
	packageJson: { dependencies: Record<string, string>; overrides?: Record<string, string> },
	options: { label: string; timeoutMs: number; env?: NodeJS.ProcessEnv },
): Promise<void> {
	fs.writeFileSync(path.join(folder, 'package.json'), JSON.stringify({ name: 'cache', private: true, ...packageJson }, null, 2));
	await withHeartbeat(options.label, () =>
		runCommand({
			name: `npm install (${options.label})`,
			command: 'npm',
			args: ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'],
			cwd: folder,
			env: options.env,
			logFile: path.join(folder, 'install.log'),
			timeoutMs: options.timeoutMs,
		}),
	);
}

/** Prints a line every 30 s while `work` runs, so a long install does not look stuck. */
export async function withHeartbeat<T>(label: string, work: () => Promise<T>): Promise<T> {
	const started = Date.now();
	const timer = setInterval(() => say(`  still busy with ${label} (${seconds(Date.now() - started)})`), 30_000);
	try {
		return await work();
	} finally {
		clearInterval(timer);
	}
}
