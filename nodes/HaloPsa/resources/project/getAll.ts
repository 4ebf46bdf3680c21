import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { shapeRecords } from '../../shared/crud';
import { byDisplayName, clientLocator, returnAllFields, simplifyField } from '../../shared/descriptions';
import type { HaloOperation, HaloRun } from '../../shared/operation';
import { type CollectionField, readCollection, readCollectionFields, readLimit } from '../../shared/parameters';
import { PROJECTS_NOT_TASKS } from '../../shared/projects';
import { simplifyTicket } from '../../shared/records';
import { haloList } from '../../transport/pagination';

const FILTERS: CollectionField[] = [
	{ property: clientLocator({ description: "Only this client's projects" }), halo: 'client_id', kind: 'id' },
	{
		property: {
			displayName: 'Open Only',
			name: 'openOnly',
			type: 'boolean',
			default: false,
			description: 'Whether to leave out closed projects',
		},
		halo: 'open_only',
		kind: 'flag',
	},
	{
		property: { displayName: 'Search', name: 'search', type: 'string', default: '', description: 'Text the summary or details contain, or the project ID' },
		halo: 'search',
		kind: 'searchText',
	},
	{
		property: {
			displayName: 'Status Name or ID',
			name: 'statusId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getStatusOptions' },
			default: '',
			description:
				'Only projects in this status. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		halo: 'status_id',
		kind: 'id',
	},
];

const properties: INodeProperties[] = [
	...returnAllFields(),
	simplifyField,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: byDisplayName([
			...FILTERS.map((filter) => filter.property),
			{
				displayName: 'Include Tasks',
				name: 'includeTasks',
				type: 'boolean',
				default: false,
				description: "Whether to list projects' tasks (their child tickets) as well",
			},
		]),
	},
];

async function execute(this: IExecuteFunctions, itemIndex: number, run: HaloRun): Promise<IDataObject[]> {
	const qs: IDataObject = { ...readCollectionFields(this, itemIndex, 'filters', FILTERS), order: 'id', orderdesc: true };
	if (readCollection(this, 'filters', itemIndex).includeTasks !== true) qs.includechildren = PROJECTS_NOT_TASKS;
	const limit = readLimit(this, itemIndex);
	const projects = await haloList(this, { path: '/Projects', qs, listKey: 'tickets', limit, itemIndex });
	return await shapeRecords(this, itemIndex, run, projects, simplifyTicket);
}

export const getManyProjects: HaloOperation = { properties, execute };
