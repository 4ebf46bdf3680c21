import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getRecord, shapeRecord } from '../../shared/crud';
import { projectLocator, simplifyField } from '../../shared/descriptions';
import type { HaloOperation, HaloRun } from '../../shared/operation';
import { readId } from '../../shared/parameters';
import { simplifyTicket } from '../../shared/records';

const properties: INodeProperties[] = [projectLocator(), simplifyField];

async function execute(this: IExecuteFunctions, itemIndex: number, run: HaloRun): Promise<IDataObject> {
	const id = readId(this, 'projectId', itemIndex, 'Project');
	const project = await getRecord(this, { resource: 'Projects', label: 'Project', itemIndex }, id, { includedetails: true });
	return await shapeRecord(this, itemIndex, run, project, simplifyTicket);
}

export const getProject: HaloOperation = { properties, execute };
