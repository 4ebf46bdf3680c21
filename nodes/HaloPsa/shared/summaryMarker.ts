/**
 * Keys kept in a ticket's summary with zero HaloPSA configuration: a short marker at the end,
 * `[ALERT:abc-123]` for an alert or `[REF:order-77]` for an idempotency key, which HaloPSA's summary
 * search finds again.
 */

/** HaloPSA's summary field holds 255 characters; the title is shortened to keep the marker. */
const SUMMARY_LENGTH = 255;

/**
 * Characters a key may use: letters, digits and a few separators. Nothing that HTML escapes or that
 * could end the marker, so the key reads the same in a summary, a note and a search.
 */
const KEY_CHARS = '[\\p{L}\\p{N}._:@#/+=~|-]{1,100}';
const KEY = new RegExp(`^${KEY_CHARS}$`, 'u');

export const KEY_RULE = 'at most 100 letters, digits and . _ : @ # / + = ~ | - (no spaces, brackets, quotes or < >)';

export function isValidKey(key: string): boolean {
	return KEY.test(key);
}

/** A title on one line, shortened to `room` characters. */
export function fitSummary(title: string, room = SUMMARY_LENGTH): string {
	const text = title.replace(/\s+/g, ' ').trim();
	return text.length > room ? `${text.slice(0, room - 1)}…` : text;
}

export class SummaryMarker {
	/** What HaloPSA's summary search is given to find every ticket with such a marker. */
	readonly prefix: string;
	private readonly pattern: RegExp;

	constructor(label: string) {
		this.prefix = `[${label}:`;
		this.pattern = new RegExp(`\\[${label}:(${KEY_CHARS})\\]`, 'gu');
	}

	of(key: string): string {
		return `${this.prefix}${key}]`;
	}

	/** "Title [LABEL:key]", the title shortened if needed so the marker always fits. */
	summaryWith(title: string, key: string): string {
		const marker = this.of(key);
		const shortened = fitSummary(title, SUMMARY_LENGTH - marker.length - 1);
		return shortened === '' ? marker : `${shortened} ${marker}`;
	}

	/** The key a summary carries, if any (the last marker wins). */
	keyIn(summary: unknown): string | undefined {
		if (typeof summary !== 'string') return undefined;
		const matches = [...summary.matchAll(this.pattern)];
		return matches.length > 0 ? matches[matches.length - 1][1] : undefined;
	}
}

export const ALERT_MARKER = new SummaryMarker('ALERT');
export const REFERENCE_MARKER = new SummaryMarker('REF');
