import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { shapeRecords } from '../../shared/crud';
import { byDisplayName, clientLocator, returnAllFields, simplifyField, siteLocator } from '../../shared/descriptions';
import type { HaloOperation, HaloRun } from '../../shared/operation';
import { type CollectionField, readCollectionFields, readLimit } from '../../shared/parameters';
import { simplifyAsset } from '../../shared/records';
import { haloList } from '../../transport/pagination';

const FILTERS: CollectionField[] = [
	{
		property: {
			displayName: 'Asset Type Name or ID',
			name: 'assetTypeId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getAssetTypes' },
			default: '',
			description:
				'Only assets of this type. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		halo: 'assettype_id',
		kind: 'id',
	},
	{ property: clientLocator({ description: "Only this client's assets" }), halo: 'client_id', kind: 'id' },
	{
		property: {
			displayName: 'Include Inactive',
			name: 'includeInactive',
			type: 'boolean',
			default: false,
			description: 'Whether to list inactive assets too',
		},
		halo: 'includeinactive',
		kind: 'flag',
	},
	{
		property: {
			displayName: 'Inventory Number',
			name: 'inventoryNumber',
			type: 'string',
			default: '',
			description: 'Only the asset with this asset tag (whole value, any case)',
		},
		halo: 'inventory_number',
		kind: 'searchText',
	},
	{
		property: {
			displayName: 'Search',
			name: 'search',
			type: 'string',
			default: '',
			description: 'Text the asset tag or an identifying field (such as hostname or serial number) contains',
		},
		halo: 'search',
		kind: 'searchText',
	},
	{ property: siteLocator({ description: 'Only assets of this site' }), halo: 'site_id', kind: 'id' },
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
	const limit = readLimit(this, itemIndex);
	const assets = await haloList(this, { path: '/Asset', qs, listKey: 'assets', limit, itemIndex });
	return await shapeRecords(this, itemIndex, run, assets, simplifyAsset);
}

export const getManyAssets: HaloOperation = { properties, execute };
