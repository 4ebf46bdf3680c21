/** End-user fields for Create (Additional Fields) and Update (Update Fields), all in HaloPSA's `Users` schema. */
import type { INodeProperties } from 'n8n-workflow';

import type { CollectionField } from '../../shared/parameters';

export const userNameField: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	description: "The user's full name as HaloPSA shows it",
};

const text = (displayName: string, name: string, halo: string, description: string): CollectionField => ({
	property: { displayName, name, type: 'string', default: '', description },
	halo,
	kind: 'text',
});

export const USER_FIELDS: CollectionField[] = [
	{
		property: {
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			description: "The user's e-mail address",
		},
		halo: 'emailaddress',
		kind: 'email',
	},
	text('First Name', 'firstName', 'firstname', "The user's first name"),
	{
		property: {
			displayName: 'Inactive',
			name: 'inactive',
			type: 'boolean',
			default: false,
			description: 'Whether the user is inactive (left out of lists and pickers)',
		},
		halo: 'inactive',
		kind: 'boolean',
	},
	text('Mobile Number', 'mobileNumber', 'mobilenumber', "The user's mobile phone number"),
	{
		property: { displayName: 'Notes', name: 'notes', type: 'string', typeOptions: { rows: 3 }, default: '', description: 'Notes about the user' },
		halo: 'notes',
		kind: 'text',
	},
	text('Phone Number', 'phoneNumber', 'phonenumber', "The user's phone number"),
	text('Surname', 'surname', 'surname', "The user's surname"),
];
