/** HaloPSA webhook deliveries and their Basic authentication (nodes/HaloPsaWebhookTrigger). */
import { basicCredentialsProblem, isAuthorized, parseBasicAuthorization } from '../../nodes/HaloPsaWebhookTrigger/basicAuth';
import { eventsOfDelivery, isChosenEvent, parseEventNames, simplifyWebhookEvent } from '../../nodes/HaloPsaWebhookTrigger/payload';

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('Basic authentication', () => {
	const expected = { user: 'halo', password: 's3cret:with:colons' };

	it('accepts exactly the user name and password', () => {
		expect(isAuthorized(basic('halo', 's3cret:with:colons'), expected)).toBe(true);
		expect(isAuthorized(`  basic ${Buffer.from('halo:s3cret:with:colons').toString('base64')} `, expected)).toBe(true);
	});

	it.each([
		['a wrong password', basic('halo', 'guess')],
		['a wrong user', basic('admin', 's3cret:with:colons')],
		['no header', undefined],
		['a bearer token', 'Bearer abc'],
		['garbage', 'Basic !!!'],
		['no colon', `Basic ${Buffer.from('halo').toString('base64')}`],
	])('refuses %s', (_, header) => {
		expect(isAuthorized(header, expected)).toBe(false);
	});

	it('never accepts anything when no password is set', () => {
		expect(isAuthorized(basic('', ''), { user: '', password: '' })).toBe(false);
	});

	it('splits at the first colon only', () => {
		expect(parseBasicAuthorization(basic('u', 'p:q'))).toEqual({ user: 'u', password: 'p:q' });
	});

	it('the credential test says what cannot work', () => {
		expect(basicCredentialsProblem({ user: 'halo', password: 'x' })).toBeUndefined();
		expect(basicCredentialsProblem({ user: 'ha:lo', password: 'x' })).toMatch(/colon/);
		expect(basicCredentialsProblem({ user: 'halo', password: '' })).toMatch(/Password is empty/);
		expect(basicCredentialsProblem({})).toMatch(/User is empty/);
	});
});

// API-NOTES §6: a live "ticket status changed" delivery (trimmed) and the event-only variant.
const keyFields = {
	id: '8e25bc7b-0000-4000-8000-000000000001',
	webhook_id: '53232637-0000-4000-8000-000000000002',
	notification_id: 41,
	escmsg_id: 'a726ee11-0000-4000-8000-000000000003',
	event: 'ticket status changed',
	message: 'The status has been changed for Ticket ID: 0004242.',
	object_id: 4242,
	agent_id: 3,
	timestamp: '2026-09-25T06:41:08.7895915Z',
	ticket: { id: 4242, summary: 'Printer offline', status_id: 9, tickettype_id: 25, client_id: 1, team_id: 5, agent_id: 3, customfields: [], hasbeenclosed: true },
};
const eventOnly = { id: '8e25bc7b-0000-4000-8000-000000000004', event: 'Ticket Status Changed', object_id: 4242, webhook_id: keyFields.webhook_id };

describe('deliveries', () => {
	it('takes an object as one event and an array as several; anything else is not a delivery', () => {
		expect(eventsOfDelivery(keyFields)).toEqual([keyFields]);
		expect(eventsOfDelivery([keyFields, eventOnly])).toHaveLength(2);
		for (const body of [undefined, null, '', 'text', 12, [], {}, [keyFields, 'x']]) expect(eventsOfDelivery(body)).toBeUndefined();
	});

	it('gives every payload type the same fields', () => {
		expect(simplifyWebhookEvent(keyFields)).toEqual({
			event: 'ticket status changed',
			ticket_id: 4242,
			object_id: 4242,
			message: keyFields.message,
			timestamp: '2026-09-25T06:41:08.789Z',
			agent_id: 3,
			event_id: keyFields.id,
			webhook_id: keyFields.webhook_id,
			notification_id: 41,
			ticket: keyFields.ticket,
			action: null,
		});
		expect(simplifyWebhookEvent(eventOnly)).toMatchObject({ event: 'Ticket Status Changed', ticket_id: 4242, ticket: null, timestamp: null });
		expect(simplifyWebhookEvent({ event: 'Client Updated', object_id: 12 }).ticket_id).toBeNull();
		expect(simplifyWebhookEvent({ event: 'Action Added', action: { id: 5, ticket_id: 77 } }).ticket_id).toBe(77);
	});

	it('matches event names in any case and spacing; none chosen: all', () => {
		const chosen = parseEventNames(' New Ticket Logged,ticket  STATUS changed ,, ');
		expect([...chosen]).toEqual(['new ticket logged', 'ticket status changed']);
		expect(isChosenEvent(keyFields, chosen)).toBe(true);
		expect(isChosenEvent({ event: 'Ticket Reassigned' }, chosen)).toBe(false);
		expect(isChosenEvent({}, chosen)).toBe(false);
		expect(isChosenEvent({ event: 'Anything' }, parseEventNames(''))).toBe(true);
	});
});
