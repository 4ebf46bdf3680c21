/** Shaping HaloPSA records for output. */
import type { IDataObject } from 'n8n-workflow';

/**
 * HaloPSA dates are UTC, sometimes without the `Z`, with up to 7 fractional digits, and
 * `1900-01-01T00:00:00` stands for "no date". Returns ISO 8601 in UTC, or null.
 */
export function haloDate(value: unknown): string | null {
	if (typeof value !== 'string' || value.trim() === '') return null;
	const text = value.trim();
	if (text.startsWith('1900-01-01')) return null;
	const match = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.(\d+))?)?(Z|[+-]\d{2}:?\d{2})?$/i.exec(text);
	if (!match) return text;
	const [, day, time = '00:00:00', fraction = '', zone] = match;
	const seconds = time.length === 5 ? `${time}:00` : time;
	const millis = fraction ? `.${fraction.padEnd(3, '0').slice(0, 3)}` : '';
	const parsed = new Date(`${day}T${seconds}${millis}${zone && zone.toUpperCase() !== 'Z' ? zone : 'Z'}`);
	return Number.isNaN(parsed.getTime()) ? text : parsed.toISOString();
}

export function ticketUrl(instanceUrl: string, id: unknown): string {
	return `${instanceUrl}/ticket?id=${String(id)}`;
}

const TICKET_DATES = ['dateoccurred', 'datecreated', 'last_update', 'lastactiondate', 'startdate', 'targetdate', 'deadlinedate', 'fixbydate', 'respondbydate', 'dateclosed'];

/** The fields people read on a ticket, with dates normalised and the agent-portal link. */
export function simplifyTicket(ticket: IDataObject, instanceUrl: string): IDataObject {
	const pick = (key: string) => (ticket[key] === undefined ? null : ticket[key]);
	const simplified: IDataObject = {
		id: ticket.id,
		summary: pick('summary'),
		status_id: pick('status_id'),
		status_name: pick('status_name'),
		closed: ticket.hasbeenclosed === true,
		tickettype_id: pick('tickettype_id'),
		tickettype_name: pick('tickettype_name'),
		priority_id: pick('priority_id'),
		priority_name: pick('priority_name'),
		client_id: pick('client_id'),
		client_name: pick('client_name'),
		site_id: pick('site_id'),
		site_name: pick('site_name'),
		user_id: pick('user_id'),
		user_name: pick('user_name'),
		agent_id: pick('agent_id'),
		agent_name: pick('agent_name'),
		team_id: pick('team_id'),
		team: pick('team'),
		category_1: pick('category_1'),
	};
	for (const key of TICKET_DATES) simplified[key] = haloDate(ticket[key]);
	simplified.url = ticketUrl(instanceUrl, ticket.id);
	return simplified;
}
