import type { INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../shared/descriptions';
import type { HaloOperation } from '../../shared/operation';
import { getProject } from './get';
import { getManyProjects } from './getAll';
import { getProjectTasks } from './getTasks';

/** Projects are tickets in HaloPSA's projects area (`/Projects`); their tasks are child tickets. */
export const projectOperations: Record<string, HaloOperation> = {
	get: getProject,
	getAll: getManyProjects,
	getTasks: getProjectTasks,
};

export const projectProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['project'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get a project by ID or URL', action: 'Get a project' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many projects', action: 'Get many projects' },
			{ name: 'Get Tasks', value: 'getTasks', description: "Get a project's tasks (its child tickets)", action: 'Get tasks of a project' },
		],
		default: 'getAll',
	},
	...Object.entries(projectOperations).flatMap(([operation, { properties }]) => forOperation('project', operation, properties)),
];
