import type { INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../shared/descriptions';
import type { HaloOperation } from '../../shared/operation';
import { getCategories } from './getCategories';
import { getOutcomes } from './getOutcomes';
import { getPriorities } from './getPriorities';
import { getStatuses } from './getStatuses';
import { getTicketTypes } from './getTicketTypes';

/** The short lists a workflow maps names to ids with (ticket types, statuses, priorities…). */
export const referenceOperations: Record<string, HaloOperation> = {
	getCategories,
	getOutcomes,
	getPriorities,
	getStatuses,
	getTicketTypes,
};

export const referenceProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['reference'] } },
		options: [
			{
				name: 'Get Categories',
				value: 'getCategories',
				description: 'Get many ticket categories, e.g. Security>Phishing',
				action: 'Get many categories',
			},
			{
				name: 'Get Outcomes',
				value: 'getOutcomes',
				description: 'Get many outcomes (the action buttons notes are recorded as)',
				action: 'Get many outcomes',
			},
			{
				name: 'Get Priorities',
				value: 'getPriorities',
				description: 'Get many priorities, once each, optionally of one SLA or ticket type',
				action: 'Get many priorities',
			},
			{
				name: 'Get Statuses',
				value: 'getStatuses',
				description: 'Get many statuses, saying which are closed',
				action: 'Get many statuses',
			},
			{ name: 'Get Ticket Types', value: 'getTicketTypes', description: 'Get many ticket types', action: 'Get many ticket types' },
		],
		default: 'getTicketTypes',
	},
	...Object.entries(referenceOperations).flatMap(([operation, { properties }]) =>
		forOperation('reference', operation, properties),
	),
];
