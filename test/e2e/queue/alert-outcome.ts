/**
 * What HaloPSA (the fake) holds for each alert after the burst, read from its data, not from n8n.
 *
 * What is counted, per alert ID:
 * - its tickets: every ticket whose summary carries `[ALERT:<id>]`, split into open and closed;
 * - occurrence notes: actions on the open ticket whose text says "Occurrence N of alert <id>". The
 *   ticket itself is the first occurrence, so an alert delivered d times must have d − 1 of them.
 *   A delivery that raced another worker and made a second ticket records its occurrence the same
 *   way (on the oldest ticket) before closing its own, so it is counted here too, not twice;
 * - merged duplicates: closed tickets of the alert that carry the note "Duplicate of ticket T for
 *   alert <id>" with T its open ticket.
 */
import { duplicateNote } from '../../../nodes/HaloPsa/alert/converge';
import { ALERT_MARKER } from '../../../nodes/HaloPsa/shared/summaryMarker';

interface TicketRecord {
	id: number;
	summary?: string;
	hasbeenclosed?: boolean;
	deleted?: boolean;
}

interface ActionRecord {
	ticket_id: number;
	note?: string;
	note_html?: string;
}

export interface AlertOutcome {
	alertId: string;
	openTicketIds: number[];
	closedTicketIds: number[];
	/** The N of every "Occurrence N of alert <id>" note on the open ticket (when there is exactly one). */
	occurrenceNumbers: number[];
	/** Closed tickets of the alert that point to the open ticket as a duplicate. */
	mergedDuplicateIds: number[];
}

const OCCURRENCE = /Occurrence (\d+) of alert ([^\s<]+)/g;

function actionText(action: ActionRecord): string {
	// The same note can be in both fields (HTML and its text): read each once per action.
	return action.note_html ? String(action.note_html) : String(action.note ?? '');
}

function occurrencesIn(actions: ActionRecord[], alertId: string): number[] {
	const numbers: number[] = [];
	for (const action of actions) {
		for (const match of actionText(action).matchAll(OCCURRENCE)) if (match[2] === alertId) numbers.push(Number(match[1]));
	}
	return numbers;
}

export function alertOutcomes(alertIds: string[], tickets: TicketRecord[], actions: ActionRecord[]): Map<string, AlertOutcome> {
	const actionsByTicket = new Map<number, ActionRecord[]>();
	for (const action of actions) actionsByTicket.set(action.ticket_id, [...(actionsByTicket.get(action.ticket_id) ?? []), action]);
	const outcomes = new Map<string, AlertOutcome>(
		alertIds.map((alertId) => [alertId, { alertId, openTicketIds: [], closedTicketIds: [], occurrenceNumbers: [], mergedDuplicateIds: [] }]),
	);
	for (const ticket of tickets) {
		const outcome = outcomes.get(ALERT_MARKER.keyIn(ticket.summary) ?? '');
		if (!outcome || ticket.deleted) continue;
		(ticket.hasbeenclosed ? outcome.closedTicketIds : outcome.openTicketIds).push(ticket.id);
	}
	for (const outcome of outcomes.values()) {
		if (outcome.openTicketIds.length !== 1) continue;
		const [open] = outcome.openTicketIds;
		outcome.occurrenceNumbers = occurrencesIn(actionsByTicket.get(open) ?? [], outcome.alertId).sort((a, b) => a - b);
		const pointer = duplicateNote(open, outcome.alertId);
		outcome.mergedDuplicateIds = outcome.closedTicketIds.filter((id) => (actionsByTicket.get(id) ?? []).some((action) => `${action.note ?? ''} ${action.note_html ?? ''}`.includes(pointer)));
	}
	return outcomes;
}

/** Whether the occurrence notes number 2, 3, … d without gaps or repeats. */
export function occurrencesNumberedInOrder(outcome: AlertOutcome): boolean {
	return outcome.occurrenceNumbers.every((number, index) => number === index + 2);
}
