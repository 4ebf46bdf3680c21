import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllFields, simplifyField, ticketLocator } from '../../shared/descriptions';
import type { HaloOperation } from '../../shared/operation';
import { readCollection, readId, readLimit } from '../../shared/parameters';
import { simplifyAction } from '../../shared/records';
import { haloList } from '../../transport/pagination';

const properties: INodeProperties[] = [
	ticketLocator(),
	...returnAllFields(),
	simplifyField,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Agent Actions Only',
				name: 'agentOnly',
				type: 'boolean',
				default: false,
				description: 'Whether to leave out actions by end users and systems',
			},
			{
				displayName: 'Exclude Private',
				name: 'excludePrivate',
				type: 'boolean',
				default: false,
				description: 'Whether to leave out private notes',
			},
			{
				displayName: 'Exclude System Actions',
				name: 'excludeSystem',
				type: 'boolean',
				default: false,
				description: 'Whether to leave out actions HaloPSA made itself (SLA changes, automations)',
			},
		],
	},
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const ticketId = readId(this, 'ticketId', itemIndex, 'Ticket');
	const filters = readCollection(this, 'filters', itemIndex);
	const qs: IDataObject = { ticket_id: ticketId };
	if (filters.agentOnly === true) qs.agentonly = true;
	if (filters.excludePrivate === true) qs.excludeprivate = true;
	if (filters.excludeSystem === true) qs.excludesys = true;
	const actions = await haloList(this, { path: '/Actions', qs, listKey: 'actions', limit: readLimit(this, itemIndex), itemIndex });
	return this.getNodeParameter('simplify', itemIndex, true) ? actions.map(simplifyAction) : actions;
}

export const getNotes: HaloOperation = { properties, execute };
