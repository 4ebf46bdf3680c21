import { createHash } from 'crypto';
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import {
	HALO_CLOUD_DOMAIN,
	type HaloConnectionSettings,
	type HaloToken,
	requestAccessToken,
	requestTarget,
	resolveInstanceUrl,
	resolveTokenUrl,
	STANDARD_SCOPES,
	usableToken,
	validateSettings,
} from '../nodes/HaloPsa/transport/connection';

/**
 * Tokens fetched by this n8n process in the last minute, by application and secret. Executions that
 * run side by side and all find the stored token expired share one token request instead of each
 * fetching their own; n8n stores the token in the credential for every later execution.
 */
const recentTokens = new Map<string, { token: Promise<HaloToken>; fetchedAt: number }>();
const SHARE_RECENT_TOKEN_MS = 60_000;

function applicationKey(settings: HaloConnectionSettings, tokenUrl: string): string {
	return createHash('sha256')
		.update([tokenUrl, settings.clientId, settings.clientSecret, settings.scopes].join('\n'))
		.digest('hex');
}

/** Forgets the shared tokens (tests start each case from an empty process state). */
export function forgetSharedTokens(): void {
	recentTokens.clear();
}

async function fetchOrShareToken(
	httpRequest: IHttpRequestHelper['helpers']['httpRequest'],
	settings: HaloConnectionSettings,
): Promise<HaloToken> {
	const now = Date.now();
	for (const [key, entry] of recentTokens) {
		if (now - entry.fetchedAt > SHARE_RECENT_TOKEN_MS) recentTokens.delete(key);
	}
	const tokenUrl = await resolveTokenUrl(httpRequest, settings);
	const key = applicationKey(settings, tokenUrl);
	const recent = recentTokens.get(key);
	if (recent) {
		const token = await recent.token.catch(() => undefined);
		// Never hand back the token HaloPSA just refused.
		const refused = [settings.accessToken, settings.rejectedAccessToken];
		if (token && !refused.includes(token.accessToken) && token.expiresAt > Date.now()) return token;
	}
	const token = requestAccessToken(httpRequest, settings, tokenUrl);
	recentTokens.set(key, { token, fetchedAt: now });
	token.catch(() => recentTokens.delete(key));
	return await token;
}

export class HaloPsaApi implements ICredentialType {
	name = 'haloPsaApi';

	displayName = 'HaloPSA API';

	documentationUrl = 'https://github.com/n8n-nodes-halopsa/n8n-nodes-halopsa#create-the-credential-in-n8n';

	icon: Icon = { light: 'file:halopsa.svg', dark: 'file:halopsa.dark.svg' };

	httpRequestNode = {
		name: 'HaloPSA',
		docsUrl: 'https://halopsa.com/apidoc',
		apiBaseUrlPlaceholder: `https://acme.${HALO_CLOUD_DOMAIN}/api/Tickets`,
	};

	properties: INodeProperties[] = [
		{
			displayName: 'Hosting',
			name: 'hosting',
			type: 'options',
			options: [
				{
					name: 'HaloPSA Cloud (Namespace.halopsa.com)',
					value: 'cloud',
				},
				{
					name: 'Custom Domain or On-Premise',
					value: 'custom',
				},
			],
			default: 'cloud',
		},
		{
			displayName: 'Namespace',
			name: 'namespace',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'acme',
			description: `The first part of your HaloPSA address: acme for https://acme.${HALO_CLOUD_DOMAIN}`,
			displayOptions: { show: { hosting: ['cloud'] } },
		},
		{
			displayName: 'Instance URL',
			name: 'instanceUrl',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'https://support.example.com',
			description: 'The address of your HaloPSA web app, without /api or /auth',
			displayOptions: { show: { hosting: ['custom'] } },
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			required: true,
			default: '',
			description:
				"From HaloPSA: Configuration → Integrations → HaloPSA API → View Applications → your 'Client ID and Secret (Services)' application",
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
		},
		{
			displayName: 'Authorisation Server',
			name: 'authServer',
			type: 'options',
			options: [
				{
					name: 'This Instance (/auth)',
					value: 'instance',
					description: 'HaloPSA cloud and most on-premise installs',
				},
				{
					name: 'Discover Through /api/authinfo',
					value: 'discover',
					description: 'Ask the instance where its authorisation server is',
				},
				{
					name: 'Custom URL',
					value: 'custom',
					description: "For example Halo's shared authorisation server; see Configuration → Integrations → HaloPSA API",
				},
			],
			default: 'instance',
		},
		{
			displayName: 'Authorisation Server URL',
			name: 'authServerUrl',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'https://auth.example.com',
			description: 'The Authorisation Server shown under API Details in HaloPSA, without /token',
			displayOptions: { show: { authServer: ['custom'] } },
		},
		{
			displayName: 'Tenant',
			name: 'tenant',
			type: 'string',
			default: '',
			description: 'Only for a shared authorisation server that needs it; sent as ?tenant= with the token request when set',
		},
		{
			displayName: 'Scopes',
			name: 'scopes',
			type: 'string',
			default: STANDARD_SCOPES,
			description:
				'Space-separated, exactly as ticked on the API application. Client, site and user edits also need edit:customers.',
		},
		{
			displayName: 'Request Budget (per 5 Minutes)',
			name: 'requestBudget',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description:
				'How many requests this n8n may send to HaloPSA in any 5 minutes; more wait instead of failing. 0 = automatic: 290 for HaloPSA cloud (which allows about 300), no limit for a custom domain or on-premise. With several n8n workers, give each its share.',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Expires At',
			name: 'expiresAt',
			type: 'hidden',
			default: 0,
		},
		{
			displayName: 'Issued For',
			name: 'issuedFor',
			type: 'hidden',
			default: '',
		},
	];

	/**
	 * n8n calls this when the stored token is empty, after HaloPSA refused it (401), and when the
	 * credential is tested. n8n stores the returned fields in the credential, so one token serves every
	 * execution until it expires.
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const settings = { ...credentials } as HaloConnectionSettings;
		// A transient hint from the node's transport; it must not be stored with the credential.
		delete credentials.rejectedAccessToken;
		validateSettings(settings);
		const token = await fetchOrShareToken(this.helpers.httpRequest, settings);
		return { ...token } as IDataObject;
	}

	/**
	 * Signs requests to this credential's instance only. A token past its expiry (or issued for other
	 * settings) is left off, so HaloPSA answers 401 and n8n fetches a new one: this also covers HaloPSA
	 * answering 400 instead of 401 for an expired token.
	 */
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions) {
		const settings = credentials as HaloConnectionSettings;
		const instance = new URL(resolveInstanceUrl(settings));
		const target = requestTarget(requestOptions);
		if (!target || target.origin !== instance.origin || !target.pathname.startsWith(instance.pathname)) {
			throw new Error(
				`This HaloPSA credential only signs requests to ${instance.origin}${instance.pathname === '/' ? '' : instance.pathname}; this request goes to ${target ? target.origin : 'an invalid URL'}. Use the instance's address in the URL.`,
			);
		}
		const token = usableToken(settings);
		if (token) {
			requestOptions.headers = { ...requestOptions.headers, Authorization: `Bearer ${token}` };
		}
		return requestOptions;
	}

	/**
	 * Signs in (preAuthentication reports a wrong address, client ID/secret or scope) and reads one
	 * ticket. Token requests fail for scopes the application does not have, so a 403 here means the
	 * API agent lacks a permission. Without a tickets scope the test reads the agent itself instead.
	 */
	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{ ($credentials.hosting === "custom" ? String($credentials.instanceUrl).trim().replace(/\\/+$/, "") : "https://" + String($credentials.namespace).trim().toLowerCase() + ".${HALO_CLOUD_DOMAIN}") + "/api" }}`,
			url: '={{ /(^|\\s)(all|admin|all:standard|read:tickets|edit:tickets)(\\s|$)/.test(String($credentials.scopes ?? "read:tickets")) ? "/Tickets" : "/Agent/me" }}',
			qs: { count: 1 },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						"Signed in, but HaloPSA refused to list tickets (403): the API agent the application logs in as lacks Tickets 'Read' access, or is in none of the teams whose tickets it should see. Check the agent under Configuration → Teams/Agents",
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message: 'No HaloPSA API at this address (404): check the Namespace or Instance URL',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'HaloPSA did not accept the token it issued (401): check the Authorisation Server and Tenant settings',
				},
			},
		],
	};
}
