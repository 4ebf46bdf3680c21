/**
 * What a changed ticket means: created, closed, status changed or just updated. HaloPSA's ticket
 * list tells the current state only, so the previous status comes from the trigger's own memory of
 * the statuses it last saw (kept in static data, open tickets only, bounded).
 */
import type { IDataObject } from 'n8n-workflow';

import { haloInstant } from '../HaloPsa/shared/records';

export const TICKET_EVENTS = ['ticket_created', 'ticket_closed', 'status_changed', 'ticket_updated'] as const;
export type TicketEvent = (typeof TICKET_EVENTS)[number];
export const NOTE_EVENT = 'note_added';
export type TriggerEvent = TicketEvent | typeof NOTE_EVENT;

/** At most this many open tickets' statuses are remembered (the least recently changed go first). */
export const MAX_REMEMBERED_STATUSES = 5_000;

/** The instant of a ticket's last change. Lists call it `last_update` (some versions `lastupdate`). */
export function lastUpdateOf(ticket: IDataObject): string | undefined {
	return haloInstant(ticket.last_update ?? ticket.lastupdate);
}

export interface TicketState {
	id: number;
	statusId: number;
	closed: boolean;
	/** When it was created (`datecreated`, else `dateoccurred`). */
	createdAt?: string;
	closedAt?: string;
}

export function ticketState(ticket: IDataObject): TicketState {
	return {
		id: Number(ticket.id),
		statusId: Number(ticket.status_id),
		closed: ticket.hasbeenclosed === true,
		createdAt: haloInstant(ticket.datecreated) ?? haloInstant(ticket.dateoccurred),
		closedAt: haloInstant(ticket.dateclosed),
	};
}

/** The last status seen per open ticket, least recently changed first. */
export class StatusMemory {
	private readonly statuses: Map<number, number>;

	constructor(
		entries: ReadonlyArray<readonly [number, number]> = [],
		private readonly limit = MAX_REMEMBERED_STATUSES,
	) {
		this.statuses = new Map(entries.map(([id, status]) => [id, status]));
	}

	/** The memory kept in static data (`[[ticket id, status id], …]`), tolerating anything else. */
	static fromStaticData(value: unknown, limit?: number): StatusMemory {
		const entries = Array.isArray(value)
			? value.filter(
					(entry): entry is [number, number] =>
						Array.isArray(entry) && entry.length === 2 && Number.isInteger(entry[0]) && Number.isInteger(entry[1]),
				)
			: [];
		return new StatusMemory(entries, limit);
	}

	previousStatus(ticketId: number): number | undefined {
		return this.statuses.get(ticketId);
	}

	/** Remembers an open ticket's status (as the most recent); forgets a closed ticket. */
	record(state: TicketState): void {
		this.statuses.delete(state.id);
		if (state.closed) return;
		this.statuses.set(state.id, state.statusId);
		while (this.statuses.size > this.limit) this.statuses.delete(this.statuses.keys().next().value as number);
	}

	get size(): number {
		return this.statuses.size;
	}

	toStaticData(): Array<[number, number]> {
		return [...this.statuses];
	}
}

export interface DetectedTicketChange {
	/** Every event that applies, most specific first (see TICKET_EVENTS). */
	events: TicketEvent[];
	/** The status before this change, when the trigger knew it and it differs. */
	previousStatusId?: number;
}

/**
 * The events of one observed ticket change.
 * - created: created at or after `since` and not observed before in this window;
 * - closed: closed now, and either remembered open before, or closed at or after `since` without
 *   having been observed since (a ticket observed already closed does not close again);
 * - status changed: the remembered status differs from the current one;
 * - updated: any change of a ticket that was not just created.
 */
export function detectTicketChange(
	state: TicketState,
	context: { since: string; observedBefore: boolean; previousStatusId?: number },
): DetectedTicketChange {
	const { since, observedBefore, previousStatusId } = context;
	if (!observedBefore && state.createdAt !== undefined && state.createdAt >= since) return { events: ['ticket_created'] };
	const events: TicketEvent[] = [];
	const rememberedOpen = previousStatusId !== undefined;
	if (state.closed && (rememberedOpen || (!observedBefore && state.closedAt !== undefined && state.closedAt >= since))) {
		events.push('ticket_closed');
	}
	const statusChanged = rememberedOpen && previousStatusId !== state.statusId;
	if (statusChanged) events.push('status_changed');
	events.push('ticket_updated');
	return statusChanged ? { events, previousStatusId } : { events };
}

/**
 * The event an item is reported as: the most specific of those that apply and that the user chose;
 * a status change counts only when the new status is one of `statusChangedTo` (empty: any).
 */
export function reportedEvent(
	change: DetectedTicketChange,
	chosen: ReadonlySet<TriggerEvent>,
	statusChangedTo: ReadonlySet<number>,
	currentStatusId: number,
): TicketEvent | undefined {
	return change.events.find((event) => {
		if (!chosen.has(event)) return false;
		return event !== 'status_changed' || statusChangedTo.size === 0 || statusChangedTo.has(currentStatusId);
	});
}

export type NoteVisibility = 'all' | 'public' | 'private';

/** A note: an action with text, of the chosen visibility (`hiddenfromuser` = private). */
export function isWantedNote(action: IDataObject, visibility: NoteVisibility): boolean {
	const text = String(action.note ?? '').trim() !== '' || String(action.note_html ?? '').trim() !== '';
	if (!text) return false;
	const isPrivate = action.hiddenfromuser === true;
	return visibility === 'all' || (visibility === 'private') === isPrivate;
}
