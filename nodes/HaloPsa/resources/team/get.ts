import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getRecord, shapeRecord } from '../../shared/crud';
import { simplifyField } from '../../shared/descriptions';
import type { HaloOperation, HaloRun } from '../../shared/operation';
import { parseId } from '../../shared/parameters';
import { simplifyTeam } from '../../shared/records';

const properties: INodeProperties[] = [
	{
		displayName: 'Team Name or ID',
		name: 'teamId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getTeamIds' },
		required: true,
		default: '',
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	simplifyField,
];

async function execute(this: IExecuteFunctions, itemIndex: number, run: HaloRun): Promise<IDataObject> {
	const id = parseId(this, this.getNodeParameter('teamId', itemIndex), itemIndex, 'Team');
	const team = await getRecord(this, { resource: 'Team', label: 'Team', itemIndex }, id, { includeagents: true });
	return await shapeRecord(this, itemIndex, run, team, simplifyTeam);
}

export const getTeam: HaloOperation = { properties, execute };
