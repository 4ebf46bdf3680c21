import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { searchClients } from '../HaloPsa/methods/listSearch';
import { getAgents, getPriorities, getStatusOptions, getTeamIds, getTicketTypes } from '../HaloPsa/methods/loadOptions';
import { pollingTriggerProperties } from './fields';
import { pollChanges } from './poll';

/**
 * Polls HaloPSA for ticket changes and new notes. A separate node from HaloPsaWebhookTrigger: n8n
 * schedules every node with a `poll` method and registers every node with `webhooks`, whatever
 * its parameters say, and the editor tests a polling node by polling, a webhook node by listening.
 */
export class HaloPsaTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HaloPSA Trigger',
		name: 'haloPsaTrigger',
		icon: { light: 'file:../HaloPsa/halopsa.svg', dark: 'file:../HaloPsa/halopsa.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow when HaloPSA tickets are created, change or close, or get a new note',
		defaults: { name: 'HaloPSA Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'haloPsaApi', required: true }],
		properties: pollingTriggerProperties,
	};

	methods = {
		listSearch: { searchClients },
		loadOptions: { getAgents, getPriorities, getStatusOptions, getTeamIds, getTicketTypes },
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollChanges(this);
	}
}
