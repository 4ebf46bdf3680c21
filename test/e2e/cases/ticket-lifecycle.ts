/**
 * A ticket's life through `n8n execute`: create → get → add note → close in one workflow, checked
 * in n8n's output and on the HaloPSA side (the fake's data and request log).
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';

import type { CliRun } from '../../../scripts/local-n8n/n8n-instance';
import { nodeOutput } from '../../../scripts/local-n8n/n8n-instance';
import { byId, chain, haloNode, manualTrigger } from '../../../scripts/local-n8n/workflows';
import { CLI_CREDENTIAL, type E2eSession } from '../environment';

const SUMMARY = 'E2E: suspicious sign-in for Jane Smith';
const NOTE = 'E2E note: the sign-in came from a known VPN address';
const CLOSURE_NOTE = 'E2E: false positive, closed';
const CLOSED_STATUS_ID = 9;

const createdTicketId = "={{ $('Create ticket').item.json.id }}";

const lifecycleWorkflow = chain('E2E ticket lifecycle', [
	manualTrigger(),
	haloNode('Create ticket', CLI_CREDENTIAL, {
		resource: 'ticket',
		operation: 'create',
		summary: SUMMARY,
		ticketTypeId: 1,
		clientId: byId(2),
		details: 'Raised by the end-to-end test',
		additionalFields: {},
	}),
	haloNode('Get ticket', CLI_CREDENTIAL, { resource: 'ticket', operation: 'get', ticketId: byId(createdTicketId) }),
	haloNode('Add note', CLI_CREDENTIAL, { resource: 'ticket', operation: 'addNote', ticketId: byId(createdTicketId), note: NOTE }),
	haloNode('Close ticket', CLI_CREDENTIAL, { resource: 'ticket', operation: 'close', ticketId: byId(createdTicketId), note: CLOSURE_NOTE }),
]);

export function ticketLifecycleCases(session: E2eSession): void {
	let result: CliRun;
	let ticketId: number;
	let logMark: number;

	before(async () => {
		logMark = await session.env.fake.mark();
		result = await session.executeThroughCli(lifecycleWorkflow);
	});

	it('runs create → get → add note → close through n8n execute', () => {
		assert.ok(result.succeeded, `the workflow failed: ${JSON.stringify(result.run.data.resultData.error ?? {})}`);
		const [created] = nodeOutput(result.run, 'Create ticket');
		ticketId = Number(created.id);
		assert.ok(ticketId > 0, 'Create ticket returned no id');
		assert.equal(created.summary, SUMMARY);
		assert.equal(created.client_name, 'Contoso Ltd');
		const [fetched] = nodeOutput(result.run, 'Get ticket');
		assert.equal(fetched.id, ticketId);
		assert.equal(fetched.summary, SUMMARY);
		const [note] = nodeOutput(result.run, 'Add note');
		assert.equal(note.ticket_id, ticketId);
		assert.equal(note.private, true, 'notes are private by default');
		const [closed] = nodeOutput(result.run, 'Close ticket');
		assert.equal(closed.closed, true);
	});

	it('leaves the ticket closed in HaloPSA with both notes', async () => {
		const { fake } = session.env;
		const ticket = (await fake.records('tickets')).find((record) => record.id === ticketId);
		assert.ok(ticket, `ticket ${ticketId} is not in HaloPSA`);
		assert.equal(ticket.summary, SUMMARY);
		assert.equal(ticket.client_id, 2);
		assert.equal(ticket.status_id, CLOSED_STATUS_ID);
		const notes = (await fake.records('actions')).filter((action) => action.ticket_id === ticketId).map((action) => String(action.note));
		assert.ok(notes.some((text) => text.includes(NOTE)), `the note is missing; the ticket's actions: ${JSON.stringify(notes)}`);
		assert.ok(notes.some((text) => text.includes(CLOSURE_NOTE)), 'the closure note is missing');
	});

	it('sent HaloPSA one create, one read and two actions', async () => {
		const requests = (await session.env.fake.apiRequests(logMark)).map((entry) => `${entry.method} ${entry.path.toLowerCase()} ${entry.status}`);
		const count = (line: string) => requests.filter((each) => each === line).length;
		assert.equal(count('POST /api/tickets 201'), 1, `requests: ${requests.join(', ')}`);
		assert.equal(count(`GET /api/tickets/${ticketId} 200`), 1, `requests: ${requests.join(', ')}`);
		assert.equal(count('POST /api/actions 201'), 2, `requests: ${requests.join(', ')}`);
		assert.ok(!requests.some((line) => / (4|5)\d\d$/.test(line)), `a request failed: ${requests.join(', ')}`);
	});
}
