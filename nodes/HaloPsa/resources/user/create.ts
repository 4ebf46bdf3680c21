import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { saveRecord, shapeRecord } from '../../shared/crud';
import { editCustomersNotice, simplifyField, siteLocator } from '../../shared/descriptions';
import type { HaloOperation, HaloRun } from '../../shared/operation';
import { readCollectionFields, readId, readText } from '../../shared/parameters';
import { simplifyUser } from '../../shared/records';
import { USER_FIELDS, userNameField } from './fields';

const properties: INodeProperties[] = [
	editCustomersNotice,
	{ ...userNameField, required: true },
	siteLocator({ required: true, description: 'The site the user belongs to (and so the client)' }),
	simplifyField,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: USER_FIELDS.map((field) => field.property),
	},
];

async function execute(this: IExecuteFunctions, itemIndex: number, run: HaloRun): Promise<IDataObject> {
	const name = readText(this, 'name', itemIndex, 'Name', "enter the new user's name");
	const siteId = readId(this, 'siteId', itemIndex, 'Site');
	const fields = readCollectionFields(this, itemIndex, 'additionalFields', USER_FIELDS);
	const user = await saveRecord(this, { resource: 'Users', label: 'User', itemIndex }, { name, site_id: siteId, ...fields });
	return await shapeRecord(this, itemIndex, run, user, simplifyUser);
}

export const createUser: HaloOperation = { properties, execute };
