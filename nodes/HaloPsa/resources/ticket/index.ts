import type { INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../shared/descriptions';
import type { HaloOperation } from '../../shared/operation';
import { getTicket } from './get';

export const ticketOperations: Record<string, HaloOperation> = {
	get: getTicket,
};

export const ticketProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['ticket'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get a ticket by ID or URL',
				action: 'Get a ticket',
			},
		],
		default: 'get',
	},
	...Object.entries(ticketOperations).flatMap(([operation, { properties }]) =>
		forOperation('ticket', operation, properties),
	),
];
