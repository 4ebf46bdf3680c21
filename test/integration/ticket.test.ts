/**
 * Ticket resource over real HTTP against the fake HaloPSA, run by n8n's workflow engine. The fake
 * checks every posted property against Halo's OpenAPI export (strict mode); these tests also check
 * the logged bodies against the export themselves.
 */
import { readFileSync } from 'fs';
import { resolve } from 'path';
import type { IDataObject } from 'n8n-workflow';

import { N8nHarness } from '../harness/n8n-harness';
import { CLOSED_STATUS_ID, type MockHalo } from '../mock-halo';
import { useFakeHalo } from './fakeHalo';

const fake = useFakeHalo();
let halo: MockHalo;
let n8n: N8nHarness;
beforeEach(() => {
	halo = fake.halo;
	n8n = fake.n8n();
});

const rl = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });

function posts(path: string) {
	return halo.apiRequests().filter((r) => r.method === 'POST' && r.path.toLowerCase() === `/api/${path.toLowerCase()}`);
}

function ticket(id: unknown) {
	const found = halo.db.tickets.find((t) => t.id === id);
	if (!found) throw new Error(`no ticket ${String(id)}`);
	return found;
}

/** Property names of a request schema in Halo's OpenAPI export. */
const openApi = JSON.parse(readFileSync(resolve(__dirname, '../../../shared/halopsa/openapi.json'), 'utf8'));
function schemaProperties(name: string): Set<string> {
	return new Set(Object.keys(openApi.components.schemas[name].properties));
}

const allCreateFields = {
	resource: 'ticket',
	operation: 'create',
	summary: 'Phishing mail reported by Jane',
	ticketTypeId: 21,
	clientId: rl(2),
	details: '<p>User clicked a <b>link</b></p>',
	detailsFormat: 'html',
	simplify: true,
	additionalFields: {
		userId: rl(4),
		priorityId: 2,
		statusId: 2,
		team: 'Security Operations',
		agentId: 4,
		category: 'Security>Phishing',
		impact: 2,
		urgency: 1,
		startDate: '2026-11-27T08:00:00Z',
		targetDate: '2026-11-28T17:00:00',
		deadlineDate: '2026-11-30T12:00:00+01:00',
		assets: { asset: [{ assetId: rl(3) }, { assetId: rl(5) }] },
		parentTicketId: rl(1003),
		customFields: { field: [{ fieldId: 201, value: 'Perimeters' }, { fieldId: 'CFExternalId', value: 'ALERT-77' }] },
		skipRules: true,
		skipTemplate: true,
	},
};

describe('create', () => {
	it('sends every field an MSP sets, as HaloPSA expects it, and returns the simplified ticket', async () => {
		const result = await n8n.run({ parameters: allCreateFields, timezone: 'Europe/Berlin' });
		expect(result.error).toBeUndefined();

		const [post] = posts('Tickets');
		const sent = (post.body as IDataObject[])[0];
		expect(sent).toEqual({
			summary: 'Phishing mail reported by Jane',
			tickettype_id: 21,
			client_id: 2,
			details_html: '<p>User clicked a <b>link</b></p>',
			user_id: 4,
			site_id: 2, // the user's site, as HaloPSA requires
			priority_id: 2,
			status_id: 2,
			team: 'Security Operations',
			agent_id: 4,
			category_1: 'Security>Phishing',
			impact: 2,
			urgency: 1,
			startdate: '2026-11-27T08:00:00Z',
			targetdate: '2026-11-28T16:00:00Z', // no zone: read in the workflow's (Europe/Berlin)
			deadlinedate: '2026-11-30T11:00:00Z',
			assets: [{ id: 3 }, { id: 5 }],
			parent_id: 1003,
			customfields: [
				{ id: 201, value: 'Perimeters' },
				{ name: 'CFExternalId', value: 'ALERT-77' },
			],
			dont_do_rules: true,
			donotapplytemplateintheapi: true,
		});
		expect(post.status).toBe(201);

		const created = ticket(result.json[0].id);
		expect(created).toMatchObject({ client_id: 2, user_id: 4, site_id: 2, priority_id: 2, team: 'Security Operations', agent_id: 4 });
		expect(result.json[0]).toMatchObject({
			summary: 'Phishing mail reported by Jane',
			client_id: 2,
			client_name: 'Contoso Ltd',
			team: 'Security Operations',
			url: `${halo.url}/ticket?id=${String(created.id)}`,
		});
	});

	it('uses the client’s General User when no user is given', async () => {
		const result = await n8n.run({
			parameters: { resource: 'ticket', operation: 'create', summary: 'Printer offline', ticketTypeId: 1, clientId: rl(4) },
		});
		expect(result.error).toBeUndefined();
		const sent = (posts('Tickets')[0].body as IDataObject[])[0];
		expect(sent).toEqual({ summary: 'Printer offline', tickettype_id: 1, client_id: 4 });
		const created = ticket(result.json[0].id);
		expect(halo.db.find('users', created.user_id as number)?.name).toBe('General User');
	});

	it('refuses a priority outside the ticket type’s SLA before sending anything', async () => {
		// Priority 5 exists only in the Security SLA; Incident uses the Standard SLA.
		const result = await n8n.run({
			parameters: {
				resource: 'ticket',
				operation: 'create',
				summary: 'x',
				ticketTypeId: 1,
				clientId: rl(2),
				additionalFields: { priorityId: 5 },
			},
		});
		expect(result.error?.message).toMatch(/Priority 5 is not a priority of ticket type 'Incident'.*Critical \(1\)/);
		expect(posts('Tickets')).toHaveLength(0);
	});

	it('refuses a user of another client before sending anything', async () => {
		const result = await n8n.run({
			parameters: {
				resource: 'ticket',
				operation: 'create',
				summary: 'x',
				ticketTypeId: 1,
				clientId: rl(4),
				additionalFields: { userId: rl(4) },
			},
		});
		expect(result.error?.message).toMatch(/User 4 .* belongs to client 2, not to client 4/);
		expect(posts('Tickets')).toHaveLength(0);
	});

	it.each([
		[{ startDate: 'next tuesday' }, /Start Date 'next tuesday' is not a date/],
		[{ impact: 9 }, /Impact '9' is not valid/],
		[{ agentId: '1.5' }, /Agent '1.5' is not a HaloPSA ID/],
		[{ assets: { asset: [{ assetId: rl('') }] } }, /Asset 1 is empty/],
		[{ customFields: { field: [{ fieldId: '', value: 'x' }] } }, /Custom field 1 has no field/],
	])('refuses bad input %p with a message naming the field', async (additionalFields, message) => {
		const result = await n8n.run({
			parameters: { resource: 'ticket', operation: 'create', summary: 'x', ticketTypeId: 1, clientId: rl(2), additionalFields },
		});
		expect(result.error?.message).toMatch(message);
		expect(posts('Tickets')).toHaveLength(0);
	});

	it('shows HaloPSA’s own text when it rejects the ticket (400)', async () => {
		const result = await n8n.run({
			parameters: {
				resource: 'ticket',
				operation: 'create',
				summary: 'x',
				ticketTypeId: 1,
				clientId: rl(2),
				additionalFields: { team: 'No Such Team' },
			},
		});
		expect(posts('Tickets')[0].status).toBe(400);
		expect(result.error?.message).toMatch(/^HaloPSA rejected the request: .*No Such Team/);
	});
});

describe('update', () => {
	it('sends the ticket type and client HaloPSA looks the ticket up by, without the user giving them', async () => {
		const result = await n8n.run({
			parameters: {
				resource: 'ticket',
				operation: 'update',
				ticketId: rl(1003),
				updateFields: { summary: 'Laptop screen flickering (escalated)', priorityId: 1, team: 2 },
			},
		});
		expect(result.error).toBeUndefined();
		const sent = (posts('Tickets')[0].body as IDataObject[])[0];
		expect(sent).toEqual({
			id: 1003,
			tickettype_id: 1,
			client_id: 2,
			summary: 'Laptop screen flickering (escalated)',
			priority_id: 1,
			team: 'Security Operations', // a team id is sent as the team's name
		});
		expect(ticket(1003)).toMatchObject({ summary: 'Laptop screen flickering (escalated)', priority_id: 1 });
		expect(result.json[0]).toMatchObject({ id: 1003, priority_id: 1 });
	});

	it('needs at least one field', async () => {
		const result = await n8n.run({ parameters: { resource: 'ticket', operation: 'update', ticketId: rl(1003), updateFields: {} } });
		expect(result.error?.message).toBe('Update Fields is empty: add the fields to change');
	});

	it('says which ticket was not found', async () => {
		const result = await n8n.run({
			parameters: { resource: 'ticket', operation: 'update', ticketId: rl(123), updateFields: { summary: 'x' } },
		});
		expect(result.error?.message).toBe('Ticket 123 was not found');
	});
});

describe('get and get many', () => {
	it('gets a ticket by its agent-portal URL, with its last action', async () => {
		const result = await n8n.run({
			parameters: {
				resource: 'ticket',
				operation: 'get',
				ticketId: { __rl: true, mode: 'url', value: `${halo.url}/ticket?id=1024` },
				options: { includeLastAction: true },
			},
		});
		expect(result.error).toBeUndefined();
		expect(result.json[0]).toMatchObject({ id: 1024, closed: true });
		expect(result.json[0].last_action).toMatchObject({ outcome: 'Close Ticket' });
	});

	it('filters by client, state and text, and maps the filters to HaloPSA’s names', async () => {
		const result = await n8n.run({
			parameters: {
				resource: 'ticket',
				operation: 'getAll',
				returnAll: true,
				filters: { clientId: rl(2), state: 'open', search: 'DC01', searchIn: 'summary' },
			},
		});
		expect(result.error).toBeUndefined();
		const expected = halo.db.tickets.filter(
			(t) => t.client_id === 2 && !t.hasbeenclosed && !t.deleted && !halo.db.isProject(t) && /dc01/i.test(String(t.summary)),
		);
		expect(expected.length).toBeGreaterThan(0);
		expect(result.json.map((t) => t.id).sort()).toEqual(expected.map((t) => t.id).sort());
		expect(halo.apiRequests()[0].query).toMatchObject({ client_id: '2', open_only: 'true', search_summary: 'DC01' });
	});

	it('returns all of more than 100 tickets, or only the limit', async () => {
		for (let n = 0; n < 140; n++) halo.db.insertTicket({ summary: `Bulk ${n}`, client_id: 6, tickettype_id: 1 });
		const total = halo.db.tickets.filter((t) => t.client_id === 6 && !t.deleted && !halo.db.isProject(t)).length;
		const all = await n8n.run({ parameters: { resource: 'ticket', operation: 'getAll', returnAll: true, filters: { clientId: rl(6) } } });
		expect(all.json).toHaveLength(total);
		expect(new Set(all.json.map((t) => t.id)).size).toBe(total);
		const some = await n8n.run({ parameters: { resource: 'ticket', operation: 'getAll', limit: 7, filters: { clientId: rl(6) } } });
		expect(some.json).toHaveLength(7);
	});

	it('filters on opened dates and refuses opened and closed dates together', async () => {
		const ok = await n8n.run({
			parameters: { resource: 'ticket', operation: 'getAll', returnAll: true, filters: { openedAfter: '2026-01-01T00:00:00Z' } },
		});
		expect(ok.error).toBeUndefined();
		expect(halo.apiRequests().pop()?.query).toMatchObject({ datesearch: 'dateoccured', startdate: '2026-01-01T00:00:00Z' });
		const both = await n8n.run({
			parameters: {
				resource: 'ticket',
				operation: 'getAll',
				filters: { openedAfter: '2026-01-01T00:00:00Z', closedBefore: '2026-02-01T00:00:00Z' },
			},
		});
		expect(both.error?.message).toMatch(/Opened or the Closed dates, not both/);
	});
});

describe('delete', () => {
	it('answers {deleted: true} and HaloPSA no longer lists the ticket', async () => {
		const result = await n8n.run({ parameters: { resource: 'ticket', operation: 'delete', ticketId: rl(1003), options: { reason: 'duplicate' } } });
		expect(result.json).toEqual([{ deleted: true, id: 1003 }]);
		expect(ticket(1003).deleted).toBe(true);
		expect(halo.apiRequests()[0]).toMatchObject({ method: 'DELETE', query: { reason: 'duplicate' } });
	});
});

describe('notes, close and reopen', () => {
	it('adds a private note by default, recorded with a private note outcome and no e-mail', async () => {
		const result = await n8n.run({
			parameters: { resource: 'ticket', operation: 'addNote', ticketId: rl(1003), note: 'Checked the cable.' },
		});
		expect(result.error).toBeUndefined();
		const sent = (posts('Actions')[0].body as IDataObject[])[0];
		expect(sent).toEqual({ ticket_id: 1003, outcome_id: 7, hiddenfromuser: true, sendemail: false, note: 'Checked the cable.' });
		expect(result.json[0]).toMatchObject({ ticket_id: 1003, private: true, note: 'Checked the cable.' });
	});

	it('changes status, agent and team and records time in the same action', async () => {
		const result = await n8n.run({
			parameters: {
				resource: 'ticket',
				operation: 'addNote',
				ticketId: rl(1003),
				note: '<p>Escalated to SOC</p>',
				noteFormat: 'html',
				private: false,
				options: { newStatusId: 3, newAgentId: 4, newTeam: 'Security Operations', timeTaken: 0.25, outcomeId: 2 },
			},
		});
		expect(result.error).toBeUndefined();
		const sent = (posts('Actions')[0].body as IDataObject[])[0];
		expect(sent).toEqual({
			ticket_id: 1003,
			outcome_id: 2,
			hiddenfromuser: false,
			sendemail: false,
			note_html: '<p>Escalated to SOC</p>',
			new_status: 3,
			new_agent: 4,
			new_team: 'Security Operations',
			timetaken: 0.25,
		});
		expect(ticket(1003)).toMatchObject({ status_id: 3, agent_id: 4, team: 'Security Operations' });
	});

	it('refuses to e-mail a private note', async () => {
		const result = await n8n.run({
			parameters: { resource: 'ticket', operation: 'addNote', ticketId: rl(1003), note: 'x', options: { sendEmail: true } },
		});
		expect(result.error?.message).toMatch(/private note cannot be e-mailed/);
		expect(posts('Actions')).toHaveLength(0);
	});

	it('lists a ticket’s notes', async () => {
		const expected = halo.db.actions.filter((a) => a.ticket_id === 1024);
		const result = await n8n.run({ parameters: { resource: 'ticket', operation: 'getNotes', ticketId: rl(1024), returnAll: true } });
		expect(result.json.map((a) => a.id)).toEqual(expected.map((a) => a.id));
		const publicOnly = await n8n.run({
			parameters: { resource: 'ticket', operation: 'getNotes', ticketId: rl(1024), returnAll: true, filters: { excludePrivate: true } },
		});
		expect(publicOnly.json.every((a) => a.private === false)).toBe(true);
		expect(publicOnly.json.length).toBeLessThan(expected.length);
	});

	it('closes with HaloPSA’s closed status found automatically, and re-opens', async () => {
		const closed = await n8n.run({
			parameters: { resource: 'ticket', operation: 'close', ticketId: rl(1003), note: 'Replaced the screen.' },
		});
		expect(closed.error).toBeUndefined();
		expect(closed.json[0]).toMatchObject({ id: 1003, status_id: CLOSED_STATUS_ID, closed: true });
		expect(ticket(1003)).toMatchObject({ status_id: CLOSED_STATUS_ID, hasbeenclosed: true });
		expect((posts('Actions')[0].body as IDataObject[])[0]).toMatchObject({ new_status: CLOSED_STATUS_ID, note: 'Replaced the screen.' });

		const reopened = await n8n.run({ parameters: { resource: 'ticket', operation: 'reopen', ticketId: rl(1003), note: 'Flickers again.' } });
		expect(reopened.error).toBeUndefined();
		expect(ticket(1003).hasbeenclosed).toBe(false);
		expect(reopened.json[0]).toMatchObject({ id: 1003, closed: false, status_id: 2 });
	});
});

describe('contract with HaloPSA’s API export', () => {
	it('every property any ticket operation sends exists in its endpoint’s schema', async () => {
		const runs = [
			allCreateFields,
			{ resource: 'ticket', operation: 'update', ticketId: rl(1003), updateFields: { ...allCreateFields.additionalFields, parentTicketId: rl(1004), summary: 'y', details: 'z', ticketTypeId: 21, clientId: rl(2) } },
			{ resource: 'ticket', operation: 'addNote', ticketId: rl(1003), note: 'n', private: false, options: { newStatusId: 2, newAgentId: 3, newTeam: 'Service Desk', timeTaken: 1, sendEmail: true, important: true, outcomeId: 2 } },
			{ resource: 'ticket', operation: 'close', ticketId: rl(1003), note: 'c', options: { statusId: 9, outcomeId: 7 } },
			{ resource: 'ticket', operation: 'reopen', ticketId: rl(1003), note: 'r', options: { statusId: 2 } },
		];
		for (const parameters of runs) {
			const result = await n8n.run({ parameters });
			expect(result.error).toBeUndefined();
		}
		const schemas: Record<string, Set<string>> = { '/api/tickets': schemaProperties('Faults'), '/api/actions': schemaProperties('Actions') };
		const writes = halo.apiRequests().filter((r) => r.method === 'POST');
		expect(writes.length).toBe(runs.length);
		for (const write of writes) {
			for (const record of write.body as IDataObject[]) {
				for (const key of Object.keys(record)) expect(schemas[write.path.toLowerCase()].has(key)).toBe(true);
			}
			expect(write.status).toBe(201);
		}
		expect(halo.schemaViolations).toEqual([]);
	});
});
