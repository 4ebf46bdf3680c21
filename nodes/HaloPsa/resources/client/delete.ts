import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { deleteRecord } from '../../shared/crud';
import { clientLocator, editCustomersNotice } from '../../shared/descriptions';
import type { HaloOperation } from '../../shared/operation';
import { readId } from '../../shared/parameters';

const properties: INodeProperties[] = [editCustomersNotice, clientLocator({ required: true })];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readId(this, 'clientId', itemIndex, 'Client');
	return await deleteRecord(this, { resource: 'Client', label: 'Client', itemIndex }, id);
}

export const deleteClient: HaloOperation = { properties, execute };
