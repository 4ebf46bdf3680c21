/** Halo's date format: UTC ISO-8601 with 7 fractional digits and `Z` (API-NOTES §7.2). */
export function haloDate(date: Date = new Date()): string {
	// Halo stores 100 ns ticks; fill the digits below the millisecond from the high-resolution clock.
	const subMillisecond = String(process.hrtime.bigint() % 10000n).padStart(4, '0');
	return date.toISOString().replace(/Z$/, `${subMillisecond}Z`);
}

/** "Empty" date sentinel Halo uses, e.g. for a ticket without deadline (API-NOTES §7.2). */
export const EMPTY_DATE = '1900-01-01T00:00:00';

/** Parse a Halo or client date; values without a zone are UTC. Returns NaN when unparseable. */
export function parseHaloDate(value: unknown): number {
	if (typeof value !== 'string' || value.trim() === '') return NaN;
	const text = value.trim();
	const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(text);
	const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text);
	return Date.parse(hasZone || dateOnly ? text : `${text}Z`);
}

export function daysBefore(now: Date, days: number, hour = 9, minute = 0): Date {
	const date = new Date(now.getTime() - days * 86_400_000);
	date.setUTCHours(hour, minute, 0, 0);
	return date;
}
