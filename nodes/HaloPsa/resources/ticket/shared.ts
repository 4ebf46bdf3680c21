/** What several ticket operations share: reading tickets, idempotency keys, status changes. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { postAction } from '../../shared/actions';
import type { HaloRun } from '../../shared/operation';
import { parseId, readCollection } from '../../shared/parameters';
import { simplifyAction, ticketUrl } from '../../shared/records';
import { REFERENCE_MARKER } from '../../shared/summaryMarker';
import { haloList } from '../../transport/pagination';
import { haloRequest, recordPath } from '../../transport/request';

/** A ticket's full record, read once per node run. */
export async function fetchTicket(context: IExecuteFunctions, run: HaloRun, id: number, itemIndex: number): Promise<IDataObject> {
	return await run.memoize(`ticket:${id}`, async () =>
		haloRequest<IDataObject>(context, {
			method: 'GET',
			path: recordPath('Tickets', id),
			qs: { includedetails: true },
			record: `Ticket ${id}`,
			itemIndex,
		}),
	);
}

/**
 * Reads the tickets of many items 100 at a time (`ticketids`), so fetchTicket finds them without a
 * request each. List records lack some fields but carry type and client, which is what updates need.
 */
export async function prefetchTickets(context: IExecuteFunctions, run: HaloRun, itemIndexes: number[]): Promise<void> {
	const ids = new Set<number>();
	for (const itemIndex of itemIndexes) {
		const raw = context.getNodeParameter('ticketId', itemIndex, '', { extractValue: true }) as unknown;
		if (/^[1-9]\d{0,9}$/.test(String(raw).trim())) ids.add(Number(String(raw).trim()));
	}
	const all = [...ids];
	for (let start = 0; start < all.length; start += 100) {
		const tickets = await haloList(context, {
			path: '/Tickets',
			qs: { ticketids: all.slice(start, start + 100).join(',') },
			listKey: 'tickets',
			itemIndex: itemIndexes[0],
		});
		for (const ticket of tickets) await run.memoize(`ticket:${String(ticket.id)}`, async () => ticket);
	}
}

/** The client's tickets (open or closed) that carry an idempotency key, by key (the oldest per key). */
export async function ticketsByReference(context: IExecuteFunctions, clientId: number, itemIndex: number): Promise<Map<string, IDataObject>> {
	const tickets = await haloList(context, {
		path: '/Tickets',
		qs: { client_id: clientId, search_summary: REFERENCE_MARKER.prefix, order: 'id', orderdesc: false },
		listKey: 'tickets',
		itemIndex,
	});
	const byKey = new Map<string, IDataObject>();
	for (const ticket of tickets) {
		const key = REFERENCE_MARKER.keyIn(ticket.summary);
		if (key !== undefined && !byKey.has(key)) byKey.set(key, ticket);
	}
	return byKey;
}

/** The client's ticket (open or closed) whose summary carries the idempotency key, oldest first. */
export async function findTicketByReference(
	context: IExecuteFunctions,
	clientId: number,
	key: string,
	itemIndex: number,
): Promise<IDataObject | undefined> {
	const tickets = await haloList(context, {
		path: '/Tickets',
		qs: { client_id: clientId, search_summary: REFERENCE_MARKER.of(key), order: 'id', orderdesc: false },
		listKey: 'tickets',
		itemIndex,
	});
	return tickets.find((ticket) => REFERENCE_MARKER.keyIn(ticket.summary) === key);
}

/**
 * Close and Reopen: one action that records the item's note (with its format, privacy and outcome)
 * and moves the ticket to `statusId`.
 */
export async function changeTicketStatus(
	context: IExecuteFunctions,
	run: HaloRun,
	itemIndex: number,
	ticketId: number,
	statusId: number,
	closed: boolean,
): Promise<IDataObject> {
	const options = readCollection(context, 'options', itemIndex);
	const action = await postAction(context, run, {
		ticketId,
		note: String(context.getNodeParameter('note', itemIndex, '') ?? ''),
		format: context.getNodeParameter('noteFormat', itemIndex, 'text') === 'html' ? 'html' : 'text',
		private: context.getNodeParameter('private', itemIndex, true) as boolean,
		outcomeId: options.outcomeId ? parseId(context, options.outcomeId, itemIndex, 'Outcome') : undefined,
		newStatusId: statusId,
		itemIndex,
	});
	return { id: ticketId, status_id: statusId, closed, url: ticketUrl(await run.instanceUrl(), ticketId), action: simplifyAction(action) };
}
