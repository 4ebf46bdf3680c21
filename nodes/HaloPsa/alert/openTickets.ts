/**
 * Finding the open ticket of an alert, per client. Where the alert ID lives decides how:
 * - in the summary (`[ALERT:id]`, the default, no HaloPSA setup): one summary search per client
 *   and node run finds every open alert ticket of that client;
 * - in a custom field or HaloPSA's third-party ID field: one `advanced_search` per alert.
 * Either way the run remembers what it found and created, so items of the same run with the same
 * alert ID make one ticket.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Memo } from '../shared/lookups';
import { haloList } from '../transport/pagination';
import { ALERT_MARKER, fitSummary } from '../shared/summaryMarker';

export interface AlertTicket {
	id: number;
	priorityId?: number;
	/** Newer open tickets for the same alert (made by a race between n8n workers), to merge into this one. */
	duplicates?: number[];
	/** How many occurrences the ticket has recorded; undefined until counted. */
	occurrences?: number;
}

/**
 * Occurrence counts this n8n process wrote, by ticket ID, kept beyond the look-up window: when the
 * open tickets are read again, a ticket's count is known without reading its notes. Only for one
 * process; with several workers each counts from HaloPSA, since another worker may have added notes.
 */
export type OccurrenceMemory = Map<number, number>;

/** The most tickets an occurrence memory holds (the least recently counted are forgotten). */
const OCCURRENCE_MEMORY_LIMIT = 10_000;

export type AlertIdStorage =
	| { kind: 'summary' }
	| { kind: 'customField'; fieldId: number; fieldName: string }
	| { kind: 'thirdPartyId' };

const THIRD_PARTY_FIELD = 'third_party_id_string';

function asAlertTicket(ticket: IDataObject): AlertTicket {
	return { id: Number(ticket.id), priorityId: Number(ticket.priority_id) || undefined };
}

/** Oldest first, so when two open tickets carry the same alert the older one wins. */
function oldestFirst(tickets: IDataObject[]): IDataObject[] {
	return [...tickets].sort((a, b) => Number(a.id) - Number(b.id));
}

async function openTicketsOf(context: IExecuteFunctions, clientId: number, qs: IDataObject, itemIndex: number): Promise<IDataObject[]> {
	return await haloList(context, {
		path: '/Tickets',
		qs: { client_id: clientId, open_only: true, ...qs },
		listKey: 'tickets',
		itemIndex,
	});
}

export class AlertTickets {
	constructor(
		private readonly context: IExecuteFunctions,
		private readonly cache: Memo,
		private readonly storage: AlertIdStorage,
		private readonly clientId: number,
		private readonly itemIndex: number,
		private readonly occurrenceMemory?: OccurrenceMemory,
	) {}

	/** What this run knows of the client's alert tickets (shared by all items of the run). */
	private async known(): Promise<Map<string, AlertTicket | undefined>> {
		return await this.cache(`alert:tickets:${this.storage.kind}:${this.clientId}`, async () => {
			const known = new Map<string, AlertTicket | undefined>();
			if (this.storage.kind === 'summary') {
				for (const ticket of oldestFirst(await openTicketsOf(this.context, this.clientId, { search_summary: ALERT_MARKER.prefix }, this.itemIndex))) {
					const alertId = ALERT_MARKER.keyIn(ticket.summary);
					if (alertId === undefined) continue;
					const oldest = known.get(alertId);
					if (oldest) oldest.duplicates = [...(oldest.duplicates ?? []), Number(ticket.id)];
					else known.set(alertId, { ...asAlertTicket(ticket), occurrences: this.occurrenceMemory?.get(Number(ticket.id)) });
				}
			}
			return known;
		});
	}

	/** The alert's open ticket as HaloPSA has it now (not what the run remembers). */
	async findNow(alertId: string): Promise<AlertTicket | undefined> {
		const [oldest, ...newer] = await this.findAllNow(alertId);
		return oldest ? { ...oldest, duplicates: newer.length > 0 ? newer.map((ticket) => ticket.id) : undefined } : undefined;
	}

	/** Every open ticket HaloPSA has now for the alert, oldest first. */
	async findAllNow(alertId: string): Promise<AlertTicket[]> {
		const qs: IDataObject =
			this.storage.kind === 'summary'
				? { search_summary: ALERT_MARKER.of(alertId) }
				: {
						advanced_search: JSON.stringify([
							{
								filter_name: this.storage.kind === 'customField' ? this.storage.fieldName : THIRD_PARTY_FIELD,
								filter_type: 2,
								filter_value: alertId,
							},
						]),
					};
		const tickets = oldestFirst(await openTicketsOf(this.context, this.clientId, qs, this.itemIndex));
		const matches = this.storage.kind === 'summary' ? tickets.filter((ticket) => ALERT_MARKER.keyIn(ticket.summary) === alertId) : tickets;
		return matches.map(asAlertTicket);
	}

	async find(alertId: string): Promise<AlertTicket | undefined> {
		const known = await this.known();
		if (!known.has(alertId) && this.storage.kind !== 'summary') {
			const found = await this.findNow(alertId);
			known.set(alertId, found && { ...found, occurrences: this.occurrenceMemory?.get(found.id) });
		}
		return known.get(alertId);
	}

	async remember(alertId: string, ticket: AlertTicket): Promise<void> {
		(await this.known()).set(alertId, ticket);
		this.rememberOccurrences(ticket);
	}

	/** Keeps the ticket's occurrence count past the look-up window (one process only). */
	rememberOccurrences(ticket: AlertTicket): void {
		const memory = this.occurrenceMemory;
		if (!memory || ticket.occurrences === undefined) return;
		memory.delete(ticket.id);
		memory.set(ticket.id, ticket.occurrences);
		if (memory.size > OCCURRENCE_MEMORY_LIMIT) memory.delete(memory.keys().next().value as number);
	}

	async forget(alertId: string): Promise<void> {
		(await this.known()).set(alertId, undefined);
	}

	/** The create body's fields that carry the alert ID. */
	ticketFields(alertId: string, title: string): IDataObject {
		switch (this.storage.kind) {
			case 'summary':
				return { summary: ALERT_MARKER.summaryWith(title, alertId) };
			case 'customField':
				return { summary: fitSummary(title), customfields: [{ id: this.storage.fieldId, value: alertId }] };
			case 'thirdPartyId':
				return { summary: fitSummary(title), [THIRD_PARTY_FIELD]: alertId };
		}
	}
}

/** "Occurrence 3 of alert …" is how repeat notes start; the highest such number is the count so far. */
export const OCCURRENCE_PATTERN = /Occurrence (\d+) of alert /g;

export function occurrenceNote(count: number, alertId: string): string {
	return `Occurrence ${count} of alert ${alertId}`;
}

/** Counts the occurrences recorded on a ticket found in HaloPSA (the ticket itself is the first). */
export async function countOccurrences(context: IExecuteFunctions, ticketId: number, itemIndex: number): Promise<number> {
	const actions = await haloList(context, { path: '/Actions', qs: { ticket_id: ticketId }, listKey: 'actions', itemIndex });
	let highest = 1;
	for (const action of actions) {
		const text = `${String(action.note ?? '')} ${String(action.note_html ?? '')}`;
		for (const match of text.matchAll(OCCURRENCE_PATTERN)) highest = Math.max(highest, Number(match[1]));
	}
	return highest;
}
