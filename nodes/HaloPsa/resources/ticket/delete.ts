import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ticketLocator } from '../../shared/descriptions';
import type { HaloOperation } from '../../shared/operation';
import { readCollection, readId } from '../../shared/parameters';
import { haloRequest, recordPath } from '../../transport/request';

const properties: INodeProperties[] = [
	ticketLocator(),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Reason',
				name: 'reason',
				type: 'string',
				default: '',
				description: "Why the ticket is deleted; HaloPSA keeps it with the deleted ticket (which can be restored in HaloPSA)",
			},
		],
	},
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readId(this, 'ticketId', itemIndex, 'Ticket');
	const reason = String(readCollection(this, 'options', itemIndex).reason ?? '').trim();
	await haloRequest(this, {
		method: 'DELETE',
		path: recordPath('Tickets', id),
		qs: reason ? { reason } : undefined,
		record: `Ticket ${id}`,
		itemIndex,
	});
	return { deleted: true, id };
}

export const deleteTicket: HaloOperation = { properties, execute };
