import type { INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../shared/descriptions';
import type { HaloOperation } from '../../shared/operation';
import { raiseTicket } from './raiseTicket';
import { resolveAlert } from './resolve';

export const alertOperations: Record<string, HaloOperation> = {
	raiseTicket,
	resolve: resolveAlert,
};

export const alertProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['alert'] } },
		options: [
			{
				name: 'Raise Ticket',
				value: 'raiseTicket',
				description: "Raise a ticket for the alert's customer, or add a note to its open ticket when the alert repeats",
				action: 'Raise a ticket from an alert',
			},
			{
				name: 'Resolve',
				value: 'resolve',
				description: "Add the resolution to the alert's open ticket and close it",
				action: 'Resolve an alert',
			},
		],
		default: 'raiseTicket',
	},
	...Object.entries(alertOperations).flatMap(([operation, { properties }]) => forOperation('alert', operation, properties)),
];
