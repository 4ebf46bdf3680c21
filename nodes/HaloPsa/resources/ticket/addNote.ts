import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { actionBody, noteFormatField, outcomeField, postAction, privateNoteField, type ActionInput } from '../../shared/actions';
import { batchSizeField, postInBatches, type BatchEntry } from '../../shared/batch';
import { ticketLocator } from '../../shared/descriptions';
import { teamName } from '../../shared/lookups';
import type { HaloOperation, HaloRun } from '../../shared/operation';
import { parseId, readCollection, readId } from '../../shared/parameters';
import { simplifyAction, ticketUrl } from '../../shared/records';

const properties: INodeProperties[] = [
	ticketLocator(),
	{
		displayName: 'Note',
		name: 'note',
		type: 'string',
		typeOptions: { rows: 5 },
		required: true,
		default: '',
	},
	noteFormatField,
	privateNoteField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			batchSizeField,
			{
				displayName: 'Change Agent To Name or ID',
				name: 'newAgentId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getAgents' },
				default: '',
				description:
					'Re-assign the ticket in the same action. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Change Status To Name or ID',
				name: 'newStatusId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getStatusOptions' },
				default: '',
				description:
					'Change the ticket status in the same action. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Change Team To Name or ID',
				name: 'newTeam',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getTeamNames' },
				default: '',
				description:
					'Move the ticket to another team in the same action. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Important',
				name: 'important',
				type: 'boolean',
				default: false,
				description: 'Whether HaloPSA highlights the note as important',
			},
			outcomeField,
			{
				displayName: 'Send E-Mail to End User',
				name: 'sendEmail',
				type: 'boolean',
				default: false,
				description: 'Whether HaloPSA e-mails the note to the end user (only for public notes)',
			},
			{
				displayName: 'Time Taken (Hours)',
				name: 'timeTaken',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 2 },
				default: 0,
				description: 'Time spent, in hours (0.25 = 15 minutes)',
			},
		],
	},
];

function optionalNumber(context: IExecuteFunctions, value: unknown, itemIndex: number, label: string): number | undefined {
	if (value === undefined || value === '' || value === null) return undefined;
	return parseId(context, value, itemIndex, label);
}

/** Reads and checks one item's note. */
async function prepare(context: IExecuteFunctions, itemIndex: number, run: HaloRun): Promise<ActionInput> {
	const ticketId = readId(context, 'ticketId', itemIndex, 'Ticket');
	const note = String(context.getNodeParameter('note', itemIndex, '') ?? '');
	if (note.trim() === '') {
		throw new NodeOperationError(context.getNode(), 'Note is empty: type the text of the note', { itemIndex });
	}
	const options = readCollection(context, 'options', itemIndex);
	const isPrivate = context.getNodeParameter('private', itemIndex, true) as boolean;
	if (isPrivate && options.sendEmail === true) {
		throw new NodeOperationError(context.getNode(), 'A private note cannot be e-mailed to the end user: turn off Private or Send E-Mail', {
			itemIndex,
		});
	}
	let timeTakenHours: number | undefined;
	if (options.timeTaken !== undefined) {
		timeTakenHours = Number(options.timeTaken);
		if (!Number.isFinite(timeTakenHours) || timeTakenHours < 0 || timeTakenHours > 1000) {
			throw new NodeOperationError(context.getNode(), `Time Taken '${String(options.timeTaken)}' must be a number of hours from 0 to 1000`, { itemIndex });
		}
	}
	let newTeam: string | undefined;
	if (options.newTeam !== undefined && String(options.newTeam).trim() !== '') {
		newTeam = await teamName(context, run.memoize, String(options.newTeam));
		if (!newTeam) throw new NodeOperationError(context.getNode(), `Team '${String(options.newTeam)}' was not found: pick a team from the list`, { itemIndex });
	}
	return {
		ticketId,
		note,
		format: context.getNodeParameter('noteFormat', itemIndex, 'text') === 'html' ? 'html' : 'text',
		private: isPrivate,
		outcomeId: optionalNumber(context, options.outcomeId || undefined, itemIndex, 'Outcome'),
		newStatusId: optionalNumber(context, options.newStatusId, itemIndex, 'Change Status To'),
		newAgentId: optionalNumber(context, options.newAgentId, itemIndex, 'Change Agent To'),
		newTeam,
		timeTakenHours,
		sendEmail: options.sendEmail === true,
		important: options.important === true,
		itemIndex,
	};
}

async function shape(run: HaloRun, action: IDataObject, ticketId: number): Promise<IDataObject> {
	return { ...simplifyAction(action), ticket_id: ticketId, ticket_url: ticketUrl(await run.instanceUrl(), ticketId) };
}

async function execute(this: IExecuteFunctions, itemIndex: number, run: HaloRun): Promise<IDataObject> {
	const input = await prepare(this, itemIndex, run);
	return await shape(run, await postAction(this, run, input), input.ticketId);
}

/** Adds notes in batches (a batch whose answer was lost is reported, not re-sent: notes are not idempotent). */
async function executeBatch(this: IExecuteFunctions, itemIndexes: number[], run: HaloRun, batchSize: number) {
	const results = new Map<number, IDataObject | Error>();
	const entries: BatchEntry[] = [];
	const tickets = new Map<number, number>();
	for (const itemIndex of itemIndexes) {
		await prepare(this, itemIndex, run)
			.then(async (input) => {
				tickets.set(itemIndex, input.ticketId);
				entries.push({ itemIndex, body: await actionBody(this, run, input) });
			})
			.catch((error: Error) => results.set(itemIndex, error));
	}
	const saved = await postInBatches(this, '/Actions', entries, batchSize);
	for (const [itemIndex, result] of saved) {
		results.set(itemIndex, result instanceof Error ? result : await shape(run, result, tickets.get(itemIndex) as number));
	}
	return results;
}

export const addNote: HaloOperation = { properties, execute, executeBatch };
