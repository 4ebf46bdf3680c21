import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { noteFormatField, outcomeField, postAction, privateNoteField } from '../../shared/actions';
import { ticketLocator } from '../../shared/descriptions';
import { closedStatusId } from '../../shared/lookups';
import type { HaloOperation, HaloRun } from '../../shared/operation';
import { parseId, readCollection, readId } from '../../shared/parameters';
import { simplifyAction, ticketUrl } from '../../shared/records';

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
	const options = readCollection(this, 'options', itemIndex);
	const statusId = await closedStatusId(this, run, options.statusId, itemIndex);
	const action = await postAction(this, run, {
		ticketId,
		note: String(this.getNodeParameter('note', itemIndex, '')),
		format: this.getNodeParameter('noteFormat', itemIndex, 'text') === 'html' ? 'html' : 'text',
		private: this.getNodeParameter('private', itemIndex, true) as boolean,
		outcomeId: options.outcomeId ? parseId(this, options.outcomeId, itemIndex, 'Outcome') : undefined,
		newStatusId: statusId,
		itemIndex,
	});
	return {
		id: ticketId,
		status_id: statusId,
		closed: true,
		url: ticketUrl(await run.instanceUrl(), ticketId),
		action: simplifyAction(action),
	};
}

export const closeTicket: HaloOperation = { properties, execute };
