/** Tickets and Projects (`/Tickets`, `/Projects`, schema Faults): API-NOTES §3.1, §3.7, §4.1. */
import { PROJECTS_ACCESS, TICKETS_ACCESS, type AccessRule } from '../access';
import {
	CUSTOM_FIELD_TYPE,
	DEFAULT_PROJECT_TYPE_ID,
	DEFAULT_TICKET_CLIENT_ID,
	DEFAULT_TICKET_TYPE_ID,
	UNASSIGNED_AGENT_ID,
} from '../constants';
import { EMPTY_DATE, haloDate, parseHaloDate } from '../dates';
import { badRequest, isTrue, type Query } from '../http';
import { contains, filterBy, intList, type FilterFn } from '../list';
import {
	assetLink,
	fillTicketNames,
	generalUserOf,
	isClosedStatus,
	isGeneralUser,
	isProjectTicket,
	mainSiteOf,
	selectablePriorities,
} from '../relations';
import type { Action, AssetLink, CustomFieldDefinition, CustomFieldValue, MockStore, Team, Ticket, TicketType } from '../store';
import { textAndHtml } from '../text';
import { dataFields, intField, requireText, type PostedRecord, type ResourceDescriptor } from './resource';

/** Fields the mock works out itself; posted values are ignored. */
const DERIVED_FIELDS = new Set([
	'client_name', 'site_name', 'user_name', 'user_email', 'agent_name', 'status_name', 'tickettype_name', 'sla_name',
	'priority_name', 'team_id', 'hasbeenclosed', 'dateclosed', 'deleted', 'datecreated', 'last_update', 'lastaction',
]);
/** Fields with their own rules below. */
const RULED_FIELDS = new Set([
	'tickettype_id', 'sla_id', 'client_id', 'site_id', 'user_id', 'agent_id', 'team', 'status_id', 'priority_id',
	'parent_id', 'assets', 'customfields', 'details', 'details_html', 'summary',
]);

export function createTicket(store: MockStore, input: PostedRecord, defaultTicketTypeId: number, now = haloDate()): Ticket {
	const fields = dataFields(input);
	const summary = requireText(fields, 'summary', 'A summary is required for a new ticket');
	const type = ticketTypeOrFail(store, intField(fields, 'tickettype_id') ?? defaultTicketTypeId);
	const ticket: Ticket = {
		id: store.nextId('tickets'),
		summary,
		details: '',
		details_html: '',
		tickettype_id: type.id,
		status_id: type.initial_status,
		priority_id: type.default_priority,
		sla_id: type.default_sla,
		client_id: 0,
		site_id: 0,
		user_id: 0,
		agent_id: UNASSIGNED_AGENT_ID,
		team: '',
		team_id: 0,
		category_1: '',
		category_2: '',
		category_3: '',
		category_4: '',
		impact: 3,
		urgency: 3,
		dateoccurred: now,
		datecreated: now,
		last_update: now,
		lastactiondate: now,
		startdate: null,
		targetdate: null,
		deadlinedate: EMPTY_DATE,
		dateclosed: null,
		hasbeenclosed: false,
		parent_id: 0,
		third_party_id_string: '',
		customfields: [],
		assets: [],
		deleted: false,
	};
	const saved = withTicketChanges(store, ticket, fields, { creating: true, now });
	store.tickets.push(saved);
	return saved;
}

export function updateTicket(store: MockStore, ticket: Ticket, input: PostedRecord, now = haloDate()): Ticket {
	if (ticket.deleted && input._recover !== true) throw badRequest('Record not found');
	const changed = withTicketChanges(store, { ...ticket, deleted: false }, dataFields(input), { creating: false, now });
	return Object.assign(ticket, changed);
}

/** Applies posted fields to a copy, so a rejected change leaves the stored ticket untouched. */
function withTicketChanges(store: MockStore, original: Ticket, fields: PostedRecord, mode: { creating: boolean; now: string }): Ticket {
	const ticket = structuredClone(original);
	if (!mode.creating && 'summary' in fields) ticket.summary = requireText(fields, 'summary', 'The summary cannot be empty');

	const typeId = intField(fields, 'tickettype_id');
	if (typeId !== undefined && !mode.creating) {
		const type = ticketTypeOrFail(store, typeId);
		ticket.tickettype_id = type.id;
		ticket.sla_id = type.default_sla;
	}
	const slaId = intField(fields, 'sla_id');
	if (slaId !== undefined) {
		if (!store.find('slas', slaId)) throw badRequest(`SLA ${slaId} not found`);
		ticket.sla_id = slaId;
	}

	applyCustomer(store, ticket, fields, mode.creating);

	const agentId = intField(fields, 'agent_id');
	if (agentId !== undefined) ticket.agent_id = agentOrFail(store, agentId);
	if ('team' in fields) ticket.team = teamByNameOrFail(store, fields.team)?.name ?? '';

	const statusId = intField(fields, 'status_id');
	if (statusId !== undefined) setTicketStatus(store, ticket, statusId, mode.now);
	else if (mode.creating) setTicketStatus(store, ticket, ticket.status_id, mode.now);

	const priorityId = intField(fields, 'priority_id');
	if (priorityId !== undefined || mode.creating) ticket.priority_id = checkPriority(store, ticket, priorityId ?? ticket.priority_id);

	const parentId = intField(fields, 'parent_id');
	if (parentId !== undefined) {
		if (parentId > 0 && (parentId === ticket.id || !store.find('tickets', parentId))) throw badRequest(`Parent ticket ${parentId} not found`);
		ticket.parent_id = Math.max(parentId, 0);
	}

	if ('assets' in fields) ticket.assets = assetLinksOrFail(store, fields.assets);
	if ('customfields' in fields) ticket.customfields = mergeCustomFields(store, ticket.customfields, fields.customfields);

	const details = textAndHtml(fields.details, fields.details_html);
	if (details) {
		ticket.details = details.text;
		ticket.details_html = details.html;
	}

	for (const [name, value] of Object.entries(fields)) {
		if (!RULED_FIELDS.has(name) && !DERIVED_FIELDS.has(name)) ticket[name] = value;
	}
	ticket.last_update = mode.now;
	fillTicketNames(store, ticket);
	return ticket;
}

/**
 * Client, site and user must agree (API-NOTES §4.1): a real user needs its own site posted with it;
 * a site implies its client; with nothing posted a new ticket goes to the default client.
 */
function applyCustomer(store: MockStore, ticket: Ticket, fields: PostedRecord, creating: boolean): void {
	const clientId = intField(fields, 'client_id');
	const siteId = intField(fields, 'site_id');
	const userId = intField(fields, 'user_id');
	if (!creating && clientId === undefined && siteId === undefined && userId === undefined) return;

	if (userId !== undefined && userId > 0) {
		const user = store.find('users', userId);
		if (!user) throw badRequest(`User ${userId} not found`);
		if (!isGeneralUser(user) && siteId !== user.site_id) {
			throw badRequest(`A site is required when a user is set: send the user's site_id (${user.site_id})`);
		}
		if (clientId !== undefined && clientId !== user.client_id) throw badRequest(`User ${userId} does not belong to client ${clientId}`);
		const site = siteId !== undefined ? store.find('sites', siteId) : undefined;
		if (siteId !== undefined && site?.client_id !== user.client_id) throw badRequest(`Site ${siteId} does not belong to the user's client`);
		ticket.client_id = user.client_id ?? 0;
		ticket.site_id = site?.id ?? user.site_id;
		ticket.user_id = user.id;
		return;
	}

	const site = siteId !== undefined && siteId > 0 ? store.find('sites', siteId) : undefined;
	if (siteId !== undefined && siteId > 0 && !site) throw badRequest(`Site ${siteId} not found`);
	if (site && clientId !== undefined && clientId !== site.client_id) throw badRequest(`Site ${site.id} does not belong to client ${clientId}`);
	if (clientId !== undefined && !site && !store.find('clients', clientId)) throw badRequest(`Client ${clientId} not found`);

	const newClientId = site?.client_id ?? clientId ?? (creating ? DEFAULT_TICKET_CLIENT_ID : ticket.client_id);
	const clientChanged = creating || newClientId !== ticket.client_id;
	ticket.client_id = newClientId;
	if (site) ticket.site_id = site.id;
	else if (clientChanged) ticket.site_id = mainSiteOf(store, newClientId)?.id ?? 0;

	// The current user stays while it still fits; otherwise the client's General User (user_id 0/-1 asks for it).
	const current = store.find('users', ticket.user_id);
	const keepUser =
		!creating && userId === undefined && current?.client_id === newClientId && (isGeneralUser(current) || current.site_id === ticket.site_id);
	if (!keepUser) ticket.user_id = generalUserOf(store, newClientId)?.id ?? 0;
}

export function setTicketStatus(store: MockStore, ticket: Ticket, statusId: number, now: string): void {
	if (!store.find('statuses', statusId)) throw badRequest(`Status ${statusId} not found`);
	const closed = isClosedStatus(store, statusId);
	if (closed && !ticket.hasbeenclosed) ticket.dateclosed = now;
	if (!closed) ticket.dateclosed = null;
	ticket.status_id = statusId;
	ticket.hasbeenclosed = closed;
}

/** A priority must be one of the (visible) priorities of the ticket's SLA (API-NOTES §3.12). */
export function checkPriority(store: MockStore, ticket: Ticket, priorityId: number): number {
	if (!selectablePriorities(store, ticket.sla_id).some((row) => row.priorityid === priorityId)) {
		const sla = store.find('slas', ticket.sla_id)?.name ?? `SLA ${ticket.sla_id}`;
		throw badRequest(`Priority ${priorityId} is not available in '${sla}' (the SLA of ticket type ${ticket.tickettype_id})`);
	}
	return priorityId;
}

export function agentOrFail(store: MockStore, agentId: number): number {
	if (!store.find('agents', agentId)) throw badRequest(`Agent ${agentId} not found`);
	return agentId;
}

/** Teams are written by name (API-NOTES §7.7); an empty name clears the team. */
export function teamByNameOrFail(store: MockStore, name: unknown): Team | undefined {
	if (name === null || name === undefined || name === '') return undefined;
	const team = store.teams.find((candidate) => candidate.name.toLowerCase() === String(name).toLowerCase());
	if (!team) throw badRequest(`Team '${String(name)}' not found`);
	return team;
}

function ticketTypeOrFail(store: MockStore, typeId: number): TicketType {
	const type = store.find('ticketTypes', typeId);
	if (!type) throw badRequest(`Ticket type ${typeId} not found`);
	return type;
}

function assetLinksOrFail(store: MockStore, posted: unknown): AssetLink[] {
	if (posted === null) return [];
	if (!Array.isArray(posted)) throw badRequest(`'assets' must be an array of objects such as [{"id": 1}]`);
	return posted.map((item: unknown) => {
		const id = typeof item === 'object' && item !== null ? Number((item as { id?: unknown }).id) : NaN;
		const asset = Number.isInteger(id) ? store.find('assets', id) : undefined;
		if (!asset) throw badRequest(`Asset ${JSON.stringify(item)} not found`);
		return assetLink(asset);
	});
}

/** Posted items name a field by `id` or `name` (API-NOTES §4.1); fields not posted keep their values. */
function mergeCustomFields(store: MockStore, current: CustomFieldValue[], posted: unknown): CustomFieldValue[] {
	if (!Array.isArray(posted)) throw badRequest(`'customfields' must be an array`);
	const merged = new Map(current.map((field) => [field.id, field]));
	for (const item of posted as unknown[]) {
		if (typeof item !== 'object' || item === null) throw badRequest(`'customfields' items must be objects`);
		const { id, name, value } = item as { id?: unknown; name?: unknown; value?: unknown };
		const definition =
			id !== undefined && id !== null && Number(id) !== 0
				? store.find('customFields', Number(id))
				: store.customFields.find((field) => typeof name === 'string' && field.name.toLowerCase() === name.toLowerCase());
		if (!definition) throw badRequest(`Custom field '${String(id ?? name)}' not found`);
		merged.set(definition.id, customFieldValue(definition, value));
	}
	return [...merged.values()].sort((a, b) => a.id - b.id);
}

function customFieldValue(definition: CustomFieldDefinition, raw: unknown): CustomFieldValue {
	const { id, name, label, type } = definition;
	if (raw === null || raw === undefined || raw === '') return { id, name, label, type, value: '', display: '' };
	if (type === CUSTOM_FIELD_TYPE.select) {
		const option = definition.values?.find(
			(candidate) => String(candidate.id) === String(raw) || candidate.name.toLowerCase() === String(raw).toLowerCase(),
		);
		if (!option) throw badRequest(`'${String(raw)}' is not an option of custom field ${name}`);
		return { id, name, label, type, value: option.id, display: option.name };
	}
	const text = typeof raw === 'string' ? raw : JSON.stringify(raw);
	return { id, name, label, type, value: text, display: text };
}

export function lastActionOf(store: MockStore, ticketId: number): Action | undefined {
	const actions = store.actions.filter((action) => action.ticket_id === ticketId);
	return actions[actions.length - 1];
}

/** `datesearch` picks the date `startdate`/`enddate` apply to (DB spelling, single r: API-NOTES §7.1). */
function searchedDate(ticket: Ticket, query: Query): number {
	return parseHaloDate(query.datesearch?.toLowerCase() === 'datecleared' ? ticket.dateclosed : ticket.dateoccurred);
}

function childKind(store: MockStore, ticket: Ticket): number {
	if (ticket.parent_id > 0) return 2;
	return store.tickets.some((child) => child.parent_id === ticket.id && !child.deleted) ? 1 : 0;
}

/**
 * `advanced_search`: a JSON array of `{filter_name, filter_type, filter_value}` (CIPP uses it on
 * /Users with filter_type 2 = equals, API-NOTES §2.1). Here a filter names a ticket field or a custom
 * field (`CF…` name); anything else is Halo's "Invalid advanced search parameter".
 */
function advancedSearchMatches(store: MockStore, ticket: Ticket, value: string): boolean {
	let filters: unknown;
	try {
		filters = JSON.parse(value);
	} catch {
		throw badRequest('Invalid advanced search parameter');
	}
	if (!Array.isArray(filters)) throw badRequest('Invalid advanced search parameter');
	return filters.every((filter: Record<string, unknown>) => {
		const name = String(filter?.filter_name ?? '');
		if (Number(filter?.filter_type) !== 2) throw badRequest('Invalid advanced search parameter');
		const wanted = String(filter.filter_value ?? '').toLowerCase();
		if (store.customFields.some((field) => field.name === name)) {
			const field = ticket.customfields.find((candidate) => candidate.name === name);
			return String(field?.value ?? '').toLowerCase() === wanted;
		}
		if (name === '' || !(name in ticket || name === 'third_party_id_string')) throw badRequest('Invalid advanced search parameter');
		return String((ticket as Record<string, unknown>)[name] ?? '').toLowerCase() === wanted;
	});
}

const TICKET_FILTERS: Record<string, FilterFn<Ticket>> = {
	advanced_search: (ticket, value, ctx) => advancedSearchMatches(ctx.store, ticket, value),
	client_id: filterBy.intEquals('client_id'),
	client_ids: filterBy.intIn('client_id'),
	site_id: filterBy.intEquals('site_id'),
	user_id: filterBy.intEquals('user_id'),
	agent_id: filterBy.intEquals('agent_id'),
	agent: filterBy.intIn('agent_id'),
	team: filterBy.intIn('team_id'),
	team_name: filterBy.textEquals('team'),
	status_id: filterBy.intEquals('status_id'),
	status: filterBy.intIn('status_id'),
	requesttype_id: filterBy.intEquals('tickettype_id'),
	requesttype: filterBy.intIn('tickettype_id'),
	priority_id: filterBy.intEquals('priority_id'),
	priority: filterBy.intIn('priority_id'),
	parent_id: filterBy.intEquals('parent_id'),
	ticketids: filterBy.intIn('id'),
	search_summary: filterBy.textContains('summary'),
	search_details: filterBy.textContains('details'),
	asset_id: (ticket, value) => ticket.assets.some((asset) => asset.id === Number(value)),
	// SW: "0 = No children and not a child - 1 = Has children - 2 = is a child" (comma-separated).
	includechildren: (ticket, value, ctx) => intList(value).includes(childKind(ctx.store, ticket)),
	open_only: (ticket, value) => !isTrue(value) || !ticket.hasbeenclosed,
	closed_only: (ticket, value) => !isTrue(value) || ticket.hasbeenclosed,
	startdate: (ticket, value, ctx) => searchedDate(ticket, ctx.query) >= parseHaloDate(value),
	enddate: (ticket, value, ctx) => searchedDate(ticket, ctx.query) <= parseHaloDate(value),
	// SW types these two as bool (sic); production clients send a date to list tickets changed since
	// it (topleft-team/django-psa, djpsa/halo/records/ticket/sync.py). A value that is not a date is ignored.
	lastupdatefromdate: (ticket, value) => Number.isNaN(parseHaloDate(value)) || parseHaloDate(ticket.last_update) >= parseHaloDate(value),
	lastupdatetodate: (ticket, value) => Number.isNaN(parseHaloDate(value)) || parseHaloDate(ticket.last_update) <= parseHaloDate(value),
};

/** `/Tickets` and `/Projects` share everything but which ticket types they show (API-NOTES §3.7). */
function ticketResource(name: string, access: AccessRule, projects: boolean, defaultTicketTypeId: number): ResourceDescriptor<Ticket> {
	const withLastAction = (ticket: Ticket, store: MockStore): Record<string, unknown> => ({
		...ticket,
		lastaction: lastActionOf(store, ticket.id) ?? null,
	});
	return {
		name,
		displayName: name,
		access,
		listShape: { envelope: 'tickets' },
		records: (store) => store.tickets,
		visibleInList: (ticket, ctx) =>
			ticket.deleted === isTrue(ctx.query.deleted) && isProjectTicket(ctx.store, ticket) === projects,
		filters: TICKET_FILTERS,
		search: (ticket, term) => String(ticket.id) === term || contains(ticket.summary, term) || contains(ticket.details, term),
		listOmit: ['details', 'details_html', 'customfields'],
		// Halo adds the last action "only if one ticket result is returned" (SW).
		decorateList: (items, ctx) => {
			if (isTrue(ctx.query.includelastaction) && items.length === 1) {
				items[0].lastaction = lastActionOf(ctx.store, Number(items[0].id)) ?? null;
			}
		},
		findOne: (id, ctx) => ctx.store.tickets.find((ticket) => String(ticket.id) === id && !ticket.deleted),
		present: (ticket, ctx) => (isTrue(ctx.query.includelastaction) ? withLastAction(ticket, ctx.store) : { ...ticket }),
		write: {
			create: (input, ctx) => createTicket(ctx.store, input, defaultTicketTypeId),
			update: (ticket, input, ctx) => updateTicket(ctx.store, ticket, input),
			// Soft-deleted tickets can still be found, to be restored with `_recover`.
			findForUpdate: (id, ctx) => ctx.store.find('tickets', id),
		},
		remove: (ticket) => {
			ticket.deleted = true;
			ticket.last_update = haloDate();
		},
	};
}

export const ticketsResource = ticketResource('Tickets', TICKETS_ACCESS, false, DEFAULT_TICKET_TYPE_ID);
export const projectsResource = ticketResource('Projects', PROJECTS_ACCESS, true, DEFAULT_PROJECT_TYPE_ID);
