/**
 * Reading what changed in HaloPSA. All requests of the polling trigger are here.
 *
 * "Changed since" comes from `GET /Tickets` ordered by `last_update`, newest first, read page by
 * page down to the cursor and no further. It also sends `lastupdatefromdate`: Halo's API export types
 * that parameter as a bool (sic), but production clients send it a date to sync changed tickets
 * (topleft-team/django-psa, `djpsa/halo/records/ticket/sync.py`, as `%Y-%m-%dT%H:%M:%S.%fZ`). If
 * HaloPSA applies it, only changed tickets are counted and listed; if it ignores it, the newest-first
 * order still ends the reading at the cursor. Either way the result is the same; `datesearch` only
 * knows the opened and closed dates, so it cannot find updates.
 *
 * Notes: `/Actions` needs a ticket, so they are read for the changed tickets whose `lastactiondate`
 * is at or after the cursor (adding an action updates the ticket), one request per such ticket.
 */
import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { haloList, mapWithConcurrency, paginationPolicy } from '../HaloPsa/transport/pagination';
import type { HaloContext } from '../HaloPsa/transport/request';
import { haloInstant } from '../HaloPsa/shared/records';
import { lastUpdateOf, type NoteVisibility } from './events';
import { NO_FILTERS, ticketFilterQuery, type TicketFilters } from './filters';

const NEWEST_FIRST = { order: 'last_update', orderdesc: true };

/** An instant floored to the second: as a query date HaloPSA then lists a superset, never less. */
function wholeSecond(instant: string): string {
	return `${instant.slice(0, 19)}.0000000Z`;
}

/** The query date for an instant that is a whole second (`yyyy-MM-ddTHH:mm:ssZ`, API-NOTES §2.1). */
function queryDate(instant: string): string {
	return `${instant.slice(0, 19)}Z`;
}

function lastUpdateOrFail(context: HaloContext, ticket: IDataObject): string {
	const instant = lastUpdateOf(ticket);
	if (instant === undefined) {
		throw new NodeOperationError(
			context.getNode(),
			`HaloPSA listed ticket ${String(ticket.id)} without a readable last_update ('${String(ticket.last_update ?? ticket.lastupdate).slice(0, 40)}'): the trigger needs it to find changes`,
		);
	}
	return instant;
}

function notNewestFirst(context: HaloContext, what: string): NodeOperationError {
	return new NodeOperationError(context.getNode(), `HaloPSA listed tickets ${what}: the trigger cannot tell what changed`, {
		description: 'Please report this with your HaloPSA version. The HaloPSA Webhook Trigger does not depend on it.',
	});
}

/**
 * The instant of the newest change HaloPSA lists (undefined: no tickets). Ten tickets are read to
 * check they really come newest first: a starting point from a list in another order would replay
 * history.
 */
export async function newestChange(context: HaloContext): Promise<string | undefined> {
	const instants = (await latestChangedTickets(context, NO_FILTERS, 10)).map((ticket) => lastUpdateOrFail(context, ticket));
	if (!isNewestFirst(instants)) throw notNewestFirst(context, 'not newest first (order=last_update)');
	return instants[0];
}

/** Whether a page is ordered newest change first (equal instants allowed). */
export function isNewestFirst(instants: readonly string[]): boolean {
	return instants.every((instant, index) => index === 0 || instant <= instants[index - 1]);
}

/**
 * Tickets matching the filters whose last change is at or after `since` (and some just before it),
 * each once. Reading stops at the first ticket older than the query date: one the date filter would
 * have left out, so HaloPSA did not filter and the newest-first order ends the list there. If that
 * page is not newest first either, HaloPSA honoured neither and the changes cannot be found: an
 * error says so rather than the trigger going quiet.
 */
export async function ticketsChangedSince(context: HaloContext, since: string, filters: TicketFilters): Promise<IDataObject[]> {
	const from = wholeSecond(since);
	const listed = await haloList(context, {
		path: '/Tickets',
		listKey: 'tickets',
		qs: { ...ticketFilterQuery(filters), ...NEWEST_FIRST, lastupdatefromdate: queryDate(from) },
		stopAt: (ticket, page) => {
			if (lastUpdateOrFail(context, ticket) >= from) return false;
			if (!isNewestFirst(page.map((each) => lastUpdateOrFail(context, each)))) {
				throw notNewestFirst(context, 'neither changed since the last check (lastupdatefromdate) nor newest first (order=last_update)');
			}
			return true;
		},
	});
	// A ticket changed while the pages were read moves to the top and can be listed twice.
	const byId = new Map<string, IDataObject>();
	for (const ticket of listed) {
		const known = byId.get(String(ticket.id));
		if (!known || (lastUpdateOf(known) ?? '') < (lastUpdateOf(ticket) ?? '')) byId.set(String(ticket.id), ticket);
	}
	return [...byId.values()];
}

/** The most recently changed tickets matching the filters (the newest first). */
export async function latestChangedTickets(
	context: HaloContext,
	filters: TicketFilters,
	limit: number,
	extraQuery: IDataObject = {},
): Promise<IDataObject[]> {
	return await haloList(context, {
		path: '/Tickets',
		listKey: 'tickets',
		qs: { ...ticketFilterQuery(filters), ...NEWEST_FIRST, ...extraQuery },
		limit,
	});
}

/** Open tickets matching the filters, most recently changed first (to learn their statuses). */
export async function openTickets(context: HaloContext, filters: TicketFilters, limit: number): Promise<IDataObject[]> {
	return await haloList(context, {
		path: '/Tickets',
		listKey: 'tickets',
		qs: { ...ticketFilterQuery(filters), ...NEWEST_FIRST, open_only: true },
		limit,
	});
}

/** Whether the ticket may have actions at or after `since` (unknown `lastactiondate`: yes). */
export function mayHaveActionsSince(ticket: IDataObject, since: string): boolean {
	const lastAction = haloInstant(ticket.lastactiondate);
	return lastAction === undefined || lastAction >= since;
}

/** The actions of each ticket (not system actions; public ones only when only those are wanted). */
export async function actionsOfTickets(
	context: HaloContext,
	ticketIds: number[],
	visibility: NoteVisibility,
): Promise<Map<number, IDataObject[]>> {
	const lists = await mapWithConcurrency(ticketIds, paginationPolicy.concurrency, async (ticketId) =>
		haloList(context, {
			path: '/Actions',
			listKey: 'actions',
			qs: { ticket_id: ticketId, excludesys: true, ...(visibility === 'public' ? { excludeprivate: true } : {}) },
		}),
	);
	return new Map(ticketIds.map((ticketId, index) => [ticketId, lists[index]]));
}
