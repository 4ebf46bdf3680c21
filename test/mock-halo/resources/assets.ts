/** Assets (`/Asset`, schema Device; list items Device_List) and asset types: API-NOTES §3.6. */
import { ASSETS_ACCESS } from '../access';
import { badRequest, isTrue } from '../http';
import { contains, filterBy, passesActiveFilter } from '../list';
import { fillAssetNames, mainSiteOf } from '../relations';
import type { Asset, AssetType, MockStore } from '../store';
import { mergeAndRefresh, siteOrFail } from './customers';
import { dataFields, intField, type PostedRecord, type ResourceDescriptor } from './resource';

const IDENTIFYING_FIELDS = ['inventory_number', 'key_field', 'key_field2', 'key_field3'] as const;

function assetTypeOrFail(store: MockStore, typeId: number | undefined): AssetType {
	const type = typeId === undefined ? undefined : store.find('assetTypes', typeId);
	if (!type) throw badRequest(`Asset type ${typeId ?? ''} not found: assettype_id is required`);
	return type;
}

/** Needs an asset type and a site (or a client, whose main site is used). */
function createAsset(store: MockStore, input: PostedRecord): Asset {
	const fields = dataFields(input);
	const type = assetTypeOrFail(store, intField(fields, 'assettype_id'));
	const clientId = intField(fields, 'client_id');
	const siteId = intField(fields, 'site_id') ?? (clientId !== undefined ? mainSiteOf(store, clientId)?.id : undefined);
	if (siteId === undefined) throw badRequest('A site_id (or client_id) is required for a new asset');
	const site = siteOrFail(store, siteId);
	const asset: Asset = {
		id: store.nextId('assets'),
		inventory_number: '',
		key_field: '',
		key_field2: '',
		key_field3: '',
		inactive: false,
		...fields,
		assettype_id: type.id,
		site_id: site.id,
	};
	fillAssetNames(store, asset);
	store.assets.push(asset);
	return asset;
}

export const assetResource: ResourceDescriptor<Asset> = {
	name: 'Asset',
	displayName: 'Assets',
	access: ASSETS_ACCESS,
	listShape: { envelope: 'assets', pageInfo: true },
	records: (store) => store.assets,
	visibleInList: (asset, ctx) => passesActiveFilter(asset.inactive, ctx.query),
	filters: {
		client_id: filterBy.intEquals('client_id'),
		site_id: filterBy.intEquals('site_id'),
		assettype_id: filterBy.intEquals('assettype_id'),
		inventory_number: filterBy.textEquals('inventory_number'),
	},
	// Hostname and serial live in the key fields (API-NOTES §3.6).
	search: (asset, term, query) =>
		isTrue(query.search_inventory_number_only)
			? contains(asset.inventory_number, term)
			: IDENTIFYING_FIELDS.some((field) => contains(asset[field], term)),
	listOmit: ['notes', 'fields'],
	write: {
		create: (input, ctx) => createAsset(ctx.store, input),
		update: (asset, input, ctx) => {
			const typeId = intField(input, 'assettype_id');
			if (typeId !== undefined) asset.assettype_id = assetTypeOrFail(ctx.store, typeId).id;
			const siteId = intField(input, 'site_id');
			if (siteId !== undefined) asset.site_id = siteOrFail(ctx.store, siteId).id;
			return mergeAndRefresh(ctx.store, asset, input, ['assettype_id', 'site_id', 'client_id']);
		},
	},
	remove: (asset, ctx) => ctx.store.remove('assets', asset.id),
};

export const assetTypeResource: ResourceDescriptor<AssetType> = {
	name: 'AssetType',
	displayName: 'Asset Types',
	access: ASSETS_ACCESS,
	listShape: 'bare-array',
	records: (store) => store.assetTypes,
};
