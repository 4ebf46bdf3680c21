/**
 * Ticket → Get Many, Return All, over 5,000 tickets with 50 ms per request: pages in parallel vs one
 * by one (the fake HaloPSA in its own process, as a real server would be).
 */
import { paginationPolicy } from '../nodes/HaloPsa/transport/pagination';
import { measure, n8nFor, type ScenarioResult } from './lib';
import { RemoteHalo } from './remoteHalo';

const TICKETS = 5000;
const LATENCY_MS = 50;

export async function returnAll(): Promise<ScenarioResult[]> {
	const halo = new RemoteHalo();
	await halo.start();
	const results: ScenarioResult[] = [];
	try {
		await halo.seedTickets(TICKETS, 6);
		await halo.configure({ latencyMs: LATENCY_MS });
		for (const concurrency of [1, paginationPolicy.concurrency]) results.push(await listAll(halo, concurrency));
	} finally {
		await halo.stop();
	}
	const [sequential, parallel] = results;
	parallel.notes += `; ${((parallel.wallSeconds / sequential.wallSeconds) * 100).toFixed(0)} % of the sequential time`;
	return results;
}

async function listAll(halo: RemoteHalo, concurrency: number): Promise<ScenarioResult> {
	const n8n = n8nFor(halo.url);
	await halo.clearLog();
	const previous = paginationPolicy.concurrency;
	paginationPolicy.concurrency = concurrency;
	let listed = 0;
	try {
		const variant = concurrency === 1 ? 'pages one by one' : `${concurrency} pages at a time`;
		const result = await measure(halo, `Return All: ${TICKETS} tickets, ${LATENCY_MS} ms per request`, variant, TICKETS, async () => {
			const run = await n8n.run({
				parameters: { resource: 'ticket', operation: 'getAll', returnAll: true, filters: { clientId: { __rl: true, mode: 'id', value: '6' } } },
			});
			if (run.error) throw run.error;
			listed = run.json.length;
		});
		result.notes = `${listed} tickets listed`;
		return result;
	} finally {
		paginationPolicy.concurrency = previous;
	}
}
