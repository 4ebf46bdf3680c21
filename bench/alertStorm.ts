/**
 * Alert storm: 1,000 alerts about 50 customers, 20 % of them repeats, through HaloPSA → Alert →
 * Raise Ticket in n8n's workflow engine against the fake HaloPSA.
 */
import type { IDataObject } from 'n8n-workflow';

import type { MockHalo } from '../test/mock-halo';
import { freshN8n, measure, type ScenarioResult } from './lib';

export const ALERTS = Number(process.env.BENCH_ALERTS ?? 1000);
export const CUSTOMERS = 50;
export const REPEAT_SHARE = 0.2;

/** The storm's customers' names, as the alerts name them. */
export function stormCustomerNames(): string[] {
	return Array.from({ length: CUSTOMERS }, (_, n) => `Storm Customer ${String(n + 1).padStart(2, '0')} Ltd`);
}

/** Adds the storm's customers (each with a main site and a General User) to an in-process fake. */
export function seedCustomers(halo: MockHalo): string[] {
	const names = stormCustomerNames();
	for (const [n, name] of names.entries()) {
		const client = halo.db.add('clients', { name, toplevel_id: 2, inactive: false, website: `customer${n + 1}.example` });
		const site = halo.db.add('sites', { name: 'Main Office', client_id: client.id as number, inactive: false });
		halo.db.add('users', { name: 'General User', emailaddress: '', site_id: site.id as number, client_id: client.id as number, inactive: false });
	}
	return names;
}

/** Deterministic alerts: unique ones first spread over customers, repeats of earlier ones mixed in. */
export function stormAlerts(customers: string[], count = ALERTS): IDataObject[] {
	let seed = 42;
	const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
	const unique = Math.round(count * (1 - REPEAT_SHARE));
	const alerts: IDataObject[] = [];
	for (let n = 0; n < count; n++) {
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

/** HaloPSA → Alert → Raise Ticket with its defaults (alert fields read from the item: id, title, customer, severity). */
export const RAISE_TICKET_PARAMETERS = { resource: 'alert', operation: 'raiseTicket', ticketTypeId: 21, assetIdentifiers: '' };

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
				const run = await n8n.run({ parameters: RAISE_TICKET_PARAMETERS, items: items as IDataObject[] });
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
