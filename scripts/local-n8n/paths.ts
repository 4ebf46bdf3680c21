/** Where things live: the repository, and the cache outside it that keeps n8n and Node.js installs. */
import * as os from 'os';
import * as path from 'path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/**
 * The cache for n8n installs (about 3 GB each), Node.js runtimes and the demo's n8n data.
 * N8N_HALOPSA_CACHE overrides it (CI and tests of a first install point it at an empty folder).
 */
export function cacheRoot(): string {
	if (process.env.N8N_HALOPSA_CACHE) return path.resolve(process.env.N8N_HALOPSA_CACHE);
	const xdgCache = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return path.join(xdgCache, 'n8n-nodes-halopsa');
}

export function cachePath(...parts: string[]): string {
	return path.join(cacheRoot(), ...parts);
}
