import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as loadOptions from './methods/loadOptions';
import * as listSearch from './methods/listSearch';
import { ticketOperations, ticketProperties } from './resources/ticket';
import { route } from './router';

export class HaloPsa implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HaloPSA',
		name: 'haloPsa',
		icon: { light: 'file:halopsa.svg', dark: 'file:halopsa.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Work with HaloPSA tickets, notes, clients, assets, projects and teams',
		defaults: { name: 'HaloPSA' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'haloPsaApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Ticket', value: 'ticket' }],
				default: 'ticket',
			},
			...ticketProperties,
		],
	};

	methods = {
		listSearch: { ...listSearch },
		loadOptions: { ...loadOptions },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, { ticket: ticketOperations });
	}
}
