/** Command-line options of the end-to-end runs (`npm run test:e2e -- --n8n oldest`, …). */
import { LATEST_N8N, OLDEST_N8N } from '../../scripts/local-n8n/n8n-install';

/** The value after `name` on the command line, if given. */
export function option(name: string): string | undefined {
	const index = process.argv.indexOf(name);
	return index >= 0 ? process.argv[index + 1] : undefined;
}

/** A whole number above 0 after `name`, or `fallback` when the option is not given. */
export function numberOption(name: string, fallback: number): number {
	const given = option(name);
	const value = given === undefined ? fallback : Number(given);
	if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} needs a whole number above 0`);
	return value;
}

const VERSION_NAMES: Record<string, string> = { latest: LATEST_N8N, oldest: OLDEST_N8N };

/** `--n8n <version>`: a version number, `latest` (the default) or `oldest` (the oldest supported). */
export function n8nVersionOption(): string {
	const requested = option('--n8n') ?? 'latest';
	return VERSION_NAMES[requested] ?? requested;
}
