import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { byDisplayName, clientLocator, simplifyField, ticketLocator } from '../../shared/descriptions';
import type { HaloOperation, HaloRun } from '../../shared/operation';
import { optionalId, parseId, readCollection, readId } from '../../shared/parameters';
import { savedRecord, simplifyTicket } from '../../shared/records';
import { haloRequest } from '../../transport/request';
import { detailsField, detailsFormatField, optionalTicketFields, ticketFieldsToBody, ticketTypeField } from './fields';
import { fetchTicket } from './shared';

const properties: INodeProperties[] = [
	ticketLocator(),
	simplifyField,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: byDisplayName([
			clientLocator(),
			detailsField,
			detailsFormatField,
			{
				displayName: 'Summary',
				name: 'summary',
				type: 'string',
				default: '',
				description: "The ticket's title",
			},
			ticketTypeField,
			...optionalTicketFields(),
		]),
	},
];

async function execute(this: IExecuteFunctions, itemIndex: number, run: HaloRun): Promise<IDataObject> {
	const id = readId(this, 'ticketId', itemIndex, 'Ticket');
	const values = readCollection(this, 'updateFields', itemIndex);
	if (Object.keys(values).filter((key) => key !== 'detailsFormat').length === 0) {
		throw new NodeOperationError(this.getNode(), 'Update Fields is empty: add the fields to change', { itemIndex });
	}
	let ticketTypeId =
		values.ticketTypeId !== undefined && values.ticketTypeId !== ''
			? parseId(this, values.ticketTypeId, itemIndex, 'Ticket Type')
			: undefined;
	let clientId = values.clientId !== undefined ? optionalId(this, 'updateFields.clientId', itemIndex, 'Client') : undefined;
	// HaloPSA finds the ticket to update by its type and client as well as its id.
	if (ticketTypeId === undefined || clientId === undefined) {
		const current = await fetchTicket(this, run, id, itemIndex);
		ticketTypeId ??= Number(current.tickettype_id) || undefined;
		clientId ??= Number(current.client_id) || undefined;
	}
	const fields = await ticketFieldsToBody(this, itemIndex, 'updateFields', values, run, { ticketTypeId, clientId });
	const body: IDataObject = { id, ...fields };
	if (ticketTypeId !== undefined) body.tickettype_id = ticketTypeId;
	if (clientId !== undefined) body.client_id = clientId;
	const response = await haloRequest(this, {
		method: 'POST',
		path: '/Tickets',
		body: [body],
		// Sets absolute values on an existing ticket: sending it twice changes nothing.
		retryWrite: true,
		record: `Ticket ${id}`,
		itemIndex,
	});
	const ticket = savedRecord(response);
	return this.getNodeParameter('simplify', itemIndex, true) ? simplifyTicket(ticket, await run.instanceUrl()) : ticket;
}

export const updateTicket: HaloOperation = { properties, execute };
