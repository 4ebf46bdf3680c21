import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { byDisplayName, clientLocator, simplifyField, ticketLocator } from '../../shared/descriptions';
import type { HaloOperation, HaloRun } from '../../shared/operation';
import { optionalId, parseId, readCollection, readId } from '../../shared/parameters';
import { savedRecord, simplifyTicket } from '../../shared/records';
import { haloRequest } from '../../transport/request';
import { detailsField, detailsFormatField, optionalTicketFields, ticketFieldsToBody, ticketTypeField } from './fields';
import { fetchTicket, prefetchTickets } from './shared';
import { batchSizeField, postInBatches, type BatchEntry } from '../../shared/batch';

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
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [batchSizeField],
	},
];

/** Reads and checks one item's fields: the Faults record that updates the ticket. */
async function prepare(context: IExecuteFunctions, itemIndex: number, run: HaloRun): Promise<IDataObject> {
	const id = readId(context, 'ticketId', itemIndex, 'Ticket');
	const values = readCollection(context, 'updateFields', itemIndex);
	if (Object.keys(values).filter((key) => key !== 'detailsFormat').length === 0) {
		throw new NodeOperationError(context.getNode(), 'Update Fields is empty: add the fields to change', { itemIndex });
	}
	let ticketTypeId =
		values.ticketTypeId !== undefined && values.ticketTypeId !== ''
			? parseId(context, values.ticketTypeId, itemIndex, 'Ticket Type')
			: undefined;
	let clientId = values.clientId !== undefined ? optionalId(context, 'updateFields.clientId', itemIndex, 'Client') : undefined;
	// HaloPSA finds the ticket to update by its type and client as well as its id.
	if (ticketTypeId === undefined || clientId === undefined) {
		const current = await fetchTicket(context, run, id, itemIndex);
		ticketTypeId ??= Number(current.tickettype_id) || undefined;
		clientId ??= Number(current.client_id) || undefined;
	}
	const fields = await ticketFieldsToBody(context, itemIndex, 'updateFields', values, run, { ticketTypeId, clientId });
	const body: IDataObject = { id, ...fields };
	if (ticketTypeId !== undefined) body.tickettype_id = ticketTypeId;
	if (clientId !== undefined) body.client_id = clientId;
	return body;
}

async function shape(context: IExecuteFunctions, itemIndex: number, run: HaloRun, ticket: IDataObject): Promise<IDataObject> {
	return context.getNodeParameter('simplify', itemIndex, true) ? simplifyTicket(ticket, await run.instanceUrl()) : ticket;
}

async function execute(this: IExecuteFunctions, itemIndex: number, run: HaloRun): Promise<IDataObject> {
	const body = await prepare(this, itemIndex, run);
	const response = await haloRequest(this, {
		method: 'POST',
		path: '/Tickets',
		body: [body],
		// Sets absolute values on an existing ticket: sending it twice changes nothing.
		retryWrite: true,
		record: `Ticket ${String(body.id)}`,
		itemIndex,
	});
	return await shape(this, itemIndex, run, savedRecord(response));
}

/** Updates in batches; the tickets' types and clients are read 100 at a time first. */
async function executeBatch(this: IExecuteFunctions, itemIndexes: number[], run: HaloRun, batchSize: number) {
	await prefetchTickets(this, run, itemIndexes);
	const results = new Map<number, IDataObject | Error>();
	const entries: BatchEntry[] = [];
	for (const itemIndex of itemIndexes) {
		await prepare(this, itemIndex, run).then(
			(body) => entries.push({ itemIndex, body }),
			(error: Error) => results.set(itemIndex, error),
		);
	}
	const saved = await postInBatches(this, '/Tickets', entries, batchSize, { safeToResend: true });
	for (const [itemIndex, result] of saved) {
		results.set(itemIndex, result instanceof Error ? result : await shape(this, itemIndex, run, result));
	}
	return results;
}

export const updateTicket: HaloOperation = { properties, execute, executeBatch };
