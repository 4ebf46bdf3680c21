import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { saveRecord, shapeRecord } from '../../shared/crud';
import { clientLocator, editCustomersNotice, simplifyField } from '../../shared/descriptions';
import type { HaloOperation, HaloRun } from '../../shared/operation';
import { readCollectionFields, readId, readText } from '../../shared/parameters';
import { simplifySite } from '../../shared/records';
import { SITE_FIELDS, siteNameField } from './fields';

const properties: INodeProperties[] = [
	editCustomersNotice,
	{ ...siteNameField, required: true },
	clientLocator({ required: true, description: 'The client the site belongs to' }),
	simplifyField,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: SITE_FIELDS.map((field) => field.property),
	},
];

async function execute(this: IExecuteFunctions, itemIndex: number, run: HaloRun): Promise<IDataObject> {
	const name = readText(this, 'name', itemIndex, 'Name', "enter the new site's name");
	const clientId = readId(this, 'clientId', itemIndex, 'Client');
	const fields = readCollectionFields(this, itemIndex, 'additionalFields', SITE_FIELDS);
	const site = await saveRecord(this, { resource: 'Site', label: 'Site', itemIndex }, { name, client_id: clientId, ...fields });
	return await shapeRecord(this, itemIndex, run, site, simplifySite);
}

export const createSite: HaloOperation = { properties, execute };
