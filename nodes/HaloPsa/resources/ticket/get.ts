import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { simplifyField, ticketLocator } from '../../shared/descriptions';
import type { HaloOperation, HaloRun } from '../../shared/operation';
import { readCollection, readId } from '../../shared/parameters';
import { simplifyAction, simplifyTicket } from '../../shared/records';
import { haloRequest, recordPath } from '../../transport/request';

const properties: INodeProperties[] = [
	ticketLocator(),
	simplifyField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include Last Action',
				name: 'includeLastAction',
				type: 'boolean',
				default: false,
				description: 'Whether to include the most recent action (note, e-mail, status change) on the ticket',
			},
		],
	},
];

async function execute(this: IExecuteFunctions, itemIndex: number, run: HaloRun): Promise<IDataObject> {
	const id = readId(this, 'ticketId', itemIndex, 'Ticket');
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const options = readCollection(this, 'options', itemIndex);
	const ticket = await haloRequest<IDataObject>(this, {
		method: 'GET',
		path: recordPath('Tickets', id),
		qs: { includedetails: true, ...(options.includeLastAction === true ? { includelastaction: true } : {}) },
		record: `Ticket ${id}`,
		itemIndex,
	});
	if (!simplify) return ticket;
	const simplified = simplifyTicket(ticket, await run.instanceUrl());
	const lastAction = ticket.lastaction;
	if (options.includeLastAction === true) {
		simplified.last_action = lastAction && typeof lastAction === 'object' ? simplifyAction(lastAction as IDataObject) : null;
	}
	return simplified;
}

export const getTicket: HaloOperation = { properties, execute };
