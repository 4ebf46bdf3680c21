import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { deleteRecord } from '../../shared/crud';
import { editCustomersNotice, siteLocator } from '../../shared/descriptions';
import type { HaloOperation } from '../../shared/operation';
import { readId } from '../../shared/parameters';

const properties: INodeProperties[] = [editCustomersNotice, siteLocator({ required: true })];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readId(this, 'siteId', itemIndex, 'Site');
	return await deleteRecord(this, { resource: 'Site', label: 'Site', itemIndex }, id);
}

export const deleteSite: HaloOperation = { properties, execute };
