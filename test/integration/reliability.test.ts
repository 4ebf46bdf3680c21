/**
 * Nothing lost, nothing duplicated: the alert pipeline and idempotent ticket creation against a
 * HaloPSA that fails in every way the notes describe (5xx, 429 bursts, connections dropped before
 * and after a write was saved, tokens expiring, latency spikes).
 */
import type { IDataObject } from 'n8n-workflow';

import { N8nHarness } from '../harness/n8n-harness';
import { type FaultConfig, type MockHalo } from '../mock-halo';
import { useFakeHalo } from './fakeHalo';

const STORM: FaultConfig = {
	serverErrorRate: 0.1,
	dropBeforeRate: 0.01,
	dropAfterWriteRate: 0.02,
	expireTokensEvery: 50,
	latencySpikeRate: 0.01,
	latencySpikeMs: 40,
	burst429: { every: 150, length: 3 },
	randomSeed: 20261127,
};

const fake = useFakeHalo({ retries: { rateLimitBaseDelayMs: 25, rateLimitMaxDelayMs: 200, transientBaseDelayMs: 5 } });
let halo: MockHalo;
let n8n: N8nHarness;
beforeEach(() => {
	halo = fake.halo;
	n8n = fake.n8n();
});

const CUSTOMERS = ['Contoso Ltd', 'Northwind Traders', 'Fabrikam GmbH', 'Globex LLC', 'Initech', 'Umbrella Health'];

/** 1,000 alerts: 700 distinct IDs, the rest repeats spread through the stream. */
function alertStream(): IDataObject[] {
	let seed = 7;
	const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
	return Array.from({ length: 1000 }, (_, n) => {
		const id = n < 700 ? n : Math.floor(random() * 700);
		return { id: `F-${id}`, title: `Finding ${id}`, customer: CUSTOMERS[id % CUSTOMERS.length], severity: 'medium', seq: n };
	});
}

function ticketsWithMarker(label: string, key: string) {
	return halo.db.tickets.filter((t) => String(t.summary).endsWith(`[${label}:${key}]`));
}

it('1,000 alerts under faults: one ticket per alert ID, every other occurrence a note, every item accounted for', async () => {
	halo.configure(STORM);
	const items = alertStream();
	const result = await n8n.run({
		parameters: { resource: 'alert', operation: 'raiseTicket', ticketTypeId: 21, assetIdentifiers: '' },
		items,
		continueOnFail: true,
	});
	expect(result.error).toBeUndefined();
	expect(result.items).toHaveLength(items.length);
	result.items.forEach((item, index) => expect(item.pairedItem).toEqual({ item: index }));

	const byId = new Map<string, { ok: number; failed: number }>();
	result.json.forEach((out, index) => {
		const id = String(items[index].id);
		const entry = byId.get(id) ?? { ok: 0, failed: 0 };
		if (out.error) entry.failed++;
		else entry.ok++;
		byId.set(id, entry);
	});
	let duplicates = 0;
	let notesMissingOrExtra = 0;
	for (const [id, { ok }] of byId) {
		const tickets = ticketsWithMarker('ALERT', id);
		if (tickets.length > 1) duplicates++;
		if (ok > 0) {
			expect(tickets).toHaveLength(1);
			const notes = halo.db.actions.filter((a) => a.ticket_id === tickets[0].id && String(a.note_html).includes(`of alert ${id}`));
			// The first successful occurrence made the ticket; each other one exactly one note.
			if (notes.length !== ok - 1) notesMissingOrExtra++;
		}
	}
	const failedItems = result.json.filter((out) => out.error).length;
	const statuses = halo.apiRequests().map((r) => r.status);
	console.log(
		`faults: ${items.length} alerts, ${byId.size} alert IDs → ${halo.db.tickets.filter((t) => String(t.summary).includes('[ALERT:')).length} tickets, ` +
			`${result.json.filter((o) => o.action === 'updated').length} notes, ${failedItems} items reported as errors, ${duplicates} duplicates; ` +
			`HaloPSA answered ${statuses.filter((s) => s === 429).length}×429, ${statuses.filter((s) => typeof s === 'number' && s >= 500).length}×5xx, ` +
			`${statuses.filter((s) => s === 'dropped').length} dropped, ${statuses.filter((s) => s === 401).length}×401; ` +
			`${result.json.filter((o) => o.recovered_after_no_answer).length} creates recovered after a lost answer`,
	);
	expect(duplicates).toBe(0);
	expect(notesMissingOrExtra).toBe(0);
	// The faults did strike.
	expect(statuses).toEqual(expect.arrayContaining([429, 'dropped', 401]));
	expect(result.json.some((o) => o.recovered_after_no_answer)).toBe(true);
	// Failed items say why; none is silently missing.
	for (const out of result.json.filter((o) => o.error)) expect(String(out.error)).toMatch(/HaloPSA/);
});

it('Ticket → Create with an idempotency key under faults: one ticket per key, repeats return it', async () => {
	halo.configure(STORM);
	const items = Array.from({ length: 300 }, (_, n) => ({ key: `EVT-${n % 200}`, client: 2 + (n % 5) }));
	const result = await n8n.run({
		parameters: {
			resource: 'ticket',
			operation: 'create',
			summary: '={{ "Event " + $json.key }}',
			ticketTypeId: 1,
			clientId: { __rl: true, mode: 'id', value: '={{ $json.client }}' },
			options: { idempotencyKey: '={{ $json.key }}' },
		},
		items,
		continueOnFail: true,
	});
	expect(result.items).toHaveLength(300);
	const okKeys = new Set(items.filter((_, index) => !result.json[index].error).map((item) => item.key));
	let duplicates = 0;
	for (let n = 0; n < 200; n++) {
		const tickets = ticketsWithMarker('REF', `EVT-${n}`);
		if (tickets.length > 1) duplicates++;
		if (okKeys.has(`EVT-${n}`)) expect(tickets).toHaveLength(1);
	}
	result.json.forEach((out, index) => {
		if (out.error) return;
		expect(ticketsWithMarker('REF', String(items[index].key))[0].id).toBe(out.id);
	});
	console.log(
		`idempotent creates: 300 items, 200 keys → ${halo.db.tickets.filter((t) => String(t.summary).includes('[REF:')).length} tickets, ` +
			`${result.json.filter((o) => o.idempotent_replay).length} replays, ${result.json.filter((o) => o.recovered_after_no_answer).length} recovered, ` +
			`${result.json.filter((o) => o.error).length} errors, ${duplicates} duplicates`,
	);
	expect(duplicates).toBe(0);
	expect(result.json.filter((o) => o.idempotent_replay).length).toBeGreaterThan(50);
});

it('Ticket → Create without a key never re-sends a create whose answer was lost', async () => {
	halo.configure({ dropAfterWriteRate: 1 });
	const result = await n8n.run({
		parameters: { resource: 'ticket', operation: 'create', summary: 'once', ticketTypeId: 1, clientId: { __rl: true, mode: 'id', value: '2' } },
		continueOnFail: true,
	});
	expect(result.json[0].error).toMatch(/No answer from HaloPSA for POST \/api\/Tickets/);
	expect(result.json[0].description).toMatch(/may or may not have saved/);
	expect(halo.db.tickets.filter((t) => t.summary === 'once')).toHaveLength(1);
	expect(halo.apiRequests().filter((r) => r.method === 'POST')).toHaveLength(1);
});
