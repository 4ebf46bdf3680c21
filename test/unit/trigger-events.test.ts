/** What a changed ticket means (nodes/HaloPsaTrigger/events.ts) and which tickets the filters let through. */
import { haloInstant } from '../../nodes/HaloPsa/shared/records';
import {
	detectTicketChange,
	isWantedNote,
	reportedEvent,
	StatusMemory,
	ticketState,
	type TriggerEvent,
} from '../../nodes/HaloPsaTrigger/events';
import { isNewestFirst } from '../../nodes/HaloPsaTrigger/changes';
import { matchesTicketFilters, NO_FILTERS, ticketFilterQuery } from '../../nodes/HaloPsaTrigger/filters';

const since = haloInstant('2026-11-27T10:00:00Z') as string;
const ticket = (fields: Record<string, unknown>) =>
	ticketState({ id: 7, status_id: 2, hasbeenclosed: false, datecreated: '2026-11-20T08:00:00Z', dateclosed: null, ...fields });

describe('detecting what changed', () => {
	it('a ticket created since the cursor and not seen before is created, and nothing else', () => {
		expect(detectTicketChange(ticket({ datecreated: '2026-11-27T10:00:05Z' }), { since, observedBefore: false })).toEqual({
			events: ['ticket_created'],
		});
		// Already delivered once in this window: now it is an update.
		expect(detectTicketChange(ticket({ datecreated: '2026-11-27T10:00:05Z' }), { since, observedBefore: true }).events).toEqual([
			'ticket_updated',
		]);
	});

	it('falls back to dateoccurred when the list has no datecreated', () => {
		expect(ticketState({ id: 1, dateoccurred: '2026-11-27T10:00:05', status_id: 1 }).createdAt).toBe(haloInstant('2026-11-27T10:00:05Z'));
	});

	it('reports the previous status when it was remembered and differs', () => {
		expect(detectTicketChange(ticket({ status_id: 3 }), { since, observedBefore: true, previousStatusId: 2 })).toEqual({
			events: ['status_changed', 'ticket_updated'],
			previousStatusId: 2,
		});
		expect(detectTicketChange(ticket({ status_id: 2 }), { since, observedBefore: true, previousStatusId: 2 }).events).toEqual([
			'ticket_updated',
		]);
		// Unknown before: no status change can be claimed.
		expect(detectTicketChange(ticket({ status_id: 3 }), { since, observedBefore: false }).events).toEqual(['ticket_updated']);
	});

	it('a close is reported once: from the remembered open status, or from dateclosed for a ticket not seen since', () => {
		const closed = ticket({ status_id: 9, hasbeenclosed: true, dateclosed: '2026-11-27T10:00:03Z' });
		expect(detectTicketChange(closed, { since, observedBefore: true, previousStatusId: 2 }).events).toEqual([
			'ticket_closed',
			'status_changed',
			'ticket_updated',
		]);
		expect(detectTicketChange(closed, { since, observedBefore: false }).events).toEqual(['ticket_closed', 'ticket_updated']);
		// Seen since the cursor and not remembered open: it was already closed then.
		expect(detectTicketChange(closed, { since, observedBefore: true }).events).toEqual(['ticket_updated']);
		// Closed long ago, a note added now.
		const old = ticket({ status_id: 9, hasbeenclosed: true, dateclosed: '2026-11-01T10:00:00Z' });
		expect(detectTicketChange(old, { since, observedBefore: false }).events).toEqual(['ticket_updated']);
	});

	it('reports the most specific chosen event; a status change only to the chosen statuses', () => {
		const change = { events: ['ticket_closed', 'status_changed', 'ticket_updated'] as const, previousStatusId: 2 };
		const pick = (chosen: TriggerEvent[], to: number[] = []) =>
			reportedEvent({ events: [...change.events] }, new Set(chosen), new Set(to), 9);
		expect(pick(['ticket_updated', 'ticket_closed'])).toBe('ticket_closed');
		expect(pick(['ticket_updated', 'status_changed'])).toBe('status_changed');
		expect(pick(['status_changed'], [3])).toBeUndefined();
		expect(pick(['status_changed', 'ticket_updated'], [3])).toBe('ticket_updated');
		expect(pick(['status_changed'], [9])).toBe('status_changed');
		expect(pick(['ticket_created', 'note_added'])).toBeUndefined();
	});
});

describe('remembered statuses', () => {
	it('keeps open tickets, forgets closed ones and the least recently changed past the limit', () => {
		const memory = new StatusMemory([], 2);
		memory.record(ticket({ id: 1, status_id: 1 }));
		memory.record(ticket({ id: 2, status_id: 1 }));
		memory.record(ticket({ id: 1, status_id: 3 }));
		memory.record(ticket({ id: 3, status_id: 2 }));
		expect(memory.toStaticData()).toEqual([
			[1, 3],
			[3, 2],
		]);
		memory.record(ticket({ id: 3, status_id: 9, hasbeenclosed: true }));
		expect(memory.previousStatus(3)).toBeUndefined();
		expect(memory.size).toBe(1);
	});

	it('reads back what it stored and ignores anything else', () => {
		expect(StatusMemory.fromStaticData([[1, 2], ['x', 1], [3], null, [4, 5]]).toStaticData()).toEqual([
			[1, 2],
			[4, 5],
		]);
		expect(StatusMemory.fromStaticData('nonsense').size).toBe(0);
	});
});

describe('notes', () => {
	it.each([
		[{ note: 'Call back', hiddenfromuser: false }, 'all', true],
		[{ note: 'Call back', hiddenfromuser: false }, 'private', false],
		[{ note_html: '<p>Internal</p>', hiddenfromuser: true }, 'private', true],
		[{ note: 'Internal', hiddenfromuser: true }, 'public', false],
		[{ note: '  ', note_html: '', hiddenfromuser: false }, 'all', false],
	] as const)('%p with %p → %p', (action, visibility, expected) => {
		expect(isWantedNote({ ...action }, visibility)).toBe(expected);
	});
});

describe('ticket filters', () => {
	const filters = { ...NO_FILTERS, clientId: 2, teamIds: [1, 2], statusIds: [1] };

	it('become HaloPSA query parameters', () => {
		expect(ticketFilterQuery(filters)).toEqual({ client_id: 2, team: '1,2', status: '1' });
		expect(ticketFilterQuery(NO_FILTERS)).toEqual({});
	});

	it('are checked on each listed ticket, a field the list leaves out excluding nothing', () => {
		expect(matchesTicketFilters({ client_id: 2, team_id: 2, status_id: 1 }, filters)).toBe(true);
		expect(matchesTicketFilters({ client_id: 3, team_id: 2, status_id: 1 }, filters)).toBe(false);
		expect(matchesTicketFilters({ client_id: 2, team_id: 5, status_id: 1 }, filters)).toBe(false);
		expect(matchesTicketFilters({ client_id: 2, status_id: 1 }, filters)).toBe(true);
	});
});

describe('reading down to the cursor', () => {
	it('relies on the order only when the page really is newest first', () => {
		const instants = ['2026-11-27T10:00:03Z', '2026-11-27T10:00:02Z', '2026-11-27T10:00:02Z', '2026-11-27T09:00:00Z'].map(
			(text) => haloInstant(text) as string,
		);
		expect(isNewestFirst(instants)).toBe(true);
		expect(isNewestFirst([])).toBe(true);
		expect(isNewestFirst([instants[3], instants[0]])).toBe(false);
	});
});
