import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

/**
 * The user name and password HaloPSA sends with its webhooks (Basic authentication), checked by the
 * HaloPSA Webhook Trigger. Our own type because community nodes may only use their package's
 * credentials (n8n's HTTP Basic Auth is another package's). It signs nothing outgoing; the node's
 * credential test checks the values can work as Basic authentication. ("API" in the names because
 * n8n's linter asks every credential type to end with it.)
 */
export class HaloPsaWebhookAuthApi implements ICredentialType {
	name = 'haloPsaWebhookAuthApi';

	displayName = 'HaloPSA Webhook Auth API';

	documentationUrl = 'https://github.com/n8n-nodes-halopsa/n8n-nodes-halopsa#webhook-from-halopsa';

	icon: Icon = { light: 'file:halopsa.svg', dark: 'file:halopsa.dark.svg' };

	properties: INodeProperties[] = [
		{
			displayName: 'Enter the same user name and password in HaloPSA: Configuration → Integrations → Webhooks → your webhook → Authentication: Basic Authentication.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'User',
			name: 'user',
			type: 'string',
			default: '',
			required: true,
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
	];
}
