import type { INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../shared/descriptions';
import type { HaloOperation } from '../../shared/operation';
import { getAgent } from './get';
import { getManyAgents } from './getAll';
import { getCurrentAgent } from './getCurrent';

export const agentOperations: Record<string, HaloOperation> = {
	get: getAgent,
	getAll: getManyAgents,
	getCurrent: getCurrentAgent,
};

export const agentProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['agent'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get an agent', action: 'Get an agent' },
			{
				name: 'Get Current',
				value: 'getCurrent',
				description: 'Get the agent the credential logs in as, whose permissions and teams apply',
				action: 'Get the current agent',
			},
			{ name: 'Get Many', value: 'getAll', description: 'Get many agents', action: 'Get many agents' },
		],
		default: 'getCurrent',
	},
	...Object.entries(agentOperations).flatMap(([operation, { properties }]) => forOperation('agent', operation, properties)),
];
