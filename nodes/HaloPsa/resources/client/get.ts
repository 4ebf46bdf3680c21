import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getRecord, shapeRecord } from '../../shared/crud';
import { clientLocator, simplifyField } from '../../shared/descriptions';
import type { HaloOperation, HaloRun } from '../../shared/operation';
import { readId } from '../../shared/parameters';
import { simplifyClient } from '../../shared/records';

const properties: INodeProperties[] = [clientLocator({ required: true }), simplifyField];

async function execute(this: IExecuteFunctions, itemIndex: number, run: HaloRun): Promise<IDataObject> {
	const id = readId(this, 'clientId', itemIndex, 'Client');
	const client = await getRecord(this, { resource: 'Client', label: 'Client', itemIndex }, id, { includedetails: true });
	return await shapeRecord(this, itemIndex, run, client, simplifyClient);
}

export const getClient: HaloOperation = { properties, execute };
