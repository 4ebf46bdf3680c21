import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { shapeRecords } from '../../shared/crud';
import { returnAllFields, simplifyField } from '../../shared/descriptions';
import type { HaloOperation, HaloRun } from '../../shared/operation';
import { readChoice, readCollection, readLimit } from '../../shared/parameters';
import { simplifyTeam } from '../../shared/records';
import { haloList } from '../../transport/pagination';

const properties: INodeProperties[] = [
	...returnAllFields(),
	simplifyField,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Area',
				name: 'area',
				type: 'options',
				options: [
					{ name: 'All', value: 'all' },
					{ name: 'Opportunities', value: 'opps' },
					{ name: 'Projects', value: 'prjs' },
					{ name: 'Requests (Tickets)', value: 'reqs' },
				],
				default: 'all',
				description: 'Only teams that work on this kind of ticket',
			},
			{
				displayName: 'Include Inactive',
				name: 'includeInactive',
				type: 'boolean',
				default: false,
				description: 'Whether to list inactive teams too',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include Agents',
				name: 'includeAgents',
				type: 'boolean',
				default: false,
				description: "Whether to add each team's agents",
			},
		],
	},
];

async function execute(this: IExecuteFunctions, itemIndex: number, run: HaloRun): Promise<IDataObject[]> {
	const filters = readCollection(this, 'filters', itemIndex);
	const options = readCollection(this, 'options', itemIndex);
	const area = readChoice(this, 'filters.area', itemIndex, 'Area', ['all', 'reqs', 'prjs', 'opps'], 'all');
	const qs: IDataObject = area === 'all' ? {} : { type: area };
	if (filters.includeInactive === true) qs.includedisabled = true;
	const teams = await haloList(this, { path: '/Team', qs, limit: readLimit(this, itemIndex), itemIndex });
	if (options.includeAgents === true && teams.length > 0) {
		// HaloPSA adds agents to the teams named in includeagentsforteams: a second request for these teams.
		const names = teams.map((team) => String(team.name)).join(',');
		const withAgents = await haloList(this, { path: '/Team', qs: { ...qs, includeagentsforteams: names }, itemIndex });
		const agentsById = new Map(withAgents.map((team) => [String(team.id), team.agents]));
		for (const team of teams) team.agents = (agentsById.get(String(team.id)) as IDataObject[] | undefined) ?? [];
	}
	return await shapeRecords(this, itemIndex, run, teams, simplifyTeam);
}

export const getManyTeams: HaloOperation = { properties, execute };
