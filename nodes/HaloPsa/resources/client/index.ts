import type { INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../shared/descriptions';
import type { HaloOperation } from '../../shared/operation';
import { createClient } from './create';
import { deleteClient } from './delete';
import { findClientByNameOperation } from './findByName';
import { getClient } from './get';
import { getManyClients } from './getAll';
import { updateClient } from './update';

export const clientOperations: Record<string, HaloOperation> = {
	create: createClient,
	delete: deleteClient,
	findByName: findClientByNameOperation,
	get: getClient,
	getAll: getManyClients,
	update: updateClient,
};

export const clientProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['client'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a client (needs the edit:customers scope)', action: 'Create a client' },
			{ name: 'Delete', value: 'delete', description: 'Delete a client (needs the edit:customers scope)', action: 'Delete a client' },
			{
				name: 'Find by Name',
				value: 'findByName',
				description: 'Find the one client a name means, ignoring case, punctuation and legal forms',
				action: 'Find a client by name',
			},
			{ name: 'Get', value: 'get', description: 'Get a client by ID or URL', action: 'Get a client' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many clients', action: 'Get many clients' },
			{ name: 'Update', value: 'update', description: 'Update a client (needs the edit:customers scope)', action: 'Update a client' },
		],
		default: 'get',
	},
	...Object.entries(clientOperations).flatMap(([operation, { properties }]) => forOperation('client', operation, properties)),
];
