/**
 * The fake HaloPSA over real HTTP: what a client of Halo's API will meet (API-NOTES.md).
 */
import {
	CLOSED_STATUS_ID,
	DEMO_CLIENT_ID,
	DEMO_CLIENT_SECRET,
	DEMO_TENANT,
	RATE_LIMIT_MESSAGE,
	STANDARD_SCOPES,
	startMockHalo,
	type MockHalo,
} from './index';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

interface Reply {
	status: number;
	text: string;
	json: Json;
	headers: Headers;
}

let halo: MockHalo;

beforeAll(async () => {
	halo = await startMockHalo();
});

afterAll(async () => {
	await halo.stop();
});

beforeEach(() => halo.reset());

async function send(method: string, path: string, options: { token?: string; body?: unknown; contentType?: string; raw?: string } = {}): Promise<Reply> {
	const headers: Record<string, string> = {};
	if (options.token) headers.Authorization = `Bearer ${options.token}`;
	let body: string | undefined = options.raw;
	if (options.body !== undefined) {
		body = JSON.stringify(options.body);
		headers['Content-Type'] = options.contentType ?? 'application/json';
	} else if (options.contentType) {
		headers['Content-Type'] = options.contentType;
	}
	const response = await fetch(`${halo.url}${path}`, { method, headers, body });
	const text = await response.text();
	let json: Json;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: response.status, text, json, headers: response.headers };
}

function tokenRequest(fields: Record<string, string>, path = '/auth/token'): Promise<Reply> {
	return send('POST', path, { raw: new URLSearchParams(fields).toString(), contentType: 'application/x-www-form-urlencoded' });
}

async function token(scope = STANDARD_SCOPES, clientId = DEMO_CLIENT_ID, clientSecret = DEMO_CLIENT_SECRET): Promise<string> {
	const reply = await tokenRequest({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, scope });
	expect(reply.status).toBe(200);
	return reply.json.access_token as string;
}

/** A token with every scope, for tests about something else than scopes. */
const adminToken = (): Promise<string> => token('all');

const get = async (path: string, scope?: string): Promise<Reply> => send('GET', path, { token: await token(scope) });
const post = async (path: string, body: unknown, scope = 'all'): Promise<Reply> => send('POST', path, { token: await token(scope), body });

describe('token endpoint (API-NOTES §1)', () => {
	it('issues a bearer token for the demo application with the requested scopes', async () => {
		const reply = await tokenRequest({ grant_type: 'client_credentials', client_id: DEMO_CLIENT_ID, client_secret: DEMO_CLIENT_SECRET, scope: STANDARD_SCOPES });
		expect(reply.status).toBe(200);
		expect(reply.json).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: STANDARD_SCOPES });
		expect(reply.json.access_token).toMatch(/^[\w-]{20,}$/);
		const [, payload] = (reply.json.id_token as string).split('.');
		expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).toMatchObject({ name: 'Perimeters', agent_id: 5 });
	});

	it('answers invalid_client for a wrong secret and never logs the secret', async () => {
		const reply = await tokenRequest({ grant_type: 'client_credentials', client_id: DEMO_CLIENT_ID, client_secret: 'wrong-secret', scope: 'all' });
		expect(reply.status).toBe(400);
		expect(reply.json.error).toBe('invalid_client');
		await token();
		const logged = JSON.stringify(halo.tokenRequests());
		expect(logged).not.toContain('wrong-secret');
		expect(logged).not.toContain(DEMO_CLIENT_SECRET);
		expect(halo.tokenRequests()[0].body).toMatchObject({ client_id: DEMO_CLIENT_ID, client_secret: '***' });
	});

	it('fails the whole request on one unknown scope, or on a scope the application was not given', async () => {
		const base = { grant_type: 'client_credentials', client_id: DEMO_CLIENT_ID, client_secret: DEMO_CLIENT_SECRET };
		const unknown = await tokenRequest({ ...base, scope: 'read:tickets read:actions' });
		expect(unknown.status).toBe(400);
		expect(unknown.json).toEqual({ error: 'invalid_scope' });

		halo.addApplication({ clientId: 'narrow', clientSecret: 'narrow-secret', agentId: 5, allowedScopes: ['read:tickets'] });
		const notAllowed = await tokenRequest({ ...base, client_id: 'narrow', client_secret: 'narrow-secret', scope: 'edit:tickets' });
		expect(notAllowed.json).toEqual({ error: 'invalid_scope' });
		expect((await token('read:tickets', 'narrow', 'narrow-secret')).length).toBeGreaterThan(10);
	});

	it('wants a form-encoded client_credentials request', async () => {
		const asJson = await send('POST', '/auth/token', { body: { grant_type: 'client_credentials', client_id: DEMO_CLIENT_ID, client_secret: DEMO_CLIENT_SECRET } });
		expect(asJson.json.error).toBe('invalid_request');
		const password = await tokenRequest({ grant_type: 'password', client_id: DEMO_CLIENT_ID, client_secret: DEMO_CLIENT_SECRET });
		expect(password.json.error).toBe('unsupported_grant_type');
	});

	it('needs the tenant on the shared auth server and ignores it on /auth/token', async () => {
		const fields = { grant_type: 'client_credentials', client_id: DEMO_CLIENT_ID, client_secret: DEMO_CLIENT_SECRET, scope: 'all' };
		const withoutTenant = await tokenRequest(fields, '/shared-auth/token');
		expect(withoutTenant.status).toBe(400);
		expect(withoutTenant.json.error).toBe('invalid_request');
		const wrongTenant = await tokenRequest(fields, '/shared-auth/token?tenant=acme');
		expect(wrongTenant.json.error_description).toContain('acme');
		expect((await tokenRequest(fields, `/shared-auth/token?tenant=${DEMO_TENANT}`)).status).toBe(200);
		expect((await tokenRequest(fields, '/auth/token?tenant=anything')).status).toBe(200);
	});

	it('gives new tokens the configured lifetime', async () => {
		halo.configure({ tokenLifetimeSeconds: 60 });
		const reply = await tokenRequest({ grant_type: 'client_credentials', client_id: DEMO_CLIENT_ID, client_secret: DEMO_CLIENT_SECRET });
		expect(reply.json.expires_in).toBe(60);
	});

	it('tells where to authenticate through /api/authinfo, without a token', async () => {
		expect((await send('GET', '/api/authinfo')).json).toEqual({ auth_url: `${halo.url}/auth`, tenant_id: '' });
		halo.setAuthInfo({ authUrl: halo.sharedAuthUrl, tenant: DEMO_TENANT });
		expect((await send('GET', '/API/AuthInfo')).json).toEqual({ auth_url: `${halo.url}/shared-auth`, tenant_id: 'demo' });
		expect(halo.log.map((entry) => entry.kind)).toEqual(['authinfo', 'authinfo']);
	});
});

describe('bearer tokens', () => {
	it('answers 401 with WWW-Authenticate without a token or with an unknown one', async () => {
		for (const reply of [await send('GET', '/api/Tickets'), await send('GET', '/api/Tickets', { token: 'not-a-token' })]) {
			expect(reply.status).toBe(401);
			expect(reply.headers.get('www-authenticate')).toContain('error="invalid_token"');
		}
	});

	it('answers 401 once tokens are expired, and a new token works', async () => {
		const old = await adminToken();
		expect((await send('GET', '/api/Status', { token: old })).status).toBe(200);
		halo.expireAllTokens();
		expect((await send('GET', '/api/Status', { token: old })).status).toBe(401);
		expect((await send('GET', '/api/Status', { token: await adminToken() })).status).toBe(200);
	});

	it('can answer an expired token with a plain 400, as Halo sometimes does', async () => {
		halo.configure({ expiredTokenStatus: 400 });
		const old = await adminToken();
		halo.expireAllTokens();
		const reply = await send('GET', '/api/Status', { token: old });
		expect(reply.status).toBe(400);
		expect(reply.text).toMatch(/expired/);
	});

	it('expires every token on every N-th API request when asked', async () => {
		halo.configure({ expireTokensEvery: 3 });
		const current = await adminToken();
		const statuses = [];
		for (let n = 0; n < 3; n++) statuses.push((await send('GET', '/api/Status', { token: current })).status);
		expect(statuses).toEqual([200, 200, 401]);
	});
});

describe('scopes and agent permissions', () => {
	it('answers a missing scope with an empty 403', async () => {
		const reply = await get('/api/Tickets', 'read:customers');
		expect(reply.status).toBe(403);
		expect(reply.text).toBe('');
		expect((await post('/api/Client', [{ name: 'Nope' }], 'read:customers')).status).toBe(403);
		expect((await get('/api/Team', 'read:tickets')).status).toBe(403);
	});

	it('lets edit:X read X, all:teams read teams and agents, and any token read Agent/me', async () => {
		expect((await get('/api/Tickets', 'edit:tickets')).status).toBe(200);
		expect((await get('/api/Agent', 'all:teams')).status).toBe(200);
		const me = await get('/api/Agent/me', 'read:customers');
		expect(me.status).toBe(200);
		expect(me.json).toMatchObject({ id: 5, name: 'Perimeters', isapiagent: true });
	});

	it('answers a denied agent permission with a 403 that says what was refused', async () => {
		halo.setAgentPermissions(5, ['tickets:read']);
		const reply = await get('/api/Tickets');
		expect(reply.status).toBe(403);
		expect(reply.text).toBe('You do not have permission to view Tickets');
		expect((await get('/api/Client')).status).toBe(200);
	});
});

describe('lists (API-NOTES §2)', () => {
	it('serves at most 100 records a page whatever page_size says, with the true record_count', async () => {
		for (let n = 0; n < 150; n++) halo.db.insertTicket({ summary: `Bulk ticket ${n}`, client_id: 6 });
		const total = halo.db.tickets.filter((t) => t.client_id === 6 && !t.deleted && !halo.db.isProject(t)).length;
		expect(total).toBeGreaterThan(150);
		const at = (page: number): Promise<Reply> => get(`/api/Tickets?client_id=6&pageinate=true&page_size=1000&page_no=${page}`);

		const first = await at(1);
		expect(first.json.record_count).toBe(total);
		expect(first.json.tickets).toHaveLength(100);
		const last = await at(2);
		expect(last.json.tickets).toHaveLength(total - 100);
		expect(new Set([...first.json.tickets, ...last.json.tickets].map((t: Json) => t.id)).size).toBe(total);
		const beyond = await at(3);
		expect(beyond.json).toEqual({ record_count: total, tickets: [] });
	});

	it('limits with count, and returns everything with neither count nor pageinate', async () => {
		expect((await get('/api/Tickets?count=5')).json.tickets).toHaveLength(5);
		const all = await get('/api/Tickets');
		expect(all.json.tickets).toHaveLength(all.json.record_count);
		expect(all.json.record_count).toBeGreaterThan(30);
	});

	it('wraps some lists in an envelope and returns others as bare arrays', async () => {
		const enveloped: Array<[string, string]> = [
			['/api/Tickets', 'tickets'], ['/api/Projects', 'tickets'], ['/api/Actions?ticket_id=1024', 'actions'],
			['/api/Client', 'clients'], ['/api/Site', 'sites'], ['/api/Users', 'users'], ['/api/Asset', 'assets'],
		];
		for (const [path, key] of enveloped) {
			const { json } = await get(path, 'all');
			expect(Object.keys(json)).toEqual(expect.arrayContaining(['record_count', key]));
			expect(Array.isArray(json[key])).toBe(true);
		}
		expect(Object.keys((await get('/api/Asset?pageinate=true&page_size=5&page_no=2')).json)).toEqual(['record_count', 'assets', 'page_no', 'page_size']);
		for (const path of ['TicketType', 'Status', 'Agent', 'Priority', 'Outcome', 'Team', 'Category', 'AssetType', 'SLA', 'FieldInfo', 'TopLevel']) {
			const { json } = await get(`/api/${path}?pageinate=true&page_size=1`, 'all');
			expect(Array.isArray(json)).toBe(true);
			expect(json.length).toBeGreaterThan(1);
		}
	});

	it('matches paths case-insensitively and answers 404 for unknown ones', async () => {
		const lower = await get('/api/tickets?count=3');
		const upper = await get('/API/TICKETS?COUNT=3');
		expect(upper.json.tickets.map((t: Json) => t.id)).toEqual(lower.json.tickets.map((t: Json) => t.id));
		expect(upper.json.tickets).toHaveLength(3);
		expect((await get('/api/NoSuchThing')).status).toBe(404);
		expect((await get('/api/Tickets/1001/extra')).status).toBe(404);
	});

	it('lists a subset of each record; GET by id returns the whole record, unwrapped', async () => {
		const listed = (await get('/api/Tickets?ticketids=1025')).json.tickets[0];
		expect(listed.id).toBe(1025);
		expect(listed).not.toHaveProperty('details');
		expect(listed).not.toHaveProperty('customfields');
		const full = (await get('/api/Tickets/1025')).json;
		expect(full).toMatchObject({ id: 1025, client_id: 3, team: 'Security Operations', team_id: 2, sla_id: 2 });
		expect(full.details).toContain('unfamiliar location');
		expect(full.customfields).toContainEqual(expect.objectContaining({ name: 'CFSeverity', value: 4, display: 'Critical' }));
		const missing = await get('/api/Tickets/999999');
		expect(missing.status).toBe(404);
		expect(missing.text).toBe('Record not found');
	});

	it('searches, filters and orders', async () => {
		const dc01 = (await get('/api/Tickets?search=DC01')).json.tickets.map((t: Json) => t.id);
		expect(dc01).toEqual(expect.arrayContaining([1026, 1027]));
		expect((await get('/api/Asset?search=5cg1234xyz')).json.assets.map((a: Json) => a.id)).toEqual([5, 12]);
		expect((await get('/api/Client?search=contoso')).json.clients.map((c: Json) => c.name)).toEqual(['Contoso Ltd', 'Contoso, Inc.']);
		expect((await get('/api/Client?includeinactive=true')).json.record_count).toBe((await get('/api/Client')).json.record_count + 1);

		const open = (await get('/api/Tickets?open_only=true')).json.tickets;
		expect(open.length).toBeGreaterThan(5);
		expect(open.every((t: Json) => t.hasbeenclosed === false)).toBe(true);
		const soc = (await get('/api/Tickets?team=2')).json.tickets;
		expect(soc.every((t: Json) => t.team === 'Security Operations')).toBe(true);
		const byAsset = (await get('/api/Tickets?asset_id=14')).json.tickets.map((t: Json) => t.id);
		expect(byAsset).toEqual([1027]);
		const ordered = (await get('/api/Tickets?order=summary&orderdesc=true&count=3')).json.tickets.map((t: Json) => t.summary);
		expect([...ordered].sort((a, b) => b.localeCompare(a))).toEqual(ordered);
		const recent = (await get(`/api/Tickets?datesearch=dateoccured&startdate=${new Date(Date.now() - 2 * 86_400_000).toISOString()}`)).json.tickets;
		expect(recent.map((t: Json) => t.id)).toEqual(expect.arrayContaining([1007, 1012, 1025, 1026]));
		expect(recent.map((t: Json) => t.id)).not.toContain(1001);
	});

	it('lists tickets changed since a date, newest first (lastupdatefromdate, order=last_update)', async () => {
		const before = new Date(Date.now() - 1000).toISOString();
		await post('/api/Tickets', [{ id: 1003, summary: 'Changed now' }]);
		const created = (await post('/api/Tickets', [{ summary: 'Logged now', client_id: 2 }])).json;
		const changed = (await get(`/api/Tickets?lastupdatefromdate=${before}&order=last_update&orderdesc=true`)).json;
		expect(changed.record_count).toBe(2);
		expect(changed.tickets.map((t: Json) => t.id)).toEqual([created.id, 1003]);
		expect(changed.tickets[0].last_update >= changed.tickets[1].last_update).toBe(true);
		const upTo = (await get(`/api/Tickets?lastupdatetodate=${before}`)).json.record_count;
		expect(upTo).toBe((await get('/api/Tickets')).json.record_count - 2);
		// The export types the parameter as a bool: a bool value filters nothing.
		expect((await get('/api/Tickets?lastupdatefromdate=true')).json.record_count).toBe(upTo + 2);
	});

	it('filters tickets by advanced_search on a custom field or the third-party ID, and refuses unknown fields', async () => {
		const query = (filters: unknown) => `/api/Tickets?advanced_search=${encodeURIComponent(JSON.stringify(filters))}`;
		const created = (
			await post('/api/Tickets', [{ summary: 'x', client_id: 2, third_party_id_string: 'EXT-9', customfields: [{ name: 'CFExternalId', value: 'ALERT-9' }] }])
		).json;
		const byField = await get(query([{ filter_name: 'CFExternalId', filter_type: 2, filter_value: 'alert-9' }]));
		expect(byField.json.tickets.map((t: Json) => t.id)).toEqual([created.id]);
		const byThirdParty = await get(query([{ filter_name: 'third_party_id_string', filter_type: 2, filter_value: 'EXT-9' }]));
		expect(byThirdParty.json.tickets.map((t: Json) => t.id)).toEqual([created.id]);
		const unknown = await get(query([{ filter_name: 'no_such_field', filter_type: 2, filter_value: '1' }]));
		expect(unknown.status).toBe(400);
		expect(unknown.text).toMatch(/Invalid advanced search parameter/);
	});

	it('lists lookups with their own filters', async () => {
		const security = (await get('/api/Priority?slaid=2')).json;
		expect(security.map((p: Json) => p.priorityid)).toEqual([1, 2, 3, 4, 5]);
		expect(security[0].id).toMatch(/^[0-9a-f-]{36}$/);
		expect((await get('/api/Agent')).json.map((a: Json) => a.id)).not.toContain(1);
		expect((await get('/api/Agent?includeunassigned=true&includedisabled=true')).json.map((a: Json) => a.id)).toEqual(expect.arrayContaining([1, 6]));
		expect((await get('/api/Agent?team_id=2')).json.map((a: Json) => a.name)).toEqual(['Carol SOC Analyst', 'Perimeters']);
		expect((await get('/api/Team?type=prjs')).json.map((t: Json) => t.name)).toEqual(['Projects']);
		const withAgents = (await get('/api/Team?includeagentsforteams=Security Operations')).json;
		expect(withAgents.find((t: Json) => t.id === 2).agents).toHaveLength(2);
		expect((await get('/api/Team/1?includeagents=true')).json.agents.map((a: Json) => a.id)).toEqual([2, 3, 5]);
		expect((await get('/api/Status?excludeclosed=true')).json.map((s: Json) => s.id)).not.toContain(CLOSED_STATUS_ID);
		expect((await get('/api/TicketType?domain=prjs')).json.map((t: Json) => t.id)).toEqual([30, 31]);
	});

	it('adds the last action only when a list has exactly one ticket', async () => {
		const one = (await get('/api/Tickets?ticketids=1024&includelastaction=true')).json.tickets;
		expect(one[0].lastaction).toMatchObject({ ticket_id: 1024, outcome: 'Close Ticket' });
		const two = (await get('/api/Tickets?ticketids=1024,1025&includelastaction=true')).json.tickets;
		expect(two.some((t: Json) => 'lastaction' in t)).toBe(false);
	});

	it('keeps projects out of /Tickets and serves only them on /Projects', async () => {
		const tickets = (await get('/api/Tickets')).json.tickets.map((t: Json) => t.tickettype_id);
		const projects = (await get('/api/Projects', 'read:projects')).json.tickets;
		expect(tickets).not.toContain(30);
		expect(tickets).not.toContain(31);
		expect(projects.map((t: Json) => t.id)).toEqual([1041, 1042, 1043, 1044, 1045, 1046, 1047, 1048, 1049]);
		expect((await get('/api/Projects?parent_id=1041', 'read:projects')).json.tickets.map((t: Json) => t.id)).toEqual([1042, 1043]);
		const parents = (await get('/api/Projects?includechildren=0,1', 'read:projects')).json.tickets;
		expect(parents.map((t: Json) => t.id)).toEqual([1041, 1044, 1047]);
		expect((await get('/api/Projects?includechildren=2', 'read:projects')).json.record_count).toBe(6);
		expect((await get('/api/Projects', 'read:tickets')).status).toBe(403);
	});

	it('needs ticket_id to list actions and lists them newest last', async () => {
		expect((await get('/api/Actions')).status).toBe(400);
		const actions = (await get('/api/Actions?ticket_id=1024')).json.actions;
		expect(actions.map((a: Json) => a.outcome)).toEqual(['Private Note', 'Update', 'Close Ticket']);
		expect(actions[0]).toMatchObject({ ticket_id: 1024, outcome_id: 7, hiddenfromuser: true, who: 'Carol SOC Analyst', actionby_agent_id: 4 });
		expect((await get('/api/Actions?ticket_id=1024&excludeprivate=true')).json.actions).toHaveLength(2);
	});
});

describe('writes (API-NOTES §4)', () => {
	it('refuses a bare object: the body must be a JSON array', async () => {
		const reply = await post('/api/Tickets', { summary: 'Not in an array' });
		expect(reply.status).toBe(400);
		expect(reply.text).toMatch(/requires a JSON array/);
	});

	it('creates a ticket: 201 with the saved record as one object, Halo-style dates and defaults', async () => {
		const reply = await post('/api/Tickets', [{ summary: 'Created by a test', details: 'Line 1\nLine 2' }]);
		expect(reply.status).toBe(201);
		expect(Array.isArray(reply.json)).toBe(false);
		expect(reply.json).toMatchObject({ summary: 'Created by a test', tickettype_id: 1, status_id: 1, client_id: 1, agent_id: 1, hasbeenclosed: false, details_html: 'Line 1<br>Line 2' });
		expect(reply.json.dateoccurred).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/);
		expect(halo.db.find('tickets', reply.json.id)?.summary).toBe('Created by a test');
		expect((await post('/api/Tickets', [{ details: 'no summary' }])).status).toBe(400);
	});

	it('answers several posted records with the last one, or all with returnall=true', async () => {
		const records = [{ summary: 'First' }, { summary: 'Second' }];
		const last = await post('/api/Tickets', records);
		expect(last.json.summary).toBe('Second');
		const all = await post('/api/Tickets?returnall=true', records);
		expect(all.json.map((t: Json) => t.summary)).toEqual(['First', 'Second']);
	});

	it('updates only the posted fields, and refuses an unknown id', async () => {
		const before = halo.db.find('tickets', 1005);
		const reply = await post('/api/Tickets', [{ id: 1005, summary: 'VPN drops (renamed)', tickettype_id: 1, client_id: 3 }]);
		expect(reply.status).toBe(201);
		expect(reply.json).toMatchObject({ id: 1005, summary: 'VPN drops (renamed)', user_id: 8, agent_id: before?.agent_id, status_id: 2 });
		expect(reply.json.last_update).not.toBe(reply.json.datecreated);
		const unknown = await post('/api/Tickets', [{ id: 424242, summary: 'x' }]);
		expect(unknown.status).toBe(400);
		expect(unknown.text).toBe('Record not found');
	});

	it('rejects, in strict mode, a property that is not in the schema and records it', async () => {
		const reply = await post('/api/Tickets', [{ summary: 'x', foo: 1 }]);
		expect(reply.status).toBe(400);
		expect(reply.text).toBe("Property 'foo' is not a field of Faults");
		const nested = await post('/api/Tickets', [{ summary: 'x', customfields: [{ name: 'CFExternalId', value: 'a', colour: 'red' }] }]);
		expect(nested.text).toBe("Property 'colour' is not a field of CustomField");
		expect(halo.schemaViolations.map((v) => [v.schema, v.property])).toEqual([['Faults', 'foo'], ['CustomField', 'customfields[0].colour']]);
		expect(halo.schemaCheck.enabled).toBe(true);
	});

	it('rejects values Halo cannot convert ("95.0" for an int) and accepts numeric strings', async () => {
		const decimal = await post('/api/Tickets', [{ summary: 'x', priority_id: '95.0' }]);
		expect(decimal.status).toBe(400);
		expect(decimal.text).toContain('priority_id');
		expect((await post('/api/Tickets', [{ summary: 'x', agent_id: 'three' }])).status).toBe(400);
		const numeric = await post('/api/Tickets', [{ summary: 'x', priority_id: '2', agent_id: '3' }]);
		expect(numeric.status).toBe(201);
		expect(numeric.json).toMatchObject({ priority_id: 2, agent_id: 3 });
	});

	it('needs the user\'s site with a real user, and derives client and site from it', async () => {
		const noSite = await post('/api/Tickets', [{ summary: 'x', user_id: 4 }]);
		expect(noSite.status).toBe(400);
		expect(noSite.text).toMatch(/A site is required when a user is set/);
		const ok = await post('/api/Tickets', [{ summary: 'x', user_id: 4, site_id: 2 }]);
		expect(ok.json).toMatchObject({ client_id: 2, site_id: 2, user_id: 4, user_name: 'Jane Smith' });
		const byClient = await post('/api/Tickets', [{ summary: 'x', client_id: 5 }]);
		expect(byClient.json).toMatchObject({ client_id: 5, site_id: 6, user_name: 'General User' });
	});

	it('checks priority against the SLA of the ticket type, team by name and linked assets', async () => {
		const informationalIncident = await post('/api/Tickets', [{ summary: 'x', tickettype_id: 1, priority_id: 5 }]);
		expect(informationalIncident.status).toBe(400);
		expect(informationalIncident.text).toContain('Priority 5');
		const alert = await post('/api/Tickets', [{ summary: 'x', tickettype_id: 21, priority_id: 5, team: 'security operations', assets: [{ id: 3 }] }]);
		expect(alert.json).toMatchObject({ sla_id: 2, priority_id: 5, team: 'Security Operations', team_id: 2 });
		expect(alert.json.assets).toEqual([expect.objectContaining({ id: 3, key_field: 'DC01', client_id: 2 })]);
		expect((await post('/api/Tickets', [{ summary: 'x', team: 'Nobody' }])).text).toContain("Team 'Nobody' not found");
		expect((await post('/api/Tickets', [{ summary: 'x', assets: [{ id: 9999 }] }])).status).toBe(400);
	});

	it('stores custom fields named by id or name, keeping the full objects', async () => {
		const reply = await post('/api/Tickets', [{ summary: 'x', tickettype_id: 21, customfields: [{ name: 'CFExternalId', value: 'PRM-1' }, { id: 203, value: 'High' }] }]);
		expect(reply.json.customfields).toEqual([
			{ id: 202, name: 'CFExternalId', label: 'External ID', type: 0, value: 'PRM-1', display: 'PRM-1' },
			{ id: 203, name: 'CFSeverity', label: 'Severity', type: 2, value: 3, display: 'High' },
		]);
		const updated = await post('/api/Tickets', [{ id: reply.json.id, customfields: [{ name: 'CFAlertSource', value: 'Perimeters' }] }]);
		expect(updated.json.customfields.map((f: Json) => f.id)).toEqual([201, 202, 203]);
		expect((await post('/api/Tickets', [{ summary: 'x', customfields: [{ name: 'CFNope', value: 1 }] }])).status).toBe(400);
	});

	it('soft-deletes tickets and restores them with _recover', async () => {
		const deleted = await send('DELETE', '/api/Tickets/1003', { token: await adminToken() });
		expect(deleted.status).toBe(200);
		expect(deleted.json).toEqual({ id: 1003 });
		expect((await get('/api/Tickets/1003')).status).toBe(404);
		expect((await get('/api/Tickets?deleted=true')).json.tickets.map((t: Json) => t.id)).toEqual([1003, 1023]);
		expect((await post('/api/Tickets', [{ id: 1003, summary: 'still gone' }])).status).toBe(400);
		expect((await post('/api/Tickets', [{ id: 1003, _recover: true }])).status).toBe(201);
		expect((await get('/api/Tickets/1003')).json.deleted).toBe(false);
	});

	it('needs an outcome and a ticket on every action', async () => {
		const noOutcome = await post('/api/Actions', [{ ticket_id: 1005, note: 'hello' }]);
		expect(noOutcome.status).toBe(400);
		expect(noOutcome.text).toBe('An Outcome must be entered for this Action');
		expect((await post('/api/Actions', [{ outcome: 'Update', note: 'hello' }])).text).toMatch(/Ticket ID is required/);
		expect((await post('/api/Actions', [{ ticket_id: 1005, outcome: 'Nope' }])).status).toBe(400);
	});

	it('closes a ticket with new_status, records who acted, and bumps the ticket', async () => {
		const before = halo.db.find('tickets', 1005)?.last_update;
		const reply = await post('/api/Actions', [{ ticket_id: '1005', outcome_id: '7', note: 'Fixed the MTU.', new_status: CLOSED_STATUS_ID, hiddenfromuser: true }]);
		expect(reply.status).toBe(201);
		expect(reply.json).toMatchObject({ ticket_id: 1005, outcome: 'Private Note', note: 'Fixed the MTU.', hiddenfromuser: true, who: 'Perimeters', actionby_agent_id: 5 });
		const ticket = (await get('/api/Tickets/1005')).json;
		expect(ticket).toMatchObject({ status_id: CLOSED_STATUS_ID, hasbeenclosed: true, lastactiondate: reply.json.datetime });
		expect(ticket.dateclosed).toMatch(/Z$/);
		expect(ticket.last_update).not.toBe(before);
		const actions = (await get('/api/Actions?ticket_id=1005')).json.actions;
		expect(actions[actions.length - 1].id).toBe(reply.json.id);
	});

	it('applies the outcome\'s own status, new_agent and new_team', async () => {
		await post('/api/Actions', [{ ticket_id: 1007, outcome: 'Close', note: 'Done.' }]);
		expect(halo.db.find('tickets', 1007)).toMatchObject({ status_id: 9, hasbeenclosed: true });
		await post('/api/Actions', [{ ticket_id: 1007, outcome: 'Re-open', new_agent: 4, new_team: 'Security Operations' }]);
		expect(halo.db.find('tickets', 1007)).toMatchObject({ status_id: 2, hasbeenclosed: false, agent_id: 4, team: 'Security Operations', team_id: 2 });
	});

	it('deletes an action only with its ticket_id', async () => {
		const tokenForAll = await adminToken();
		expect((await send('DELETE', '/api/Actions/1', { token: tokenForAll })).status).toBe(400);
		const reply = await send('DELETE', '/api/Actions/1?ticket_id=1001', { token: tokenForAll });
		expect(reply.json).toEqual({ id: 1 });
		expect(halo.db.find('actions', 1)).toBeUndefined();
	});

	it('creates, updates and deletes clients, sites, users and assets', async () => {
		const client = (await post('/api/Client', [{ name: 'Tyrell Corp', website: 'tyrell.com' }], 'edit:customers')).json;
		expect(client).toMatchObject({ name: 'Tyrell Corp', inactive: false, toplevel_name: 'Managed Services' });
		expect((await post('/api/Site', [{ name: 'Lab' }], 'edit:customers')).status).toBe(400);
		const site = (await post('/api/Site', [{ name: 'Lab', client_id: client.id }], 'edit:customers')).json;
		expect(site).toMatchObject({ client_id: client.id, client_name: 'Tyrell Corp' });
		const user = (await post('/api/Users', [{ name: 'Rachael Tyrell', site_id: site.id, emailaddress: 'rachael@tyrell.com' }], 'edit:customers')).json;
		expect(user).toMatchObject({ client_id: client.id, site_name: 'Lab' });
		const asset = (await post('/api/Asset', [{ assettype_id: 1, site_id: site.id, inventory_number: 'TYR-1', key_field: 'NEXUS6' }], 'edit:assets')).json;
		expect(asset).toMatchObject({ client_name: 'Tyrell Corp', assettype_name: 'Workstation' });
		expect((await post('/api/Client', [{ id: client.id, name: 'Tyrell Corporation' }], 'edit:customers')).json.name).toBe('Tyrell Corporation');
		expect(halo.db.find('users', user.id)?.client_name).toBe('Tyrell Corporation');
		expect((await send('DELETE', `/api/Asset/${asset.id}`, { token: await token('edit:assets') })).json).toEqual({ id: asset.id });
		expect((await get(`/api/Asset/${asset.id}`, 'read:assets')).status).toBe(404);
	});
});

describe('lenient mode and a missing OpenAPI file', () => {
	it('lenient mode records the unknown property, drops it and saves the record', async () => {
		const lenient = await startMockHalo({ strict: false });
		try {
			const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: DEMO_CLIENT_ID, client_secret: DEMO_CLIENT_SECRET });
			const { access_token } = await (await fetch(`${lenient.url}/auth/token`, { method: 'POST', body: form })).json();
			const response = await fetch(`${lenient.url}/api/Tickets`, {
				method: 'POST',
				headers: { Authorization: `Bearer ${access_token}`, 'Content-Type': 'application/json-patch+json' },
				body: JSON.stringify([{ summary: 'lenient', foo: 'bar' }]),
			});
			expect(response.status).toBe(201);
			expect(await response.json()).not.toHaveProperty('foo');
			expect(lenient.schemaViolations).toHaveLength(1);
		} finally {
			await lenient.stop();
		}
	});

	it('skips schema checking, and says so, when openapi.json is absent', async () => {
		const unchecked = await startMockHalo({ openApiPath: '/nonexistent/openapi.json', seed: 'empty' });
		try {
			expect(unchecked.schemaCheck).toMatchObject({ enabled: false, reason: 'file not found' });
			expect(unchecked.db.tickets).toHaveLength(0);
			expect(unchecked.db.find('clients', 1)?.name).toBe('Internal');
		} finally {
			await unchecked.stop();
		}
	});
});

describe('fault injection (API-NOTES §5)', () => {
	it('answers the next N requests with 429 and Halo\'s text, Retry-After only when configured', async () => {
		const tokenForAll = await adminToken();
		halo.configure({ force429: 2 });
		const first = await send('GET', '/api/Status', { token: tokenForAll });
		expect(first.status).toBe(429);
		expect(first.text).toBe(RATE_LIMIT_MESSAGE);
		expect(first.headers.get('retry-after')).toBeNull();
		halo.configure({ retryAfterSeconds: 7 });
		expect((await send('GET', '/api/Status', { token: tokenForAll })).headers.get('retry-after')).toBe('7');
		expect((await send('GET', '/api/Status', { token: tokenForAll })).status).toBe(200);
	});

	it('starts a burst of 429s every N requests when asked', async () => {
		halo.configure({ burst429: { every: 4, length: 2 } });
		const bearer = await token();
		const statuses: number[] = [];
		for (let n = 0; n < 8; n++) statuses.push((await send('GET', '/api/Status', { token: bearer })).status);
		expect(statuses).toEqual([200, 200, 200, 429, 429, 200, 200, 429]);
	});

	it('rate-limits each client id in a rolling window', async () => {
		halo.addApplication({ clientId: 'other-app', clientSecret: 'other-secret', agentId: 2 });
		const demo = await adminToken();
		const other = await token('all', 'other-app', 'other-secret');
		halo.configure({ rateLimit: { max: 3, windowMs: 60_000 } });
		const statuses = [];
		for (let n = 0; n < 4; n++) statuses.push((await send('GET', '/api/Status', { token: demo })).status);
		expect(statuses).toEqual([200, 200, 200, 429]);
		expect((await send('GET', '/api/Status', { token: other })).status).toBe(200);
		expect((await tokenRequest({ grant_type: 'client_credentials', client_id: DEMO_CLIENT_ID, client_secret: DEMO_CLIENT_SECRET })).status).toBe(200);
	});

	it('saves a write and then drops the connection when dropAfterWriteRate hits', async () => {
		const tokenForAll = await adminToken();
		halo.configure({ dropAfterWriteRate: 1 });
		await expect(send('POST', '/api/Tickets', { token: tokenForAll, body: [{ summary: 'Saved but unanswered' }] })).rejects.toThrow();
		expect(halo.db.tickets.filter((t) => t.summary === 'Saved but unanswered')).toHaveLength(1);
		expect(halo.apiRequests().map((r) => r.status)).toEqual(['dropped']);
		expect((await send('GET', '/api/Status', { token: tokenForAll })).status).toBe(200);
	});

	it('drops a request before processing when dropBeforeRate hits', async () => {
		const tokenForAll = await adminToken();
		halo.configure({ dropBeforeRate: 1 });
		await expect(send('POST', '/api/Tickets', { token: tokenForAll, body: [{ summary: 'Never saved' }] })).rejects.toThrow();
		expect(halo.db.tickets.some((t) => t.summary === 'Never saved')).toBe(false);
	});

	it('injects server errors reproducibly for a given seed', async () => {
		const tokenForAll = await adminToken();
		const run = async (): Promise<number[]> => {
			halo.resetFaults();
			halo.configure({ serverErrorRate: 0.5, randomSeed: 42 });
			const statuses: number[] = [];
			for (let n = 0; n < 16; n++) statuses.push((await send('GET', '/api/Status', { token: tokenForAll })).status);
			return statuses;
		};
		const first = await run();
		expect(await run()).toEqual(first);
		expect(first).toContain(200);
		expect(first.some((status) => [500, 502, 503, 504].includes(status))).toBe(true);
	});

	it('adds latency to API responses', async () => {
		const tokenForAll = await adminToken();
		halo.configure({ latencyMs: 60 });
		const started = Date.now();
		await send('GET', '/api/Status', { token: tokenForAll });
		expect(Date.now() - started).toBeGreaterThanOrEqual(50);
	});
});

describe('request log and control endpoints', () => {
	it('logs API requests with their query as received, parsed body and client id', async () => {
		await post('/api/Tickets?ReturnAll=true', [{ summary: 'Logged' }]);
		const [entry] = halo.apiRequests();
		expect(entry).toMatchObject({ method: 'POST', path: '/api/Tickets', query: { ReturnAll: 'true' }, body: [{ summary: 'Logged' }], status: 201, clientId: DEMO_CLIENT_ID, kind: 'api' });
		expect(halo.tokenRequests()).toHaveLength(1);
	});

	it('serves the log, configuration, reset, token expiry and collections over HTTP', async () => {
		const tokenForAll = await adminToken();
		await send('GET', '/api/Status', { token: tokenForAll });
		const log = await send('GET', '/__mock/log');
		expect(log.json.map((e: Json) => e.kind)).toEqual(['token', 'api', 'control']);
		expect(halo.apiRequests()).toHaveLength(1);

		expect((await send('DELETE', '/__mock/log')).status).toBe(200);
		expect(halo.log).toEqual([]);

		await send('POST', '/__mock/config', { body: { force429: 1 } });
		expect((await send('GET', '/api/Status', { token: tokenForAll })).status).toBe(429);

		await send('POST', '/__mock/expire-tokens');
		expect((await send('GET', '/api/Status', { token: tokenForAll })).status).toBe(401);

		halo.db.tickets.length = 0;
		await send('POST', '/__mock/reset');
		expect((await send('GET', '/__mock/db/tickets')).json.length).toBeGreaterThan(40);
		expect((await send('GET', '/__mock/db/nothing')).status).toBe(404);

		await send('POST', '/__mock/authinfo', { body: { authUrl: halo.sharedAuthUrl, tenant: DEMO_TENANT } });
		expect((await send('GET', '/api/authinfo')).json.tenant_id).toBe(DEMO_TENANT);
	});
});
