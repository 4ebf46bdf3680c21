/** The polling trigger's cursor: every change delivered exactly once (nodes/HaloPsaTrigger/cursor.ts). */
import { haloInstant } from '../../nodes/HaloPsa/shared/records';
import {
	advanceCursor,
	changeKey,
	idsOf,
	instantBefore,
	isNew,
	LATE_CHANGE_WINDOW_MS,
	readCursor,
	startCursor,
	type Change,
	type Cursor,
} from '../../nodes/HaloPsaTrigger/cursor';

const at = (text: string): string => {
	const instant = haloInstant(text);
	if (!instant) throw new Error(`not a date: ${text}`);
	return instant;
};
const ticketChange = (id: number, time: string): Change => {
	const instant = at(time);
	return { key: changeKey('t', id, instant), instant };
};
const fresh = (cursor: Cursor, changes: Change[]) => {
	const seen = new Set(cursor.seen);
	return changes.filter((change) => isNew(cursor, seen, change));
};

describe('HaloPSA instants', () => {
	it.each([
		['2026-11-27T10:00:00.1234567Z', '2026-11-27T10:00:00.1234567Z'],
		['2026-11-27T10:00:00.1234567', '2026-11-27T10:00:00.1234567Z'],
		['2026-11-27T10:00:00', '2026-11-27T10:00:00.0000000Z'],
		['2026-11-27T10:00:00.5Z', '2026-11-27T10:00:00.5000000Z'],
		['2026-11-27T12:00:00.123+02:00', '2026-11-27T10:00:00.1230000Z'],
		['2026-11-27T10:00:00.123456789Z', '2026-11-27T10:00:00.1234567Z'],
	])('%p → %p', (value, expected) => {
		expect(haloInstant(value)).toBe(expected);
	});

	it.each(['1900-01-01T00:00:00', '', 'soon', '2026-11-27', null, 12])('%p is no instant', (value) => {
		expect(haloInstant(value)).toBeUndefined();
	});

	it('orders as text the way it orders in time, whatever precision HaloPSA wrote', () => {
		const instants = ['2026-11-27T10:00:00.9', '2026-11-27T10:00:00.1234567Z', '2026-11-27T10:00:01', '2026-11-27T10:00:00.12345679'].map(at);
		expect([...instants].sort()).toEqual([instants[1], instants[3], instants[0], instants[2]]);
	});

	it('goes back by milliseconds and never lands later than exact', () => {
		expect(instantBefore(at('2026-11-27T10:02:00.0009999Z'), LATE_CHANGE_WINDOW_MS)).toBe('2026-11-27T10:00:00.0000000Z');
	});
});

describe('the cursor', () => {
	it('delivers changes at or after `since` that it has not seen', () => {
		const cursor = { since: at('2026-11-27T10:00:00Z'), seen: [ticketChange(1, '2026-11-27T10:00:00Z').key] };
		const changes = [
			ticketChange(1, '2026-11-27T10:00:00Z'),
			ticketChange(2, '2026-11-27T10:00:00Z'),
			ticketChange(3, '2026-11-27T09:59:59.9999999Z'),
			ticketChange(1, '2026-11-27T10:00:01Z'),
		];
		expect(fresh(cursor, changes).map((change) => change.key)).toEqual([changes[1].key, changes[3].key]);
	});

	it('moves `since` to the newest change minus the late-change window, never back, and forgets what is older', () => {
		const start = startCursor(at('2026-11-27T10:00:00Z'));
		const first = advanceCursor(start, [ticketChange(1, '2026-11-27T10:00:30Z'), ticketChange(2, '2026-11-27T10:05:00Z')]);
		expect(first.since).toBe(at('2026-11-27T10:03:00Z'));
		expect(first.seen).toEqual([ticketChange(2, '2026-11-27T10:05:00Z').key]);
		const quiet = advanceCursor(first, []);
		expect(quiet).toEqual(first);
		const late = advanceCursor(first, [ticketChange(3, '2026-11-27T10:04:00Z')]);
		expect(late.since).toBe(first.since);
		expect(late.seen).toHaveLength(2);
	});

	it('keeps at most maxSeen changes by dropping whole instants, and `since` follows', () => {
		const changes = [
			ticketChange(1, '2026-11-27T10:00:01Z'),
			ticketChange(2, '2026-11-27T10:00:02Z'),
			ticketChange(3, '2026-11-27T10:00:02Z'),
			ticketChange(4, '2026-11-27T10:00:03Z'),
		];
		const cursor = advanceCursor(startCursor(at('2026-11-27T10:00:00Z')), changes, { maxSeen: 2 });
		expect(cursor.since).toBe(at('2026-11-27T10:00:02Z'));
		expect(cursor.seen.sort()).toEqual([changes[1].key, changes[2].key, changes[3].key].sort());
		expect(fresh(cursor, changes)).toEqual([]);
	});

	it('reads only a cursor of its own from static data', () => {
		expect(readCursor({})).toBeUndefined();
		expect(readCursor({ cursor: { since: 'yesterday', seen: [] } })).toBeUndefined();
		const since = at('2026-11-27T10:00:00Z');
		const key = ticketChange(7, '2026-11-27T10:00:00Z').key;
		expect(readCursor({ cursor: { since, seen: [key, 'junk', 12] as unknown as string[] } })).toEqual({ since, seen: [key] });
		expect([...idsOf([key, changeKey('n', 99, since)], 't')]).toEqual(['7']);
	});

	it('delivers every change exactly once when saves become visible late and polls overlap them', () => {
		// A deterministic simulation: 2,000 changes over an hour, each visible up to 90 s after its stamp
		// (a save that commits late); polls every 20 s read what is visible at or after `since`.
		let seed = 42;
		const random = () => {
			seed = (seed * 1103515245 + 12345) % 2 ** 31;
			return seed / 2 ** 31;
		};
		const start = Date.parse('2026-11-27T10:00:00Z');
		const changes = Array.from({ length: 2000 }, (_, n) => {
			const stamp = start + Math.floor(random() * 3_600_000);
			return { ...ticketChange(n, new Date(stamp).toISOString()), visibleAt: stamp + Math.floor(random() * 90_000) };
		});
		let cursor = startCursor(at('2026-11-27T10:00:00Z'));
		const delivered: string[] = [];
		for (let now = start; now <= start + 3_700_000; now += 20_000) {
			const visible = changes.filter((change) => change.visibleAt <= now && change.instant >= cursor.since);
			const newOnes = fresh(cursor, visible);
			delivered.push(...newOnes.map((change) => change.key));
			cursor = advanceCursor(cursor, visible);
		}
		expect(delivered).toHaveLength(changes.length);
		expect(new Set(delivered).size).toBe(changes.length);
	});
});
