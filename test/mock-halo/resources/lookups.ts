/** Read-only lookups the node loads its dropdowns from: API-NOTES §3.8-§3.15. All are bare arrays. */
import { CUSTOMERS_ACCESS, TEAMS_ACCESS, TICKETS_ACCESS } from '../access';
import { STATUS_TYPE, UNASSIGNED_AGENT_ID } from '../constants';
import { isTrue } from '../http';
import { filterBy, searchFields } from '../list';
import type { Agent, Category, CustomFieldDefinition, MockStore, Outcome, Priority, Sla, Status, Team, TicketType, TopLevel } from '../store';
import type { ApiContext, ResourceDescriptor } from './resource';

const TEAM_AREA_FLAGS: Record<string, keyof Team> = { reqs: 'forrequests', prjs: 'forprojects', opps: 'foropps' };

function agentsOfTeam(store: MockStore, team: Team): Agent[] {
	return store.agents.filter((agent) => !agent.isdisabled && agent.teams.some((membership) => membership.team_id === team.id));
}

/** `includeagentsforteams`: comma-separated team names (SW), or `true` for every team. */
function wantsAgentsFor(team: Team, ctx: ApiContext): boolean {
	const requested = ctx.query.includeagentsforteams;
	if (!requested) return false;
	if (isTrue(requested)) return true;
	return requested.split(',').some((name) => name.trim().toLowerCase() === team.name.toLowerCase());
}

export const teamResource: ResourceDescriptor<Team> = {
	name: 'Team',
	displayName: 'Teams',
	access: TEAMS_ACCESS,
	listShape: 'bare-array',
	records: (store) => store.teams,
	visibleInList: (team, ctx) => !team.inactive || isTrue(ctx.query.includedisabled),
	filters: {
		type: (team, value) => team[TEAM_AREA_FLAGS[value.toLowerCase()] ?? 'forrequests'] === true,
		ids: filterBy.intIn('id'),
	},
	defaultOrder: ['sequence', 'id'],
	toListItem: (team, ctx) => (wantsAgentsFor(team, ctx) ? { ...team, agents: agentsOfTeam(ctx.store, team) } : { ...team }),
	present: (team, ctx) => (isTrue(ctx.query.includeagents) ? { ...team, agents: agentsOfTeam(ctx.store, team) } : { ...team }),
};

export const agentResource: ResourceDescriptor<Agent> = {
	name: 'Agent',
	displayName: 'Agents',
	access: TEAMS_ACCESS,
	listShape: 'bare-array',
	records: (store) => store.agents,
	// Agent 1 is Halo's built-in "Unassigned" and only listed on request.
	visibleInList: (agent, ctx) =>
		(agent.id !== UNASSIGNED_AGENT_ID || isTrue(ctx.query.includeunassigned)) && (!agent.isdisabled || isTrue(ctx.query.includedisabled)),
	filters: {
		team_id: (agent, value) => agent.teams.some((membership) => membership.team_id === Number(value)),
		team: (agent, value) => agent.teams.some((membership) => membership.team_name.toLowerCase() === value.toLowerCase()),
	},
	search: searchFields('name', 'email'),
	subRoutes: {
		// A cheap auth check: any valid token may ask who it acts as (API-NOTES §3.9).
		me: { access: 'token', get: (ctx) => ({ ...ctx.agent }) },
	},
};

export const statusResource: ResourceDescriptor<Status> = {
	name: 'Status',
	displayName: 'Statuses',
	access: TICKETS_ACCESS,
	listShape: 'bare-array',
	records: (store) => store.statuses,
	filters: {
		// Every demo status applies to every ticket type; an unknown type has none.
		tickettype_id: (_status, value, ctx) => ctx.store.find('ticketTypes', value.trim()) !== undefined,
		excludeclosed: (status, value) => !isTrue(value) || status.type !== STATUS_TYPE.closed,
		excludepending: (status, value) => !isTrue(value) || status.type !== STATUS_TYPE.pendingClosure,
		type: (status, value) => !/^\d+$/.test(value) || status.type === Number(value),
	},
	defaultOrder: ['sequence', 'id'],
};

export const priorityResource: ResourceDescriptor<Priority> = {
	name: 'Priority',
	displayName: 'Priorities',
	access: TICKETS_ACCESS,
	listShape: 'bare-array',
	records: (store) => store.priorities,
	filters: { slaid: filterBy.intEquals('slaid') },
	defaultOrder: ['slaid', 'priorityid'],
};

export const ticketTypeResource: ResourceDescriptor<TicketType> = {
	name: 'TicketType',
	displayName: 'Ticket Types',
	access: TICKETS_ACCESS,
	listShape: 'bare-array',
	records: (store) => store.ticketTypes,
	visibleInList: (type, ctx) => !type.inactive || isTrue(ctx.query.showinactive) || isTrue(ctx.query.showall),
	filters: { domain: filterBy.textEquals('use') },
};

export const outcomeResource: ResourceDescriptor<Outcome> = {
	name: 'Outcome',
	displayName: 'Outcomes',
	access: TICKETS_ACCESS,
	listShape: 'bare-array',
	records: (store) => store.outcomes,
};

export const categoryResource: ResourceDescriptor<Category> = {
	name: 'Category',
	displayName: 'Categories',
	access: TICKETS_ACCESS,
	listShape: 'bare-array',
	records: (store) => store.categories,
	filters: {
		type_id: filterBy.intEquals('type_id'),
		tickettype_id: (category, value) => category.tickettype_id === 0 || category.tickettype_id === Number(value),
	},
};

const withPriorities = (sla: Sla, store: MockStore): Record<string, unknown> => ({
	...sla,
	priorities: store.priorities.filter((row) => row.slaid === sla.id),
});

export const slaResource: ResourceDescriptor<Sla> = {
	name: 'SLA',
	displayName: 'SLAs',
	access: TICKETS_ACCESS,
	listShape: 'bare-array',
	records: (store) => store.slas,
	toListItem: (sla, ctx) => (isTrue(ctx.query.showpriorities) ? withPriorities(sla, ctx.store) : { ...sla }),
	present: (sla, ctx) => withPriorities(sla, ctx.store),
};

export const fieldInfoResource: ResourceDescriptor<CustomFieldDefinition> = {
	name: 'FieldInfo',
	displayName: 'Custom Fields',
	access: TICKETS_ACCESS,
	listShape: 'bare-array',
	records: (store) => store.customFields,
};

/** Top levels group clients (`toplevel_id` on Area); the list shape is not documented, a bare array is assumed. */
export const topLevelResource: ResourceDescriptor<TopLevel> = {
	name: 'TopLevel',
	displayName: 'Top Levels',
	access: CUSTOMERS_ACCESS,
	listShape: 'bare-array',
	records: (store) => store.topLevels,
	search: searchFields('name'),
};
