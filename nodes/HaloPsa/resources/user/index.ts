import type { INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../shared/descriptions';
import type { HaloOperation } from '../../shared/operation';
import { createUser } from './create';
import { deleteUser } from './delete';
import { getUser } from './get';
import { getManyUsers } from './getAll';
import { updateUser } from './update';

/** End users: the contacts of clients (agents are the Agent resource). */
export const userOperations: Record<string, HaloOperation> = {
	create: createUser,
	delete: deleteUser,
	get: getUser,
	getAll: getManyUsers,
	update: updateUser,
};

export const userProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create an end user at a site (needs the edit:customers scope)', action: 'Create a user' },
			{ name: 'Delete', value: 'delete', description: 'Delete an end user (needs the edit:customers scope)', action: 'Delete a user' },
			{ name: 'Get', value: 'get', description: 'Get an end user by ID or URL', action: 'Get a user' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many end users', action: 'Get many users' },
			{ name: 'Update', value: 'update', description: 'Update an end user (needs the edit:customers scope)', action: 'Update a user' },
		],
		default: 'get',
	},
	...Object.entries(userOperations).flatMap(([operation, { properties }]) => forOperation('user', operation, properties)),
];
