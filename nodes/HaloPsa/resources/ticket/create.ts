import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { clientLocator, simplifyField } from '../../shared/descriptions';
import type { HaloOperation, HaloRun } from '../../shared/operation';
import { parseId, readCollection, readId } from '../../shared/parameters';
import { savedRecord, simplifyTicket } from '../../shared/records';
import { haloRequest } from '../../transport/request';
import { isValidKey, KEY_RULE, REFERENCE_MARKER } from '../../shared/summaryMarker';
import { writeOnce } from '../../shared/writeOnce';
import { fetchTicket, findTicketByReference } from './shared';
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
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Idempotency Key',
				name: 'idempotencyKey',
				type: 'string',
				default: '',
				description:
					"A key from the calling system, such as its event ID. With it, the same key never makes a second ticket for the client: the existing one is returned instead, also after a lost answer. The key is kept at the end of the summary as [REF:…].",
			},
		],
	},
];

async function execute(this: IExecuteFunctions, itemIndex: number, run: HaloRun): Promise<IDataObject> {
	const ticketTypeId = parseId(this, this.getNodeParameter('ticketTypeId', itemIndex), itemIndex, 'Ticket Type');
	const clientId = readId(this, 'clientId', itemIndex, 'Client');
	const values: IDataObject = {
		...readCollection(this, 'additionalFields', itemIndex),
		// An expression that resolves to nothing is an empty summary, refused before sending.
		summary: this.getNodeParameter('summary', itemIndex, '') ?? '',
		detailsFormat: this.getNodeParameter('detailsFormat', itemIndex, 'text'),
	};
	const details = this.getNodeParameter('details', itemIndex, '') as string;
	if (details !== '') values.details = details;
	const fields = await ticketFieldsToBody(this, itemIndex, 'additionalFields', values, run, { ticketTypeId, clientId });
	const key = String(readCollection(this, 'options', itemIndex).idempotencyKey ?? '').trim();
	if (key !== '' && !isValidKey(key)) {
		throw new NodeOperationError(this.getNode(), `Idempotency Key '${key.slice(0, 60)}' cannot be used: ${KEY_RULE}`, { itemIndex });
	}
	const shape = async (ticket: IDataObject, extra: IDataObject = {}) => ({
		...(this.getNodeParameter('simplify', itemIndex, true) ? simplifyTicket(ticket, await run.instanceUrl()) : ticket),
		...extra,
	});
	// No id: HaloPSA creates. Without a key a create is never re-sent after a lost answer (it may
	// have been saved); with one, HaloPSA is asked first.
	const send = async () =>
		savedRecord(await haloRequest(this, { method: 'POST', path: '/Tickets', body: [{ tickettype_id: ticketTypeId, client_id: clientId, ...fields }], itemIndex }));
	if (key === '') return await shape(await send());

	fields.summary = REFERENCE_MARKER.summaryWith(String(fields.summary), key);
	const existing = await findTicketByReference(this, clientId, key, itemIndex);
	if (existing) return await shape(await fetchTicket(this, run, Number(existing.id), itemIndex), { idempotent_replay: true });
	const { result, recovered } = await writeOnce(send, async () => await findTicketByReference(this, clientId, key, itemIndex));
	return await shape(result, recovered ? { recovered_after_no_answer: true } : {});
}

export const createTicket: HaloOperation = { properties, execute };
