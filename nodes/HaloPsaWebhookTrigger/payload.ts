/**
 * HaloPSA's webhook deliveries (API-NOTES §6). Every payload type carries the event's id, name,
 * webhook and notification ids, object id and timestamp; "key fields" and "full object" add the
 * `ticket` (and `action` where there is one) as HaloPSA chose to send it, "event information only"
 * adds nothing. A delivery that batches several events is taken to be a JSON array of them (the
 * batched shape is not documented); a custom payload is any JSON object.
 */
import type { IDataObject } from 'n8n-workflow';

import { haloDate } from '../HaloPsa/shared/records';

/** The events of a delivery, or undefined when the body is not a JSON object or array of objects. */
export function eventsOfDelivery(body: unknown): IDataObject[] | undefined {
	const isObject = (value: unknown): value is IDataObject => value !== null && typeof value === 'object' && !Array.isArray(value);
	if (Array.isArray(body)) return body.length > 0 && body.every(isObject) ? body : undefined;
	return isObject(body) && Object.keys(body).length > 0 ? [body] : undefined;
}

/** An event name as compared: any case, spaces collapsed ("Ticket  Status Changed" = "ticket status changed"). */
export function normalizeEventName(name: unknown): string {
	return typeof name === 'string' ? name.trim().replace(/\s+/g, ' ').toLowerCase() : '';
}

/** The event names to accept, from a comma-separated list; empty: every event. */
export function parseEventNames(text: string): Set<string> {
	return new Set(text.split(',').map(normalizeEventName).filter((name) => name !== ''));
}

export function isChosenEvent(event: IDataObject, chosen: ReadonlySet<string>): boolean {
	return chosen.size === 0 || chosen.has(normalizeEventName(event.event));
}

const objectOrNull = (value: unknown): IDataObject | null =>
	value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : null;

const orNull = (value: unknown) => (value === undefined ? null : value);

/**
 * The same fields for every payload type: `ticket` and `action` as HaloPSA sent them (null for
 * event-only payloads), `ticket_id` from the ticket, the action, or the object id of a ticket event.
 */
export function simplifyWebhookEvent(event: IDataObject): IDataObject {
	const ticket = objectOrNull(event.ticket);
	const action = objectOrNull(event.action);
	const name = typeof event.event === 'string' ? event.event : null;
	const ticketId = ticket?.id ?? action?.ticket_id ?? (name !== null && /ticket/i.test(name) ? event.object_id : undefined);
	return {
		event: name,
		ticket_id: orNull(ticketId),
		object_id: orNull(event.object_id),
		message: orNull(event.message),
		timestamp: haloDate(event.timestamp),
		agent_id: orNull(event.agent_id),
		event_id: orNull(event.id),
		webhook_id: orNull(event.webhook_id),
		notification_id: orNull(event.notification_id),
		ticket,
		action,
	};
}
