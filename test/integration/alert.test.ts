/** Alert → ticket over real HTTP against the fake HaloPSA, run by n8n's workflow engine. */
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

/** A security-posture alert, shaped like the example payload in examples/. */
function alert(overrides: IDataObject = {}): IDataObject {
	return {
		id: 'PRM-1001',
		title: 'Suspicious sign-in from a new country',
		customer: 'Contoso Ltd',
		severity: 'high',
		hostname: 'DC01',
		user: { name: 'Jane Smith', email: 'jane.smith@contoso.com' },
		detected_at: '2026-11-27T07:55:00Z',
		status: 'open',
		remediation: 'Reset the password and revoke sessions.',
		url: 'https://app.perimeters.example/alerts/PRM-1001',
		...overrides,
	};
}

const raise = (extra: IDataObject = {}) => ({
	resource: 'alert',
	operation: 'raiseTicket',
	ticketTypeId: 21,
	additionalFields: { team: 'Security Operations' },
	...extra,
});

const resolveParameters = (extra: IDataObject = {}) => ({ resource: 'alert', operation: 'resolve', ...extra });

function ticketsOf(alertId: string) {
	return halo.db.tickets.filter((t) => String(t.summary).includes(`[ALERT:${alertId}]`) && !t.deleted);
}

describe('raise ticket', () => {
	it('raises a ticket for the right customer, with asset, priority, team and readable detail', async () => {
		const result = await n8n.run({ parameters: raise(), items: [alert()] });
		expect(result.error).toBeUndefined();
		const [out] = result.json;
		expect(out).toMatchObject({
			action: 'created',
			alert_id: 'PRM-1001',
			client_id: 2,
			client_name: 'Contoso Ltd',
			client_matched_by: 'exact',
			occurrences: 1,
			priority_id: 2,
			assets_linked: [{ id: 3, identifier: 'DC01', how: 'exact', field: 'key_field' }],
			assets_not_found: [],
		});
		const [ticket] = ticketsOf('PRM-1001');
		expect(out.ticket_id).toBe(ticket.id);
		expect(out.ticket_url).toBe(`${halo.url}/ticket?id=${String(ticket.id)}`);
		expect(ticket).toMatchObject({
			summary: 'Suspicious sign-in from a new country [ALERT:PRM-1001]',
			client_id: 2,
			tickettype_id: 21,
			priority_id: 2,
			team: 'Security Operations',
		});
		expect(ticket.assets.map((a) => a.id)).toEqual([3]);
		const html = String(ticket.details_html);
		expect(html).toContain('<th style="text-align:left;padding:2px 8px 2px 0">Customer</th><td>Contoso Ltd</td>');
		expect(html).toContain('User › Email');
		expect(html).toContain('<a href="https://app.perimeters.example/alerts/PRM-1001">');
		expect(halo.schemaViolations).toEqual([]);
	});

	it('adds a private note to the open ticket when the alert repeats, counting occurrences', async () => {
		await n8n.run({ parameters: raise(), items: [alert()] });
		const second = await n8n.run({ parameters: raise(), items: [alert({ detected_at: '2026-11-27T09:00:00Z' })] });
		const third = await n8n.run({ parameters: raise(), items: [alert({ detected_at: '2026-11-27T10:00:00Z' })] });

		expect(ticketsOf('PRM-1001')).toHaveLength(1);
		expect(second.json[0]).toMatchObject({ action: 'updated', occurrences: 2 });
		expect(third.json[0]).toMatchObject({ action: 'updated', occurrences: 3 });
		const notes = halo.db.actions.filter((a) => a.ticket_id === ticketsOf('PRM-1001')[0].id);
		expect(notes.map((n) => n.hiddenfromuser)).toEqual([true, true]);
		expect(String(notes[1].note_html)).toContain('Occurrence 3 of alert PRM-1001');
		expect(String(notes[1].note_html)).toContain('2026-11-27T10:00:00Z');
	});

	it('raises the ticket’s priority when a repeat is more severe', async () => {
		await n8n.run({ parameters: raise(), items: [alert({ severity: 'medium' })] });
		const repeat = await n8n.run({ parameters: raise(), items: [alert({ severity: 'critical' })] });
		expect(repeat.json[0]).toMatchObject({ action: 'updated', priority_raised: true, priority_id: 1 });
		expect(ticketsOf('PRM-1001')[0].priority_id).toBe(1);
		const calmer = await n8n.run({ parameters: raise(), items: [alert({ severity: 'low' })] });
		expect(calmer.json[0]).toMatchObject({ priority_raised: false });
		expect(ticketsOf('PRM-1001')[0].priority_id).toBe(1);
	});

	it('turns 100 items carrying 10 alert IDs into 10 tickets and 90 notes, in input order', async () => {
		const customers = ['Contoso Ltd', 'Northwind Traders', 'Fabrikam GmbH', 'Globex LLC', 'Initech'];
		const items = Array.from({ length: 100 }, (_, n) =>
			alert({ id: `A-${n % 10}`, customer: customers[n % 5], hostname: '', detected_at: `2026-11-27T08:${String(n % 60).padStart(2, '0')}:00Z` }),
		);
		const result = await n8n.run({ parameters: raise(), items });
		expect(result.error).toBeUndefined();
		expect(result.json.filter((r) => r.action === 'created')).toHaveLength(10);
		expect(result.json.filter((r) => r.action === 'updated')).toHaveLength(90);
		expect(result.json.slice(0, 10).every((r) => r.action === 'created')).toBe(true);
		for (let n = 0; n < 10; n++) {
			expect(ticketsOf(`A-${n}`)).toHaveLength(1);
			expect(result.json[90 + n]).toMatchObject({ alert_id: `A-${n}`, occurrences: 10 });
		}
		const writes = halo.apiRequests().filter((r) => r.method === 'POST');
		expect(writes).toHaveLength(100);
		// Look-ups are shared by the run: clients once, open tickets once per customer, priorities once.
		expect(halo.apiRequests().length - writes.length).toBeLessThanOrEqual(5 + 3 + 2);
	});

	it('never lets alert fields inject HTML into the ticket', async () => {
		await n8n.run({
			parameters: raise(),
			items: [
				alert({
					title: '<script>alert(1)</script>',
					evil: '<img src=x onerror=alert(1)>',
					link: 'javascript:alert(1)',
					nested: { '<b>key</b>': '"quoted" & <i>it</i>' },
				}),
			],
		});
		const [ticket] = ticketsOf('PRM-1001');
		const html = String(ticket.details_html);
		expect(html).not.toMatch(/<script|<img|<i>|<b>key|href="javascript/i);
		expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
		expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
		expect(html).toContain('&quot;quoted&quot; &amp; &lt;i&gt;it&lt;/i&gt;');
		// The summary keeps the text as text: HaloPSA shows summaries as plain text.
		expect(ticket.summary).toBe('<script>alert(1)</script> [ALERT:PRM-1001]');
	});

	it('lists an asset identifier it cannot find in the ticket, without failing; never links another client’s device', async () => {
		// Serial 5CG1234XYZ is Contoso Ltd's asset 5; Northwind's asset 12 has it in lower case.
		const result = await n8n.run({
			parameters: raise(),
			items: [alert({ customer: 'Northwind Traders', hostname: ['5CG1234XYZ', 'NOPE-01', 'DC01'] })],
		});
		expect(result.json[0]).toMatchObject({
			assets_linked: [{ id: 12, identifier: '5CG1234XYZ', how: 'case-insensitive' }],
			assets_not_found: ['NOPE-01', 'DC01'],
		});
		const [ticket] = ticketsOf('PRM-1001');
		expect(ticket.assets.map((a) => a.id)).toEqual([12]);
		expect(String(ticket.details_html)).toContain('NOPE-01, DC01');
	});

	it('matches customers by normalised name and by e-mail domain', async () => {
		const byName = await n8n.run({ parameters: raise(), items: [alert({ customer: 'NORTHWIND traders, ltd.' })] });
		expect(byName.json[0]).toMatchObject({ client_id: 4, client_matched_by: 'normalised' });
		const byDomain = await n8n.run({
			parameters: raise({ customerMatchBy: 'domain', customer: '={{ $json.user.email }}' }),
			items: [alert({ id: 'PRM-2' })],
		});
		expect(byDomain.json[0]).toMatchObject({ client_id: 2, client_matched_by: 'domain' });
	});

	it('sends an unknown customer to the fallback client, or fails that item naming the customer', async () => {
		const withFallback = await n8n.run({
			parameters: raise({ fallbackClientId: { __rl: true, mode: 'id', value: '1' } }),
			items: [alert({ customer: 'Unknown Corp' })],
		});
		expect(withFallback.json[0]).toMatchObject({ action: 'created', client_id: 1, client_matched_by: 'fallback' });

		const without = await n8n.run({
			parameters: raise(),
			items: [alert({ id: 'X-1', customer: 'Unknown Corp' }), alert({ id: 'X-2' })],
			continueOnFail: true,
		});
		expect(without.json[0].error).toMatch(/No HaloPSA client is called 'Unknown Corp'.*Fallback Client/);
		expect(without.json[1]).toMatchObject({ action: 'created', client_id: 2 });
	});

	it('refuses to guess between two equally close customer names', async () => {
		const result = await n8n.run({ parameters: raise(), items: [alert({ customer: 'Contoso' })] });
		expect(result.error?.message).toMatch(/matches several clients equally \(Contoso Ltd \(2\), Contoso, Inc\. \(3\)\)/);
		expect(halo.apiRequests().filter((r) => r.method === 'POST')).toHaveLength(0);
	});

	it('still makes one ticket when the connection drops after HaloPSA saved it', async () => {
		halo.configure({ dropAfterWriteRate: 1 });
		const result = await n8n.run({ parameters: raise(), items: [alert()] });
		expect(result.error).toBeUndefined();
		expect(result.json[0]).toMatchObject({ action: 'created', recovered_after_no_answer: true });
		expect(ticketsOf('PRM-1001')).toHaveLength(1);
		expect(halo.apiRequests().filter((r) => r.method === 'POST')).toHaveLength(1);
	});

	it('re-sends a create that HaloPSA never received, after checking it was not saved', async () => {
		halo.configure({ dropNextWritesBefore: 1 });
		const result = await n8n.run({ parameters: raise(), items: [alert()] });
		expect(result.error).toBeUndefined();
		expect(result.json[0]).toMatchObject({ action: 'created', recovered_after_no_answer: true });
		expect(ticketsOf('PRM-1001')).toHaveLength(1);
		const posts = halo.apiRequests().filter((r) => r.method === 'POST');
		expect(posts.map((r) => r.status)).toEqual(['dropped', 201]);
	});

	it('reports a read HaloPSA never answers, after retrying, without writing', async () => {
		halo.configure({ dropBeforeRate: 1 });
		const failed = await n8n.run({ parameters: raise(), items: [alert()] });
		expect(failed.error?.message).toMatch(/^No answer from HaloPSA for GET \/api\/Client: the connection was closed before an answer came/);
		expect(ticketsOf('PRM-1001')).toHaveLength(0);
	});

	it('refuses a severity whose priority the ticket type’s SLA does not have, before writing', async () => {
		const result = await n8n.run({
			parameters: raise({ ticketTypeId: 1, severityPriorities: { mapping: [{ severity: 'info', priorityId: 5 }] } }),
			items: [alert({ severity: 'info' })],
		});
		expect(result.error?.message).toMatch(/Severity 'info' maps to priority 5, which ticket type 'Incident' does not have/);
		expect(halo.apiRequests().filter((r) => r.method === 'POST')).toHaveLength(0);
	});

	it.each([
		[{ id: '' }, /Alert ID is empty/],
		[{ id: 'has space' }, /cannot be used/],
		[{ id: 'x]' }, /cannot be used/],
		[{ id: 'a'.repeat(101) }, /cannot be used/],
	])('refuses alert IDs that cannot be a marker: %p', async (overrides, message) => {
		const result = await n8n.run({ parameters: raise(), items: [alert(overrides)] });
		expect(result.error?.message).toMatch(message);
		expect(halo.apiRequests()).toHaveLength(0);
	});
});

describe('between executions', () => {
	it('reuses look-ups, so a webhook per alert costs one write and no reads after the first', async () => {
		await n8n.run({ parameters: raise(), items: [alert({ id: 'W-1' })] });
		halo.clearLog();
		const second = await n8n.run({ parameters: raise(), items: [alert({ id: 'W-2' })] });
		const third = await n8n.run({ parameters: raise(), items: [alert({ id: 'W-1' })] });
		expect(second.json[0]).toMatchObject({ action: 'created' });
		expect(third.json[0]).toMatchObject({ action: 'updated', occurrences: 2 });
		expect(halo.apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual([
			'POST /api/Tickets',
			'GET /api/Outcome', // once, for the first note: which outcome records a private note
			'POST /api/Actions',
		]);
	});

	it('reads afresh in every execution when Keep Look-Ups is 0', async () => {
		const parameters = raise({ options: { cacheSeconds: 0 } });
		await n8n.run({ parameters, items: [alert({ id: 'W-1' })] });
		halo.clearLog();
		await n8n.run({ parameters, items: [alert({ id: 'W-2' })] });
		expect(halo.apiRequests().filter((r) => r.method === 'GET').length).toBeGreaterThanOrEqual(3);
	});

	it('past the look-up window, a repeat re-reads the open tickets but not the notes: this process knows the count', async () => {
		const parameters = raise({ options: { cacheSeconds: 0.2 } });
		await n8n.run({ parameters, items: [alert({ id: 'W-1' })] });
		await n8n.run({ parameters, items: [alert({ id: 'W-1' })] });
		await new Promise((resolve) => setTimeout(resolve, 300));
		halo.clearLog();
		const third = await n8n.run({ parameters, items: [alert({ id: 'W-1' })] });
		expect(third.json[0]).toMatchObject({ action: 'updated', occurrences: 3 });
		const paths = halo.apiRequests().map((r) => `${r.method} ${r.path}`);
		expect(paths).toContain('GET /api/Tickets');
		expect(paths).not.toContain('GET /api/Actions');
		expect(String(halo.db.actions.at(-1)?.note_html)).toContain('Occurrence 3 of alert W-1');
	});

	it('with Several Workers, a repeat past the look-up window counts the notes in HaloPSA (another worker may have added some)', async () => {
		const parameters = raise({ options: { cacheSeconds: 0.2, severalWorkers: true } });
		await n8n.run({ parameters, items: [alert({ id: 'W-1' })] });
		await n8n.run({ parameters, items: [alert({ id: 'W-1' })] });
		// Another worker records occurrence 3.
		const ticketId = Number(ticketsOf('W-1')[0].id);
		halo.db.add('actions', { ticket_id: ticketId, note: 'Occurrence 3 of alert W-1', hiddenfromuser: true });
		await new Promise((resolve) => setTimeout(resolve, 300));
		halo.clearLog();
		const fourth = await n8n.run({ parameters, items: [alert({ id: 'W-1' })] });
		expect(fourth.json[0]).toMatchObject({ action: 'updated', occurrences: 4 });
		expect(halo.apiRequests().map((r) => `${r.method} ${r.path}`)).toContain('GET /api/Actions');
	});

	it('two executions raising the same alert at the same moment make one ticket and one note', async () => {
		const [first, second] = await Promise.all([
			n8n.run({ parameters: raise(), items: [alert()] }),
			n8n.run({ parameters: raise(), items: [alert()] }),
		]);
		expect([first.json[0].action, second.json[0].action].sort()).toEqual(['created', 'updated']);
		expect(ticketsOf('PRM-1001')).toHaveLength(1);
		expect(halo.db.actions.filter((a) => a.ticket_id === ticketsOf('PRM-1001')[0].id)).toHaveLength(1);
	});
});

describe('workers racing on the same alert', () => {
	const openWithMarker = (alertId: string) => ticketsOf(alertId).filter((t) => !t.hasbeenclosed);

	it('a newer ticket made in a race gives way: the occurrence goes to the oldest, the newer is closed', async () => {
		// This worker has already read Contoso's open alert tickets (kept between executions)…
		await n8n.run({ parameters: raise(), items: [alert({ id: 'R-0' })] });
		// …then another worker raises R-1 before this one does.
		const theirs = halo.db.insertTicket({ summary: 'Suspicious sign-in [ALERT:R-1]', client_id: 2, tickettype_id: 21 });
		const ours = await n8n.run({ parameters: raise({ options: { severalWorkers: true } }), items: [alert({ id: 'R-1' })] });

		expect(ours.json[0]).toMatchObject({ action: 'updated', ticket_id: theirs.id, occurrences: 2 });
		const closedId = ours.json[0].merged_duplicate_ticket_id as number;
		expect(closedId).toBeGreaterThan(theirs.id);
		expect(openWithMarker('R-1').map((t) => t.id)).toEqual([theirs.id]);
		expect(halo.db.find('tickets', closedId)?.hasbeenclosed).toBe(true);
		expect(halo.db.actions.find((a) => a.ticket_id === closedId)?.note).toContain(`Duplicate of ticket ${theirs.id} for alert R-1`);
		expect(String(halo.db.actions.find((a) => a.ticket_id === theirs.id)?.note_html)).toContain('Occurrence 2 of alert R-1');

		// The next occurrence, from any worker, lands on the kept ticket.
		const next = await n8n.run({ parameters: raise({ options: { severalWorkers: true } }), items: [alert({ id: 'R-1' })] });
		expect(next.json[0]).toMatchObject({ action: 'updated', ticket_id: theirs.id, occurrences: 3 });
	});

	it('duplicates found when reading the open tickets converge on the next occurrence', async () => {
		const first = halo.db.insertTicket({ summary: 'x [ALERT:R-2]', client_id: 2, tickettype_id: 21 });
		const second = halo.db.insertTicket({ summary: 'x [ALERT:R-2]', client_id: 2, tickettype_id: 21 });
		const result = await n8n.run({ parameters: raise(), items: [alert({ id: 'R-2' })] });
		expect(result.json[0]).toMatchObject({ action: 'updated', ticket_id: first.id });
		expect(openWithMarker('R-2').map((t) => t.id)).toEqual([first.id]);
		expect(halo.db.find('tickets', second.id)?.hasbeenclosed).toBe(true);
	});
});

describe('resolve', () => {
	it('notes the resolution and closes the ticket; a second resolve finds nothing to resolve', async () => {
		await n8n.run({ parameters: raise(), items: [alert()] });
		const resolved = await n8n.run({ parameters: resolveParameters(), items: [alert({ status: 'resolved', resolution: 'Password reset.' })] });
		expect(resolved.json[0]).toMatchObject({ action: 'resolved', status_id: CLOSED_STATUS_ID, client_id: 2 });
		const [ticket] = ticketsOf('PRM-1001');
		expect(ticket.hasbeenclosed).toBe(true);
		const note = halo.db.actions.filter((a) => a.ticket_id === ticket.id).pop();
		expect(String(note?.note_html)).toContain('Password reset.');

		const again = await n8n.run({ parameters: resolveParameters(), items: [alert()] });
		expect(again.json[0]).toMatchObject({ action: 'nothing_to_resolve', ticket_id: null });
		expect(again.error).toBeUndefined();
	});

	it('after a resolve, the same alert raises a new ticket', async () => {
		await n8n.run({ parameters: raise(), items: [alert()] });
		await n8n.run({ parameters: resolveParameters(), items: [alert()] });
		const again = await n8n.run({ parameters: raise(), items: [alert()] });
		expect(again.json[0]).toMatchObject({ action: 'created' });
		expect(ticketsOf('PRM-1001')).toHaveLength(2);
	});

	it('can only add the note and leave the ticket open', async () => {
		await n8n.run({ parameters: raise(), items: [alert()] });
		const noted = await n8n.run({ parameters: resolveParameters({ closeTicket: false }), items: [alert()] });
		expect(noted.json[0]).toMatchObject({ action: 'noted' });
		expect(ticketsOf('PRM-1001')[0].hasbeenclosed).toBe(false);
	});
});

describe.each([
	['a custom field', { alertIdStorage: 'customField', alertIdFieldId: 202 }, (t: IDataObject) => (t.customfields as IDataObject[]).find((f) => f.name === 'CFExternalId')?.value],
	['the third-party ID', { alertIdStorage: 'thirdPartyId' }, (t: IDataObject) => t.third_party_id_string],
])('alert ID stored in %s', (_, storage, storedId) => {
	const withStorage = (parameters: IDataObject) => ({ ...parameters, ...storage });

	it('keeps the summary clean, finds the ticket again for repeats and resolves it', async () => {
		const created = await n8n.run({
			parameters: withStorage(raise({ additionalFields: { customFields: { field: [{ fieldId: 201, value: 'Perimeters' }] } } })),
			items: [alert()],
		});
		expect(created.json[0]).toMatchObject({ action: 'created' });
		const ticket = halo.db.tickets.find((t) => t.id === created.json[0].ticket_id) as unknown as IDataObject;
		expect(ticket.summary).toBe('Suspicious sign-in from a new country');
		expect(storedId(ticket)).toBe('PRM-1001');
		expect((ticket.customfields as IDataObject[]).find((f) => f.name === 'CFAlertSource')?.value).toBe('Perimeters');

		const repeat = await n8n.run({ parameters: withStorage(raise()), items: [alert()] });
		expect(repeat.json[0]).toMatchObject({ action: 'updated', ticket_id: ticket.id, occurrences: 2 });
		const other = await n8n.run({ parameters: withStorage(raise()), items: [alert({ id: 'PRM-1002' })] });
		expect(other.json[0]).toMatchObject({ action: 'created' });

		const resolved = await n8n.run({ parameters: withStorage(resolveParameters()), items: [alert()] });
		expect(resolved.json[0]).toMatchObject({ action: 'resolved', ticket_id: ticket.id });
		expect(halo.schemaViolations).toEqual([]);
	});
});

describe('the example workflow', () => {
	const workflow = JSON.parse(readFileSync(resolve(__dirname, '../../examples/security-alert-to-halopsa.json'), 'utf8'));
	const sample = JSON.parse(readFileSync(resolve(__dirname, '../../examples/sample-alert.json'), 'utf8'));
	const nodeParameters = (name: string) => workflow.nodes.find((node: IDataObject) => node.name === name).parameters;
	const webhookItem = (body: IDataObject) => ({ headers: {}, params: {}, query: {}, body });

	it('raises the sample alert as a ticket, notes its repeat, and resolves it', async () => {
		const raised = await n8n.run({ parameters: nodeParameters('Raise alert ticket'), items: [webhookItem(sample)] });
		expect(raised.json[0]).toMatchObject({ action: 'created', client_name: 'Contoso Ltd', priority_id: 1, assets_linked: [{ id: 3 }] });
		const repeated = await n8n.run({ parameters: nodeParameters('Raise alert ticket'), items: [webhookItem(sample)] });
		expect(repeated.json[0]).toMatchObject({ action: 'updated', occurrences: 2 });
		const resolved = await n8n.run({
			parameters: nodeParameters('Resolve alert ticket'),
			items: [webhookItem({ ...sample, status: 'resolved', resolution: 'MFA registered.' })],
		});
		expect(resolved.json[0]).toMatchObject({ action: 'resolved', ticket_id: raised.json[0].ticket_id });
	});
});
