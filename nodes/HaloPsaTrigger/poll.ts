/**
 * One poll: what changed since the cursor, as items, each change once (see cursor.ts). The state in
 * the workflow's static data: `cursor` and, when status events are chosen, `statuses` (the last
 * status seen per open ticket, events.ts).
 */
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { getStatuses, oneOffMemo } from '../HaloPsa/shared/lookups';
import { haloInstant } from '../HaloPsa/shared/records';
import { resolveInstanceUrl } from '../HaloPsa/transport/connection';
import { connectionSettings } from '../HaloPsa/transport/request';
import { actionsOfTickets, mayHaveActionsSince, newestChange, openTickets, ticketsChangedSince } from './changes';
import {
	advanceCursor,
	changeKey,
	idsOf,
	instantBefore,
	instantFromDate,
	isNew,
	LATE_CHANGE_WINDOW_MS,
	readCursor,
	startCursor,
	type Change,
	type Cursor,
} from './cursor';
import {
	detectTicketChange,
	isWantedNote,
	lastUpdateOf,
	MAX_REMEMBERED_STATUSES,
	NOTE_EVENT,
	reportedEvent,
	StatusMemory,
	ticketState,
} from './events';
import { matchesTicketFilters } from './filters';
import { noteItem, ticketEventItem, type ItemShape } from './output';
import { latestSample } from './sample';
import { readTriggerSettings, tracksStatuses, type TriggerSettings } from './settings';

interface PendingItem {
	changedAt: string;
	build(shape: ItemShape): IDataObject;
	reportsStatusChange: boolean;
}

export async function pollChanges(context: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const settings = readTriggerSettings(context);
	// A test run shows the latest matching item and leaves the state alone.
	if (context.getMode() === 'manual') return await latestSample(context, settings);

	const staticData = context.getWorkflowStaticData('node');
	const stored = readCursor(staticData);
	if (!stored && settings.startFrom === undefined) {
		await startFromNow(context, settings, staticData);
		return null;
	}
	// Start From counts only while there is no cursor yet: later polls go on from where they got to.
	const cursor = stored ?? startCursor(settings.startFrom as string);
	const statuses = StatusMemory.fromStaticData(staticData.statuses);
	const { items, observed } = await readChanges(context, settings, cursor, statuses);
	const output = items.length === 0 ? null : [context.helpers.returnJsonArray(await buildItems(context, settings, items))];
	// Only now, with nothing left that can fail: a poll that throws leaves the state as it was, and
	// the next one reads the same changes again.
	staticData.cursor = advanceCursor(cursor, observed) as unknown as IDataObject;
	if (tracksStatuses(settings)) staticData.statuses = statuses.toStaticData();
	else delete staticData.statuses;
	return output;
}

/** The items, oldest change first, with the status names and portal links they show. */
async function buildItems(context: IPollFunctions, settings: TriggerSettings, items: PendingItem[]): Promise<IDataObject[]> {
	const shape: ItemShape = {
		simplify: settings.simplify,
		instanceUrl: settings.simplify ? resolveInstanceUrl(await connectionSettings(context)) : '',
		statuses: items.some((item) => item.reportsStatusChange) ? await getStatuses(context, oneOffMemo()) : undefined,
	};
	const ordered = [...items].sort((a, b) => (a.changedAt < b.changedAt ? -1 : a.changedAt > b.changedAt ? 1 : 0));
	return ordered.map((item) => item.build(shape));
}

/**
 * The first poll after activation: nothing is delivered. The cursor starts at the newest change
 * HaloPSA lists (HaloPSA's clock, not n8n's), with the changes at that point marked as seen, and the
 * statuses of open tickets are learned so their first status change can be reported.
 */
async function startFromNow(context: IPollFunctions, settings: TriggerSettings, staticData: IDataObject): Promise<void> {
	// No tickets at all: n8n's clock, less the late-change window for a clock running ahead of HaloPSA's.
	const since = (await newestChange(context)) ?? instantBefore(instantFromDate(new Date()), LATE_CHANGE_WINDOW_MS);
	const cursor = startCursor(since);
	const { observed } = await readChanges(context, settings, cursor, new StatusMemory());
	const statuses = new StatusMemory();
	if (settings.events.has('status_changed')) {
		const open = await openTickets(context, settings.filters, MAX_REMEMBERED_STATUSES);
		for (const ticket of open.reverse()) if (matchesTicketFilters(ticket, settings.filters)) statuses.record(ticketState(ticket));
	}
	staticData.cursor = { since, seen: observed.map((change) => change.key) };
	if (tracksStatuses(settings)) staticData.statuses = statuses.toStaticData();
}

/** Reads the changes at or after the cursor: the items to deliver and every change observed. */
async function readChanges(
	context: IPollFunctions,
	settings: TriggerSettings,
	cursor: Cursor,
	statuses: StatusMemory,
): Promise<{ items: PendingItem[]; observed: Change[] }> {
	const seen = new Set(cursor.seen);
	const observedTickets = idsOf(cursor.seen, 't');
	const observed: Change[] = [];
	const items: PendingItem[] = [];
	const changedTickets: IDataObject[] = [];

	// Oldest first, so the remembered statuses follow the order things happened in.
	const tickets = (await ticketsChangedSince(context, cursor.since, settings.filters)).reverse();
	for (const ticket of tickets) {
		const instant = lastUpdateOf(ticket) as string;
		const change = { key: changeKey('t', ticket.id, instant), instant };
		if (!isNew(cursor, seen, change)) continue;
		observed.push(change);
		if (!matchesTicketFilters(ticket, settings.filters)) continue;
		changedTickets.push(ticket);

		const state = ticketState(ticket);
		const detected = detectTicketChange(state, {
			since: cursor.since,
			observedBefore: observedTickets.has(String(ticket.id)),
			previousStatusId: statuses.previousStatus(state.id),
		});
		if (tracksStatuses(settings)) statuses.record(state);
		const event = reportedEvent(detected, settings.events, settings.statusChangedTo, state.statusId);
		if (event) {
			items.push({
				changedAt: instant,
				reportsStatusChange: detected.previousStatusId !== undefined,
				build: (shape) => ticketEventItem(event, detected, ticket, instant, shape),
			});
		}
	}

	if (settings.events.has(NOTE_EVENT)) {
		const withActions = changedTickets.filter((ticket) => mayHaveActionsSince(ticket, cursor.since));
		const actions = await actionsOfTickets(context, withActions.map((ticket) => Number(ticket.id)), settings.noteVisibility);
		for (const ticket of withActions) {
			for (const action of actions.get(Number(ticket.id)) ?? []) {
				const instant = haloInstant(action.datetime);
				if (instant === undefined) continue;
				const change = { key: changeKey('n', action.id, instant), instant };
				if (!isNew(cursor, seen, change)) continue;
				observed.push(change);
				if (!isWantedNote(action, settings.noteVisibility)) continue;
				items.push({ changedAt: instant, reportsStatusChange: false, build: (shape) => noteItem(action, ticket, instant, shape) });
			}
		}
	}
	return { items, observed };
}
