/**
 * The HaloPSA Trigger (polling) and the HaloPSA Webhook Trigger in n8n's real poll and webhook
 * contexts, against the fake HaloPSA over HTTP. Static data is kept between polls the way n8n keeps
 * it (test/harness: in memory while active, saved on activation and when a poll emits).
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { updateTicket } from '../mock-halo/resources/tickets';
import type { Ticket } from '../mock-halo';
import { CLOSED_STATUS_ID } from '../mock-halo';
import { rl, useFakeHalo } from './fakeHalo';

const fake = useFakeHalo();

/** Outcomes of the fake's seed: 2 Update (public), 7 Private Note (hidden from the user), 11 Close Ticket. */
const OUTCOME = { update: 2, privateNote: 7, close: 11 };

function trigger(parameters: INodeParameters, savedStaticData?: IDataObject) {
	return fake.n8n().pollingTrigger(parameters, savedStaticData);
}

function openTicket(statusId = 1): Ticket {
	const ticket = fake.halo.db.tickets.find((t) => !t.deleted && !t.hasbeenclosed && t.status_id === statusId && !fake.halo.db.isProject(t));
	if (!ticket) throw new Error(`the demo data has no open ticket in status ${statusId}`);
	return ticket;
}

const newTicket = (summary: string, fields: Record<string, unknown> = {}) => fake.halo.db.insertTicket({ summary, client_id: 2, ...fields });
const edit = (ticket: Ticket, fields: Record<string, unknown>) => updateTicket(fake.halo.db, ticket, fields);
const addAction = (ticketId: number, fields: Record<string, unknown>) => fake.halo.db.insertAction({ ticket_id: ticketId, ...fields });
const ticketIds = (json: IDataObject[]) => json.map((item) => item.ticket_id);
const ticketListRequests = () => fake.requests('GET', '/Tickets');
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('HaloPSA Trigger: polling', () => {
	it('starts from now: the first poll delivers nothing, later polls what changed since', async () => {
		const polling = trigger({ events: ['ticket_created', 'ticket_updated'] });
		expect(await polling.activate()).toEqual({ items: [], json: [] });
		expect(polling.saved['node:HaloPSA Trigger']).toMatchObject({ cursor: { since: expect.any(String) } });
		expect(await polling.poll()).toEqual({ items: [], json: [] });

		const created = newTicket('Phishing report from Jane');
		const result = await polling.poll();
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual([
			expect.objectContaining({
				event: 'ticket_created',
				changes: ['ticket_created'],
				ticket_id: created.id,
				changed_at: expect.stringMatching(/Z$/),
				ticket: expect.objectContaining({ id: created.id, summary: 'Phishing report from Jane', client_name: 'Contoso Ltd', url: `${fake.halo.url}/ticket?id=${created.id}` }),
			}),
		]);
	});

	it('delivers changes made between polls once, in the order they happened', async () => {
		const polling = trigger({ events: ['ticket_created', 'ticket_updated'] });
		await polling.activate();
		const existing = openTicket();
		const created = newTicket('New laptop for Tom');
		// HaloPSA's stamps within one millisecond need not follow the order of the saves.
		await pause(5);
		edit(existing, { summary: 'Printer offline on floor 2' });

		const first = await polling.poll();
		expect(first.json.map((item) => [item.event, item.ticket_id])).toEqual([
			['ticket_created', created.id],
			['ticket_updated', existing.id],
		]);
		expect((await polling.poll()).json).toEqual([]);

		edit(created, { summary: 'New laptop for Tom (approved)' });
		const second = await polling.poll();
		expect(second.json.map((item) => [item.event, item.ticket_id])).toEqual([['ticket_updated', created.id]]);
		expect((await polling.poll()).json).toEqual([]);
	});

	it('250 changes between two polls arrive as 250 items: none repeated, none missed, reading stops at the cursor', async () => {
		const polling = trigger({ events: ['ticket_created'] });
		await polling.activate();
		const created = Array.from({ length: 250 }, (_, n) => newTicket(`Bulk alert ${n}`).id);
		fake.halo.clearLog();

		const result = await polling.poll();

		expect(result.error).toBeUndefined();
		expect(result.json).toHaveLength(250);
		expect(new Set(ticketIds(result.json)).size).toBe(250);
		expect([...ticketIds(result.json)].sort()).toEqual([...created].sort());
		// 250 changes and the ones at the cursor: three pages of 100, nothing older read.
		const pages = ticketListRequests();
		expect(pages.map((request) => request.query.page_no)).toEqual(['1', '2', '3']);
		expect(pages[0].query).toMatchObject({ order: 'last_update', orderdesc: 'true', lastupdatefromdate: expect.stringMatching(/Z$/) });
		expect((await polling.poll()).json).toEqual([]);
	});

	it('a restart from the saved static data replays nothing and catches up on what changed while n8n was down', async () => {
		const polling = trigger({ events: ['ticket_created', 'ticket_updated'] });
		await polling.activate();
		const first = newTicket('Before the restart');
		expect(ticketIds((await polling.poll()).json)).toEqual([first.id]);

		// Down: the next poll never ran; a change happens meanwhile.
		const whileDown = newTicket('While n8n was down');
		const restarted = trigger({ events: ['ticket_created', 'ticket_updated'] }, polling.saved);
		const catchUp = await restarted.restart();
		expect(ticketIds(catchUp.json)).toEqual([whileDown.id]);

		const again = trigger({ events: ['ticket_created', 'ticket_updated'] }, restarted.saved);
		expect((await again.restart()).json).toEqual([]);
		expect((await again.poll()).json).toEqual([]);
	});

	it('a poll that fails loses nothing: the next one delivers the changes', async () => {
		const polling = trigger({ events: ['ticket_created'] });
		await polling.activate();
		const created = newTicket('Logged while HaloPSA was failing');
		fake.halo.configure({ serverErrorRate: 1 });
		const failed = await polling.poll();
		expect(failed.error?.message).toMatch(/50\d/);
		fake.halo.resetFaults();
		expect(ticketIds((await polling.poll()).json)).toEqual([created.id]);
	});

	it('a status change reports the old and the new status, also for a ticket that existed before activation', async () => {
		const polling = trigger({ events: ['status_changed'] });
		await polling.activate();
		const ticket = openTicket(1);
		addAction(ticket.id, { outcome_id: OUTCOME.update, new_status: 3 });

		const result = await polling.poll();
		expect(result.json).toEqual([
			expect.objectContaining({
				event: 'status_changed',
				ticket_id: ticket.id,
				previous_status_id: 1,
				previous_status_name: 'New',
				status_id: 3,
				status_name: 'Waiting on Customer',
			}),
		]);
		// A change that leaves the status alone is no status change.
		edit(ticket, { summary: 'Still waiting' });
		expect((await polling.poll()).json).toEqual([]);
		addAction(ticket.id, { outcome_id: OUTCOME.update, new_status: 2 });
		expect((await polling.poll()).json).toEqual([expect.objectContaining({ previous_status_id: 3, status_id: 2, status_name: 'In Progress' })]);
	});

	it('status changes only to the chosen statuses', async () => {
		const polling = trigger({ events: ['status_changed'], statusChangedTo: [CLOSED_STATUS_ID] });
		await polling.activate();
		const waiting = openTicket(1);
		addAction(waiting.id, { outcome_id: OUTCOME.update, new_status: 3 });
		expect((await polling.poll()).json).toEqual([]);
		addAction(waiting.id, { outcome_id: OUTCOME.close, note: 'Fixed' });
		expect((await polling.poll()).json).toEqual([
			expect.objectContaining({ event: 'status_changed', previous_status_id: 3, status_id: CLOSED_STATUS_ID, status_name: 'Closed' }),
		]);
	});

	it('a closed ticket is reported once, also when it changes again after closing', async () => {
		const polling = trigger({ events: ['ticket_closed'] });
		await polling.activate();
		const ticket = openTicket(2);
		addAction(ticket.id, { outcome_id: OUTCOME.close, note: 'Resolved by the SOC' });
		// Found by its closing date: the statuses of tickets are only learned when status changes are chosen.
		expect((await polling.poll()).json).toEqual([
			expect.objectContaining({ event: 'ticket_closed', changes: ['ticket_closed', 'ticket_updated'], ticket_id: ticket.id, status_id: CLOSED_STATUS_ID }),
		]);
		addAction(ticket.id, { outcome_id: OUTCOME.privateNote, note: 'Post-mortem filed' });
		expect((await polling.poll()).json).toEqual([]);
	});

	it.each([
		['all', ['Customer informed', 'Internal: AV quarantined the file']],
		['public', ['Customer informed']],
		['private', ['Internal: AV quarantined the file']],
	])('new notes (%s)', async (noteVisibility, expected) => {
		const polling = trigger({ events: ['note_added'], noteVisibility });
		await polling.activate();
		const ticket = openTicket();
		addAction(ticket.id, { outcome_id: OUTCOME.update, note: 'Customer informed', hiddenfromuser: false });
		await pause(5);
		addAction(ticket.id, { outcome_id: OUTCOME.privateNote, note: 'Internal: AV quarantined the file' });

		const result = await polling.poll();
		expect(result.json.map((item) => (item.note as IDataObject).note)).toEqual(expected);
		expect(result.json[0]).toMatchObject({
			event: 'note_added',
			ticket_id: ticket.id,
			note: { ticket_id: ticket.id, private: noteVisibility === 'private' },
			ticket: { id: ticket.id },
		});
		expect((await polling.poll()).json).toEqual([]);
	});

	it('a note on a ticket created since the last poll comes with it; notes before activation never do', async () => {
		const ticket = openTicket();
		addAction(ticket.id, { outcome_id: OUTCOME.update, note: 'Before activation', hiddenfromuser: false });
		const polling = trigger({ events: ['ticket_created', 'note_added'] });
		await polling.activate();
		const created = newTicket('Suspicious sign-in');
		addAction(created.id, { outcome_id: OUTCOME.privateNote, note: 'Checking the sign-in logs' });
		edit(ticket, { summary: 'Touched again' });

		const result = await polling.poll();
		expect(result.json.map((item) => item.event)).toEqual(['ticket_created', 'note_added']);
		expect(result.json[1]).toMatchObject({ ticket_id: created.id, note: { note: 'Checking the sign-in logs' } });
	});

	it('only tickets matching the filters', async () => {
		const polling = trigger({ events: ['ticket_created'], filters: { clientId: rl(5), teamIds: [2] } });
		await polling.activate();
		newTicket('Other client', { team: 'Security Operations' });
		const match = newTicket('Fabrikam alert', { client_id: 5, team: 'Security Operations' });
		newTicket('Fabrikam, other team', { client_id: 5, team: 'Service Desk' });

		const result = await polling.poll();
		expect(ticketIds(result.json)).toEqual([match.id]);
		expect(ticketListRequests().pop()?.query).toMatchObject({ client_id: '5', team: '2' });
	});

	it('Start From delivers what changed since that date on the first poll', async () => {
		const since = new Date(Date.now() - 2 * 86_400_000).toISOString();
		const expected = fake.halo.db.tickets
			.filter((t) => !t.deleted && !fake.halo.db.isProject(t) && Date.parse(t.last_update) >= Date.parse(since))
			.map((t) => t.id);
		const polling = trigger({ events: ['ticket_created', 'ticket_updated'], options: { startFrom: since } });

		const result = await polling.activate();
		expect(result.error).toBeUndefined();
		expect([...ticketIds(result.json)].sort()).toEqual([...expected].sort());
		expect(expected.length).toBeGreaterThan(0);
		expect((await polling.poll()).json).toEqual([]);
	});

	it("returns HaloPSA's records when Simplify is off", async () => {
		const polling = trigger({ events: ['ticket_created'], simplify: false });
		await polling.activate();
		const created = newTicket('Raw please');
		const [item] = (await polling.poll()).json;
		expect(item.ticket).toMatchObject({ id: created.id, last_update: created.last_update, sla_id: expect.any(Number) });
		expect(item.ticket).not.toHaveProperty('url');
	});

	it('a test run shows the latest matching item and leaves the cursor alone', async () => {
		const polling = trigger({ events: ['ticket_updated'] });
		// Before activation: a sample from what exists.
		const sample = await polling.test();
		const newest = [...fake.halo.db.tickets]
			.filter((t) => !t.deleted && !fake.halo.db.isProject(t))
			.sort((a, b) => (a.last_update < b.last_update ? 1 : -1))[0];
		expect(sample.json).toEqual([expect.objectContaining({ event: 'ticket_updated', ticket_id: newest.id })]);
		expect(polling.saved).toEqual({});

		await polling.activate();
		const saved = structuredClone(polling.saved);
		const edited = openTicket();
		edit(edited, { summary: 'Changed before the test run' });
		expect(ticketIds((await polling.test()).json)).toEqual([edited.id]);
		expect(polling.saved).toEqual(saved);
		// The change is still delivered by the next real poll.
		expect(ticketIds((await polling.poll()).json)).toEqual([edited.id]);
	});

	it('a test run for notes shows the latest note of the chosen kind', async () => {
		const ticket = openTicket();
		addAction(ticket.id, { outcome_id: OUTCOME.privateNote, note: 'Newest private note' });
		const sample = await trigger({ events: ['note_added'], noteVisibility: 'private' }).test();
		expect(sample.json).toEqual([expect.objectContaining({ event: 'note_added', ticket_id: ticket.id, note: expect.objectContaining({ note: 'Newest private note', private: true }) })]);
	});

	it('refuses a bad filter before asking HaloPSA anything', async () => {
		const result = await trigger({ events: ['ticket_created'], filters: { teamIds: '2,x' } }).activate();
		expect(result.error?.message).toMatch(/Team 'x' is not a HaloPSA ID/);
		expect(fake.halo.apiRequests()).toHaveLength(0);
	});
});

describe('HaloPSA Webhook Trigger', () => {
	const credentials = { user: 'halo-webhooks', password: 'Wh-secret-2026' };
	const basic = (user: string, password: string) => ({ Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` });
	const event = {
		id: '8e25bc7b-0000-4000-8000-000000000001',
		webhook_id: '53232637-0000-4000-8000-000000000002',
		notification_id: 41,
		event: 'Ticket Status Changed',
		message: 'The status has been changed for Ticket ID: 0004242.',
		object_id: 4242,
		agent_id: 3,
		timestamp: '2026-09-25T06:41:08.7895915Z',
	};
	const keyFields = { ...event, ticket: { id: 4242, summary: 'Printer offline', status_id: 9, client_id: 1, team_id: 5, agent_id: 3, hasbeenclosed: true } };
	const fullObject = {
		...event,
		ticket: { ...keyFields.ticket, details: 'Printer on floor 2 offline', client_name: 'Contoso Ltd', customfields: [{ id: 201, name: 'CFAlertSource', value: 'Perimeters' }], user: { id: 4, name: 'Jane Smith' } },
	};
	const eventOnly = { id: event.id, event: event.event, object_id: 4242, webhook_id: event.webhook_id };

	function deliver(body: unknown, headers: Record<string, string> = basic(credentials.user, credentials.password), parameters: INodeParameters = {}) {
		const n8n = fake.n8n();
		n8n.otherCredentials.haloPsaWebhookAuthApi = credentials;
		return n8n.webhook({ parameters, body, headers });
	}

	it.each([
		['a wrong password', basic(credentials.user, 'guess')],
		['a wrong user', basic('someone', credentials.password)],
		['no credentials', {}],
	])('answers 401 to %s and starts nothing', async (_, headers) => {
		const delivery = await deliver(keyFields, headers);
		expect(delivery).toMatchObject({ status: 401, started: false, headers: { 'WWW-Authenticate': 'Basic realm="HaloPSA webhook"' } });
	});

	it.each([
		['key fields', keyFields, keyFields.ticket],
		['full object', fullObject, fullObject.ticket],
		['event information only', eventOnly, null],
	])('accepts the %s payload', async (_, body, ticket) => {
		const delivery = await deliver(body);
		expect(delivery.status).toBe(200);
		expect(delivery.started).toBe(true);
		expect(delivery.json).toEqual([expect.objectContaining({ event: 'Ticket Status Changed', ticket_id: 4242, object_id: 4242, event_id: event.id, ticket })]);
	});

	it('a batched delivery starts the workflow with one item per event', async () => {
		const delivery = await deliver([keyFields, { ...eventOnly, id: 'second', event: 'New Ticket Logged', object_id: 4243 }]);
		expect(delivery.json.map((item) => [item.event, item.ticket_id])).toEqual([
			['Ticket Status Changed', 4242],
			['New Ticket Logged', 4243],
		]);
	});

	it('filters by event name and still answers 200 to the others', async () => {
		const parameters = { events: 'new ticket logged, Ticket Status Changed' };
		expect((await deliver(keyFields, undefined, parameters)).started).toBe(true);
		const other = await deliver({ ...eventOnly, event: 'Ticket Reassigned' }, undefined, parameters);
		expect(other).toMatchObject({ status: 200, started: false, body: 'Webhook call received' });
	});

	it('passes the delivery on as HaloPSA sent it when Simplify is off', async () => {
		expect((await deliver(fullObject, undefined, { simplify: false })).json).toEqual([fullObject]);
	});

	it('without authentication any caller is accepted; a body that is no JSON object is refused with 400', async () => {
		expect((await deliver(keyFields, {}, { authentication: 'none' })).started).toBe(true);
		const garbage = await deliver('not json', {}, { authentication: 'none' });
		expect(garbage).toMatchObject({ status: 400, started: false });
	});
});
