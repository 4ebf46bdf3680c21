import type { INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../shared/descriptions';
import type { HaloOperation } from '../../shared/operation';
import { addNote } from './addNote';
import { closeTicket } from './close';
import { createTicket } from './create';
import { deleteTicket } from './delete';
import { getTicket } from './get';
import { getManyTickets } from './getAll';
import { getNotes } from './getNotes';
import { reopenTicket } from './reopen';
import { updateTicket } from './update';

export const ticketOperations: Record<string, HaloOperation> = {
	addNote,
	close: closeTicket,
	create: createTicket,
	delete: deleteTicket,
	get: getTicket,
	getAll: getManyTickets,
	getNotes,
	reopen: reopenTicket,
	update: updateTicket,
};

export const ticketProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['ticket'] } },
		options: [
			{ name: 'Add Note', value: 'addNote', description: 'Add a note (an action) to a ticket', action: 'Add a note to a ticket' },
			{ name: 'Close', value: 'close', description: 'Close a ticket with a closure note', action: 'Close a ticket' },
			{ name: 'Create', value: 'create', description: 'Create a ticket', action: 'Create a ticket' },
			{ name: 'Delete', value: 'delete', description: 'Delete a ticket', action: 'Delete a ticket' },
			{ name: 'Get', value: 'get', description: 'Get a ticket by ID or URL', action: 'Get a ticket' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many tickets', action: 'Get many tickets' },
			{ name: 'Get Notes', value: 'getNotes', description: "List a ticket's actions", action: 'Get notes of a ticket' },
			{ name: 'Reopen', value: 'reopen', description: 'Re-open a closed ticket', action: 'Reopen a ticket' },
			{ name: 'Update', value: 'update', description: 'Update a ticket', action: 'Update a ticket' },
		],
		default: 'create',
	},
	...Object.entries(ticketOperations).flatMap(([operation, { properties }]) =>
		forOperation('ticket', operation, properties),
	),
];
