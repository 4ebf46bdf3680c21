import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { clientLocator, simplifyField } from '../../shared/descriptions';
import type { HaloOperation, HaloRun } from '../../shared/operation';
import { parseId, readCollection, readId } from '../../shared/parameters';
import { savedRecord, simplifyTicket } from '../../shared/records';
import { haloRequest } from '../../transport/request';
import { detailsField, detailsFormatField, optionalTicketFields, ticketFieldsToBody, ticketTypeField } from './fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Summary',
		name: 'summary',
		type: 'string',
		required: true,
		default: '',
		description: "The ticket's title",
	},
	{ ...ticketTypeField, required: true },
	clientLocator({ required: true, description: 'The customer the ticket is for' }),
	detailsField,
	detailsFormatField,
	simplifyField,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: optionalTicketFields(),
	},
];

async function execute(this: IExecuteFunctions, itemIndex: number, run: HaloRun): Promise<IDataObject> {
	const ticketTypeId = parseId(this, this.getNodeParameter('ticketTypeId', itemIndex), itemIndex, 'Ticket Type');
	const clientId = readId(this, 'clientId', itemIndex, 'Client');
	const values: IDataObject = {
		...readCollection(this, 'additionalFields', itemIndex),
		summary: this.getNodeParameter('summary', itemIndex, ''),
		detailsFormat: this.getNodeParameter('detailsFormat', itemIndex, 'text'),
	};
	const details = this.getNodeParameter('details', itemIndex, '') as string;
	if (details !== '') values.details = details;
	const fields = await ticketFieldsToBody(this, itemIndex, 'additionalFields', values, run, { ticketTypeId, clientId });
	// No id: HaloPSA creates. Never re-sent without an answer (it may have been saved).
	const response = await haloRequest(this, {
		method: 'POST',
		path: '/Tickets',
		body: [{ tickettype_id: ticketTypeId, client_id: clientId, ...fields }],
		itemIndex,
	});
	const ticket = savedRecord(response);
	return this.getNodeParameter('simplify', itemIndex, true) ? simplifyTicket(ticket, await run.instanceUrl()) : ticket;
}

export const createTicket: HaloOperation = { properties, execute };
