import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { saveRecord, shapeRecord } from '../../shared/crud';
import { byDisplayName, editCustomersNotice, simplifyField, siteLocator, userLocator } from '../../shared/descriptions';
import type { HaloOperation, HaloRun } from '../../shared/operation';
import { type CollectionField, readCollectionFields, readId } from '../../shared/parameters';
import { simplifyUser } from '../../shared/records';
import { USER_FIELDS, userNameField } from './fields';

const UPDATE_FIELDS: CollectionField[] = [
	{ property: userNameField, halo: 'name', kind: 'requiredText' },
	{ property: siteLocator({ description: 'Move the user to this site' }), halo: 'site_id', kind: 'id' },
	...USER_FIELDS,
];

const properties: INodeProperties[] = [
	editCustomersNotice,
	userLocator({ required: true }),
	simplifyField,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: byDisplayName(UPDATE_FIELDS.map((field) => field.property)),
	},
];

async function execute(this: IExecuteFunctions, itemIndex: number, run: HaloRun): Promise<IDataObject> {
	const id = readId(this, 'userId', itemIndex, 'User');
	const fields = readCollectionFields(this, itemIndex, 'updateFields', UPDATE_FIELDS, { requireOne: 'Update Fields' });
	const user = await saveRecord(this, { resource: 'Users', label: 'User', itemIndex }, { id, ...fields });
	return await shapeRecord(this, itemIndex, run, user, simplifyUser);
}

export const updateUser: HaloOperation = { properties, execute };
