/**
 * `npm run bench:n8n` (second half of `npm run bench`): the package in a real n8n (the end-to-end
 * install) against the fake HaloPSA with a latency per request, side by side with n8n's built-in
 * HaloPSA node where it can do the same job. Prints a table and writes the `n8n` section of
 * bench/results.json. Numbers, not assertions.
 *
 *   BENCH_LATENCY_MS=50    the fake's delay per API and token request (default 50)
 *   BENCH_LENIENT=1        the fake drops unknown posted fields instead of refusing them
 *   BENCH_ALERTS=1000      alerts in the storm
 */
import { cpus } from 'os';

import { stopAllProcesses } from '../../scripts/local-n8n/processes';
import { say } from '../../scripts/local-n8n/progress';
import { saveResults } from '../resultsFile';
import { BenchN8n } from './environment';
import type { MeasuredRun } from './measure';
import { compare, printTable } from './report';
import type { N8nScenario } from './scenario';
import { alertStormExecutionPerAlert, alertStormInOneExecution } from './scenarios/alertStorm';
import { createTickets } from './scenarios/createTickets';
import { executionsInARow } from './scenarios/executionsInARow';
import { listTickets } from './scenarios/listTickets';

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50);
const STRICT_SCHEMA = process.env.BENCH_LENIENT !== '1';

async function runAll(env: BenchN8n): Promise<MeasuredRun[]> {
	const scenarios: N8nScenario[] = [createTickets, listTickets, alertStormInOneExecution, executionsInARow, alertStormExecutionPerAlert].map((build) => build(env));
	await env.importRegistered();
	// Every `n8n execute` before `n8n start`: the two never share the database at the same time.
	const ordered = [...scenarios.filter((each) => !each.needsServer), ...scenarios.filter((each) => each.needsServer)];
	const runs: MeasuredRun[] = [];
	for (const scenario of ordered) {
		const started = Date.now();
		say(`${scenario.title}…`);
		runs.push(...(await scenario.run()));
		say(`${scenario.title}: ${((Date.now() - started) / 1000).toFixed(0)} s`);
	}
	return runs;
}

async function main(): Promise<void> {
	const env = await BenchN8n.setUp({ latencyMs: LATENCY_MS, strictSchema: STRICT_SCHEMA });
	let runs: MeasuredRun[];
	try {
		runs = await runAll(env);
	} finally {
		await env.stop();
	}
	const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}; n8n ${env.n8nVersion} on its own Node.js, this benchmark on Node ${process.version}`;
	const setting = `fake HaloPSA: ${LATENCY_MS} ms per API and token request, ${STRICT_SCHEMA ? 'strict' : 'lenient'} schema check`;
	const compared = compare(runs);
	printTable(`Real n8n ${env.n8nVersion}, this package vs n8n's built-in HaloPSA node (${setting}); ${machine}`, compared);
	console.log(`n8n's data and log: ${env.workFolder}`);
	saveResults('n8n', { machine, n8n: env.n8nVersion, latencyMs: LATENCY_MS, strictSchema: STRICT_SCHEMA, date: new Date().toISOString(), results: compared });
}

main().then(
	() => process.exit(0),
	async (error: Error) => {
		console.error(error);
		await stopAllProcesses();
		process.exit(1);
	},
);
