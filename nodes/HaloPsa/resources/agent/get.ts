import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getRecord, shapeRecord } from '../../shared/crud';
import { simplifyField } from '../../shared/descriptions';
import type { HaloOperation, HaloRun } from '../../shared/operation';
import { parseId } from '../../shared/parameters';
import { simplifyAgent } from '../../shared/records';

const properties: INodeProperties[] = [
	{
		displayName: 'Agent Name or ID',
		name: 'agentId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getAgents' },
		required: true,
		default: '',
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	simplifyField,
];

async function execute(this: IExecuteFunctions, itemIndex: number, run: HaloRun): Promise<IDataObject> {
	const id = parseId(this, this.getNodeParameter('agentId', itemIndex), itemIndex, 'Agent');
	const agent = await getRecord(this, { resource: 'Agent', label: 'Agent', itemIndex }, id, { includedetails: true });
	return await shapeRecord(this, itemIndex, run, agent, simplifyAgent);
}

export const getAgent: HaloOperation = { properties, execute };
