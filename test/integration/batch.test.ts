/** Batch writes: up to 100 records per POST, each returned record paired with its input item. */
import type { IDataObject } from 'n8n-workflow';

import { N8nHarness } from '../harness/n8n-harness';
import { type MockHalo } from '../mock-halo';
import { useFakeHalo } from './fakeHalo';

const fake = useFakeHalo({ retries: { transientBaseDelayMs: 5 } });
let halo: MockHalo;
let n8n: N8nHarness;
beforeEach(() => {
	halo = fake.halo;
	n8n = fake.n8n();
});

const rl = (value: string) => ({ __rl: true, mode: 'id', value });
const posts = () => halo.apiRequests().filter((r) => r.method === 'POST');

const create = (options: IDataObject = {}) => ({
	resource: 'ticket',
	operation: 'create',
	summary: '={{ $json.summary }}',
	ticketTypeId: 1,
	clientId: rl('={{ $json.client }}'),
	additionalFields: { startDate: '={{ $json.start }}' },
	options: { batchSize: 100, ...options },
});

describe('Ticket → Create in batches', () => {
	it('creates 250 tickets in 3 requests, each output paired with its own item', async () => {
		const items = Array.from({ length: 250 }, (_, n) => ({ summary: `Batch ${n}`, client: 2 + (n % 3), start: '2026-11-27T08:00:00Z' }));
		const result = await n8n.run({ parameters: create(), items });
		expect(result.error).toBeUndefined();
		expect(posts().map((r) => [(r.body as IDataObject[]).length, r.query.returnall])).toEqual([
			[100, 'true'],
			[100, 'true'],
			[50, 'true'],
		]);
		result.items.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.json).toMatchObject({ summary: `Batch ${index}`, client_id: 2 + (index % 3) });
			expect(halo.db.find('tickets', item.json.id as number)?.summary).toBe(`Batch ${index}`);
		});
		expect(halo.schemaViolations).toEqual([]);
	});

	it('fails an item with invalid fields on its own, before sending, and creates the rest', async () => {
		const items = [
			{ summary: 'one', client: 2 },
			{ summary: 'two', client: 2, start: 'not a date' },
			{ summary: 'three', client: 2 },
		];
		const result = await n8n.run({ parameters: create(), items, continueOnFail: true });
		expect(result.json[0]).toMatchObject({ summary: 'one' });
		expect(result.json[1].error).toMatch(/Start Date 'not a date' is not a date/);
		expect(result.json[2]).toMatchObject({ summary: 'three' });
		expect(posts()).toHaveLength(1);
		expect((posts()[0].body as IDataObject[]).map((t) => t.summary)).toEqual(['one', 'three']);
	});

	it('with idempotency keys: repeats return the existing ticket, a refused batch is sorted out record by record', async () => {
		await n8n.run({ parameters: create({ idempotencyKey: '={{ $json.key }}' }), items: [{ summary: 'existing', client: 2, key: 'K-0' }] });
		halo.clearLog();
		const items = [
			{ summary: 'again', client: 2, key: 'K-0' },
			{ summary: 'new one', client: 2, key: 'K-1' },
			{ summary: 'same key in this run', client: 2, key: 'K-1' },
			{ summary: 'new two', client: 2, key: 'K-2' },
		];
		const result = await n8n.run({ parameters: create({ idempotencyKey: '={{ $json.key }}' }), items });
		expect(result.error).toBeUndefined();
		expect(result.json[0]).toMatchObject({ idempotent_replay: true });
		expect(result.json[2]).toMatchObject({ idempotent_replay: true, id: result.json[1].id });
		for (const key of ['K-0', 'K-1', 'K-2']) expect(halo.db.tickets.filter((t) => String(t.summary).endsWith(`[REF:${key}]`))).toHaveLength(1);
		expect(posts()).toHaveLength(1);
	});

	it('with idempotency keys, a batch whose answer was lost is checked, not sent twice', async () => {
		halo.configure({ dropAfterWriteRate: 1 });
		const items = Array.from({ length: 5 }, (_, n) => ({ summary: `Lost ${n}`, client: 2, key: `L-${n}` }));
		const result = await n8n.run({ parameters: create({ idempotencyKey: '={{ $json.key }}' }), items });
		expect(result.error).toBeUndefined();
		expect(posts()).toHaveLength(1);
		items.forEach((item, index) => {
			expect(halo.db.tickets.filter((t) => String(t.summary).endsWith(`[REF:${item.key}]`))).toHaveLength(1);
			expect(result.json[index].summary).toBe(`Lost ${index} [REF:L-${index}]`);
		});
	});

	it('without keys, a batch HaloPSA refuses fails for its items and says records may be saved', async () => {
		const result = await n8n.run({
			parameters: { ...create(), additionalFields: { team: '={{ $json.team }}' } },
			items: [
				{ summary: 'ok', client: 2, team: 'Service Desk' },
				{ summary: 'bad', client: 2, team: 'No Such Team' },
			],
			continueOnFail: true,
		});
		expect(result.json.map((out) => out.error)).toEqual([
			expect.stringMatching(/^In a batch of 2: HaloPSA rejected the request: .*No Such Team/),
			expect.stringMatching(/^In a batch of 2: /),
		]);
		expect(result.json[0].description).toMatch(/may have saved some records/);
		expect(posts()).toHaveLength(1);
	});
});

describe('Ticket → Update in batches', () => {
	it('updates 150 tickets in 2 writes after reading their types and clients 100 at a time', async () => {
		const ids = halo.db.tickets.filter((t) => !t.deleted && !halo.db.isProject(t)).map((t) => t.id);
		for (let n = ids.length; n < 150; n++) ids.push(halo.db.insertTicket({ summary: `Extra ${n}`, client_id: 4 }).id);
		const items = ids.slice(0, 150).map((id) => ({ id, summary: `Updated ${id}` }));
		const result = await n8n.run({
			parameters: { resource: 'ticket', operation: 'update', ticketId: rl('={{ $json.id }}'), updateFields: { summary: '={{ $json.summary }}' }, options: { batchSize: 100 } },
			items,
		});
		expect(result.error).toBeUndefined();
		expect(halo.apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/Tickets', 'GET /api/Tickets', 'POST /api/Tickets', 'POST /api/Tickets']);
		items.forEach((item, index) => {
			expect(result.json[index]).toMatchObject({ id: item.id, summary: item.summary });
			expect(halo.db.find('tickets', item.id)?.summary).toBe(item.summary);
		});
	});

	it('a refused batch is retried record by record, so only the bad item fails', async () => {
		const result = await n8n.run({
			parameters: { resource: 'ticket', operation: 'update', ticketId: rl('={{ $json.id }}'), updateFields: { team: '={{ $json.team }}' }, options: { batchSize: 100 } },
			items: [
				{ id: 1003, team: 'Service Desk' },
				{ id: 1004, team: 'No Such Team' },
				{ id: 1005, team: 'Security Operations' },
			],
			continueOnFail: true,
		});
		expect(result.json[0]).toMatchObject({ id: 1003, team: 'Service Desk' });
		expect(result.json[1].error).toMatch(/No Such Team/);
		expect(result.json[2]).toMatchObject({ id: 1005, team: 'Security Operations' });
	});
});

describe('Ticket → Add Note in batches', () => {
	it('adds 120 notes in 2 writes', async () => {
		const items = Array.from({ length: 120 }, (_, n) => ({ ticket: 1003 + (n % 5), note: `Note ${n}` }));
		const result = await n8n.run({
			parameters: { resource: 'ticket', operation: 'addNote', ticketId: rl('={{ $json.ticket }}'), note: '={{ $json.note }}', options: { batchSize: 100 } },
			items,
		});
		expect(result.error).toBeUndefined();
		expect(posts().map((r) => (r.body as IDataObject[]).length)).toEqual([100, 20]);
		items.forEach((item, index) => expect(result.json[index]).toMatchObject({ ticket_id: item.ticket, note: item.note, private: true }));
	});
});
