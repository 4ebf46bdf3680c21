/** Look-ups the ticket operations share. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { HaloRun } from '../../shared/operation';
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
