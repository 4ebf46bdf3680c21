/** Site fields for Create (Additional Fields) and Update (Update Fields), all in HaloPSA's `Site` schema. */
import type { INodeProperties } from 'n8n-workflow';

import type { CollectionField } from '../../shared/parameters';

export const siteNameField: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	description: "The site's name, e.g. Main Office",
};

export const SITE_FIELDS: CollectionField[] = [
	{
		property: {
			displayName: 'Inactive',
			name: 'inactive',
			type: 'boolean',
			default: false,
			description: 'Whether the site is inactive (left out of lists and pickers)',
		},
		halo: 'inactive',
		kind: 'boolean',
	},
	{
		property: { displayName: 'Main Contact', name: 'mainContact', type: 'string', default: '', description: "The name of the site's main contact" },
		halo: 'maincontact_name',
		kind: 'text',
	},
	{
		property: { displayName: 'Notes', name: 'notes', type: 'string', typeOptions: { rows: 3 }, default: '', description: 'Notes about the site' },
		halo: 'notes',
		kind: 'text',
	},
	{
		property: { displayName: 'Phone Number', name: 'phoneNumber', type: 'string', default: '', description: "The site's phone number" },
		halo: 'phonenumber',
		kind: 'text',
	},
];
