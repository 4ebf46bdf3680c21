import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as loadOptions from './methods/loadOptions';
import * as listSearch from './methods/listSearch';
import { agentOperations, agentProperties } from './resources/agent';
import { alertOperations, alertProperties } from './resources/alert';
import { assetOperations, assetProperties } from './resources/asset';
import { clientOperations, clientProperties } from './resources/client';
import { projectOperations, projectProperties } from './resources/project';
import { referenceOperations, referenceProperties } from './resources/reference';
import { siteOperations, siteProperties } from './resources/site';
import { teamOperations, teamProperties } from './resources/team';
import { ticketOperations, ticketProperties } from './resources/ticket';
import { userOperations, userProperties } from './resources/user';
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
				options: [
					{ name: 'Agent', value: 'agent' },
					{ name: 'Alert', value: 'alert' },
					{ name: 'Asset', value: 'asset' },
					{ name: 'Client', value: 'client' },
					{ name: 'Project', value: 'project' },
					{ name: 'Reference Data', value: 'reference' },
					{ name: 'Site', value: 'site' },
					{ name: 'Team', value: 'team' },
					{ name: 'Ticket', value: 'ticket' },
					{ name: 'User', value: 'user' },
				],
				default: 'ticket',
			},
			...agentProperties,
			...alertProperties,
			...assetProperties,
			...clientProperties,
			...projectProperties,
			...referenceProperties,
			...siteProperties,
			...teamProperties,
			...ticketProperties,
			...userProperties,
		],
	};

	methods = {
		listSearch: { ...listSearch },
		loadOptions: { ...loadOptions },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, {
			agent: agentOperations,
			alert: alertOperations,
			asset: assetOperations,
			client: clientOperations,
			project: projectOperations,
			reference: referenceOperations,
			site: siteOperations,
			team: teamOperations,
			ticket: ticketOperations,
			user: userOperations,
		});
	}
}
