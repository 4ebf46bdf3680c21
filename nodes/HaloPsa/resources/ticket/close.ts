import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { noteFormatField, outcomeField, privateNoteField } from '../../shared/actions';
import { ticketLocator } from '../../shared/descriptions';
import { closedStatusId } from '../../shared/lookups';
import type { HaloOperation, HaloRun } from '../../shared/operation';
import { readCollection, readId } from '../../shared/parameters';
import { changeTicketStatus } from './shared';

const properties: INodeProperties[] = [
	ticketLocator(),
	{
		displayName: 'Closure Note',
		name: 'note',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description: 'Why the ticket is closed; recorded with the status change',
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
			{
				displayName: 'Closed Status Name or ID',
				name: 'statusId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getClosedStatuses' },
				default: 0,
				description:
					'Automatic uses HaloPSA\'s closed status. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			outcomeField,
		],
	},
];

async function execute(this: IExecuteFunctions, itemIndex: number, run: HaloRun): Promise<IDataObject> {
	const ticketId = readId(this, 'ticketId', itemIndex, 'Ticket');
	const statusId = await closedStatusId(this, run, readCollection(this, 'options', itemIndex).statusId, itemIndex);
	return await changeTicketStatus(this, run, itemIndex, ticketId, statusId, true);
}

export const closeTicket: HaloOperation = { properties, execute };
