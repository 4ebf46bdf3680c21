/** Look-ups the ticket operations share. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { REFERENCE_MARKER } from '../../shared/summaryMarker';
import type { HaloRun } from '../../shared/operation';
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
