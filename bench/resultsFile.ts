/**
 * bench/results.json holds the latest figures of both benchmarks, each in its own section:
 * `engine` (`npm run bench:engine`) and `n8n` (`npm run bench:n8n`). A run replaces only its own.
 */
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';

export const RESULTS_FILE = join(__dirname, 'results.json');

export function saveResults(section: 'engine' | 'n8n', results: object): void {
	const saved = existsSync(RESULTS_FILE) ? (JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Record<string, unknown>) : {};
	writeFileSync(RESULTS_FILE, `${JSON.stringify({ ...saved, [section]: results }, null, 2)}\n`);
}
