/** Dropdowns for short reference lists, loaded from HaloPSA. */
import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import {
	getOutcomes,
	getStatuses,
	getTeams,
	oneOffMemo,
	prioritiesOfSla,
	prioritiesOfTicketType,
} from '../shared/lookups';
import { haloList } from '../transport/pagination';
import { haloRequest, recordPath } from '../transport/request';
import { pickedId } from './currentParameters';

function byName(a: INodePropertyOptions, b: INodePropertyOptions): number {
	return a.name.localeCompare(b.name);
}

const TICKET_TYPE_PARAMETERS = ['ticketTypeId', 'updateFields.ticketTypeId', 'additionalFields.ticketTypeId'];

export async function getTicketTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const types = await haloList(this, { path: '/TicketType' });
	return types
		.filter((type) => type.inactive !== true)
		.map((type) => ({ name: String(type.name ?? type.id), value: Number(type.id) }))
		.sort(byName);
}

/** Priorities of the chosen ticket type's SLA (or of the ticket's type, on update). */
export async function getPriorities(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const memo = oneOffMemo();
	let ticketTypeId = pickedId(this, TICKET_TYPE_PARAMETERS);
	if (ticketTypeId === undefined) {
		const ticketId = pickedId(this, ['ticketId']);
		if (ticketId !== undefined) {
			const ticket = await haloRequest<IDataObject>(this, { method: 'GET', path: recordPath('Tickets', ticketId) });
			const typeId = Number(ticket.tickettype_id);
			if (Number.isInteger(typeId) && typeId > 0) ticketTypeId = typeId;
		}
	}
	const priorities =
		ticketTypeId === undefined
			? await prioritiesOfSla(this, memo, undefined)
			: await prioritiesOfTicketType(this, memo, ticketTypeId);
	return priorities.map((priority) => ({ name: priority.name, value: priority.priorityid }));
}

export async function getStatusOptions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const statuses = await getStatuses(this, oneOffMemo());
	return statuses.map((status) => ({
		name: status.closed ? `${status.name} (closed)` : status.name,
		value: status.id,
	}));
}

export async function getClosedStatuses(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const statuses = await getStatuses(this, oneOffMemo());
	return [
		{ name: 'Automatic (HaloPSA’s Closed Status)', value: 0 },
		...statuses.filter((status) => status.closed).map((status) => ({ name: status.name, value: status.id })),
	];
}

export async function getOpenStatuses(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const statuses = await getStatuses(this, oneOffMemo());
	return [
		{ name: 'Automatic (the Ticket Type’s Re-Opened Status)', value: 0 },
		...statuses.filter((status) => !status.closed).map((status) => ({ name: status.name, value: status.id })),
	];
}

/** Teams by name: HaloPSA sets a ticket's team by its name. */
export async function getTeamNames(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const teams = await getTeams(this, oneOffMemo());
	return teams
		.filter((team) => team.inactive !== true)
		.map((team) => ({ name: String(team.name), value: String(team.name) }))
		.sort(byName);
}

export async function getTeamIds(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const teams = await getTeams(this, oneOffMemo());
	return teams.map((team) => ({ name: String(team.name), value: Number(team.id) })).sort(byName);
}

export async function getAgents(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const agents = await haloList(this, { path: '/Agent' });
	return agents
		.filter((agent) => agent.isdisabled !== true)
		.map((agent) => ({ name: String(agent.name ?? agent.id), value: Number(agent.id) }))
		.sort(byName);
}

export async function getOutcomeOptions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const outcomes = await getOutcomes(this, oneOffMemo());
	return [
		{ name: 'Automatic (a Private Note Outcome)', value: 0 },
		...outcomes
			.filter((outcome) => outcome.hidden !== true)
			.map((outcome) => ({ name: String(outcome.outcome ?? outcome.buttonname ?? outcome.id), value: Number(outcome.id) }))
			.sort(byName),
	];
}

export async function getCategories(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const categories = await haloList(this, { path: '/Category', qs: { type_id: 1 } });
	return categories
		.map((category) => String(category.value ?? category.category_name ?? ''))
		.filter((value, index, all) => value !== '' && all.indexOf(value) === index)
		.map((value) => ({ name: value, value }))
		.sort(byName);
}

export async function getCustomFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const fields = await haloList(this, { path: '/FieldInfo', qs: { iscustomfieldsetup: true } });
	return fields
		.filter((field) => field.id !== undefined)
		.map((field) => ({
			name: `${String(field.label ?? field.name ?? field.id)}${field.name ? ` (${String(field.name)})` : ''}`,
			value: Number(field.id),
		}))
		.sort(byName);
}

/** Records with an id and a name, as dropdown options sorted by name. */
function namedOptions(records: IDataObject[]): INodePropertyOptions[] {
	return records.map((record) => ({ name: String(record.name ?? record.id), value: Number(record.id) })).sort(byName);
}

/** Top levels group clients (Configuration → Customers → Top Levels). */
export async function getTopLevels(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return namedOptions(await haloList(this, { path: '/TopLevel' }));
}

export async function getAssetTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return namedOptions(await haloList(this, { path: '/AssetType' }));
}

export async function getSlas(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return namedOptions(await haloList(this, { path: '/SLA' }));
}
