/**
 * The ticket fields an MSP sets, shared by Create and Update, and their translation into HaloPSA's
 * `Faults` record: every value checked before anything is sent.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { assetLocator, byDisplayName, siteLocator, ticketLocator, userLocator } from '../../shared/descriptions';
import { getTicketType, getUser, prioritiesOfTicketType, slaOfTicketType, teamName } from '../../shared/lookups';
import type { HaloRun } from '../../shared/operation';
import { optionalId, parseId } from '../../shared/parameters';
import { toHaloUtc } from '../../shared/records';

export const detailsFormatField: INodeProperties = {
	displayName: 'Details Format',
	name: 'detailsFormat',
	type: 'options',
	options: [
		{ name: 'Plain Text', value: 'text' },
		{ name: 'HTML', value: 'html' },
	],
	default: 'text',
	description: 'Whether Details is plain text or HTML (sent as details or details_html)',
};

export const detailsField: INodeProperties = {
	displayName: 'Details',
	name: 'details',
	type: 'string',
	typeOptions: { rows: 5 },
	default: '',
	description: 'The body of the ticket',
};

export const ticketTypeField: INodeProperties = {
	displayName: 'Ticket Type Name or ID',
	name: 'ticketTypeId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getTicketTypes' },
	default: '',
	description: 'The ticket type decides the SLA (and so the priorities), the statuses and the template. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

/** The optional ticket fields, for "Additional Fields" (create) and "Update Fields" (update). */
export function optionalTicketFields(): INodeProperties[] {
	return byDisplayName([
		{
			displayName: 'Agent Name or ID',
			name: 'agentId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getAgents' },
			default: '',
			description: 'The agent the ticket is assigned to. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Assets',
			name: 'assets',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Asset',
			default: {},
			description: 'Assets (devices) linked to the ticket. On update, the list replaces the linked assets.',
			options: [
				{
					displayName: 'Asset',
					name: 'asset',
					values: [assetLocator({ required: true })],
				},
			],
		},
		{
			displayName: 'Category Name or ID',
			name: 'category',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getCategories' },
			default: '',
			description: 'The category path, e.g. Security>Phishing. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Custom Fields',
			name: 'customFields',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Custom Field',
			default: {},
			options: [
				{
					displayName: 'Field',
					name: 'field',
					values: [
						{
							displayName: 'Field Name or ID',
							name: 'fieldId',
							type: 'options',
							typeOptions: { loadOptionsMethod: 'getCustomFields' },
							default: '',
							description: 'The custom field, by ID or by its name such as CFAlertSource. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
						},
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
							description: 'For a drop-down field, the ID of the option',
						},
					],
				},
			],
		},
		{
			displayName: 'Deadline',
			name: 'deadlineDate',
			type: 'dateTime',
			default: '',
			description: "Sent to HaloPSA in UTC; a date without a time zone is read in the workflow's time zone",
		},
		{
			displayName: "Do Not Apply Ticket Type's Template",
			name: 'skipTemplate',
			type: 'boolean',
			default: false,
			description: "Whether to stop HaloPSA from overwriting these values with the ticket type's template (donotapplytemplateintheapi)",
		},
		{
			displayName: 'Impact',
			name: 'impact',
			type: 'options',
			options: [
				{ name: 'Company Wide (1)', value: 1 },
				{ name: 'Multiple Users (2)', value: 2 },
				{ name: 'Single User (3)', value: 3 },
			],
			default: 3,
			description: "HaloPSA's impact level; the names are HaloPSA's defaults",
		},
		ticketLocator({
			displayName: 'Parent Ticket',
			name: 'parentTicketId',
			required: false,
			description: 'Makes this ticket a child of another one',
		}),
		{
			displayName: 'Priority Name or ID',
			name: 'priorityId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getPriorities', loadOptionsDependsOn: ['ticketTypeId', 'updateFields.ticketTypeId', 'ticketId'] },
			default: '',
			description: 'One of the priorities of the ticket type\'s SLA. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Skip Ticket Rules',
			name: 'skipRules',
			type: 'boolean',
			default: false,
			description: "Whether to skip HaloPSA's ticket rules for this change (dont_do_rules)",
		},
		{
			...siteLocator(),
			description: "Leave empty to use the user's site (or the client's main site)",
		},
		{
			displayName: 'Start Date',
			name: 'startDate',
			type: 'dateTime',
			default: '',
			description: "Sent to HaloPSA in UTC; a date without a time zone is read in the workflow's time zone",
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
			displayName: 'Target Date',
			name: 'targetDate',
			type: 'dateTime',
			default: '',
			description: "Sent to HaloPSA in UTC; a date without a time zone is read in the workflow's time zone",
		},
		{
			displayName: 'Team Name or ID',
			name: 'team',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getTeamNames' },
			default: '',
			description: 'The team the ticket is assigned to (HaloPSA sets teams by name; an ID is translated). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Urgency',
			name: 'urgency',
			type: 'options',
			options: [
				{ name: 'High (1)', value: 1 },
				{ name: 'Medium (2)', value: 2 },
				{ name: 'Low (3)', value: 3 },
			],
			default: 3,
			description: "HaloPSA's urgency level; the names are HaloPSA's defaults",
		},
		{
			...userLocator(),
			description: "The end user the ticket is for. Leave empty for the client's General User.",
		},
	]);
}

/** What the body builder needs to know about the ticket beyond the fields given. */
export interface TicketContext {
	ticketTypeId?: number;
	clientId?: number;
}

function fail(context: IExecuteFunctions, itemIndex: number, message: string): never {
	throw new NodeOperationError(context.getNode(), message, { itemIndex });
}

function wholeNumberIn(context: IExecuteFunctions, itemIndex: number, value: unknown, label: string, allowed: number[]): number {
	const number = Number(value);
	if (!allowed.includes(number)) fail(context, itemIndex, `${label} '${String(value)}' is not valid: use one of ${allowed.join(', ')}`);
	return number;
}

/** Reads a dropdown id that may also come from an expression: '' means not set. */
function dropdownId(context: IExecuteFunctions, itemIndex: number, value: unknown, label: string): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	return parseId(context, value, itemIndex, label);
}

function haloDateField(context: IExecuteFunctions, itemIndex: number, value: unknown, label: string): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const date = toHaloUtc(value, context.getTimezone());
	if (!date) {
		fail(context, itemIndex, `${label} '${String(value).slice(0, 40)}' is not a date: use ISO 8601 such as 2026-11-27T14:30:00Z (or pick one)`);
	}
	return date;
}

/**
 * Builds the Faults fields from the values of the Additional/Update Fields collection
 * (`collection` is its parameter name, for reading resource locators), checking each one.
 */
export async function ticketFieldsToBody(
	context: IExecuteFunctions,
	itemIndex: number,
	collection: string,
	values: IDataObject,
	run: HaloRun,
	ticket: TicketContext,
): Promise<IDataObject> {
	const body: IDataObject = {};
	const id = (name: string, label: string) => optionalId(context, `${collection}.${name}`, itemIndex, label);

	if (values.summary !== undefined) {
		const summary = String(values.summary).trim();
		if (summary === '') fail(context, itemIndex, 'Summary is empty: a ticket needs a short title');
		body.summary = summary;
	}
	if (values.details !== undefined) {
		body[values.detailsFormat === 'html' ? 'details_html' : 'details'] = String(values.details);
	}
	const agentId = dropdownId(context, itemIndex, values.agentId, 'Agent');
	if (agentId !== undefined) body.agent_id = agentId;
	const statusId = dropdownId(context, itemIndex, values.statusId, 'Status');
	if (statusId !== undefined) body.status_id = statusId;
	if (values.category !== undefined && String(values.category).trim() !== '') body.category_1 = String(values.category).trim();
	if (values.impact !== undefined) body.impact = wholeNumberIn(context, itemIndex, values.impact, 'Impact', [1, 2, 3, 4]);
	if (values.urgency !== undefined) body.urgency = wholeNumberIn(context, itemIndex, values.urgency, 'Urgency', [1, 2, 3, 4]);
	for (const [name, field, label] of [
		['startDate', 'startdate', 'Start Date'],
		['targetDate', 'targetdate', 'Target Date'],
		['deadlineDate', 'deadlinedate', 'Deadline'],
	] as const) {
		const date = haloDateField(context, itemIndex, values[name], label);
		if (date) body[field] = date;
	}
	if (values.parentTicketId !== undefined) {
		const parentId = id('parentTicketId', 'Parent Ticket');
		if (parentId !== undefined) body.parent_id = parentId;
	}
	if (values.skipRules === true) body.dont_do_rules = true;
	if (values.skipTemplate === true) body.donotapplytemplateintheapi = true;

	if (values.assets !== undefined) {
		const rows = ((values.assets as IDataObject).asset ?? []) as IDataObject[];
		body.assets = rows.map((_, index) => ({ id: id(`assets.asset[${index}].assetId`, `Asset ${index + 1}`) ?? fail(context, itemIndex, `Asset ${index + 1} is empty: pick an asset or remove the row`) }));
	}
	if (values.customFields !== undefined) {
		const rows = ((values.customFields as IDataObject).field ?? []) as IDataObject[];
		body.customfields = rows.map((row, index) => {
			const field = String(row.fieldId ?? '').trim();
			if (field === '') fail(context, itemIndex, `Custom field ${index + 1} has no field: pick one, or give its ID or name (such as CFAlertSource)`);
			const value = row.value === undefined || row.value === null ? '' : row.value;
			return /^\d+$/.test(field) ? { id: Number(field), value } : { name: field, value };
		});
	}
	if (values.team !== undefined && String(values.team).trim() !== '') {
		const name = await teamName(context, run.memoize, String(values.team));
		if (!name) fail(context, itemIndex, `Team '${String(values.team)}' was not found: pick a team from the list`);
		body.team = name;
	}

	const siteId = values.siteId !== undefined ? id('siteId', 'Site') : undefined;
	const userId = values.userId !== undefined ? id('userId', 'User') : undefined;
	if (userId !== undefined) {
		// HaloPSA needs the user's own site whenever a user is set.
		const user = await getUser(context, run.memoize, userId);
		const userClient = Number(user.client_id);
		const clientId = ticket.clientId;
		if (clientId !== undefined && Number.isInteger(userClient) && userClient > 0 && userClient !== clientId) {
			fail(context, itemIndex, `User ${userId} (${String(user.name ?? '')}) belongs to client ${userClient}, not to client ${clientId}: pick a user of the ticket's client`);
		}
		const userSite = Number(user.site_id);
		if (siteId !== undefined && Number.isInteger(userSite) && userSite > 0 && siteId !== userSite) {
			fail(context, itemIndex, `User ${userId} is at site ${userSite}, not at site ${siteId}: leave Site empty to use the user's site`);
		}
		body.user_id = userId;
		if (Number.isInteger(userSite) && userSite > 0) body.site_id = userSite;
	} else if (siteId !== undefined) {
		body.site_id = siteId;
	}

	const priorityId = dropdownId(context, itemIndex, values.priorityId, 'Priority');
	if (priorityId !== undefined) {
		if (ticket.ticketTypeId === undefined) {
			fail(context, itemIndex, 'Priority needs a ticket type: pick the Ticket Type, whose SLA decides the priorities');
		}
		const allowed = await prioritiesOfTicketType(context, run.memoize, ticket.ticketTypeId);
		if (!allowed.some((priority) => priority.priorityid === priorityId)) {
			const ticketType = await getTicketType(context, run.memoize, ticket.ticketTypeId);
			const sla = slaOfTicketType(ticketType);
			fail(
				context,
				itemIndex,
				`Priority ${priorityId} is not a priority of ticket type '${String(ticketType.name ?? ticket.ticketTypeId)}'${sla ? ` (SLA ${sla})` : ''}: use one of ${allowed.map((priority) => `${priority.name} (${priority.priorityid})`).join(', ') || 'none'}`,
			);
		}
		body.priority_id = priorityId;
	}
	return body;
}
