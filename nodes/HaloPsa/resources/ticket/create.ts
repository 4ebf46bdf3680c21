import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { clientLocator, simplifyField } from '../../shared/descriptions';
import type { HaloOperation, HaloRun } from '../../shared/operation';
import { parseId, readCollection, readId } from '../../shared/parameters';
import { savedRecord, simplifyTicket } from '../../shared/records';
import { haloRequest } from '../../transport/request';
import { isValidKey, KEY_RULE, REFERENCE_MARKER } from '../../shared/summaryMarker';
import { writeOnce } from '../../shared/writeOnce';
import { fetchTicket, findTicketByReference, ticketsByReference } from './shared';
import { batchSizeField, postInBatches, type BatchEntry } from '../../shared/batch';
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
			batchSizeField,
		],
	},
];

interface PreparedTicket {
	body: IDataObject;
	clientId: number;
	/** The idempotency key, when one is given (then also at the end of the summary). */
	key?: string;
}

/** Reads and checks one item's fields: the Faults record to create. */
async function prepare(context: IExecuteFunctions, itemIndex: number, run: HaloRun): Promise<PreparedTicket> {
	const ticketTypeId = parseId(context, context.getNodeParameter('ticketTypeId', itemIndex), itemIndex, 'Ticket Type');
	const clientId = readId(context, 'clientId', itemIndex, 'Client');
	const values: IDataObject = {
		...readCollection(context, 'additionalFields', itemIndex),
		// An expression that resolves to nothing is an empty summary, refused before sending.
		summary: context.getNodeParameter('summary', itemIndex, '') ?? '',
		detailsFormat: context.getNodeParameter('detailsFormat', itemIndex, 'text'),
	};
	const details = context.getNodeParameter('details', itemIndex, '') as string;
	if (details !== '') values.details = details;
	const fields = await ticketFieldsToBody(context, itemIndex, 'additionalFields', values, run, { ticketTypeId, clientId });
	const key = String(readCollection(context, 'options', itemIndex).idempotencyKey ?? '').trim();
	if (key !== '' && !isValidKey(key)) {
		throw new NodeOperationError(context.getNode(), `Idempotency Key '${key.slice(0, 60)}' cannot be used: ${KEY_RULE}`, { itemIndex });
	}
	if (key !== '') fields.summary = REFERENCE_MARKER.summaryWith(String(fields.summary), key);
	return { body: { tickettype_id: ticketTypeId, client_id: clientId, ...fields }, clientId, key: key || undefined };
}

async function shape(context: IExecuteFunctions, itemIndex: number, run: HaloRun, ticket: IDataObject, extra: IDataObject = {}) {
	return {
		...(context.getNodeParameter('simplify', itemIndex, true) ? simplifyTicket(ticket, await run.instanceUrl()) : ticket),
		...extra,
	};
}

async function execute(this: IExecuteFunctions, itemIndex: number, run: HaloRun): Promise<IDataObject> {
	const { body, clientId, key } = await prepare(this, itemIndex, run);
	// No id: HaloPSA creates. Without a key a create is never re-sent after a lost answer (it may
	// have been saved); with one, HaloPSA is asked first.
	const send = async () => savedRecord(await haloRequest(this, { method: 'POST', path: '/Tickets', body: [body], itemIndex }));
	if (key === undefined) return await shape(this, itemIndex, run, await send());

	const existing = await findTicketByReference(this, clientId, key, itemIndex);
	if (existing) return await shape(this, itemIndex, run, await fetchTicket(this, run, Number(existing.id), itemIndex), { idempotent_replay: true });
	const { result, recovered } = await writeOnce(send, async () => await findTicketByReference(this, clientId, key, itemIndex));
	return await shape(this, itemIndex, run, result, recovered ? { recovered_after_no_answer: true } : {});
}

/**
 * Creates in batches. With idempotency keys, each client's keyed tickets are read once: items whose
 * key already has a ticket get it back, and a batch whose answer was lost is checked the same way
 * before its missing records are sent again.
 */
async function executeBatch(this: IExecuteFunctions, itemIndexes: number[], run: HaloRun, batchSize: number) {
	const results = new Map<number, IDataObject | Error>();
	const prepared = new Map<number, PreparedTicket>();
	for (const itemIndex of itemIndexes) {
		await prepare(this, itemIndex, run).then(
			(ticket) => prepared.set(itemIndex, ticket),
			(error: Error) => results.set(itemIndex, error),
		);
	}
	const keyed = async (clientId: number, fresh: boolean) =>
		fresh ? await ticketsByReference(this, clientId, itemIndexes[0]) : await run.memoize(`references:${clientId}`, async () => ticketsByReference(this, clientId, itemIndexes[0]));
	const toSend: BatchEntry[] = [];
	const sentKeys = new Map<string, number>();
	for (const [itemIndex, ticket] of prepared) {
		if (ticket.key !== undefined) {
			const existing = (await keyed(ticket.clientId, false)).get(ticket.key);
			const first = sentKeys.get(`${ticket.clientId}:${ticket.key}`);
			if (existing || first !== undefined) {
				results.set(itemIndex, existing ? { replayOfTicket: Number(existing.id) } : { replayOfItem: first });
				continue;
			}
			sentKeys.set(`${ticket.clientId}:${ticket.key}`, itemIndex);
		}
		toSend.push({ itemIndex, body: ticket.body });
	}
	// Only keyed records can be found again after a failed batch; without keys a failed batch is reported.
	const allKeyed = toSend.every((entry) => prepared.get(entry.itemIndex)?.key !== undefined);
	const saved = await postInBatches(this, '/Tickets', toSend, batchSize, {
		findSaved: allKeyed
			? async (batch) => {
					const found = new Map<number, IDataObject>();
					for (const entry of batch) {
						const ticket = prepared.get(entry.itemIndex) as PreparedTicket;
						const match = (await keyed(ticket.clientId, true)).get(ticket.key as string);
						if (match) found.set(entry.itemIndex, match);
					}
					return found;
				}
			: undefined,
	});
	for (const [itemIndex, result] of saved) results.set(itemIndex, result);
	for (const itemIndex of itemIndexes) {
		const result = results.get(itemIndex);
		if (result === undefined || result instanceof Error) continue;
		if ('replayOfTicket' in result || 'replayOfItem' in result) {
			// Same key as an earlier ticket, or as an earlier item of this run: that ticket (or its error).
			const original = 'replayOfItem' in result ? results.get(Number(result.replayOfItem)) : undefined;
			if (original instanceof Error) {
				results.set(itemIndex, original);
				continue;
			}
			const id = Number(original?.id ?? result.replayOfTicket);
			const replay = fetchTicket(this, run, id, itemIndex).then(async (ticket) => shape(this, itemIndex, run, ticket, { idempotent_replay: true }));
			results.set(itemIndex, await replay.catch((error: Error) => error));
		} else {
			results.set(itemIndex, await shape(this, itemIndex, run, result));
		}
	}
	return results;
}

export const createTicket: HaloOperation = { properties, execute, executeBatch };
