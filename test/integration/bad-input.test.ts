/**
 * A corpus of bad input. Each case either gets a clear error that names the field (and nothing is
 * written — for parameter errors nothing is sent at all), or is handled correctly. Nothing crashes,
 * and no request goes anywhere but the configured instance.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { type MockHalo } from '../mock-halo';
import { useFakeHalo } from './fakeHalo';

const fake = useFakeHalo({ retries: {} });
let halo: MockHalo;
beforeAll(() => {
	halo = fake.halo;
});

const getTicket = { resource: 'ticket', operation: 'get', ticketId: { __rl: true, mode: 'id', value: '={{ $json.v }}' } };
const createTicket = (extra: IDataObject = {}) => ({
	resource: 'ticket',
	operation: 'create',
	summary: 'Bad input',
	ticketTypeId: 1,
	clientId: { __rl: true, mode: 'id', value: '2' },
	...extra,
});
const raiseAlert = (extra: IDataObject = {}) => ({ resource: 'alert', operation: 'raiseTicket', ticketTypeId: 21, ...extra });

interface Case {
	name: string;
	parameters: IDataObject;
	/** The item the expressions read (`$json.v` is the bad value). */
	item?: IDataObject;
	credential?: IDataObject;
	/** An error message pattern, or 'ok' when the input must simply work. */
	expect: RegExp | 'ok';
	/** For errors: 'none' = no request at all; 'no-write' = reads allowed, nothing written. */
	sent?: 'none' | 'no-write';
}

const badIds: Array<[string, unknown]> = [
	['a decimal id', '12.0'],
	['a negative id', '-1'],
	['zero', '0'],
	['an exponent', '1e3'],
	['hex', '0x10'],
	['spaces', '   '],
	['null', null],
	['undefined', undefined],
	['an object', { id: 5 }],
	['an array', [5]],
	['a boolean', true],
	['a huge number', '99999999999'],
	['a path', '1/../2'],
	['a query', '1?x=1'],
	['full-width digits', '１２'],
	['a number with a plus', '+5'],
];

const cases: Case[] = [
	...badIds.map(([label, value]): Case => ({
		name: `ticket id: ${label}`,
		parameters: getTicket,
		item: { v: value as IDataObject[string] },
		expect: /^Ticket .*(is empty|is not a HaloPSA ID)/,
		sent: 'none',
	})),
	// Credential values: refused before anything is sent, naming the field.
	...[
		['namespace with a slash', { hosting: 'cloud', namespace: 'acme/x' }, /Namespace/],
		['namespace that is a full address', { hosting: 'cloud', namespace: 'https://acme.halopsa.com' }, /type 'acme'/],
		['namespace with user info', { hosting: 'cloud', namespace: 'me@acme' }, /Namespace/],
		['namespace with a fragment', { hosting: 'cloud', namespace: 'acme#x' }, /Namespace/],
		['namespace with dots', { hosting: 'cloud', namespace: '..' }, /Namespace/],
		['namespace with a port', { hosting: 'cloud', namespace: 'acme:443' }, /Namespace/],
		['empty namespace', { hosting: 'cloud', namespace: ' ' }, /Namespace is empty/],
		['instance URL with user info', { instanceUrl: 'https://u:p@evil.example' }, /Instance URL must not contain a user name/],
		['instance URL with a query', { instanceUrl: 'https://halo.example?next=evil' }, /Instance URL must not contain a query/],
		['instance URL with a fragment', { instanceUrl: 'https://halo.example#evil' }, /fragment/],
		['instance URL with another scheme', { instanceUrl: 'ftp://halo.example' }, /must start with https:\/\//],
		['instance URL with ..', { instanceUrl: 'https://halo.example/a/../b' }, /'\.\.' path segments/],
		['instance URL with a backslash', { instanceUrl: 'https://evil.example\\@halo.example' }, /backslashes/],
		['instance URL without scheme', { instanceUrl: 'halo.example' }, /not an absolute URL/],
		['instance URL ending in /api', { instanceUrl: 'https://halo.example/api' }, /without \/api/],
		['tenant with query characters', { tenant: 'a&scope=all' }, /Tenant/],
		['scopes with a comma', { scopes: 'read:tickets,edit:tickets' }, /Scope/],
		['empty client id', { clientId: '' }, /Client ID is empty/],
		['empty client secret', { clientSecret: '' }, /Client Secret is empty/],
		['custom auth server with user info', { authServer: 'custom', authServerUrl: 'https://u@auth.example' }, /Authorisation Server URL/],
	].map(([label, credential, message]): Case => ({
		name: `credential: ${label as string}`,
		parameters: { ...getTicket, ticketId: { __rl: true, mode: 'id', value: '1003' } },
		credential: credential as IDataObject,
		expect: message as RegExp,
		sent: 'none',
	})),
	// Ticket fields.
	{ name: 'empty summary', parameters: createTicket({ summary: '={{ $json.v }}' }), item: { v: '   ' }, expect: /Summary is empty/, sent: 'none' },
	{ name: 'summary from an undefined expression', parameters: createTicket({ summary: '={{ $json.missing }}' }), expect: /Summary is empty/, sent: 'none' },
	{ name: 'ticket type not a number', parameters: createTicket({ ticketTypeId: '={{ $json.v }}' }), item: { v: 'Incident' }, expect: /Ticket Type 'Incident' is not a HaloPSA ID/, sent: 'none' },
	{ name: 'date in a day/month format', parameters: createTicket({ additionalFields: { startDate: '={{ $json.v }}' } }), item: { v: '31/12/2026' }, expect: /Start Date '31\/12\/2026' is not a date/, sent: 'none' },
	{ name: 'date that does not exist', parameters: createTicket({ additionalFields: { deadlineDate: '={{ $json.v }}' } }), item: { v: '2026-02-30' }, expect: /Deadline '2026-02-30' is not a date/, sent: 'none' },
	{ name: 'date as words', parameters: createTicket({ additionalFields: { targetDate: '={{ $json.v }}' } }), item: { v: 'next week' }, expect: /Target Date/, sent: 'none' },
	{ name: 'impact out of range', parameters: createTicket({ additionalFields: { impact: '={{ $json.v }}' } }), item: { v: 7 }, expect: /Impact '7' is not valid/, sent: 'none' },
	{ name: 'urgency as text', parameters: createTicket({ additionalFields: { urgency: '={{ $json.v }}' } }), item: { v: 'high' }, expect: /Urgency 'high' is not valid/, sent: 'none' },
	{ name: 'agent id with decimals', parameters: createTicket({ additionalFields: { agentId: '={{ $json.v }}' } }), item: { v: 2.5 }, expect: /Agent '2.5' is not a HaloPSA ID/, sent: 'none' },
	{ name: 'priority outside the SLA', parameters: createTicket({ additionalFields: { priorityId: 5 } }), expect: /Priority 5 is not a priority of ticket type 'Incident'/, sent: 'no-write' },
	{ name: 'user of another client', parameters: createTicket({ additionalFields: { userId: { __rl: true, mode: 'id', value: '8' } } }), expect: /belongs to client 3, not to client 2/, sent: 'no-write' },
	{ name: 'unknown team name', parameters: createTicket({ additionalFields: { team: '={{ $json.v }}' } }), item: { v: 99 }, expect: /Team '99' was not found/, sent: 'no-write' },
	{ name: 'empty custom field', parameters: createTicket({ additionalFields: { customFields: { field: [{ fieldId: '', value: 'x' }] } } }), expect: /Custom field 1 has no field/, sent: 'none' },
	{ name: 'idempotency key with spaces', parameters: createTicket({ options: { idempotencyKey: 'a b' } }), expect: /Idempotency Key 'a b' cannot be used/, sent: 'none' },
	{ name: 'update with nothing to change', parameters: { resource: 'ticket', operation: 'update', ticketId: { __rl: true, mode: 'id', value: '1003' }, updateFields: {} }, expect: /Update Fields is empty/, sent: 'none' },
	{ name: 'limit of zero', parameters: { resource: 'ticket', operation: 'getAll', returnAll: false, limit: '={{ $json.v }}' }, item: { v: 0 }, expect: /Limit '0' must be a whole number of at least 1/, sent: 'none' },
	{ name: 'limit with decimals', parameters: { resource: 'ticket', operation: 'getAll', returnAll: false, limit: '={{ $json.v }}' }, item: { v: 1.5 }, expect: /Limit '1.5'/, sent: 'none' },
	{ name: 'opened and closed dates together', parameters: { resource: 'ticket', operation: 'getAll', filters: { openedAfter: '2026-01-01', closedBefore: '2026-02-01' } }, expect: /not both/, sent: 'none' },
	{ name: 'empty note', parameters: { resource: 'ticket', operation: 'addNote', ticketId: { __rl: true, mode: 'id', value: '1003' }, note: '={{ $json.v }}' }, item: { v: ' ' }, expect: /Note is empty/, sent: 'none' },
	{ name: 'negative time taken', parameters: { resource: 'ticket', operation: 'addNote', ticketId: { __rl: true, mode: 'id', value: '1003' }, note: 'x', options: { timeTaken: -1 } }, expect: /Time Taken '-1'/, sent: 'none' },
	{ name: 'private note by e-mail', parameters: { resource: 'ticket', operation: 'addNote', ticketId: { __rl: true, mode: 'id', value: '1003' }, note: 'x', options: { sendEmail: true } }, expect: /cannot be e-mailed/, sent: 'none' },
	// Alerts.
	{ name: 'alert ID with a bracket', parameters: raiseAlert(), item: { id: 'a]b', customer: 'Contoso Ltd' }, expect: /Alert ID 'a\]b' cannot be used/, sent: 'none' },
	{ name: 'alert ID with HTML', parameters: raiseAlert(), item: { id: '<b>1</b>', customer: 'Contoso Ltd' }, expect: /cannot be used/, sent: 'none' },
	{ name: 'alert ID with right-to-left override', parameters: raiseAlert(), item: { id: 'abc\u202Etxt', customer: 'Contoso Ltd' }, expect: /cannot be used/, sent: 'none' },
	{ name: 'alert ID missing', parameters: raiseAlert(), item: { customer: 'Contoso Ltd' }, expect: /Alert ID is empty/, sent: 'none' },
	{ name: 'customer ID that is not a number', parameters: raiseAlert({ customerMatchBy: 'id' }), item: { id: 'A1', customer: '2 OR 1=1' }, expect: /is not a HaloPSA client ID/, sent: 'none' },
	{ name: 'customer domain that is not a domain', parameters: raiseAlert({ customerMatchBy: 'domain' }), item: { id: 'A1', customer: 'not a domain' }, expect: /is not a domain or e-mail address/, sent: 'none' },
	{ name: 'customer nobody knows', parameters: raiseAlert(), item: { id: 'A1', customer: 'Nobody Inc' }, expect: /No HaloPSA client is called 'Nobody Inc'/, sent: 'no-write' },
	{ name: 'customer as an object', parameters: raiseAlert(), item: { id: 'A1', customer: { name: 'Contoso Ltd' } }, expect: 'ok' },
	{ name: 'severity nobody maps, no default', parameters: raiseAlert(), item: { id: 'A1', customer: 'Contoso Ltd', severity: 'purple' }, expect: 'ok' },
	{ name: 'asset identifiers as objects', parameters: raiseAlert({ assetIdentifiers: '={{ $json.v }}' }), item: { id: 'A1', customer: 'Contoso Ltd', v: [{ host: 'x' }, 42, null] }, expect: 'ok' },
	// Content that must simply work.
	{ name: '1 MB of details', parameters: createTicket({ details: '={{ $json.v }}' }), item: { v: 'x'.repeat(1024 * 1024) }, expect: 'ok' },
	{ name: 'unicode and right-to-left text', parameters: createTicket({ summary: '={{ $json.v }}' }), item: { v: 'שלום — 你好 — Grüße 🙂' }, expect: 'ok' },
	{ name: 'script in plain-text details', parameters: createTicket({ details: '={{ $json.v }}' }), item: { v: '<script>alert(1)</script>' }, expect: 'ok' },
	{ name: '1 MB alert', parameters: raiseAlert(), item: { id: 'BIG-1', customer: 'Contoso Ltd', blob: 'y'.repeat(1024 * 1024) }, expect: 'ok' },
	{ name: 'deeply nested alert', parameters: raiseAlert(), item: { id: 'DEEP-1', customer: 'Contoso Ltd', a: { b: { c: { d: { e: { f: { g: { h: { i: { j: 'deep' } } } } } } } } } }, expect: 'ok' },
];

describe('bad input corpus', () => {
	it('has at least 60 cases', () => {
		expect(cases.length).toBeGreaterThanOrEqual(60);
	});

	it.each(cases.map((testCase) => [testCase.name, testCase] as const))('%s', async (_, testCase) => {
		const n8n = fake.n8n(testCase.credential);
		const parameters = JSON.parse(JSON.stringify(testCase.parameters)) as INodeParameters;
		const result = await n8n.run({ parameters, items: [testCase.item ?? {}] });
		if (testCase.expect === 'ok') {
			expect(result.error).toBeUndefined();
			expect(result.json).toHaveLength(1);
			return;
		}
		expect(result.error?.name).toMatch(/^Node(Operation|Api)Error$/);
		expect(result.error?.message).toMatch(testCase.expect);
		if (testCase.sent === 'none') expect(halo.log.filter((entry) => entry.kind !== 'control')).toEqual([]);
		expect(halo.apiRequests().filter((r) => r.method !== 'GET')).toEqual([]);
	});
});
