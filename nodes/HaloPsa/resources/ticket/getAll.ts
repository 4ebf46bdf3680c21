import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	assetLocator,
	byDisplayName,
	clientLocator,
	returnAllFields,
	simplifyField,
	siteLocator,
	userLocator,
} from '../../shared/descriptions';
import type { HaloOperation, HaloRun } from '../../shared/operation';
import { optionalId, parseId, readCollection, readLimit } from '../../shared/parameters';
import { simplifyTicket, toHaloUtc } from '../../shared/records';
import { haloList } from '../../transport/pagination';

const dateFilter = (displayName: string, name: string): INodeProperties => ({
	displayName,
	name,
	type: 'dateTime',
	default: '',
	description: "A date without a time zone is read in the workflow's time zone",
});

const properties: INodeProperties[] = [
	...returnAllFields(),
	simplifyField,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: byDisplayName([
			{
				displayName: 'Agent Name or ID',
				name: 'agentId',
				type: 'options',
				description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
				typeOptions: { loadOptionsMethod: 'getAgents' },
				default: '',
			},
			assetLocator({ description: 'Tickets linked to this asset' }),
			clientLocator(),
			dateFilter('Closed After', 'closedAfter'),
			dateFilter('Closed Before', 'closedBefore'),
			dateFilter('Opened After', 'openedAfter'),
			dateFilter('Opened Before', 'openedBefore'),
			{
				displayName: 'Priority Name or ID',
				name: 'priorityId',
				type: 'options',
				description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
				typeOptions: { loadOptionsMethod: 'getPriorities', loadOptionsDependsOn: ['filters.ticketTypeId'] },
				default: '',
			},
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				description: 'Text to look for',
			},
			{
				displayName: 'Search In',
				name: 'searchIn',
				type: 'options',
				options: [
					{ name: 'Summary, Details and ID', value: 'all' },
					{ name: 'Summary Only', value: 'summary' },
					{ name: 'Details Only', value: 'details' },
				],
				default: 'all',
			},
			siteLocator(),
			{
				displayName: 'State',
				name: 'state',
				type: 'options',
				options: [
					{ name: 'All', value: 'all' },
					{ name: 'Open Only', value: 'open' },
					{ name: 'Closed Only', value: 'closed' },
				],
				default: 'all',
			},
			{
				displayName: 'Status Name or ID',
				name: 'statusId',
				type: 'options',
				description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
				typeOptions: { loadOptionsMethod: 'getStatusOptions' },
				default: '',
			},
			{
				displayName: 'Team Name or ID',
				name: 'teamId',
				type: 'options',
				description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
				typeOptions: { loadOptionsMethod: 'getTeamIds' },
				default: '',
			},
			{
				displayName: 'Ticket Type Name or ID',
				name: 'ticketTypeId',
				type: 'options',
				description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
				typeOptions: { loadOptionsMethod: 'getTicketTypes' },
				default: '',
			},
			userLocator(),
		]),
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Order By',
				name: 'orderBy',
				type: 'options',
				options: [
					{ name: 'Date Opened', value: 'dateoccurred' },
					{ name: 'ID', value: 'id' },
					{ name: 'Last Update', value: 'last_update' },
					{ name: 'Priority', value: 'priority_id' },
					{ name: 'Summary', value: 'summary' },
				],
				default: 'id',
			},
			{
				displayName: 'Descending',
				name: 'descending',
				type: 'boolean',
				default: true,
				description: 'Whether to list the newest (or highest) first',
			},
		],
	},
];

/** Maps the Filters collection to HaloPSA's query parameters for /Tickets. */
function ticketQuery(context: IExecuteFunctions, itemIndex: number, filters: IDataObject): IDataObject {
	const qs: IDataObject = {};
	const fail = (message: string): never => {
		throw new NodeOperationError(context.getNode(), message, { itemIndex });
	};
	const ids: Array<[string, string, string]> = [
		['clientId', 'client_id', 'Client'],
		['siteId', 'site_id', 'Site'],
		['userId', 'user_id', 'User'],
		['assetId', 'asset_id', 'Asset'],
	];
	for (const [name, param, label] of ids) {
		const id = filters[name] !== undefined ? optionalId(context, `filters.${name}`, itemIndex, label) : undefined;
		if (id !== undefined) qs[param] = id;
	}
	const dropdowns: Array<[string, string, string]> = [
		['agentId', 'agent_id', 'Agent'],
		['statusId', 'status_id', 'Status'],
		['ticketTypeId', 'requesttype_id', 'Ticket Type'],
		['priorityId', 'priority_id', 'Priority'],
		['teamId', 'team', 'Team'],
	];
	for (const [name, param, label] of dropdowns) {
		if (filters[name] !== undefined && filters[name] !== '') qs[param] = parseId(context, filters[name], itemIndex, label);
	}
	if (filters.state === 'open') qs.open_only = true;
	if (filters.state === 'closed') qs.closed_only = true;
	const search = String(filters.search ?? '').trim();
	if (search !== '') {
		const param = filters.searchIn === 'summary' ? 'search_summary' : filters.searchIn === 'details' ? 'search_details' : 'search';
		qs[param] = search;
	}
	const opened = filters.openedAfter !== undefined || filters.openedBefore !== undefined;
	const closed = filters.closedAfter !== undefined || filters.closedBefore !== undefined;
	if (opened && closed) fail('HaloPSA filters on one date at a time: use the Opened or the Closed dates, not both');
	if (opened || closed) {
		// HaloPSA spells these with one "r".
		qs.datesearch = opened ? 'dateoccured' : 'datecleared';
		const [after, before] = opened ? ['openedAfter', 'openedBefore'] : ['closedAfter', 'closedBefore'];
		for (const [name, param] of [
			[after, 'startdate'],
			[before, 'enddate'],
		]) {
			if (filters[name] === undefined || filters[name] === '') continue;
			const date = toHaloUtc(filters[name], context.getTimezone());
			if (!date) fail(`'${String(filters[name]).slice(0, 40)}' is not a date: use ISO 8601 such as 2026-11-27T14:30:00Z`);
			qs[param] = date;
		}
	}
	return qs;
}

async function execute(this: IExecuteFunctions, itemIndex: number, run: HaloRun): Promise<IDataObject[]> {
	const filters = readCollection(this, 'filters', itemIndex);
	const options = readCollection(this, 'options', itemIndex);
	const qs = ticketQuery(this, itemIndex, filters);
	qs.order = options.orderBy ?? 'id';
	qs.orderdesc = options.descending ?? true;
	const tickets = await haloList(this, { path: '/Tickets', qs, listKey: 'tickets', limit: readLimit(this, itemIndex), itemIndex });
	if (!this.getNodeParameter('simplify', itemIndex, true)) return tickets;
	const instanceUrl = await run.instanceUrl();
	return tickets.map((ticket) => simplifyTicket(ticket, instanceUrl));
}

export const getManyTickets: HaloOperation = { properties, execute };
