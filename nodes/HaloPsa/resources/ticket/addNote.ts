import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { noteFormatField, outcomeField, postAction, privateNoteField } from '../../shared/actions';
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

async function execute(this: IExecuteFunctions, itemIndex: number, run: HaloRun): Promise<IDataObject> {
	const ticketId = readId(this, 'ticketId', itemIndex, 'Ticket');
	const note = String(this.getNodeParameter('note', itemIndex, ''));
	if (note.trim() === '') {
		throw new NodeOperationError(this.getNode(), 'Note is empty: type the text of the note', { itemIndex });
	}
	const options = readCollection(this, 'options', itemIndex);
	const isPrivate = this.getNodeParameter('private', itemIndex, true) as boolean;
	if (isPrivate && options.sendEmail === true) {
		throw new NodeOperationError(this.getNode(), 'A private note cannot be e-mailed to the end user: turn off Private or Send E-Mail', {
			itemIndex,
		});
	}
	let timeTakenHours: number | undefined;
	if (options.timeTaken !== undefined) {
		timeTakenHours = Number(options.timeTaken);
		if (!Number.isFinite(timeTakenHours) || timeTakenHours < 0 || timeTakenHours > 1000) {
			throw new NodeOperationError(this.getNode(), `Time Taken '${String(options.timeTaken)}' must be a number of hours from 0 to 1000`, { itemIndex });
		}
	}
	let newTeam: string | undefined;
	if (options.newTeam !== undefined && String(options.newTeam).trim() !== '') {
		newTeam = await teamName(this, run.memoize, String(options.newTeam));
		if (!newTeam) throw new NodeOperationError(this.getNode(), `Team '${String(options.newTeam)}' was not found: pick a team from the list`, { itemIndex });
	}
	const action = await postAction(this, run, {
		ticketId,
		note,
		format: this.getNodeParameter('noteFormat', itemIndex, 'text') === 'html' ? 'html' : 'text',
		private: isPrivate,
		outcomeId: optionalNumber(this, options.outcomeId || undefined, itemIndex, 'Outcome'),
		newStatusId: optionalNumber(this, options.newStatusId, itemIndex, 'Change Status To'),
		newAgentId: optionalNumber(this, options.newAgentId, itemIndex, 'Change Agent To'),
		newTeam,
		timeTakenHours,
		sendEmail: options.sendEmail === true,
		important: options.important === true,
		itemIndex,
	});
	return { ...simplifyAction(action), ticket_id: ticketId, ticket_url: ticketUrl(await run.instanceUrl(), ticketId) };
}

export const addNote: HaloOperation = { properties, execute };
