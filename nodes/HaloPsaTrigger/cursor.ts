/**
 * Where the polling trigger has got to, kept in the workflow's static data so every change is
 * delivered exactly once, across polls and restarts.
 *
 * A change is a ticket at one `last_update` (`t<ticket id>@<instant>`) or a note (`n<action id>@<instant>`).
 * The cursor holds `since`, the instant before which nothing is delivered any more, and `seen`, every
 * change observed at or after `since`. A change is new when it is at or after `since` and not in
 * `seen`. After each poll `since` moves up to the newest change minus a short window: HaloPSA stamps
 * a save when it starts and another save can commit a moment later with an older stamp, so the last
 * minutes are read again and `seen` keeps their repeats out. `since` never moves back.
 *
 * Instants are HaloPSA's own (shared/records `haloInstant`: UTC, 100 ns, comparable as strings),
 * never n8n's clock, so a clock difference between n8n and HaloPSA cannot skip or repeat anything.
 */
import type { IDataObject } from 'n8n-workflow';

/** Changes stamped this much before the newest one seen are read again (see above). */
export const LATE_CHANGE_WINDOW_MS = 2 * 60_000;

/** At most this many changes are remembered; past it `since` moves up to the oldest one kept. */
export const MAX_SEEN_CHANGES = 5_000;

export interface Cursor {
	/** Nothing before this instant is delivered again. */
	since: string;
	/** Every change observed at or after `since`, as `<kind><id>@<instant>`. */
	seen: string[];
}

export type ChangeKind = 't' | 'n';

export interface Change {
	key: string;
	instant: string;
}

export function changeKey(kind: ChangeKind, id: unknown, instant: string): string {
	return `${kind}${String(id)}@${instant}`;
}

export function instantOfKey(key: string): string {
	return key.slice(key.indexOf('@') + 1);
}

/** The ids of the tickets (`t`) or notes (`n`) among the changes. */
export function idsOf(keys: Iterable<string>, kind: ChangeKind): Set<string> {
	const ids = new Set<string>();
	for (const key of keys) if (key.startsWith(kind)) ids.add(key.slice(1, key.indexOf('@')));
	return ids;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$/;

export function isInstant(value: unknown): value is string {
	return typeof value === 'string' && INSTANT.test(value);
}

/** An instant `ms` milliseconds earlier (sub-millisecond digits dropped, so never later than exact). */
export function instantBefore(instant: string, ms: number): string {
	const time = Date.parse(`${instant.slice(0, 23)}Z`) - ms;
	return instantFromDate(new Date(time));
}

export function instantFromDate(date: Date): string {
	return `${date.toISOString().slice(0, 23)}0000Z`;
}

/** A fresh cursor: everything from `since` on is new. */
export function startCursor(since: string): Cursor {
	return { since, seen: [] };
}

/** The cursor kept in static data, or undefined when there is none (or it is not one of ours). */
export function readCursor(staticData: IDataObject): Cursor | undefined {
	const stored = staticData.cursor as IDataObject | undefined;
	if (!stored || typeof stored !== 'object' || !isInstant(stored.since) || !Array.isArray(stored.seen)) return undefined;
	const seen = stored.seen.filter((key): key is string => typeof key === 'string' && isInstant(instantOfKey(key)));
	return { since: stored.since, seen };
}

export function isNew(cursor: Cursor, seen: ReadonlySet<string>, change: Change): boolean {
	return change.instant >= cursor.since && !seen.has(change.key);
}

/**
 * The cursor after a poll that observed `observed` (every change read, delivered or filtered out):
 * `since` moves to the newest instant minus the late-change window (never back), and `seen` keeps
 * only what is at or after it, at most `maxSeen` entries (older instants are dropped whole and
 * `since` follows them, so nothing at or after `since` is ever forgotten).
 */
export function advanceCursor(
	cursor: Cursor,
	observed: readonly Change[],
	options: { windowMs?: number; maxSeen?: number } = {},
): Cursor {
	const windowMs = options.windowMs ?? LATE_CHANGE_WINDOW_MS;
	const maxSeen = options.maxSeen ?? MAX_SEEN_CHANGES;
	const all = new Map<string, string>();
	for (const key of cursor.seen) all.set(key, instantOfKey(key));
	for (const change of observed) all.set(change.key, change.instant);

	let newest = cursor.since;
	for (const instant of all.values()) if (instant > newest) newest = instant;
	let since = maxInstant(cursor.since, instantBefore(newest, windowMs));

	let kept = [...all].filter(([, instant]) => instant >= since).sort((a, b) => (a[1] < b[1] ? 1 : a[1] > b[1] ? -1 : 0));
	if (kept.length > maxSeen) {
		// Keep whole instants: every change at the new `since` must stay remembered.
		since = maxInstant(since, kept[maxSeen - 1][1]);
		kept = kept.filter(([, instant]) => instant >= since);
	}
	return { since, seen: kept.map(([key]) => key) };
}

function maxInstant(a: string, b: string): string {
	return a >= b ? a : b;
}
