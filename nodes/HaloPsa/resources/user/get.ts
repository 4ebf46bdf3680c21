import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getRecord, shapeRecord } from '../../shared/crud';
import { simplifyField, userLocator } from '../../shared/descriptions';
import type { HaloOperation, HaloRun } from '../../shared/operation';
import { readId } from '../../shared/parameters';
import { simplifyUser } from '../../shared/records';

const properties: INodeProperties[] = [userLocator({ required: true }), simplifyField];

async function execute(this: IExecuteFunctions, itemIndex: number, run: HaloRun): Promise<IDataObject> {
	const id = readId(this, 'userId', itemIndex, 'User');
	const user = await getRecord(this, { resource: 'Users', label: 'User', itemIndex }, id, { includedetails: true });
	return await shapeRecord(this, itemIndex, run, user, simplifyUser);
}

export const getUser: HaloOperation = { properties, execute };
