import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { returnAllFields } from '../../shared/descriptions';
import { prioritiesOfSla, prioritiesOfTicketType } from '../../shared/lookups';
import type { HaloOperation, HaloRun } from '../../shared/operation';
import { optionalId, readLimit } from '../../shared/parameters';

const properties: INodeProperties[] = [
	...returnAllFields(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'SLA Name or ID',
				name: 'slaId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getSlas' },
				default: '',
				description:
					'Only the priorities of this SLA. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Ticket Type Name or ID',
				name: 'ticketTypeId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getTicketTypes' },
				default: '',
				description:
					'Only the priorities a ticket of this type can take (those of its SLA). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
		],
	},
];

/**
 * Priorities once each by `priorityid` (what a ticket's priority_id takes; HaloPSA repeats them per
 * SLA), hidden ones left out.
 */
async function execute(this: IExecuteFunctions, itemIndex: number, run: HaloRun): Promise<IDataObject[]> {
	const slaId = optionalId(this, 'filters.slaId', itemIndex, 'SLA');
	const ticketTypeId = optionalId(this, 'filters.ticketTypeId', itemIndex, 'Ticket Type');
	if (slaId !== undefined && ticketTypeId !== undefined) {
		throw new NodeOperationError(this.getNode(), 'Filter by SLA or by Ticket Type, not both: a ticket type has its own SLA', { itemIndex });
	}
	const limit = readLimit(this, itemIndex);
	const priorities =
		ticketTypeId !== undefined
			? await prioritiesOfTicketType(this, run.memoize, ticketTypeId)
			: await prioritiesOfSla(this, run.memoize, slaId);
	return priorities.slice(0, limit).map((priority) => ({ priorityid: priority.priorityid, name: priority.name }));
}

export const getPriorities: HaloOperation = { properties, execute };
