/**
 * The polling trigger's items. Ticket events: `{event, changes, ticket_id, changed_at, status_id,
 * status_name, previous_status_id, previous_status_name, ticket}`; notes: `{event: "note_added",
 * ticket_id, changed_at, note, ticket}`. `ticket` and `note` are simplified as in Ticket → Get and
 * Get Notes, or HaloPSA's records when Simplify is off.
 */
import type { IDataObject } from 'n8n-workflow';

import { haloDate, simplifyAction, simplifyTicket } from '../HaloPsa/shared/records';
import type { Status } from '../HaloPsa/shared/lookups';
import { NOTE_EVENT, type TicketEvent } from './events';

export interface ItemShape {
	simplify: boolean;
	instanceUrl: string;
	/** HaloPSA's statuses, to name them (only loaded when an item reports a status change). */
	statuses?: Status[];
}

function statusName(shape: ItemShape, statusId: number | undefined, ticket?: IDataObject): string | null {
	if (statusId === undefined) return null;
	const known = shape.statuses?.find((status) => status.id === statusId)?.name;
	if (known !== undefined) return known;
	return ticket && Number(ticket.status_id) === statusId && typeof ticket.status_name === 'string' ? ticket.status_name : null;
}

function ticketRecord(ticket: IDataObject, shape: ItemShape): IDataObject {
	return shape.simplify ? simplifyTicket(ticket, shape.instanceUrl) : ticket;
}

export function ticketEventItem(
	event: TicketEvent,
	change: { events: TicketEvent[]; previousStatusId?: number },
	ticket: IDataObject,
	changedAt: string,
	shape: ItemShape,
): IDataObject {
	const statusId = ticket.status_id === undefined ? undefined : Number(ticket.status_id);
	return {
		event,
		changes: change.events,
		ticket_id: ticket.id,
		changed_at: haloDate(changedAt),
		status_id: statusId ?? null,
		status_name: statusName(shape, statusId, ticket),
		previous_status_id: change.previousStatusId ?? null,
		previous_status_name: statusName(shape, change.previousStatusId),
		ticket: ticketRecord(ticket, shape),
	};
}

export function noteItem(action: IDataObject, ticket: IDataObject, changedAt: string, shape: ItemShape): IDataObject {
	return {
		event: NOTE_EVENT,
		ticket_id: ticket.id,
		changed_at: haloDate(changedAt),
		note: shape.simplify ? simplifyAction(action) : action,
		ticket: ticketRecord(ticket, shape),
	};
}
