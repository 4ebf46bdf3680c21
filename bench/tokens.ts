/** 20 executions in a row, then the token expires and 20 more: how many token requests. */
import type { MockHalo } from '../test/mock-halo';
import { freshN8n, measure, type ScenarioResult } from './lib';

export async function tokens(halo: MockHalo): Promise<ScenarioResult[]> {
	const n8n = freshN8n(halo);
	const get = { resource: 'ticket', operation: 'get', ticketId: { __rl: true, mode: 'id', value: '1003' } };
	const result = await measure(halo, '40 executions (token expired after 20)', 'Ticket → Get', 40, async () => {
		for (let n = 0; n < 40; n++) {
			if (n === 20) halo.expireAllTokens();
			const run = await n8n.run({ parameters: get });
			if (run.error) throw run.error;
		}
	});
	result.notes = 'one token per token lifetime; the expired token costs one refused request';
	return [result];
}
