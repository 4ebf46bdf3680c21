import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { saveRecord, shapeRecord } from '../../shared/crud';
import { editCustomersNotice, simplifyField } from '../../shared/descriptions';
import type { HaloOperation, HaloRun } from '../../shared/operation';
import { readCollectionFields, readText } from '../../shared/parameters';
import { simplifyClient } from '../../shared/records';
import { CLIENT_FIELDS, clientNameField } from './fields';

const properties: INodeProperties[] = [
	editCustomersNotice,
	{ ...clientNameField, required: true },
	simplifyField,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: CLIENT_FIELDS.map((field) => field.property),
	},
];

async function execute(this: IExecuteFunctions, itemIndex: number, run: HaloRun): Promise<IDataObject> {
	const name = readText(this, 'name', itemIndex, 'Name', "enter the new client's name");
	const fields = readCollectionFields(this, itemIndex, 'additionalFields', CLIENT_FIELDS);
	const client = await saveRecord(this, { resource: 'Client', label: 'Client', itemIndex }, { name, ...fields });
	return await shapeRecord(this, itemIndex, run, client, simplifyClient);
}

export const createClient: HaloOperation = { properties, execute };
