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

export const clientLocator = (overrides: Partial<INodeProperties> = {}): INodeProperties => ({
	...recordLocator({ displayName: 'Client', name: 'clientId', searchListMethod: 'searchClients', noun: 'client' }),
	...overrides,
});

export const siteLocator = (overrides: Partial<INodeProperties> = {}): INodeProperties => ({
	...recordLocator({ displayName: 'Site', name: 'siteId', searchListMethod: 'searchSites', noun: 'site' }),
	...overrides,
});

export const userLocator = (overrides: Partial<INodeProperties> = {}): INodeProperties => ({
	...recordLocator({ displayName: 'User', name: 'userId', searchListMethod: 'searchUsers', noun: 'user' }),
	...overrides,
});

export const assetLocator = (overrides: Partial<INodeProperties> = {}): INodeProperties => ({
	...recordLocator({ displayName: 'Asset', name: 'assetId', searchListMethod: 'searchAssets', noun: 'asset' }),
	...overrides,
});

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
