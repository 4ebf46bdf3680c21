/** Turns the plain seed data into stored records, through the same rules POSTs go through. */
import { EMPTY_DATE, haloDate } from '../dates';
import { isClosedStatus, refreshAllNames } from '../relations';
import { buildAction } from '../resources/actions';
import { createTicket } from '../resources/tickets';
import { emptyCollections, type MockStore } from '../store';
import * as demo from './demo';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** 'empty': configuration only (teams, agents, statuses, types, ...) and the Internal client. 'demo': plus customers, assets, tickets. */
export function loadSeed(store: MockStore, seed: 'demo' | 'empty', now = new Date()): void {
	store.load({
		...emptyCollections(),
		topLevels: demo.topLevels,
		teams: demo.teams,
		agents: demo.agents,
		statuses: demo.statuses,
		slas: demo.slas,
		priorities: demo.priorities,
		ticketTypes: demo.ticketTypes,
		outcomes: demo.outcomes,
		categories: demo.categories,
		customFields: demo.customFields,
		assetTypes: demo.assetTypes,
		clients: [demo.internalClient],
		sites: demo.internalSites,
		users: demo.internalUsers,
	});
	if (seed === 'demo') {
		const customers = structuredClone({ clients: demo.clients, sites: demo.sites, users: demo.users, assets: demo.assets });
		store.clients.push(...customers.clients);
		store.sites.push(...customers.sites);
		store.users.push(...customers.users);
		store.assets.push(...customers.assets);
	}
	refreshAllNames(store);
	if (seed === 'demo') {
		demo.tickets.forEach((row) => addTicket(store, row, now));
		demo.actions.forEach((row) => addAction(store, row));
	}
}

function addTicket(store: MockStore, row: demo.TicketSeed, now: Date): void {
	const opened = new Date(now.getTime() - row.daysAgo * DAY - 2 * HOUR);
	const user = row.user !== undefined ? store.find('users', row.user) : undefined;
	const posted = {
		summary: row.summary,
		details: row.details,
		tickettype_id: row.tickettype_id,
		...(user ? { user_id: user.id, site_id: user.site_id } : { client_id: row.client }),
		status_id: row.status_id,
		priority_id: row.priority_id,
		agent_id: row.agent_id,
		team: row.team,
		category_1: row.category_1 ?? '',
		assets: (row.assets ?? []).map((id) => ({ id })),
		customfields: row.customfields ?? [],
		parent_id: row.parent_id ?? 0,
		deadlinedate: row.deadlineInDays !== undefined ? haloDate(new Date(now.getTime() + row.deadlineInDays * DAY)) : EMPTY_DATE,
	};
	const ticket = createTicket(store, posted, row.tickettype_id, haloDate(opened));
	ticket.id = row.id;
	if (ticket.hasbeenclosed) {
		const closed = haloDate(new Date(opened.getTime() + 26 * HOUR));
		ticket.dateclosed = closed;
		ticket.last_update = closed;
	}
	if (row.naiveOpened) ticket.dateoccurred = naive(opened);
	if (row.naiveSchedule) {
		ticket.startdate = naive(new Date(now.getTime() + row.naiveSchedule.startInDays * DAY));
		ticket.targetdate = naive(new Date(now.getTime() + row.naiveSchedule.targetInDays * DAY));
	}
	ticket.deleted = row.deleted === true;
}

function addAction(store: MockStore, row: demo.ActionSeed): void {
	const ticket = store.find('tickets', row.ticket_id);
	if (!ticket) throw new Error(`Seed action for unknown ticket ${row.ticket_id}`);
	const agentId = row.fromUser !== undefined ? 0 : row.agent_id ?? ticket.agent_id;
	const at = haloDate(new Date(Date.parse(ticket.datecreated) + row.hoursAfterOpen * HOUR));
	const author = { agentId, agent: store.find('agents', agentId), clientId: '' };
	const { action, outcome } = buildAction(store, { ticket_id: row.ticket_id, outcome_id: row.outcome_id, note: row.note }, author, at);
	if (row.fromUser !== undefined) action.who = store.find('users', row.fromUser)?.name ?? '';
	store.actions.push(action);
	// History only: the seeded ticket already has its final status; a closing action dates the closure.
	if (ticket.hasbeenclosed && isClosedStatus(store, outcome.newstatus)) ticket.dateclosed = at;
	ticket.lastactiondate = at;
	if (Date.parse(at) > Date.parse(ticket.last_update)) ticket.last_update = at;
}

/** `yyyy-MM-ddTHH:mm:ss` without zone, as some Halo date fields come. */
function naive(date: Date): string {
	return date.toISOString().slice(0, 19);
}
