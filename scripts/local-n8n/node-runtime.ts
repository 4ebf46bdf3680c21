/**
 * The Node.js that runs n8n. Recent n8n needs a newer Node.js than this machine may have; then the
 * official binary comes from the npm package `node-<platform>-<arch>` (it holds `bin/node` and the
 * headers native modules are built against) and is put first on PATH for n8n and its npm steps.
 */
import * as fs from 'fs';
import * as path from 'path';

import { ensureCachedFolder, npmInstall } from './cached-install';
import { cleanEnv } from './processes';
import { step } from './progress';

/** The Node.js installed when the machine's is too old for the n8n being run. */
export const FALLBACK_NODE_VERSION = '24.21.0';

export interface NodeRuntime {
	version: string;
	/** Folder holding `node`; goes first on PATH. */
	binDir: string;
	/** Where `include/node/node.h` lives, for rebuilding native modules (npm's `nodedir`). */
	headersDir: string;
}

export function machineNode(): NodeRuntime {
	const binDir = path.dirname(process.execPath);
	return { version: process.versions.node, binDir, headersDir: path.dirname(binDir) };
}

/** Compares dotted versions: negative when a < b. */
export function compareVersions(a: string, b: string): number {
	const partsA = a.split('.').map(Number);
	const partsB = b.split('.').map(Number);
	for (let index = 0; index < 3; index++) {
		const difference = (partsA[index] ?? 0) - (partsB[index] ?? 0);
		if (difference !== 0) return difference;
	}
	return 0;
}

/** The lowest version an `engines.node` range such as `>=20.19 <= 24.x` allows (undefined: any). */
export function minimumOf(range: string | undefined): string | undefined {
	return /(?:^|\s)>=\s*v?(\d+(?:\.\d+){0,2})/.exec(range ?? '')?.[1];
}

async function fallbackNode(): Promise<NodeRuntime> {
	const packageName = `node-${process.platform}-${process.arch}`;
	const folder = await ensureCachedFolder(`node-${FALLBACK_NODE_VERSION}`, (building) =>
		step(`Installing Node.js ${FALLBACK_NODE_VERSION} (npm package ${packageName}) for n8n`, () =>
			npmInstall(building, { dependencies: { [packageName]: FALLBACK_NODE_VERSION } }, { label: 'Node.js', timeoutMs: 10 * 60_000 }),
		),
	);
	const packageDir = path.join(folder, 'node_modules', packageName);
	if (!fs.existsSync(path.join(packageDir, 'bin', 'node'))) throw new Error(`${packageDir} has no bin/node`);
	return { version: FALLBACK_NODE_VERSION, binDir: path.join(packageDir, 'bin'), headersDir: packageDir };
}

/** This machine's Node.js when it satisfies `enginesRange`, otherwise the cached fallback. */
export async function nodeRuntimeFor(enginesRange: string | undefined): Promise<NodeRuntime> {
	const minimum = minimumOf(enginesRange);
	if (!minimum || compareVersions(process.versions.node, minimum) >= 0) return machineNode();
	return await fallbackNode();
}

/** Environment with `runtime`'s node first on PATH and its headers for native rebuilds. */
export function runtimeEnv(runtime: NodeRuntime, base: NodeJS.ProcessEnv = cleanEnv()): NodeJS.ProcessEnv {
	return {
		...base,
		PATH: `${runtime.binDir}${path.delimiter}${base.PATH ?? ''}`,
		npm_config_nodedir: runtime.headersDir,
	};
}
