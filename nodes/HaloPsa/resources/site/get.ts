import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getRecord, shapeRecord } from '../../shared/crud';
import { simplifyField, siteLocator } from '../../shared/descriptions';
import type { HaloOperation, HaloRun } from '../../shared/operation';
import { readId } from '../../shared/parameters';
import { simplifySite } from '../../shared/records';

const properties: INodeProperties[] = [siteLocator({ required: true }), simplifyField];

async function execute(this: IExecuteFunctions, itemIndex: number, run: HaloRun): Promise<IDataObject> {
	const id = readId(this, 'siteId', itemIndex, 'Site');
	const site = await getRecord(this, { resource: 'Site', label: 'Site', itemIndex }, id, { includedetails: true });
	return await shapeRecord(this, itemIndex, run, site, simplifySite);
}

export const getSite: HaloOperation = { properties, execute };
