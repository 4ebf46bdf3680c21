import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { saveRecord, shapeRecord } from '../../shared/crud';
import { byDisplayName, clientLocator, editCustomersNotice, simplifyField } from '../../shared/descriptions';
import type { HaloOperation, HaloRun } from '../../shared/operation';
import { type CollectionField, readCollectionFields, readId } from '../../shared/parameters';
import { simplifyClient } from '../../shared/records';
import { CLIENT_FIELDS, clientNameField } from './fields';

const UPDATE_FIELDS: CollectionField[] = [{ property: clientNameField, halo: 'name', kind: 'requiredText' }, ...CLIENT_FIELDS];

const properties: INodeProperties[] = [
	editCustomersNotice,
	clientLocator({ required: true }),
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
	const id = readId(this, 'clientId', itemIndex, 'Client');
	const fields = readCollectionFields(this, itemIndex, 'updateFields', UPDATE_FIELDS, { requireOne: 'Update Fields' });
	const client = await saveRecord(this, { resource: 'Client', label: 'Client', itemIndex }, { id, ...fields });
	return await shapeRecord(this, itemIndex, run, client, simplifyClient);
}

export const updateClient: HaloOperation = { properties, execute };
