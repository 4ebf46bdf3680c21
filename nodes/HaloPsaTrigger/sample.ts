/**
 * A test run ("Fetch Test Event"): the latest existing item matching the chosen events and filters,
 * so fields can be mapped before anything new happens. Reads only; the cursor is not touched. A
 * status change is shown without a previous status (the trigger only knows that for live changes).
 */
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { haloInstant } from '../HaloPsa/shared/records';
import { resolveInstanceUrl } from '../HaloPsa/transport/connection';
import { connectionSettings } from '../HaloPsa/transport/request';
import { actionsOfTickets, latestChangedTickets } from './changes';
import { isWantedNote, lastUpdateOf, NOTE_EVENT, ticketState, type TicketEvent } from './events';
import { matchesTicketFilters } from './filters';
import { noteItem, ticketEventItem, type ItemShape } from './output';
import type { TriggerSettings } from './settings';

/** Tickets looked at for a sample note. */
const TICKETS_SEARCHED_FOR_NOTES = 10;

interface Sample {
	changedAt: string;
	build(shape: ItemShape): IDataObject;
}

/** Which ticket shows each event, and when it happened. */
const TICKET_SAMPLES: Record<TicketEvent, { query: (settings: TriggerSettings) => IDataObject; at: (ticket: IDataObject) => string | undefined }> = {
	// The newest ticket: HaloPSA numbers tickets in the order they are logged.
	ticket_created: { query: () => ({ order: 'id', orderdesc: true }), at: (ticket) => ticketState(ticket).createdAt },
	ticket_closed: { query: () => ({ closed_only: true }), at: (ticket) => ticketState(ticket).closedAt ?? lastUpdateOf(ticket) },
	status_changed: {
		query: (settings) => (settings.statusChangedTo.size > 0 ? { status: [...settings.statusChangedTo].join(',') } : {}),
		at: lastUpdateOf,
	},
	ticket_updated: { query: () => ({}), at: lastUpdateOf },
};

async function ticketSample(context: IPollFunctions, settings: TriggerSettings, event: TicketEvent): Promise<Sample | undefined> {
	const sample = TICKET_SAMPLES[event];
	const [ticket] = (await latestChangedTickets(context, settings.filters, 1, sample.query(settings))).filter((candidate) =>
		matchesTicketFilters(candidate, settings.filters),
	);
	const changedAt = ticket && sample.at(ticket);
	if (!ticket || !changedAt) return undefined;
	return { changedAt, build: (shape) => ticketEventItem(event, { events: [event] }, ticket, changedAt, shape) };
}

async function noteSample(context: IPollFunctions, settings: TriggerSettings): Promise<Sample | undefined> {
	const tickets = (await latestChangedTickets(context, settings.filters, TICKETS_SEARCHED_FOR_NOTES)).filter((ticket) =>
		matchesTicketFilters(ticket, settings.filters),
	);
	for (const ticket of tickets) {
		const actions = (await actionsOfTickets(context, [Number(ticket.id)], settings.noteVisibility)).get(Number(ticket.id)) ?? [];
		let newest: { action: IDataObject; at: string } | undefined;
		for (const action of actions) {
			const at = haloInstant(action.datetime);
			if (at !== undefined && isWantedNote(action, settings.noteVisibility) && (!newest || at > newest.at)) newest = { action, at };
		}
		if (newest) {
			const { action, at } = newest;
			return { changedAt: at, build: (shape) => noteItem(action, ticket, at, shape) };
		}
	}
	return undefined;
}

export async function latestSample(context: IPollFunctions, settings: TriggerSettings): Promise<INodeExecutionData[][] | null> {
	const samples: Sample[] = [];
	for (const event of settings.events) {
		const sample = event === NOTE_EVENT ? await noteSample(context, settings) : await ticketSample(context, settings, event);
		if (sample) samples.push(sample);
	}
	if (samples.length === 0) return null;
	const latest = samples.reduce((a, b) => (b.changedAt > a.changedAt ? b : a));
	const shape: ItemShape = {
		simplify: settings.simplify,
		instanceUrl: settings.simplify ? resolveInstanceUrl(await connectionSettings(context)) : '',
	};
	return [context.helpers.returnJsonArray([latest.build(shape)])];
}
