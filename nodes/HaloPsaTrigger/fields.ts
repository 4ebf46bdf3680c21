/** The polling trigger's parameters. */
import type { INodeProperties } from 'n8n-workflow';

import { byDisplayName, clientLocator, simplifyField } from '../HaloPsa/shared/descriptions';

/** A filter on ticket records picked from a list; a ticket matches when it has one of them. */
const idsFilter = (displayName: string, name: string, loadOptionsMethod: string): INodeProperties => ({
	displayName,
	name,
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod },
	default: [],
	description: 'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
});

export const pollingTriggerProperties: INodeProperties[] = [
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		options: [
			{ name: 'New Note', value: 'note_added', description: 'A note (action with text) was added to a ticket' },
			{ name: 'Status Changed', value: 'status_changed', description: "A ticket's status changed" },
			{ name: 'Ticket Closed', value: 'ticket_closed', description: 'A ticket was closed' },
			{ name: 'Ticket Created', value: 'ticket_created', description: 'A ticket was logged' },
			{ name: 'Ticket Updated', value: 'ticket_updated', description: 'Anything about an existing ticket changed' },
		],
		default: ['ticket_created'],
		description:
			'What starts the workflow. A ticket that changed in several ways since the last check comes once, as its most specific event (created, closed, status changed, updated); `changes` lists them all.',
	},
	{
		displayName: 'Status Changed To Names or IDs',
		name: 'statusChangedTo',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getStatusOptions' },
		default: [],
		description: 'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'Only changes to these statuses. None chosen: a change to any status.',
		displayOptions: { show: { events: ['status_changed'] } },
	},
	{
		displayName: 'Notes',
		name: 'noteVisibility',
		type: 'options',
		options: [
			{ name: 'All Notes', value: 'all' },
			{ name: 'Private Notes Only', value: 'private', description: 'Notes hidden from the end user' },
			{ name: 'Public Notes Only', value: 'public', description: 'Notes the end user sees' },
		],
		default: 'all',
		displayOptions: { show: { events: ['note_added'] } },
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		description: "Only tickets that match all of these now (a ticket's current values count); each takes one or more values",
		options: byDisplayName([
			idsFilter('Agent Names or IDs', 'agentIds', 'getAgents'),
			clientLocator({ description: 'Tickets of this client' }),
			idsFilter('Priority Names or IDs', 'priorityIds', 'getPriorities'),
			idsFilter('Status Names or IDs', 'statusIds', 'getStatusOptions'),
			idsFilter('Team Names or IDs', 'teamIds', 'getTeamIds'),
			idsFilter('Ticket Type Names or IDs', 'ticketTypeIds', 'getTicketTypes'),
		]),
	},
	simplifyField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Start From',
				name: 'startFrom',
				type: 'dateTime',
				default: '',
				description:
					"On the first check after activation, also deliver what changed since this date. Empty: start from activation. A date without a time zone is read in the workflow's time zone.",
			},
		],
	},
];
