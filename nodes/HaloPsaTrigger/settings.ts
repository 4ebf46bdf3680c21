/** Reads and checks the polling trigger's parameters before anything is requested. */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parseId } from '../HaloPsa/shared/parameters';
import { haloInstant, toHaloUtc } from '../HaloPsa/shared/records';
import { NOTE_EVENT, TICKET_EVENTS, type NoteVisibility, type TriggerEvent } from './events';
import type { TicketFilters } from './filters';

export interface TriggerSettings {
	events: ReadonlySet<TriggerEvent>;
	/** Status changes only to these (empty: any). */
	statusChangedTo: ReadonlySet<number>;
	noteVisibility: NoteVisibility;
	filters: TicketFilters;
	simplify: boolean;
	/** The first poll delivers changes from here on (a HaloPSA instant); undefined: from activation. */
	startFrom?: string;
}

const ALL_EVENTS: readonly TriggerEvent[] = [...TICKET_EVENTS, NOTE_EVENT];

export function readTriggerSettings(context: IPollFunctions): TriggerSettings {
	const node = context.getNode();
	const fail = (message: string): never => {
		throw new NodeOperationError(node, message);
	};
	const ids = (raw: unknown, label: string): number[] => {
		const values = Array.isArray(raw) ? raw : typeof raw === 'string' && raw.trim() !== '' ? raw.split(',') : [];
		return values.map((value) => parseId(context, typeof value === 'string' ? value.trim() : value, 0, label));
	};

	const events = new Set<TriggerEvent>();
	const chosen = context.getNodeParameter('events', []) as unknown;
	for (const raw of Array.isArray(chosen) ? chosen : String(chosen).split(',')) {
		const event = typeof raw === 'string' ? raw.trim() : raw;
		if (event === '') continue;
		if (!ALL_EVENTS.includes(event as TriggerEvent)) fail(`Event '${String(event).slice(0, 40)}' is not one of: ${ALL_EVENTS.join(', ')}`);
		events.add(event as TriggerEvent);
	}
	if (events.size === 0) fail('Events is empty: pick at least one event to trigger on');

	const statusChangedTo = events.has('status_changed')
		? new Set(ids(context.getNodeParameter('statusChangedTo', []), 'Status Changed To'))
		: new Set<number>();

	const visibility = events.has(NOTE_EVENT) ? context.getNodeParameter('noteVisibility', 'all') : 'all';
	if (!['all', 'public', 'private'].includes(visibility as string)) fail(`Notes '${String(visibility)}' is not one of: all, public, private`);

	const filterValues = context.getNodeParameter('filters', {}) as IDataObject;
	const clientId =
		filterValues.clientId !== undefined ? context.getNodeParameter('filters.clientId', null, { extractValue: true }) : null;
	const filters: TicketFilters = {
		clientId: clientId === null || clientId === undefined || clientId === '' ? undefined : parseId(context, clientId, 0, 'Client'),
		agentIds: ids(filterValues.agentIds, 'Agent'),
		teamIds: ids(filterValues.teamIds, 'Team'),
		statusIds: ids(filterValues.statusIds, 'Status'),
		priorityIds: ids(filterValues.priorityIds, 'Priority'),
		ticketTypeIds: ids(filterValues.ticketTypeIds, 'Ticket Type'),
	};

	const options = context.getNodeParameter('options', {}) as IDataObject;
	let startFrom: string | undefined;
	if (options.startFrom !== undefined && options.startFrom !== '') {
		startFrom = haloInstant(toHaloUtc(options.startFrom, context.getTimezone()));
		if (!startFrom) fail(`Start From '${String(options.startFrom).slice(0, 40)}' is not a date: use ISO 8601 such as 2026-11-27T14:30:00Z`);
	}

	return {
		events,
		statusChangedTo,
		noteVisibility: visibility as NoteVisibility,
		filters,
		simplify: context.getNodeParameter('simplify', true) as boolean,
		startFrom,
	};
}

/** Whether the trigger needs to know the previous status of tickets. */
export function tracksStatuses(settings: TriggerSettings): boolean {
	return settings.events.has('status_changed') || settings.events.has('ticket_closed');
}
