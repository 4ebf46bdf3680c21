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

/** The agent-portal address of a ticket: `https://acme.halopsa.com/ticket?id=123`. */
export const TICKET_URL_REGEX = '^https?://[^/?#]+(?:/[^?#]*)?/tickets?\\?(?:[^#]*&)?id=([0-9]+)';

export function ticketLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Ticket',
		name: 'ticketId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a ticket…',
				typeOptions: { searchListMethod: 'searchTickets', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 1234',
				validation: [{ type: 'regex', properties: { regex: '^[0-9]+$', errorMessage: 'A ticket ID is a whole number' } }],
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: 'e.g. https://acme.halopsa.com/ticket?id=1234',
				extractValue: { type: 'regex', regex: TICKET_URL_REGEX },
				validation: [
					{
						type: 'regex',
						properties: { regex: TICKET_URL_REGEX, errorMessage: 'Paste the ticket address from the HaloPSA agent portal (…/ticket?id=1234)' },
					},
				],
			},
		],
		...overrides,
	};
}

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
