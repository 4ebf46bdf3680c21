/** Field definitions that several operations share, so each is written once. */
import type { INodeProperties } from 'n8n-workflow';

/** Shows `fields` only for one resource and operation(s), keeping any displayOptions they have. */
export function forOperation(resource: string, operation: string | string[], fields: INodeProperties[]): INodeProperties[] {
	const operations = Array.isArray(operation) ? operation : [operation];
	return fields.map((field) => ({
		...field,
		displayOptions: {
			...field.displayOptions,
			show: { ...field.displayOptions?.show, resource: [resource], operation: operations },
		},
	}));
}

/** Options of a collection in the alphabetical order n8n's guidelines ask for. */
export function byDisplayName(fields: INodeProperties[]): INodeProperties[] {
	return [...fields].sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** The agent-portal address of a ticket: `https://acme.halopsa.com/ticket?id=123`. */
export const TICKET_URL_REGEX = '^https?://[^/?#]+(?:/[^?#]*)?/tickets?\\?(?:[^#]*&)?id=([0-9]+)';

/**
 * A HaloPSA record picker: "From list" (searchable, `searchListMethod`), "By ID", and "By URL" when
 * the record has an agent-portal address (`urlRegex`, the id in its first group).
 */
export function recordLocator(options: {
	displayName: string;
	name: string;
	searchListMethod: string;
	noun: string;
	urlRegex?: string;
	urlExample?: string;
	required?: boolean;
	description?: string;
}): INodeProperties {
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: options.required ?? false,
		description: options.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${options.noun}…`,
				typeOptions: { searchListMethod: options.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 12',
				validation: [
					{ type: 'regex', properties: { regex: '^[0-9]+$', errorMessage: `A ${options.noun} ID is a whole number` } },
				],
			},
			...(options.urlRegex
				? [
						{
							displayName: 'By URL',
							name: 'url',
							type: 'string' as const,
							placeholder: options.urlExample ? `e.g. ${options.urlExample}` : '',
							extractValue: { type: 'regex' as const, regex: options.urlRegex },
							validation: [
								{
									type: 'regex' as const,
									properties: {
										regex: options.urlRegex,
										errorMessage: `Paste the ${options.noun}'s address from the HaloPSA agent portal${options.urlExample ? ` (like ${options.urlExample})` : ''}`,
									},
								},
							],
						},
					]
				: []),
		],
	};
}

export function ticketLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		...recordLocator({
			displayName: 'Ticket',
			name: 'ticketId',
			searchListMethod: 'searchTickets',
			noun: 'ticket',
			urlRegex: TICKET_URL_REGEX,
			urlExample: 'https://acme.halopsa.com/ticket?id=1234',
			required: true,
		}),
		...overrides,
	};
}

// Agent-portal addresses of customers and assets (the id in the first group).
const PORTAL = '^https?://[^/?#]+(?:/[^?#]*)?';
export const CLIENT_URL_REGEX = `${PORTAL}/customers\\?(?:[^#]*&)?clientid=([0-9]+)`;
export const SITE_URL_REGEX = `${PORTAL}/customers\\?(?:[^#]*&)?siteid=([0-9]+)`;
export const USER_URL_REGEX = `${PORTAL}/customers\\?(?:[^#]*&)?userid=([0-9]+)`;
export const ASSET_URL_REGEX = `${PORTAL}/assets\\?(?:[^#]*&)?id=([0-9]+)`;

export const clientLocator = (overrides: Partial<INodeProperties> = {}): INodeProperties => ({
	...recordLocator({
		displayName: 'Client',
		name: 'clientId',
		searchListMethod: 'searchClients',
		noun: 'client',
		urlRegex: CLIENT_URL_REGEX,
		urlExample: 'https://acme.halopsa.com/customers?clientid=12',
	}),
	...overrides,
});

export const siteLocator = (overrides: Partial<INodeProperties> = {}): INodeProperties => ({
	...recordLocator({
		displayName: 'Site',
		name: 'siteId',
		searchListMethod: 'searchSites',
		noun: 'site',
		urlRegex: SITE_URL_REGEX,
		urlExample: 'https://acme.halopsa.com/customers?mainview=site&siteid=12',
	}),
	...overrides,
});

export const userLocator = (overrides: Partial<INodeProperties> = {}): INodeProperties => ({
	...recordLocator({
		displayName: 'User',
		name: 'userId',
		searchListMethod: 'searchUsers',
		noun: 'user',
		urlRegex: USER_URL_REGEX,
		urlExample: 'https://acme.halopsa.com/customers?mainview=user&userid=12',
	}),
	...overrides,
});

export const assetLocator = (overrides: Partial<INodeProperties> = {}): INodeProperties => ({
	...recordLocator({
		displayName: 'Asset',
		name: 'assetId',
		searchListMethod: 'searchAssets',
		noun: 'asset',
		urlRegex: ASSET_URL_REGEX,
		urlExample: 'https://acme.halopsa.com/assets?id=12',
	}),
	...overrides,
});

/** Projects are tickets in the projects area: HaloPSA opens them at the ticket address. */
export const projectLocator = (overrides: Partial<INodeProperties> = {}): INodeProperties => ({
	...recordLocator({
		displayName: 'Project',
		name: 'projectId',
		searchListMethod: 'searchProjects',
		noun: 'project',
		urlRegex: TICKET_URL_REGEX,
		urlExample: 'https://acme.halopsa.com/ticket?id=1234',
		required: true,
	}),
	...overrides,
});

/** Shown on client, site and user writes: the standard six scopes only read customers. */
export const editCustomersNotice: INodeProperties = {
	displayName:
		'Needs the edit:customers scope on the API application and in the credential, and Clients/Users "Modify" for the API agent. The standard setup only reads customers.',
	name: 'editCustomersNotice',
	type: 'notice',
	default: '',
};

/** For Find operations: what to do when nothing matches. */
export const errorIfNotFoundOption: INodeProperties = {
	displayName: 'Error If Not Found',
	name: 'errorIfNotFound',
	type: 'boolean',
	default: false,
	description: 'Whether to fail the item when nothing matches, instead of returning an item with found set to false',
};

export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

export function returnAllFields(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}
