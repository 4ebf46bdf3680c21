import type { INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../shared/descriptions';
import type { HaloOperation } from '../../shared/operation';
import { createSite } from './create';
import { deleteSite } from './delete';
import { getSite } from './get';
import { getManySites } from './getAll';
import { updateSite } from './update';

export const siteOperations: Record<string, HaloOperation> = {
	create: createSite,
	delete: deleteSite,
	get: getSite,
	getAll: getManySites,
	update: updateSite,
};

export const siteProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['site'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a site of a client (needs the edit:customers scope)', action: 'Create a site' },
			{ name: 'Delete', value: 'delete', description: 'Delete a site (needs the edit:customers scope)', action: 'Delete a site' },
			{ name: 'Get', value: 'get', description: 'Get a site by ID or URL', action: 'Get a site' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many sites', action: 'Get many sites' },
			{ name: 'Update', value: 'update', description: 'Update a site (needs the edit:customers scope)', action: 'Update a site' },
		],
		default: 'get',
	},
	...Object.entries(siteOperations).flatMap(([operation, { properties }]) => forOperation('site', operation, properties)),
];
