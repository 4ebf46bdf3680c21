/**
 * Alert storm: 1,000 alerts about 50 customers, 20 % of them repeats, through HaloPSA → Alert →
 * Raise Ticket in n8n's workflow engine against the fake HaloPSA.
 */
import type { IDataObject } from 'n8n-workflow';

import type { MockHalo } from '../test/mock-halo';
import { freshN8n, measure, type ScenarioResult } from './lib';

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

/** 1,000 alerts about 50 customers (20 % repeats), as one execution and as one execution per alert. */
export async function alertStorm(halo: MockHalo): Promise<ScenarioResult[]> {
	const alerts = (() => {
		freshN8n(halo);
		return stormAlerts(seedCustomers(halo));
	})();
	const results: ScenarioResult[] = [];
	for (const [variant, batches] of [
		['one execution, all items', [alerts]],
		['one execution per alert', alerts.map((alert) => [alert])],
	] as const) {
		const n8n = freshN8n(halo);
		seedCustomers(halo);
		let created = 0;
		let updated = 0;
		const result = await measure(halo, `Alert storm (${ALERTS} alerts, ${CUSTOMERS} customers, 20 % repeats)`, variant, ALERTS, async () => {
			for (const items of batches) {
				const run = await n8n.run({ parameters, items: items as IDataObject[] });
				if (run.error) throw run.error;
				created += run.json.filter((r) => r.action === 'created').length;
				updated += run.json.filter((r) => r.action === 'updated').length;
			}
		});
		result.notes = `${created} tickets, ${updated} notes; floor 1 write per alert`;
		results.push(result);
	}
	return results;
}
