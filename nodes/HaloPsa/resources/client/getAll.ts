import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { shapeRecords } from '../../shared/crud';
import { byDisplayName, returnAllFields, simplifyField } from '../../shared/descriptions';
import type { HaloOperation, HaloRun } from '../../shared/operation';
import { type CollectionField, readChoice, readCollectionFields, readLimit } from '../../shared/parameters';
import { simplifyClient } from '../../shared/records';
import { haloList } from '../../transport/pagination';

const FILTERS: CollectionField[] = [
	{
		property: { displayName: 'Search', name: 'search', type: 'string', default: '', description: 'Text the client name contains' },
		halo: 'search',
		kind: 'searchText',
	},
	{
		property: {
			displayName: 'Top Level Name or ID',
			name: 'topLevelId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getTopLevels' },
			default: '',
			description:
				'Only clients in this group. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		halo: 'toplevel_id',
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
		options: byDisplayName([
			{
				displayName: 'Active Status',
				name: 'activeStatus',
				type: 'options',
				options: [
					{ name: 'Active', value: 'active' },
					{ name: 'Inactive', value: 'inactive' },
					{ name: 'All', value: 'all' },
				],
				default: 'active',
			},
			...FILTERS.map((filter) => filter.property),
		]),
	},
];

/** HaloPSA lists active clients unless asked otherwise. */
const ACTIVE_STATUS_QUERY: Record<'active' | 'inactive' | 'all', IDataObject> = {
	active: {},
	inactive: { includeactive: false, includeinactive: true },
	all: { includeinactive: true },
};

async function execute(this: IExecuteFunctions, itemIndex: number, run: HaloRun): Promise<IDataObject[]> {
	const status = readChoice(this, 'filters.activeStatus', itemIndex, 'Active Status', ['active', 'inactive', 'all'], 'active');
	const qs: IDataObject = {
		...readCollectionFields(this, itemIndex, 'filters', FILTERS),
		...ACTIVE_STATUS_QUERY[status],
		order: 'name',
	};
	const limit = readLimit(this, itemIndex);
	const clients = await haloList(this, { path: '/Client', qs, listKey: 'clients', limit, itemIndex });
	return await shapeRecords(this, itemIndex, run, clients, simplifyClient);
}

export const getManyClients: HaloOperation = { properties, execute };
