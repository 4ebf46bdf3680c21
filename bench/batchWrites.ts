/** Ticket → Create for 500 tickets: one request per ticket vs batches of 100. */
import type { MockHalo } from '../test/mock-halo';
import { freshN8n, measure, type ScenarioResult } from './lib';

const TICKETS = 500;
const LATENCY_MS = 20;

export async function batchWrites(halo: MockHalo): Promise<ScenarioResult[]> {
	const results: ScenarioResult[] = [];
	const items = Array.from({ length: TICKETS }, (_, n) => ({ summary: `Created ${n}`, client: 2 + (n % 5) }));
	for (const batchSize of [1, 100]) {
		const n8n = freshN8n(halo);
		halo.configure({ latencyMs: LATENCY_MS });
		results.push(
			await measure(halo, `Create ${TICKETS} tickets, ${LATENCY_MS} ms per request`, batchSize === 1 ? 'one request per ticket' : `batches of ${batchSize}`, TICKETS, async () => {
				const run = await n8n.run({
					parameters: {
						resource: 'ticket',
						operation: 'create',
						summary: '={{ $json.summary }}',
						ticketTypeId: 1,
						clientId: { __rl: true, mode: 'id', value: '={{ $json.client }}' },
						options: { batchSize },
					},
					items,
				});
				if (run.error) throw run.error;
			}),
		);
	}
	return results;
}
