/** Client fields for Create (Additional Fields) and Update (Update Fields), all in HaloPSA's `Area` schema. */
import type { INodeProperties } from 'n8n-workflow';

import type { CollectionField } from '../../shared/parameters';

export const clientNameField: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	description: "The client's name as HaloPSA shows it",
};

export const CLIENT_FIELDS: CollectionField[] = [
	{
		property: {
			displayName: 'Inactive',
			name: 'inactive',
			type: 'boolean',
			default: false,
			description: 'Whether the client is inactive (left out of lists and pickers)',
		},
		halo: 'inactive',
		kind: 'boolean',
	},
	{
		property: { displayName: 'Notes', name: 'notes', type: 'string', typeOptions: { rows: 3 }, default: '', description: 'Notes about the client' },
		halo: 'notes',
		kind: 'text',
	},
	{
		property: {
			displayName: 'Top Level Name or ID',
			name: 'topLevelId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getTopLevels' },
			default: '',
			description:
				'The group of clients it belongs to. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		halo: 'toplevel_id',
		kind: 'id',
	},
	{
		property: { displayName: 'VIP', name: 'isVip', type: 'boolean', default: false, description: 'Whether the client is a VIP' },
		halo: 'is_vip',
		kind: 'boolean',
	},
	{
		property: { displayName: 'Website', name: 'website', type: 'string', default: '', description: "The client's website" },
		halo: 'website',
		kind: 'text',
	},
];
