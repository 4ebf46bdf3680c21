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

/**
 * A HaloPSA date at HaloPSA's own precision (100 ns), for comparing and ordering: UTC, always
 * `yyyy-MM-ddTHH:mm:ss.fffffffZ`, so two instants compare correctly as strings. Same reading rules
 * as haloDate (no zone = UTC, `1900-01-01` = none); undefined for anything that is not a date.
 */
export function haloInstant(value: unknown): string | undefined {
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	if (text === '' || text.startsWith('1900-01-01')) return undefined;
	const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.(\d{1,7})\d*)?(Z|[+-]\d{2}:?\d{2})?$/i.exec(text);
	if (!match) return undefined;
	const [, day, time, fraction = '', zone] = match;
	const seconds = time.length === 5 ? `${time}:00` : time;
	const digits = fraction.padEnd(7, '0');
	const parsed = new Date(`${day}T${seconds}.${digits.slice(0, 3)}${zone && zone.toUpperCase() !== 'Z' ? zone : 'Z'}`);
	if (Number.isNaN(parsed.getTime())) return undefined;
	return `${parsed.toISOString().slice(0, 23)}${digits.slice(3)}Z`;
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

/** The UTC offset of `timeZone` at `date`, in milliseconds (e.g. +3 600 000 for Europe/Paris in winter). */
function zoneOffsetMs(date: Date, timeZone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(date);
	const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
	const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
	return asUtc - Math.floor(date.getTime() / 1000) * 1000;
}

/**
 * A date for HaloPSA: UTC as `yyyy-MM-ddTHH:mm:ssZ`. Values with an offset or `Z` are exact; a date
 * or date-time without one (what n8n's date picker gives) is read in the workflow's time zone.
 * Returns undefined for something that is not a date.
 */
export function toHaloUtc(value: unknown, timeZone: string): string | undefined {
	let date: Date | undefined;
	if (value instanceof Date) {
		date = value;
	} else if (value && typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function') {
		date = new Date(String((value as { toISO: () => string }).toISO()));
	} else if (typeof value === 'string') {
		const text = value.trim();
		const naive = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/.exec(text);
		if (naive) {
			const [, y, mo, d, h = '0', mi = '0', s = '0'] = naive;
			const wallClock = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
			const check = new Date(wallClock);
			if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d)) return undefined;
			date = new Date(wallClock - zoneOffsetMs(new Date(wallClock), timeZone || 'UTC'));
		} else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(text)) {
			date = new Date(text);
		}
	}
	if (!date || Number.isNaN(date.getTime())) return undefined;
	return `${date.toISOString().slice(0, 19)}Z`;
}

/** HaloPSA answers a write with the saved record, sometimes wrapped in a one-item array. */
export function savedRecord(response: unknown): IDataObject {
	const record = Array.isArray(response) ? response[response.length - 1] : response;
	return record && typeof record === 'object' ? (record as IDataObject) : {};
}

/** The fields people read on an action (a note, e-mail or status change on a ticket). */
export function simplifyAction(action: IDataObject): IDataObject {
	return {
		id: action.id,
		ticket_id: action.ticket_id ?? null,
		outcome: action.outcome ?? null,
		outcome_id: action.outcome_id ?? null,
		note: action.note ?? null,
		note_html: action.note_html ?? null,
		private: action.hiddenfromuser === true,
		who: action.who ?? null,
		agent_id: action.actionby_agent_id ?? null,
		new_status: action.new_status ?? null,
		timetaken: action.timetaken ?? null,
		datetime: haloDate(action.datetime),
	};
}

/** The listed fields of a record, null where HaloPSA left one out, so every item has the same keys. */
export function pickFields(record: IDataObject, fields: readonly string[]): IDataObject {
	const picked: IDataObject = {};
	for (const field of fields) picked[field] = record[field] === undefined ? null : record[field];
	return picked;
}

// Agent-portal addresses of customers and assets (the pages HaloPSA opens for them).
export const clientUrl = (instanceUrl: string, id: unknown): string => `${instanceUrl}/customers?clientid=${String(id)}`;
export const siteUrl = (instanceUrl: string, id: unknown): string => `${instanceUrl}/customers?mainview=site&siteid=${String(id)}`;
export const userUrl = (instanceUrl: string, id: unknown): string => `${instanceUrl}/customers?mainview=user&userid=${String(id)}`;
export const assetUrl = (instanceUrl: string, id: unknown): string => `${instanceUrl}/assets?id=${String(id)}`;

export function simplifyClient(client: IDataObject, instanceUrl: string): IDataObject {
	return {
		...pickFields(client, ['id', 'name', 'inactive', 'toplevel_id', 'toplevel_name', 'website', 'is_vip', 'main_site_id']),
		url: clientUrl(instanceUrl, client.id),
	};
}

export function simplifySite(site: IDataObject, instanceUrl: string): IDataObject {
	return {
		...pickFields(site, ['id', 'name', 'client_id', 'client_name', 'inactive', 'phonenumber', 'maincontact_name']),
		url: siteUrl(instanceUrl, site.id),
	};
}

export function simplifyUser(user: IDataObject, instanceUrl: string): IDataObject {
	return {
		...pickFields(user, [
			'id', 'name', 'firstname', 'surname', 'emailaddress', 'phonenumber', 'mobilenumber',
			'client_id', 'client_name', 'site_id', 'site_name', 'inactive',
		]),
		url: userUrl(instanceUrl, user.id),
	};
}

/** key_field, key_field2 and key_field3 are the asset type's identifying fields (often hostname, serial, model). */
export function simplifyAsset(asset: IDataObject, instanceUrl: string): IDataObject {
	return {
		...pickFields(asset, [
			'id', 'inventory_number', 'key_field', 'key_field2', 'key_field3', 'assettype_id', 'assettype_name',
			'client_id', 'client_name', 'site_id', 'site_name', 'inactive',
		]),
		url: assetUrl(instanceUrl, asset.id),
	};
}

/** Team memberships by name, when HaloPSA lists them. */
function teamNames(agent: IDataObject): string[] | null {
	if (!Array.isArray(agent.teams)) return null;
	return (agent.teams as IDataObject[]).map((team) => String(team.team_name ?? team.name ?? team.team_id ?? team.id));
}

export function simplifyAgent(agent: IDataObject): IDataObject {
	return {
		...pickFields(agent, ['id', 'name', 'email', 'team', 'team_id', 'isdisabled', 'isapiagent']),
		teams: teamNames(agent),
	};
}

export function simplifyTeam(team: IDataObject): IDataObject {
	const simplified = pickFields(team, ['id', 'name', 'forrequests', 'forprojects', 'foropps', 'department_id', 'department_name', 'inactive']);
	if (Array.isArray(team.agents)) {
		simplified.agents = (team.agents as IDataObject[]).map((agent) => pickFields(agent, ['id', 'name', 'email']));
	}
	return simplified;
}

export function simplifyTicketType(ticketType: IDataObject): IDataObject {
	return pickFields(ticketType, ['id', 'name', 'use', 'group_name', 'default_sla', 'initial_status', 'default_priority', 'inactive']);
}

export function simplifyStatus(status: IDataObject): IDataObject {
	return pickFields(status, ['id', 'name', 'shortname', 'type', 'closed']);
}

export function simplifyOutcome(outcome: IDataObject): IDataObject {
	return pickFields(outcome, ['id', 'outcome', 'buttonname', 'newstatus', 'hidefromuser']);
}

export function simplifyCategory(category: IDataObject): IDataObject {
	return pickFields(category, ['id', 'value', 'category_name', 'type_id', 'tickettype_id']);
}
