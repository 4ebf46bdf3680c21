import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { saveRecord, shapeRecord } from '../../shared/crud';
import { byDisplayName, clientLocator, editCustomersNotice, simplifyField, siteLocator } from '../../shared/descriptions';
import type { HaloOperation, HaloRun } from '../../shared/operation';
import { type CollectionField, readCollectionFields, readId } from '../../shared/parameters';
import { simplifySite } from '../../shared/records';
import { SITE_FIELDS, siteNameField } from './fields';

const UPDATE_FIELDS: CollectionField[] = [
	{ property: clientLocator({ description: 'Move the site to this client' }), halo: 'client_id', kind: 'id' },
	{ property: siteNameField, halo: 'name', kind: 'requiredText' },
	...SITE_FIELDS,
];

const properties: INodeProperties[] = [
	editCustomersNotice,
	siteLocator({ required: true }),
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
	const id = readId(this, 'siteId', itemIndex, 'Site');
	const fields = readCollectionFields(this, itemIndex, 'updateFields', UPDATE_FIELDS, { requireOne: 'Update Fields' });
	const site = await saveRecord(this, { resource: 'Site', label: 'Site', itemIndex }, { id, ...fields });
	return await shapeRecord(this, itemIndex, run, site, simplifySite);
}

export const updateSite: HaloOperation = { properties, execute };
