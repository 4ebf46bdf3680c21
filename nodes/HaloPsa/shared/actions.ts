/**
 * Actions are HaloPSA's notes, e-mails and status changes on a ticket (`POST /Actions`). Add Note,
 * Close, Reopen and the alert operations all write them through `postAction`.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { haloList } from '../transport/pagination';
import { haloRequest } from '../transport/request';
import { defaultPrivateNoteOutcome, getOutcomes } from './lookups';
import type { HaloRun } from './operation';
import { savedRecord } from './records';
import { writeOnce } from './writeOnce';

export const noteFormatField: INodeProperties = {
	displayName: 'Note Format',
	name: 'noteFormat',
	type: 'options',
	options: [
		{ name: 'Plain Text', value: 'text' },
		{ name: 'HTML', value: 'html' },
	],
	default: 'text',
	description: 'Whether the note is plain text or HTML (sent as note or note_html)',
};

export const privateNoteField: INodeProperties = {
	displayName: 'Private',
	name: 'private',
	type: 'boolean',
	default: true,
	description: 'Whether only agents see the note (hidden from the end user)',
};

export const outcomeField: INodeProperties = {
	displayName: 'Outcome Name or ID',
	name: 'outcomeId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getOutcomeOptions' },
	default: 0,
	description:
		'The action button HaloPSA records this as. Automatic picks a private note outcome for private notes and an update outcome for public ones. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export interface ActionInput {
	ticketId: number;
	note: string;
	format: 'text' | 'html';
	private: boolean;
	/** 0 or undefined: pick automatically. */
	outcomeId?: number;
	newStatusId?: number;
	newAgentId?: number;
	newPriorityId?: number;
	newTeam?: string;
	timeTakenHours?: number;
	sendEmail?: boolean;
	important?: boolean;
	itemIndex: number;
	/**
	 * For notes that must be added exactly once: finds the note if an earlier attempt saved it, so an
	 * attempt that got no answer is checked before it is sent again (see writeOnce).
	 */
	findSaved?: () => Promise<IDataObject | undefined>;
}

/** The outcome to record the action with: the chosen one, or a private note / public update. */
async function resolveOutcome(context: IExecuteFunctions, run: HaloRun, input: ActionInput): Promise<number> {
	if (input.outcomeId) return input.outcomeId;
	const outcomes = (await getOutcomes(context, run.reference)).filter((row) => row.hidden !== true);
	const publicUpdate = () =>
		outcomes.find((row) => /^(update|public note|note|agent update)$/i.test(String(row.outcome ?? '').trim()) && !row.newstatus) ??
		outcomes.find((row) => row.hidefromuser !== true && !row.newstatus && !/e-?mail/i.test(String(row.outcome ?? '')));
	const outcome = input.private ? await defaultPrivateNoteOutcome(context, run.reference) : publicUpdate();
	if (!outcome) {
		throw new NodeOperationError(
			context.getNode(),
			`No ${input.private ? 'private note' : 'public update'} outcome was found in HaloPSA: pick the Outcome to record the note with`,
			{ itemIndex: input.itemIndex },
		);
	}
	return Number(outcome.id);
}

/** The Actions record for the input (its outcome looked up when picked automatically). */
export async function actionBody(context: IExecuteFunctions, run: HaloRun, input: ActionInput): Promise<IDataObject> {
	const body: IDataObject = {
		ticket_id: input.ticketId,
		outcome_id: await resolveOutcome(context, run, input),
		hiddenfromuser: input.private,
		sendemail: input.sendEmail === true,
	};
	if (input.note !== '') body[input.format === 'html' ? 'note_html' : 'note'] = input.note;
	if (input.newStatusId) body.new_status = input.newStatusId;
	if (input.newAgentId) body.new_agent = input.newAgentId;
	if (input.newPriorityId) body.new_priority = input.newPriorityId;
	if (input.newTeam) body.new_team = input.newTeam;
	if (input.timeTakenHours !== undefined) body.timetaken = input.timeTakenHours;
	if (input.important === true) body.important = true;
	return body;
}

/** Adds an action to a ticket. Not re-sent when no answer comes back (it may have been saved), unless findSaved can tell. */
export async function postAction(context: IExecuteFunctions, run: HaloRun, input: ActionInput): Promise<IDataObject> {
	const body = await actionBody(context, run, input);
	const send = async () =>
		savedRecord(
			await haloRequest(context, { method: 'POST', path: '/Actions', body: [body], record: `Ticket ${input.ticketId}`, itemIndex: input.itemIndex }),
		);
	if (!input.findSaved) return await send();
	return (await writeOnce(send, input.findSaved)).result;
}

/** The ticket's action whose note contains `text`, as HaloPSA has it now. */
export async function findActionContaining(
	context: IExecuteFunctions,
	ticketId: number,
	text: string,
	itemIndex: number,
): Promise<IDataObject | undefined> {
	const actions = await haloList(context, { path: '/Actions', qs: { ticket_id: ticketId }, listKey: 'actions', itemIndex });
	return actions.find((action) => `${String(action.note ?? '')} ${String(action.note_html ?? '')}`.includes(text));
}
