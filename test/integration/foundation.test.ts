/**
 * The package foundation over real HTTP: n8n's workflow engine runs the node against the fake
 * HaloPSA, and the fake's request log says what reached "HaloPSA".
 */
import type { IDataObject } from 'n8n-workflow';

import { budgetPolicy, requestBudget, resetBudgets } from '../../nodes/HaloPsa/transport/budget';
import { haloList } from '../../nodes/HaloPsa/transport/pagination';
import { retryPolicy } from '../../nodes/HaloPsa/transport/request';
import { N8nHarness, resetProcessState } from '../harness/n8n-harness';
import { type MockHalo } from '../mock-halo';
import { useFakeHalo } from './fakeHalo';

const fake = useFakeHalo();
let halo: MockHalo;
beforeAll(() => {
	halo = fake.halo;
});

const harnessFor = (overrides: IDataObject = {}): N8nHarness => fake.n8n(overrides);

function firstTicketId(): number {
	const ticket = halo.db.tickets.find((t) => !t.deleted && !halo.db.isProject(t));
	if (!ticket) throw new Error('demo data has no ticket');
	return ticket.id as number;
}

const getTicket = (id: number | string) => ({
	resource: 'ticket',
	operation: 'get',
	ticketId: { __rl: true, mode: 'id', value: String(id) },
});

describe('token', () => {
	it('one token request serves many requests and several executions', async () => {
		const n8n = harnessFor();
		const id = firstTicketId();
		for (let execution = 0; execution < 3; execution++) {
			const result = await n8n.run({ parameters: getTicket(id), items: [{}, {}, {}, {}] });
			expect(result.error).toBeUndefined();
			expect(result.json).toHaveLength(4);
			expect(result.json[0].id).toBe(id);
		}
		expect(halo.apiRequests().filter((r) => r.path.toLowerCase().startsWith('/api/tickets'))).toHaveLength(12);
		expect(halo.tokenRequests()).toHaveLength(1);
		// The token is stored in the credential, where n8n keeps it between executions.
		expect(n8n.store.data.accessToken).toEqual(expect.any(String));
		expect(n8n.store.writes).toBe(1);
	});

	it('a 401 triggers exactly one new token and the request succeeds', async () => {
		const n8n = harnessFor();
		const id = firstTicketId();
		await n8n.run({ parameters: getTicket(id) });
		const firstToken = n8n.store.data.accessToken;
		halo.expireAllTokens();
		halo.clearLog();

		const result = await n8n.run({ parameters: getTicket(id), items: [{}, {}] });

		expect(result.error).toBeUndefined();
		expect(result.json.map((t) => t.id)).toEqual([id, id]);
		expect(halo.tokenRequests()).toHaveLength(1);
		expect(halo.apiRequests().map((r) => r.status)).toEqual([401, 200, 200]);
		expect(n8n.store.data.accessToken).not.toBe(firstToken);
	});

	it('a token past its expiry is not sent, so even a HaloPSA that answers 400 for expired tokens recovers', async () => {
		halo.configure({ expiredTokenStatus: 400 });
		const n8n = harnessFor();
		const id = firstTicketId();
		await n8n.run({ parameters: getTicket(id) });
		// The clock says the stored token has expired (HaloPSA expired it at the same moment).
		n8n.store.data.expiresAt = Date.now() - 1000;
		halo.expireAllTokens();
		halo.clearLog();

		const result = await n8n.run({ parameters: getTicket(id) });

		expect(result.error).toBeUndefined();
		expect(halo.apiRequests().map((r) => r.status)).toEqual([401, 200]);
		expect(halo.tokenRequests()).toHaveLength(1);
	});
});

describe('lists', () => {
	it('250 records come back whole when asking for 1,000 a page (HaloPSA serves 100)', async () => {
		const clientId = halo.db.clients[1].id as number;
		for (let n = 0; n < 250; n++) {
			halo.db.insertTicket({ summary: `Bulk ticket ${n}`, client_id: clientId });
		}
		const expected = halo.db.tickets.filter((t) => t.client_id === clientId && !t.deleted && !halo.db.isProject(t));
		const n8n = harnessFor();

		const records = await n8n.withContext(async (context) =>
			haloList(context, { path: '/Tickets', qs: { client_id: clientId }, listKey: 'tickets', pageSize: 1000 }),
		);

		expect(expected.length).toBeGreaterThanOrEqual(250);
		expect((records as IDataObject[]).map((t) => t.id).sort()).toEqual(expected.map((t) => t.id).sort());
		const pages = halo.apiRequests().filter((r) => r.path.toLowerCase() === '/api/tickets');
		expect(pages).toHaveLength(Math.ceil(expected.length / 100));
		expect(new Set(pages.map((r) => r.query.page_no)).size).toBe(pages.length);
	});

	it('reads bare-array lists in one request and honours a limit', async () => {
		const n8n = harnessFor();
		const statuses = (await n8n.withContext(async (context) =>
			haloList(context, { path: '/Status', limit: 2 }),
		)) as IDataObject[];
		expect(statuses).toHaveLength(2);
		expect(halo.apiRequests()).toHaveLength(1);
	});
});

describe('failures', () => {
	it('waits out a 429 and then succeeds', async () => {
		halo.configure({ force429: 2 });
		const n8n = harnessFor();
		const result = await n8n.run({ parameters: getTicket(firstTicketId()) });
		expect(result.error).toBeUndefined();
		expect(halo.apiRequests().map((r) => r.status)).toEqual([429, 429, 200]);
	});

	it('uses Retry-After when HaloPSA sends it', async () => {
		halo.configure({ force429: 1, retryAfterSeconds: 0 });
		Object.assign(retryPolicy, { rateLimitBaseDelayMs: 60_000 });
		try {
			const n8n = harnessFor();
			const result = await n8n.run({ parameters: getTicket(firstTicketId()) });
			expect(result.error).toBeUndefined();
		} finally {
			Object.assign(retryPolicy, { rateLimitBaseDelayMs: 20 });
		}
	});

	it('retries a GET after a 503 or a dropped connection', async () => {
		halo.configure({ serverErrorRate: 0.3, dropBeforeRate: 0.1, randomSeed: 7 });
		const n8n = harnessFor();
		const result = await n8n.run({ parameters: getTicket(firstTicketId()), items: [{}, {}, {}, {}, {}, {}] });
		expect(result.error).toBeUndefined();
		expect(result.json).toHaveLength(6);
		expect(halo.apiRequests().some((r) => typeof r.status === 'number' && r.status >= 500)).toBe(true);
	});

	it('a 403 names the scope that is probably missing', async () => {
		const n8n = harnessFor({ scopes: 'read:customers' });
		const result = await n8n.run({ parameters: getTicket(firstTicketId()) });
		expect(result.error?.message).toMatch(/403/);
		expect(result.error?.description).toMatch(/read:tickets/);
	});

	it('a 404 names the record', async () => {
		const n8n = harnessFor();
		const result = await n8n.run({ parameters: getTicket(999999) });
		expect(result.error?.message).toBe('Ticket 999999 was not found');
	});

	it('a bad namespace makes no request at all and says what to type', async () => {
		const n8n = harnessFor({ hosting: 'cloud', namespace: 'acme.halopsa.com/evil' });
		const result = await n8n.run({ parameters: getTicket(1) });
		expect(result.error?.message).toMatch(/Namespace/);
		expect(halo.log).toHaveLength(0);
	});

	it('a bad instance URL makes no request at all', async () => {
		const n8n = harnessFor({ instanceUrl: `${halo.url}?x=1` });
		const result = await n8n.run({ parameters: getTicket(1) });
		expect(result.error?.message).toMatch(/Instance URL must not contain a query/);
		expect(halo.log).toHaveLength(0);
	});

	it('a bad ticket ID from an expression is refused before any request', async () => {
		const n8n = harnessFor();
		for (const value of ['12.0', '-1', '0', '1e3', 'abc', ' ', '1/../2']) {
			const result = await n8n.run({ parameters: getTicket('={{ $json.id }}'), items: [{ id: value }] });
			expect(result.error?.message).toMatch(/^Ticket .*(is empty|is not a HaloPSA ID)/);
		}
		expect(halo.log).toHaveLength(0);
	});

	it('with Continue On Fail, each failing item gets its own error and the others their ticket', async () => {
		const n8n = harnessFor();
		const id = firstTicketId();
		const result = await n8n.run({
			parameters: { ...getTicket('={{ $json.id }}'), ticketId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
			items: [{ id }, { id: 999999 }, { id: 'x' }],
			continueOnFail: true,
		});
		expect(result.json[0].id).toBe(id);
		expect(result.json[1].error).toBe('Ticket 999999 was not found');
		expect(result.json[2].error).toMatch(/not a HaloPSA ID/);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});
});

describe('credential', () => {
	it('rejects a wrong secret with a message about the client ID or secret', async () => {
		const n8n = harnessFor({ clientSecret: 'wrong-secret' });
		const result = await n8n.run({ parameters: getTicket(firstTicketId()) });
		expect(result.error?.message).toMatch(/Client ID or Client Secret \(invalid_client\)/);
		expect(JSON.stringify(result.run)).not.toContain('wrong-secret');
	});

	it('rejects an unknown scope with a message about scopes', async () => {
		const n8n = harnessFor({ scopes: 'read:tickets read:everything' });
		const result = await n8n.run({ parameters: getTicket(firstTicketId()) });
		expect(result.error?.message).toMatch(/invalid_scope/);
	});

	it('says when the instance cannot be reached', async () => {
		const n8n = harnessFor({ instanceUrl: 'http://127.0.0.1:9' });
		const result = await n8n.run({ parameters: getTicket(1) });
		expect(result.error?.message).toMatch(/Could not reach HaloPSA: 127\.0\.0\.1:9 refused the connection/);
	});

	it('discovers the authorisation server through /api/authinfo, with its tenant', async () => {
		halo.setAuthInfo({ authUrl: `${halo.url}/shared-auth`, tenant: 'demo' });
		const n8n = harnessFor({ authServer: 'discover' });
		const result = await n8n.run({ parameters: getTicket(firstTicketId()) });
		expect(result.error).toBeUndefined();
		const token = halo.tokenRequests()[0];
		expect(token.path).toBe('/shared-auth/token');
		expect(token.query.tenant).toBe('demo');
	});

	it('sends the tenant only when one is set', async () => {
		const n8n = harnessFor();
		await n8n.run({ parameters: getTicket(firstTicketId()) });
		expect(halo.tokenRequests()[0].query).toEqual({});
	});

	it('never sends the token to another host', async () => {
		const n8n = harnessFor();
		await n8n.run({ parameters: getTicket(firstTicketId()) });
		const refused = await n8n
			.withContext(async (context) =>
				context.helpers.httpRequestWithAuthentication.call(context, 'haloPsaApi', { url: 'http://127.0.0.2:9/api/Tickets' }),
			)
			.then(
				() => 'sent',
				(error: Error) => error.message,
			);
		expect(refused).toMatch(/only signs requests to http:\/\/127\.0\.0\.1:\d+; this request goes to http:\/\/127\.0\.0\.2:9/);
	});
});

describe('request budget', () => {
	afterEach(() => {
		budgetPolicy.windowMs = 300_000;
		resetBudgets();
	});

	it('slows a burst down to the budget instead of drawing 429s', async () => {
		budgetPolicy.windowMs = 400;
		resetBudgets();
		// HaloPSA here allows 6 requests per 400 ms; the credential's budget is 5.
		halo.configure({ rateLimit: { max: 6, windowMs: 400 } });
		const n8n = harnessFor({ requestBudget: 5 });
		const result = await n8n.run({ parameters: getTicket(firstTicketId()), items: Array.from({ length: 12 }, () => ({})) });
		expect(result.error).toBeUndefined();
		const api = halo.apiRequests();
		expect(api).toHaveLength(12);
		expect(api.filter((r) => r.status === 429)).toHaveLength(0);

		// Without a budget the same burst runs into HaloPSA's limit.
		halo.reset();
		resetProcessState();
		halo.configure({ rateLimit: { max: 6, windowMs: 400 } });
		const unlimited = await harnessFor().run({ parameters: getTicket(firstTicketId()), items: Array.from({ length: 12 }, () => ({})) });
		expect(unlimited.error).toBeUndefined();
		expect(halo.apiRequests().filter((r) => r.status === 429).length).toBeGreaterThan(0);
	});

	it('is automatic: 290 for HaloPSA cloud, none for a custom domain', () => {
		expect(requestBudget({ hosting: 'cloud' })).toBe(290);
		expect(requestBudget({ hosting: 'custom' })).toBe(0);
		expect(requestBudget({ hosting: 'custom', requestBudget: 150 })).toBe(150);
	});
});
