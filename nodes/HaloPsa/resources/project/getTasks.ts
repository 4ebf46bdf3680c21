import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { shapeRecords } from '../../shared/crud';
import { projectLocator, returnAllFields, simplifyField } from '../../shared/descriptions';
import type { HaloOperation, HaloRun } from '../../shared/operation';
import { readCollection, readId, readLimit } from '../../shared/parameters';
import { listProjectTasks } from '../../shared/projects';
import { simplifyTicket } from '../../shared/records';

const properties: INodeProperties[] = [
	projectLocator(),
	...returnAllFields(),
	simplifyField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Open Only',
				name: 'openOnly',
				type: 'boolean',
				default: false,
				description: 'Whether to leave out closed tasks',
			},
		],
	},
];

async function execute(this: IExecuteFunctions, itemIndex: number, run: HaloRun): Promise<IDataObject[]> {
	const projectId = readId(this, 'projectId', itemIndex, 'Project');
	const options = readCollection(this, 'options', itemIndex);
	const limit = readLimit(this, itemIndex);
	const tasks = await listProjectTasks(this, projectId, options.openOnly === true ? { open_only: true } : {}, limit, itemIndex);
	return await shapeRecords(this, itemIndex, run, tasks, simplifyTicket);
}

export const getProjectTasks: HaloOperation = { properties, execute };
