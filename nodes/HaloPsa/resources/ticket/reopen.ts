import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { noteFormatField, outcomeField, privateNoteField } from '../../shared/actions';
import { ticketLocator } from '../../shared/descriptions';
import { getStatuses, getTicketType } from '../../shared/lookups';
import type { HaloOperation, HaloRun } from '../../shared/operation';
import { parseId, readCollection, readId } from '../../shared/parameters';
import { changeTicketStatus, fetchTicket } from './shared';

const properties: INodeProperties[] = [
	ticketLocator(),
	{
		displayName: 'Note',
		name: 'note',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description: 'Why the ticket is re-opened',
	},
	noteFormatField,
	privateNoteField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			outcomeField,
			{
				displayName: 'Status Name or ID',
				name: 'statusId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getOpenStatuses' },
				default: 0,
				description:
					'Automatic uses the ticket type\'s re-opened status (or In Progress). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
		],
	},
];

/** The status to re-open with: the chosen one, the ticket type's re-opened status, or In Progress. */
async function reopenStatusId(context: IExecuteFunctions, run: HaloRun, ticketId: number, chosen: unknown, itemIndex: number): Promise<number> {
	if (chosen !== undefined && chosen !== '' && chosen !== 0 && chosen !== '0') return parseId(context, chosen, itemIndex, 'Status');
	const open = (await getStatuses(context, run.memoize)).filter((status) => !status.closed);
	const ticket = await fetchTicket(context, run, ticketId, itemIndex);
	const typeId = Number(ticket.tickettype_id);
	if (Number.isInteger(typeId) && typeId > 0) {
		const reopened = Number((await getTicketType(context, run.memoize, typeId)).reopenedstatus);
		if (open.some((status) => status.id === reopened)) return reopened;
	}
	const status =
		open.find((candidate) => /^in progress$/i.test(candidate.name)) ?? open.find((candidate) => !/^new$/i.test(candidate.name)) ?? open[0];
	if (!status) throw new NodeOperationError(context.getNode(), 'HaloPSA lists no open status: pick the Status to re-open with', { itemIndex });
	return status.id;
}

async function execute(this: IExecuteFunctions, itemIndex: number, run: HaloRun): Promise<IDataObject> {
	const ticketId = readId(this, 'ticketId', itemIndex, 'Ticket');
	const statusId = await reopenStatusId(this, run, ticketId, readCollection(this, 'options', itemIndex).statusId, itemIndex);
	return await changeTicketStatus(this, run, itemIndex, ticketId, statusId, false);
}

export const reopenTicket: HaloOperation = { properties, execute };
