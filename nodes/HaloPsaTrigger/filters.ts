/**
 * The trigger's ticket filters, as HaloPSA query parameters and as a check on each listed ticket:
 * the query keeps the reading small, the check makes sure a parameter HaloPSA ignored lets nothing
 * else through.
 */
import type { IDataObject } from 'n8n-workflow';

export interface TicketFilters {
	clientId?: number;
	agentIds: number[];
	teamIds: number[];
	statusIds: number[];
	priorityIds: number[];
	ticketTypeIds: number[];
}

export const NO_FILTERS: TicketFilters = { agentIds: [], teamIds: [], statusIds: [], priorityIds: [], ticketTypeIds: [] };

/** `/Tickets` parameters (API-NOTES §3.1): array filters take comma-separated ids. */
export function ticketFilterQuery(filters: TicketFilters): IDataObject {
	const qs: IDataObject = {};
	if (filters.clientId !== undefined) qs.client_id = filters.clientId;
	const lists: Array<[string, number[]]> = [
		['agent', filters.agentIds],
		['team', filters.teamIds],
		['status', filters.statusIds],
		['priority', filters.priorityIds],
		['requesttype', filters.ticketTypeIds],
	];
	for (const [param, ids] of lists) if (ids.length > 0) qs[param] = ids.join(',');
	return qs;
}

/** Whether a listed ticket matches; a field the list leaves out does not exclude it. */
export function matchesTicketFilters(ticket: IDataObject, filters: TicketFilters): boolean {
	const oneOf = (field: string, ids: number[]) => ids.length === 0 || ticket[field] === undefined || ids.includes(Number(ticket[field]));
	return (
		(filters.clientId === undefined || ticket.client_id === undefined || Number(ticket.client_id) === filters.clientId) &&
		oneOf('agent_id', filters.agentIds) &&
		oneOf('team_id', filters.teamIds) &&
		oneOf('status_id', filters.statusIds) &&
		oneOf('priority_id', filters.priorityIds) &&
		oneOf('tickettype_id', filters.ticketTypeIds)
	);
}
