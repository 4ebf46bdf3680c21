/**
 * The open ticket of an alert, per client: read once per node run from HaloPSA (one summary search
 * per client for every marker), then kept up to date as this run creates tickets, so items of the
 * same run with the same alert ID make one ticket.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { HaloRun } from '../shared/operation';
import { haloList } from '../transport/pagination';
import { alertIdInSummary, alertMarker, MARKER_PREFIX } from './marker';

export interface AlertTicket {
	id: number;
	priorityId?: number;
	/** How many occurrences the ticket has recorded; undefined until counted. */
	occurrences?: number;
}

export type AlertTicketIndex = Map<string, AlertTicket>;

function indexTickets(tickets: IDataObject[]): AlertTicketIndex {
	const index: AlertTicketIndex = new Map();
	// Oldest first, so when two open tickets carry the same marker the older one wins.
	for (const ticket of [...tickets].sort((a, b) => Number(a.id) - Number(b.id))) {
		const alertId = alertIdInSummary(ticket.summary);
		if (alertId !== undefined && !index.has(alertId)) {
			index.set(alertId, { id: Number(ticket.id), priorityId: Number(ticket.priority_id) || undefined });
		}
	}
	return index;
}

async function openMarkedTickets(context: IExecuteFunctions, clientId: number, search: string, itemIndex: number): Promise<IDataObject[]> {
	return await haloList(context, {
		path: '/Tickets',
		qs: { client_id: clientId, open_only: true, search_summary: search },
		listKey: 'tickets',
		itemIndex,
	});
}

/** The run's index of open alert tickets of one client. */
export async function openAlertTickets(context: IExecuteFunctions, run: HaloRun, clientId: number, itemIndex: number): Promise<AlertTicketIndex> {
	return await run.memoize(`alert:open:${clientId}`, async () =>
		indexTickets(await openMarkedTickets(context, clientId, MARKER_PREFIX, itemIndex)),
	);
}

/** Asks HaloPSA again (not the run's index) whether an open ticket carries the alert's marker. */
export async function findOpenAlertTicketNow(
	context: IExecuteFunctions,
	clientId: number,
	alertId: string,
	itemIndex: number,
): Promise<AlertTicket | undefined> {
	return indexTickets(await openMarkedTickets(context, clientId, alertMarker(alertId), itemIndex)).get(alertId);
}

/** "Occurrence 3 of alert …" is how repeat notes start; the highest such number is the count so far. */
export const OCCURRENCE_PATTERN = /Occurrence (\d+) of alert /g;

export function occurrenceNote(count: number, alertId: string): string {
	return `Occurrence ${count} of alert ${alertId}`;
}

/** Counts the occurrences recorded on a ticket found in HaloPSA (the ticket itself is the first). */
export async function countOccurrences(context: IExecuteFunctions, ticketId: number, itemIndex: number): Promise<number> {
	const actions = await haloList(context, { path: '/Actions', qs: { ticket_id: ticketId }, listKey: 'actions', itemIndex });
	let highest = 1;
	for (const action of actions) {
		const text = `${String(action.note ?? '')} ${String(action.note_html ?? '')}`;
		for (const match of text.matchAll(OCCURRENCE_PATTERN)) highest = Math.max(highest, Number(match[1]));
	}
	return highest;
}
