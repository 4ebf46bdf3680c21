/** Actions: notes and updates on tickets (`/Actions`, schema Actions): API-NOTES §3.2. */
import { TICKETS_ACCESS } from '../access';
import { haloDate } from '../dates';
import { badRequest, isTrue, notFound } from '../http';
import { filterBy } from '../list';
import { fillTicketNames } from '../relations';
import type { Action, MockStore, Outcome, Ticket } from '../store';
import { textAndHtml } from '../text';
import { agentOrFail, checkPriority, setTicketStatus, teamByNameOrFail } from './tickets';
import { dataFields, intField, type ApiContext, type PostedRecord, type ResourceDescriptor } from './resource';

const OUTCOME_REQUIRED = 'An Outcome must be entered for this Action';
/** Fields the mock sets itself. */
const DERIVED_FIELDS = new Set(['ticket_id', 'outcome', 'outcome_id', 'note', 'note_html', 'who', 'actionby_agent_id', 'actionby_application_id']);

function ticketOrFail(store: MockStore, ticketId: number | undefined): Ticket {
	if (ticketId === undefined || ticketId <= 0) throw badRequest('A Ticket ID is required for an Action (ticket_id)');
	const ticket = store.tickets.find((candidate) => candidate.id === ticketId && !candidate.deleted);
	if (!ticket) throw badRequest(`Ticket ${ticketId} not found`);
	return ticket;
}

/** By `outcome_id`, or by `outcome` name (matched against the outcome and its button name). */
function outcomeOf(store: MockStore, input: PostedRecord): Outcome | undefined {
	const outcomeId = intField(input, 'outcome_id');
	const name = typeof input.outcome === 'string' ? input.outcome.trim().toLowerCase() : '';
	if (outcomeId === undefined && !name) return undefined;
	const outcome =
		outcomeId !== undefined
			? store.find('outcomes', outcomeId)
			: store.outcomes.find((candidate) => [candidate.outcome, candidate.buttonname].some((label) => label.toLowerCase() === name));
	if (!outcome) throw badRequest(`Outcome '${String(outcomeId ?? input.outcome)}' not found`);
	return outcome;
}

/** new_status / new_agent / new_team / new_priority change the ticket; an outcome may carry a new status. */
function applyActionToTicket(store: MockStore, ticket: Ticket, input: PostedRecord, outcome: Outcome, now: string): void {
	const changed = structuredClone(ticket);
	const newStatus = intField(input, 'new_status') ?? (outcome.newstatus > 0 ? outcome.newstatus : undefined);
	if (newStatus !== undefined) setTicketStatus(store, changed, newStatus, now);
	const newAgent = intField(input, 'new_agent');
	if (newAgent !== undefined && newAgent > 0) changed.agent_id = agentOrFail(store, newAgent);
	if (input.new_team !== undefined && input.new_team !== null && input.new_team !== '') {
		changed.team = teamByNameOrFail(store, input.new_team)?.name ?? changed.team;
	}
	const newPriority = intField(input, 'new_priority');
	if (newPriority !== undefined && newPriority > 0) changed.priority_id = checkPriority(store, changed, newPriority);
	changed.last_update = now;
	changed.lastactiondate = now;
	fillTicketNames(store, changed);
	Object.assign(ticket, changed);
}

/** Who an action is recorded as: the token's agent and API application. */
export type ActionAuthor = Pick<ApiContext, 'agentId' | 'agent' | 'clientId'>;

/** The action record a POST describes, without side effects (the seed uses it for history). */
export function buildAction(store: MockStore, input: PostedRecord, author: ActionAuthor, now: string): { action: Action; ticket: Ticket; outcome: Outcome } {
	const ticket = ticketOrFail(store, intField(input, 'ticket_id'));
	const outcome = outcomeOf(store, input);
	if (!outcome) throw badRequest(OUTCOME_REQUIRED);
	const note = textAndHtml(input.note, input.note_html) ?? { text: '', html: '' };
	const action: Action = {
		id: store.nextId('actions'),
		ticket_id: ticket.id,
		outcome: outcome.outcome,
		outcome_id: outcome.id,
		note: note.text,
		note_html: note.html,
		hiddenfromuser: outcome.hidefromuser,
		timetaken: 0,
		sendemail: false,
		datetime: now,
		who: author.agent?.name ?? '',
		who_agentid: author.agentId,
		actionby_agent_id: author.agentId,
		actionby_application_id: author.clientId,
	};
	copyDataFields(action, input);
	action.hiddenfromuser = action.hiddenfromuser === true || String(action.hiddenfromuser).toLowerCase() === 'true';
	return { action, ticket, outcome };
}

export function createAction(store: MockStore, input: PostedRecord, author: ActionAuthor, now = haloDate()): Action {
	const { action, ticket, outcome } = buildAction(store, input, author, now);
	applyActionToTicket(store, ticket, input, outcome, typeof action.datetime === 'string' ? action.datetime : now);
	store.actions.push(action);
	return action;
}

function updateAction(store: MockStore, action: Action, input: PostedRecord): Action {
	const outcome = outcomeOf(store, input);
	if (outcome) Object.assign(action, { outcome: outcome.outcome, outcome_id: outcome.id });
	const note = textAndHtml(input.note, input.note_html);
	if (note) Object.assign(action, { note: note.text, note_html: note.html });
	copyDataFields(action, input);
	return action;
}

function copyDataFields(action: Action, input: PostedRecord): void {
	for (const [name, value] of Object.entries(dataFields(input))) {
		if (!DERIVED_FIELDS.has(name)) action[name] = value;
	}
}

export const actionsResource: ResourceDescriptor<Action> = {
	name: 'Actions',
	displayName: 'Actions',
	access: TICKETS_ACCESS,
	listShape: { envelope: 'actions' },
	records: (store) => store.actions,
	requiredListParam: { name: 'ticket_id', message: 'A ticket_id is required to list Actions' },
	filters: {
		ticket_id: filterBy.intEquals('ticket_id'),
		excludeprivate: (action, value) => !isTrue(value) || !action.hiddenfromuser,
		agentonly: (action, value) => !isTrue(value) || action.actionby_agent_id > 0,
	},
	// Newest last: ids grow with time.
	defaultOrder: ['id'],
	findOne: (id, ctx) => {
		const ticketId = ctx.query.ticket_id;
		return ctx.store.actions.find((action) => String(action.id) === id && (!ticketId || String(action.ticket_id) === ticketId));
	},
	write: {
		create: (input, ctx) => createAction(ctx.store, input, ctx),
		update: (action, input, ctx) => updateAction(ctx.store, action, input),
		findForUpdate: (id, ctx) => ctx.store.find('actions', id),
	},
	// DELETE needs the live ticket_id (API-NOTES §3.2).
	remove: (action, ctx) => {
		if (!ctx.query.ticket_id) throw badRequest('A ticket_id is required to delete an Action');
		if (String(action.ticket_id) !== ctx.query.ticket_id) throw notFound();
		ctx.store.remove('actions', action.id);
	},
};
