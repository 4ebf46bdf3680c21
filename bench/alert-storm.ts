/**
 * Alert storm: 1,000 alerts about 50 customers, 20 % of them repeats, through HaloPSA → Alert →
 * Raise Ticket in n8n's workflow engine against the fake HaloPSA. Prints how many HTTP requests it
 * took (the floor is one write per alert), for one execution with all alerts and for one execution
 * per alert (a webhook per alert). Numbers, not assertions: run with `npm run bench`.
 */
import type { IDataObject } from 'n8n-workflow';

import { N8nHarness, resetProcessState } from '../test/harness/n8n-harness';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, type MockHalo, startMockHalo } from '../test/mock-halo';

const ALERTS = Number(process.env.BENCH_ALERTS ?? 1000);
const CUSTOMERS = 50;
const REPEAT_SHARE = 0.2;

function seedCustomers(halo: MockHalo): string[] {
	const names: string[] = [];
	for (let n = 1; n <= CUSTOMERS; n++) {
		const name = `Storm Customer ${String(n).padStart(2, '0')} Ltd`;
		const client = halo.db.add('clients', { name, toplevel_id: 2, inactive: false, website: `customer${n}.example` });
		const site = halo.db.add('sites', { name: 'Main Office', client_id: client.id as number, inactive: false });
		halo.db.add('users', { name: 'General User', emailaddress: '', site_id: site.id as number, client_id: client.id as number, inactive: false });
		names.push(name);
	}
	return names;
}

/** Deterministic alerts: unique ones first spread over customers, repeats of earlier ones mixed in. */
function stormAlerts(customers: string[]): IDataObject[] {
	let seed = 42;
	const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
	const unique = Math.round(ALERTS * (1 - REPEAT_SHARE));
	const alerts: IDataObject[] = [];
	for (let n = 0; n < ALERTS; n++) {
		const isRepeat = n >= unique;
		const index = isRepeat ? Math.floor(random() * unique) : n;
		alerts.push({
			id: `STORM-${index}`,
			title: `Finding ${index % 37}: risky configuration`,
			customer: customers[index % customers.length],
			severity: ['critical', 'high', 'medium', 'low'][index % 4],
			detected_at: new Date(Date.UTC(2026, 10, 27, 8, 0, n)).toISOString(),
		});
	}
	// Repeats arrive among the others, not only at the end.
	for (let n = alerts.length - 1; n > 0; n--) {
		const other = Math.floor(random() * (n + 1));
		[alerts[n], alerts[other]] = [alerts[other], alerts[n]];
	}
	return alerts;
}

const parameters = { resource: 'alert', operation: 'raiseTicket', ticketTypeId: 21, assetIdentifiers: '' };

async function scenario(halo: MockHalo, label: string, batches: Array<IDataObject[]>) {
	halo.reset();
	resetProcessState();
	seedCustomers(halo);
	const n8n = new N8nHarness({ hosting: 'custom', instanceUrl: halo.url, clientId: DEMO_CLIENT_ID, clientSecret: DEMO_CLIENT_SECRET });
	const started = process.hrtime.bigint();
	let created = 0;
	let updated = 0;
	for (const items of batches) {
		const result = await n8n.run({ parameters, items });
		if (result.error) throw result.error;
		created += result.json.filter((r) => r.action === 'created').length;
		updated += result.json.filter((r) => r.action === 'updated').length;
	}
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	const api = halo.apiRequests();
	const tokens = halo.tokenRequests().length;
	const writes = api.filter((r) => r.method !== 'GET').length;
	const total = api.length + tokens;
	const readsByPath: Record<string, number> = {};
	for (const request of api.filter((r) => r.method === 'GET')) {
		const path = request.path.replace(/\/\d+$/, '/{id}');
		readsByPath[path] = (readsByPath[path] ?? 0) + 1;
	}
	return { label, alerts: ALERTS, created, updated, requests: total, writes, reads: api.length - writes, readsByPath, tokens, perAlert: total / ALERTS, seconds };
}

async function main() {
	const halo = await startMockHalo();
	try {
		const customers = seedCustomers(halo);
		const alerts = stormAlerts(customers);
		const results = [
			await scenario(halo, 'one execution, 1,000 items', [alerts]),
			await scenario(halo, 'one execution per alert', alerts.map((alert) => [alert])),
		];
		console.log(`Alert storm: ${ALERTS} alerts, ${CUSTOMERS} customers, ${REPEAT_SHARE * 100} % repeats (fake HaloPSA, no latency)`);
		console.table(
			results.map((r) => ({
				scenario: r.label,
				tickets: r.created,
				notes: r.updated,
				'HTTP requests': r.requests,
				writes: r.writes,
				reads: r.reads,
				tokens: r.tokens,
				'requests / alert': r.perAlert.toFixed(3),
				'wall s': r.seconds.toFixed(1),
			})),
		);
		for (const r of results) console.log(`${r.label}: reads by path ${JSON.stringify(r.readsByPath)}`);
		const heap = process.memoryUsage();
		console.log(`peak RSS ${(heap.rss / 2 ** 20).toFixed(0)} MiB`);
	} finally {
		await halo.stop();
	}
}

main().then(
	// n8n's engine leaves handles open; the benchmark is done.
	() => process.exit(0),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
