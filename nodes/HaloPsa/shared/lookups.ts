/**
 * Reference data many operations need (ticket type → SLA → priorities, statuses, teams, outcomes,
 * a user's site). Each look-up is made once per node run and shared by all items.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { haloList } from '../transport/pagination';
import { haloRequest, recordPath, type HaloContext } from '../transport/request';
import type { HaloRun } from './operation';
import { parseId } from './parameters';

/** Runs a loader once per key; a node run passes its own memo, pickers a throw-away one. */
export type Memo = <T>(key: string, load: () => Promise<T>) => Promise<T>;

export function oneOffMemo(): Memo {
	const values = new Map<string, Promise<unknown>>();
	return <T>(key: string, load: () => Promise<T>) => {
		if (!values.has(key)) values.set(key, load());
		return values.get(key) as Promise<T>;
	};
}

export interface Priority {
	priorityid: number;
	name: string;
}

export interface Status {
	id: number;
	name: string;
	closed: boolean;
}

export async function getTicketType(context: HaloContext, memo: Memo, ticketTypeId: number): Promise<IDataObject> {
	return await memo(`tickettype:${ticketTypeId}`, async () =>
		haloRequest<IDataObject>(context, {
			method: 'GET',
			path: recordPath('TicketType', ticketTypeId),
			record: `Ticket type ${ticketTypeId}`,
		}),
	);
}

/** The SLA of a ticket type: `default_sla` (older versions: `sla_id`, `slaid`); -1 or none = no SLA. */
export function slaOfTicketType(ticketType: IDataObject): number | undefined {
	for (const key of ['default_sla', 'default_sla_id', 'sla_id', 'slaid']) {
		const value = Number(ticketType[key]);
		if (Number.isInteger(value) && value > 0) return value;
	}
	return undefined;
}

/**
 * Priorities a ticket of this SLA can take: one per `priorityid` (the rows repeat per SLA), hidden
 * ones left out. Without an SLA, every priority of every SLA.
 */
export async function prioritiesOfSla(context: HaloContext, memo: Memo, slaId: number | undefined): Promise<Priority[]> {
	return await memo(`priorities:${slaId ?? 'all'}`, async () => {
		const rows = await haloList(context, { path: '/Priority', qs: slaId ? { slaid: slaId } : {} });
		const byId = new Map<number, Priority>();
		for (const row of rows) {
			const id = Number(row.priorityid);
			if (row.ishidden === true || !Number.isInteger(id) || byId.has(id)) continue;
			if (slaId !== undefined && row.slaid !== undefined && Number(row.slaid) !== slaId) continue;
			byId.set(id, { priorityid: id, name: String(row.name ?? id) });
		}
		return [...byId.values()].sort((a, b) => a.priorityid - b.priorityid);
	});
}

export async function prioritiesOfTicketType(context: HaloContext, memo: Memo, ticketTypeId: number): Promise<Priority[]> {
	const ticketType = await getTicketType(context, memo, ticketTypeId);
	return await prioritiesOfSla(context, memo, slaOfTicketType(ticketType));
}

/**
 * Every status, and which are closed. HaloPSA does not document its status types, but it can leave
 * out the closed status(es) (`excludeclosed`): those missing from that second list are closed. If the
 * two lists match, a status named "Closed" is taken as the closed one.
 */
export async function getStatuses(context: HaloContext, memo: Memo): Promise<Status[]> {
	return await memo('statuses', async () => {
		const [all, open] = await Promise.all([
			haloList(context, { path: '/Status' }),
			haloList(context, { path: '/Status', qs: { excludeclosed: true } }),
		]);
		const openIds = new Set(open.map((row) => Number(row.id)));
		const byList = all.some((row) => !openIds.has(Number(row.id)));
		return all.map((row) => ({
			id: Number(row.id),
			name: String(row.name ?? row.id),
			closed: byList ? !openIds.has(Number(row.id)) : /^closed$/i.test(String(row.name ?? '').trim()),
		}));
	});
}

export async function getTeams(context: HaloContext, memo: Memo): Promise<IDataObject[]> {
	return await memo('teams', async () => haloList(context, { path: '/Team' }));
}

/** Halo sets a ticket's team by name; accept a name or an id and return the name. */
export async function teamName(context: HaloContext, memo: Memo, team: string | number): Promise<string | undefined> {
	const text = String(team).trim();
	if (!/^\d+$/.test(text)) return text;
	const match = (await getTeams(context, memo)).find((row) => String(row.id) === text);
	return match ? String(match.name) : undefined;
}

export async function getOutcomes(context: HaloContext, memo: Memo): Promise<IDataObject[]> {
	return await memo('outcomes', async () => haloList(context, { path: '/Outcome' }));
}

/** The outcome for a private note when the user picked none: an internal/private note outcome. */
export async function defaultPrivateNoteOutcome(context: HaloContext, memo: Memo): Promise<IDataObject | undefined> {
	const outcomes = (await getOutcomes(context, memo)).filter((row) => row.hidden !== true);
	return (
		outcomes.find((row) => /private|internal/i.test(String(row.outcome ?? row.buttonname ?? '')) && !row.newstatus) ??
		outcomes.find((row) => row.hidefromuser === true && !row.newstatus) ??
		outcomes.find((row) => /note/i.test(String(row.outcome ?? '')) && !row.newstatus)
	);
}

export async function getUser(context: HaloContext, memo: Memo, userId: number): Promise<IDataObject> {
	return await memo(`user:${userId}`, async () =>
		haloRequest<IDataObject>(context, { method: 'GET', path: recordPath('Users', userId), record: `User ${userId}` }),
	);
}

/** The status to close with: the chosen one, or HaloPSA's closed status. */
export async function closedStatusId(context: IExecuteFunctions, run: HaloRun, chosen: unknown, itemIndex: number): Promise<number> {
	if (chosen !== undefined && chosen !== '' && chosen !== 0 && chosen !== '0') return parseId(context, chosen, itemIndex, 'Closed Status');
	const closed = (await getStatuses(context, run.reference)).filter((status) => status.closed);
	const status = closed.find((candidate) => /^closed$/i.test(candidate.name)) ?? closed[0];
	if (!status) {
		throw new NodeOperationError(context.getNode(), 'HaloPSA lists no closed status: pick the Closed Status to use', { itemIndex });
	}
	return status.id;
}
