import { haloDate, toHaloUtc } from '../../nodes/HaloPsa/shared/records';

describe('dates from HaloPSA', () => {
	it.each([
		['2023-06-29T10:16:08.8378294Z', '2023-06-29T10:16:08.837Z'],
		['2023-06-29T10:16:08', '2023-06-29T10:16:08.000Z'],
		['2023-06-29T10:16:08.5', '2023-06-29T10:16:08.500Z'],
		['2023-06-29T10:16:08+02:00', '2023-06-29T08:16:08.000Z'],
		['1900-01-01T00:00:00', null],
		['', null],
		[null, null],
	])('%p → %p', (value, expected) => {
		expect(haloDate(value)).toBe(expected);
	});
});

describe('dates for HaloPSA', () => {
	it('keeps exact instants and writes UTC with Z', () => {
		expect(toHaloUtc('2026-11-27T10:00:00Z', 'Europe/Berlin')).toBe('2026-11-27T10:00:00Z');
		expect(toHaloUtc('2026-11-27T10:00:00+01:00', 'UTC')).toBe('2026-11-27T09:00:00Z');
		expect(toHaloUtc(new Date(Date.UTC(2026, 0, 2, 3, 4, 5)), 'UTC')).toBe('2026-01-02T03:04:05Z');
	});

	it("reads a date-time without offset in the workflow's time zone, daylight saving included", () => {
		expect(toHaloUtc('2026-11-27T10:00:00', 'Europe/Berlin')).toBe('2026-11-27T09:00:00Z');
		expect(toHaloUtc('2026-07-01T10:00:00', 'Europe/Berlin')).toBe('2026-07-01T08:00:00Z');
		expect(toHaloUtc('2026-07-01T10:00:00', 'America/New_York')).toBe('2026-07-01T14:00:00Z');
		expect(toHaloUtc('2026-07-01', 'UTC')).toBe('2026-07-01T00:00:00Z');
	});

	it('accepts a Luxon-like DateTime from an expression', () => {
		expect(toHaloUtc({ toISO: () => '2026-03-01T12:00:00.000+00:00' }, 'UTC')).toBe('2026-03-01T12:00:00Z');
	});

	it.each(['tomorrow', '27/11/2026', '2026-02-30', '2026-13-01T00:00:00', 12345, '', {}])('refuses %p', (value) => {
		expect(toHaloUtc(value, 'UTC')).toBeUndefined();
	});
});
