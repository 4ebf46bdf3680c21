import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { shapeRecord } from '../../shared/crud';
import { simplifyField } from '../../shared/descriptions';
import type { HaloOperation, HaloRun } from '../../shared/operation';
import { simplifyAgent } from '../../shared/records';
import { haloRequest } from '../../transport/request';

const properties: INodeProperties[] = [simplifyField];

/** The agent the credential's API application logs in as: whose permissions and teams apply. */
async function execute(this: IExecuteFunctions, itemIndex: number, run: HaloRun): Promise<IDataObject> {
	const agent = await haloRequest<IDataObject>(this, { method: 'GET', path: '/Agent/me', itemIndex });
	return await shapeRecord(this, itemIndex, run, agent, simplifyAgent);
}

export const getCurrentAgent: HaloOperation = { properties, execute };
