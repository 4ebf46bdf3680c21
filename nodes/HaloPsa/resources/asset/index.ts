import type { INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../shared/descriptions';
import type { HaloOperation } from '../../shared/operation';
import { findAssetByIdentifier } from './findByIdentifier';
import { getAsset } from './get';
import { getManyAssets } from './getAll';

export const assetOperations: Record<string, HaloOperation> = {
	findByIdentifier: findAssetByIdentifier,
	get: getAsset,
	getAll: getManyAssets,
};

export const assetProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['asset'] } },
		options: [
			{
				name: 'Find by Identifier',
				value: 'findByIdentifier',
				description: 'Find an asset by hostname, serial number or asset tag, optionally within one client',
				action: 'Find an asset by identifier',
			},
			{ name: 'Get', value: 'get', description: 'Get an asset by ID or URL', action: 'Get an asset' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many assets', action: 'Get many assets' },
		],
		default: 'findByIdentifier',
	},
	...Object.entries(assetOperations).flatMap(([operation, { properties }]) => forOperation('asset', operation, properties)),
];
