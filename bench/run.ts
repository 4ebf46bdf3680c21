/**
 * `npm run bench:engine` (first half of `npm run bench`): the node in n8n's workflow engine against
 * the fake HaloPSA. Prints a table and writes the `engine` section of bench/results.json. Numbers,
 * not assertions.
 *
 *   BENCH_MEMORY_ITEMS=10000   also the memory scenario with that many alerts (a minute or more)
 */
import { readFileSync } from 'fs';
import { cpus } from 'os';
import { join } from 'path';

import { startMockHalo } from '../test/mock-halo';
import { alertStorm } from './alertStorm';
import { batchWrites } from './batchWrites';
import type { ScenarioResult } from './lib';
import { memoryUnderLoad } from './memory';
import { saveResults } from './resultsFile';
import { returnAll } from './returnAll';
import { tokens } from './tokens';

const MEMORY_ITEMS = Number(process.env.BENCH_MEMORY_ITEMS ?? 0);

async function main() {
	const halo = await startMockHalo();
	const results: ScenarioResult[] = [];
	try {
		// First, while this process holds nothing from the other scenarios.
		if (MEMORY_ITEMS > 0) results.push(...(await memoryUnderLoad(MEMORY_ITEMS)));
		for (const scenario of [tokens, alertStorm, batchWrites]) results.push(...(await scenario(halo)));
		results.push(...(await returnAll()));
	} finally {
		await halo.stop();
	}
	const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`;
	const engine = JSON.parse(readFileSync(join(__dirname, '..', 'node_modules', 'n8n-core', 'package.json'), 'utf8')).version;
	console.log(`Benchmarks (n8n engine ${engine} + fake HaloPSA), ${machine}`);
	console.table(
		results.map((r) => ({
			scenario: r.scenario,
			variant: r.variant,
			'HTTP requests': r.httpRequests,
			tokens: r.tokenRequests,
			writes: r.writes,
			reads: r.reads,
			'per item': r.requestsPerItem,
			'wall s': r.wallSeconds,
			notes: r.notes ?? '',
		})),
	);
	console.log(`peak RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
	saveResults('engine', { machine, date: new Date().toISOString(), results });
}

main().then(
	// n8n's engine leaves handles open; the benchmark is done.
	() => process.exit(0),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
