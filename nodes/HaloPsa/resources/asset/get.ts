import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getRecord, shapeRecord } from '../../shared/crud';
import { assetLocator, simplifyField } from '../../shared/descriptions';
import type { HaloOperation, HaloRun } from '../../shared/operation';
import { readId } from '../../shared/parameters';
import { simplifyAsset } from '../../shared/records';

const properties: INodeProperties[] = [assetLocator({ required: true }), simplifyField];

async function execute(this: IExecuteFunctions, itemIndex: number, run: HaloRun): Promise<IDataObject> {
	const id = readId(this, 'assetId', itemIndex, 'Asset');
	const asset = await getRecord(this, { resource: 'Asset', label: 'Asset', itemIndex }, id, { includedetails: true });
	return await shapeRecord(this, itemIndex, run, asset, simplifyAsset);
}

export const getAsset: HaloOperation = { properties, execute };
