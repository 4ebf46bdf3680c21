import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { shapeRecords } from '../../shared/crud';
import { byDisplayName, clientLocator, returnAllFields, simplifyField, siteLocator } from '../../shared/descriptions';
import type { HaloOperation, HaloRun } from '../../shared/operation';
import { type CollectionField, readCollectionFields, readLimit } from '../../shared/parameters';
import { simplifyUser } from '../../shared/records';
import { haloList } from '../../transport/pagination';

const FILTERS: CollectionField[] = [
	{ property: clientLocator({ description: "Only this client's users" }), halo: 'client_id', kind: 'id' },
	{
		property: {
			displayName: 'Include Inactive',
			name: 'includeInactive',
			type: 'boolean',
			default: false,
			description: 'Whether to list inactive users too',
		},
		halo: 'includeinactive',
		kind: 'flag',
	},
	{
		property: { displayName: 'Search', name: 'search', type: 'string', default: '', description: 'Text the name or e-mail address contains' },
		halo: 'search',
		kind: 'searchText',
	},
	{ property: siteLocator({ description: 'Only users of this site' }), halo: 'site_id', kind: 'id' },
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
	const qs: IDataObject = { ...readCollectionFields(this, itemIndex, 'filters', FILTERS), order: 'name' };
	const limit = readLimit(this, itemIndex);
	const users = await haloList(this, { path: '/Users', qs, listKey: 'users', limit, itemIndex });
	return await shapeRecords(this, itemIndex, run, users, simplifyUser);
}

export const getManyUsers: HaloOperation = { properties, execute };
