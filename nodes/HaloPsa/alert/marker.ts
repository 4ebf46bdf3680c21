/**
 * Where a ticket keeps its alert ID with zero HaloPSA configuration: a short marker at the end of
 * the summary, `[ALERT:abc-123]`, which HaloPSA's summary search finds again.
 */

export const MARKER_PREFIX = '[ALERT:';

/** HaloPSA's summary field holds 255 characters; the title is shortened to keep the marker. */
const SUMMARY_LENGTH = 255;

/** Characters an alert ID may use: anything printable except the brackets that delimit it. */
// eslint-disable-next-line no-control-regex
const ALERT_ID = /^[^\s[\]\u0000-\u001f\u007f]{1,100}$/;

export function isValidAlertId(id: string): boolean {
	return ALERT_ID.test(id);
}

export function alertMarker(alertId: string): string {
	return `${MARKER_PREFIX}${alertId}]`;
}

/** A title on one line, shortened to `room` characters. */
export function fitSummary(title: string, room = SUMMARY_LENGTH): string {
	const text = title.replace(/\s+/g, ' ').trim();
	return text.length > room ? `${text.slice(0, room - 1)}…` : text;
}

/** "Title [ALERT:id]", the title shortened if needed so the marker always fits. */
export function summaryWithMarker(title: string, alertId: string): string {
	const marker = alertMarker(alertId);
	const shortened = fitSummary(title, SUMMARY_LENGTH - marker.length - 1);
	return shortened === '' ? marker : `${shortened} ${marker}`;
}

/** The alert ID a summary carries, if any (the last marker wins). */
export function alertIdInSummary(summary: unknown): string | undefined {
	if (typeof summary !== 'string') return undefined;
	const matches = [...summary.matchAll(/\[ALERT:([^\s[\]]{1,100})\]/g)];
	return matches.length > 0 ? matches[matches.length - 1][1] : undefined;
}
