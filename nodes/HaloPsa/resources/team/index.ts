import type { INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../shared/descriptions';
import type { HaloOperation } from '../../shared/operation';
import { getTeam } from './get';
import { getManyTeams } from './getAll';

export const teamOperations: Record<string, HaloOperation> = {
	get: getTeam,
	getAll: getManyTeams,
};

export const teamProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['team'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get a team with its agents', action: 'Get a team' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many teams', action: 'Get many teams' },
		],
		default: 'getAll',
	},
	...Object.entries(teamOperations).flatMap(([operation, { properties }]) => forOperation('team', operation, properties)),
];
