import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { shapeRecords } from '../../shared/crud';
import { byDisplayName, returnAllFields, simplifyField } from '../../shared/descriptions';
import type { HaloOperation, HaloRun } from '../../shared/operation';
import { type CollectionField, readCollectionFields, readLimit } from '../../shared/parameters';
import { simplifyAgent } from '../../shared/records';
import { haloList } from '../../transport/pagination';

const FILTERS: CollectionField[] = [
	{
		property: {
			displayName: 'Include Disabled',
			name: 'includeDisabled',
			type: 'boolean',
			default: false,
			description: 'Whether to list disabled agents too',
		},
		halo: 'includedisabled',
		kind: 'flag',
	},
	{
		property: { displayName: 'Search', name: 'search', type: 'string', default: '', description: 'Text the name, e-mail address or phone number contains' },
		halo: 'search',
		kind: 'searchText',
	},
	{
		property: {
			displayName: 'Team Name or ID',
			name: 'teamId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getTeamIds' },
			default: '',
			description:
				'Only members of this team. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		halo: 'team_id',
		kind: 'id',
	},
];

const properties: INodeProperties[] = [
	...returnAllFields(),
	simplifyField,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: byDisplayName(FILTERS.map((filter) => filter.property)),
	},
];

async function execute(this: IExecuteFunctions, itemIndex: number, run: HaloRun): Promise<IDataObject[]> {
	const qs = readCollectionFields(this, itemIndex, 'filters', FILTERS);
	const agents = await haloList(this, { path: '/Agent', qs, limit: readLimit(this, itemIndex), itemIndex });
	return await shapeRecords(this, itemIndex, run, agents, simplifyAgent);
}

export const getManyAgents: HaloOperation = { properties, execute };
