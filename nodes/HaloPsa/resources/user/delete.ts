import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { deleteRecord } from '../../shared/crud';
import { editCustomersNotice, userLocator } from '../../shared/descriptions';
import type { HaloOperation } from '../../shared/operation';
import { readId } from '../../shared/parameters';

const properties: INodeProperties[] = [editCustomersNotice, userLocator({ required: true })];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readId(this, 'userId', itemIndex, 'User');
	return await deleteRecord(this, { resource: 'Users', label: 'User', itemIndex }, id);
}

export const deleteUser: HaloOperation = { properties, execute };
