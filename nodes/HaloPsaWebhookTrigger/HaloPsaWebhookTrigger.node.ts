import type { IHookFunctions, INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { simplifyField } from '../HaloPsa/shared/descriptions';
import { receiveDelivery, testWebhookAuth } from './webhook';

/**
 * Receives HaloPSA's webhooks. A separate node from the polling HaloPsaTrigger (see there). The
 * webhook is set up in HaloPSA by hand: registering it through the API needs admin rights the
 * standard API application does not have.
 */
export class HaloPsaWebhookTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HaloPSA Webhook Trigger',
		name: 'haloPsaWebhookTrigger',
		icon: { light: 'file:../HaloPsa/halopsa.svg', dark: 'file:../HaloPsa/halopsa.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"] || "All events"}}',
		description: 'Starts the workflow when HaloPSA sends a webhook (tickets, actions and other events)',
		defaults: { name: 'HaloPSA Webhook Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'haloPsaWebhookAuthApi',
				required: true,
				testedBy: 'testWebhookAuth',
				displayOptions: { show: { authentication: ['basicAuth'] } },
			},
		],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName:
					'In HaloPSA: Configuration → Integrations → Webhooks → New. Payload URL: this node\'s Production URL (above). Method POST, content type application/json. Authentication: Basic, with the user name and password of this node\'s credential. Payload: key fields, full object or event information only. Add the events to send, save, and activate this workflow.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{ name: 'Basic Auth', value: 'basicAuth', description: 'HaloPSA sends a user name and password (recommended)' },
					{ name: 'None', value: 'none', description: 'Anyone who knows the URL can start the workflow' },
				],
				default: 'basicAuth',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'string',
				default: '',
				placeholder: 'e.g. New Ticket Logged, Ticket Status Changed',
				description:
					'Event names to start the workflow for, comma-separated, as HaloPSA sends them in "event" (any case). Empty: every event. Others are answered 200 and ignored.',
			},
			// On: the same fields for every payload type (payload.ts); off: the delivery as HaloPSA sent it.
			simplifyField,
		],
	};

	methods = {
		credentialTest: { testWebhookAuth },
	};

	/** Nothing to register: the webhook is set up in HaloPSA by hand, so n8n has nothing to create or delete. */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveDelivery(this);
	}
}
