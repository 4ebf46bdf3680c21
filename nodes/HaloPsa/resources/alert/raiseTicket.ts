import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { findAlertAssets, identifierList, type AssetLookup } from '../../alert/assets';
import { resolveCustomer, type ResolvedCustomer } from '../../alert/customer';
import { closeDuplicates } from '../../alert/converge';
import { AlertTickets, countOccurrences, occurrenceNote, type AlertTicket } from '../../alert/openTickets';
import { renderAlertHtml, type AlertHeadline } from '../../alert/render';
import { isMoreUrgent, priorityForSeverity, type SeverityMapping } from '../../alert/severity';
import { findActionContaining, postAction, privateNoteField } from '../../shared/actions';
import { byDisplayName } from '../../shared/descriptions';
import { getTicketType, prioritiesOfTicketType, type Memo } from '../../shared/lookups';
import type { HaloOperation, HaloRun } from '../../shared/operation';
import { parseId, readCollection } from '../../shared/parameters';
import { savedRecord, ticketUrl } from '../../shared/records';
import { writeOnce } from '../../shared/writeOnce';
import { haloRequest } from '../../transport/request';
import { optionalTicketFields, ticketFieldsToBody, ticketTypeField } from '../ticket/fields';
import {
	alertDataField,
	alertIdentityFields,
	alertLink,
	detectedAt,
	readAlertData,
	readAlertIdentity,
	alertCache,
	alertOccurrenceMemory,
	cacheSecondsField,
	readAlertIdStorage,
} from './fields';

/** The ticket fields an alert can set besides those it derives (priority, assets, details). */
const ALERT_TICKET_FIELDS = ['agentId', 'category', 'customFields', 'impact', 'siteId', 'skipRules', 'skipTemplate', 'statusId', 'team', 'urgency', 'userId'];

const properties: INodeProperties[] = [
	...alertIdentityFields.slice(0, 1),
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '={{ $json.title ?? $json.name ?? $json.rule }}',
		description: "The ticket's summary; the alert ID is added to it as [ALERT:…] so repeats find the ticket",
	},
	...alertIdentityFields.slice(1),
	{ ...ticketTypeField, required: true },
	{
		displayName: 'Severity',
		name: 'severity',
		type: 'string',
		default: '={{ $json.severity }}',
		description: "The alert's severity word, mapped to a priority by the table below",
	},
	{
		displayName: 'Severity to Priority',
		name: 'severityPriorities',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Severity',
		default: {
			mapping: [
				{ severity: 'critical', priorityId: 1 },
				{ severity: 'high', priorityId: 2 },
				{ severity: 'medium', priorityId: 3 },
				{ severity: 'low', priorityId: 4 },
				{ severity: 'info', priorityId: 4 },
			],
		},
		description: 'Most urgent first. Common spellings match too: crit/P1, major/P2, warning/P3, minor/P4, informational/P5.',
		options: [
			{
				displayName: 'Mapping',
				name: 'mapping',
				values: [
					{
						displayName: 'Severity',
						name: 'severity',
						type: 'string',
						default: '',
					},
					{
						displayName: 'Priority Name or ID',
						name: 'priorityId',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getPriorities', loadOptionsDependsOn: ['ticketTypeId'] },
						default: '',
						description:
							'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					},
				],
			},
		],
	},
	{
		displayName: 'Default Priority Name or ID',
		name: 'defaultPriorityId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getPriorities', loadOptionsDependsOn: ['ticketTypeId'] },
		default: '',
		description:
			'For a severity the table does not list; empty uses the ticket type\'s default. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Asset Identifiers',
		name: 'assetIdentifiers',
		type: 'string',
		default: '={{ $json.hostname ?? $json.device ?? "" }}',
		description:
			"Hostnames, serial numbers or asset tags of the affected devices (comma-separated, or an array). Those found among the customer's assets are linked; the others are listed in the ticket.",
	},
	alertDataField,
	{
		displayName: 'Additional Text',
		name: 'extraText',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'Shown above the alert details',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: byDisplayName(optionalTicketFields().filter((field) => ALERT_TICKET_FIELDS.includes(field.name))),
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{ ...privateNoteField, displayName: 'Private Repeat Notes', name: 'privateNotes', description: 'Whether notes for repeats are hidden from the end user' },
			cacheSecondsField,
			{
				displayName: 'Several Workers (Queue Mode)',
				name: 'severalWorkers',
				type: 'boolean',
				default: false,
				description:
					'Whether other n8n processes may raise the same alert at the same moment. Then every new ticket is checked once more (one request): if another worker raised the same alert too, the newer ticket is closed and the occurrence goes to the oldest.',
			},
			{
				displayName: 'Raise Priority When Severity Rises',
				name: 'raisePriority',
				type: 'boolean',
				default: true,
				description: 'Whether a repeat with a more urgent severity raises the open ticket’s priority',
			},
		],
	},
];

function text(value: unknown): string {
	if (value === undefined || value === null) return '';
	return typeof value === 'object' ? JSON.stringify(value) : String(value).trim();
}

function readMapping(context: IExecuteFunctions, itemIndex: number): SeverityMapping[] {
	const rows = ((context.getNodeParameter('severityPriorities', itemIndex, {}) as IDataObject).mapping ?? []) as IDataObject[];
	return rows
		.filter((row) => text(row.severity) !== '' && row.priorityId !== '' && row.priorityId !== undefined)
		.map((row) => ({ severity: text(row.severity), priorityId: parseId(context, row.priorityId, itemIndex, `Priority for severity '${text(row.severity)}'`) }));
}

/** The priority for this alert's severity, checked against the ticket type's SLA before any write. */
async function alertPriority(
	context: IExecuteFunctions,
	cache: Memo,
	itemIndex: number,
	ticketTypeId: number,
	severity: string,
	mapping: SeverityMapping[],
): Promise<number | undefined> {
	const fallbackRaw = context.getNodeParameter('defaultPriorityId', itemIndex, '');
	const fallback = fallbackRaw === '' || fallbackRaw === undefined ? undefined : parseId(context, fallbackRaw, itemIndex, 'Default Priority');
	const { priorityId } = priorityForSeverity(severity, mapping, fallback);
	if (priorityId === undefined) return undefined;
	const allowed = await prioritiesOfTicketType(context, cache, ticketTypeId);
	if (!allowed.some((priority) => priority.priorityid === priorityId)) {
		const ticketType = await getTicketType(context, cache, ticketTypeId);
		throw new NodeOperationError(
			context.getNode(),
			`Severity '${severity || '(none)'}' maps to priority ${priorityId}, which ticket type '${String(ticketType.name ?? ticketTypeId)}' does not have: set Severity to Priority with ${allowed.map((priority) => `${priority.name} (${priority.priorityid})`).join(', ')}`,
			{ itemIndex },
		);
	}
	return priorityId;
}

function headlineFor(title: string, customer: ResolvedCustomer, severity: string, data: unknown, extraText: string, assets: AssetLookup): AlertHeadline {
	const notes: string[] = [];
	if (assets.notFound.length > 0) notes.push(`Not found among ${customer.name}'s assets in HaloPSA: ${assets.notFound.join(', ')}`);
	return { title, customer: customer.name, severity: severity || undefined, detectedAt: detectedAt(data), link: alertLink(data), extraText, notes };
}

interface Outcome {
	action: 'created' | 'updated';
	ticket: AlertTicket;
	priorityRaised?: boolean;
	recovered?: boolean;
	/** The ticket this execution created and then closed as a duplicate of `ticket`. */
	mergedDuplicate?: number;
}

/** Creates the alert's ticket; a create that got no answer is looked up before it is sent again. */
async function createAlertTicket(
	context: IExecuteFunctions,
	itemIndex: number,
	body: IDataObject,
	tickets: AlertTickets,
	alertId: string,
): Promise<Outcome> {
	const { result, recovered } = await writeOnce<AlertTicket>(
		async () => {
			const saved = savedRecord(await haloRequest(context, { method: 'POST', path: '/Tickets', body: [body], itemIndex }));
			return { id: Number(saved.id), priorityId: Number(saved.priority_id) || undefined };
		},
		async () => await tickets.findNow(alertId),
	);
	return { action: 'created', ticket: { ...result, occurrences: 1 }, recovered };
}

async function execute(this: IExecuteFunctions, itemIndex: number, run: HaloRun): Promise<IDataObject> {
	const identity = readAlertIdentity(this, itemIndex);
	const title = text(this.getNodeParameter('title', itemIndex, '')) || `Alert ${identity.alertId}`;
	const ticketTypeId = parseId(this, this.getNodeParameter('ticketTypeId', itemIndex), itemIndex, 'Ticket Type');
	const severity = text(this.getNodeParameter('severity', itemIndex, ''));
	const mapping = readMapping(this, itemIndex);
	const data = readAlertData(this, itemIndex);
	const extraText = String(this.getNodeParameter('extraText', itemIndex, '') ?? '');
	const options = readCollection(this, 'options', itemIndex);
	const identifiers = identifierList(this.getNodeParameter('assetIdentifiers', itemIndex, ''));
	const additional = readCollection(this, 'additionalFields', itemIndex);

	const cache = alertCache(this, run, itemIndex);
	const customer = await resolveCustomer(this, cache, identity, itemIndex);
	const priorityId = await alertPriority(this, cache, itemIndex, ticketTypeId, severity, mapping);
	const fields = await ticketFieldsToBody(this, itemIndex, 'additionalFields', additional, run, { ticketTypeId, clientId: customer.id });
	const assets = await findAlertAssets(this, cache, customer.id, identifiers, itemIndex);
	const headline = headlineFor(title, customer, severity, data, extraText, assets);
	const storage = await readAlertIdStorage(this, run, itemIndex);
	const tickets = new AlertTickets(this, cache, storage, customer.id, itemIndex, await alertOccurrenceMemory(this, run, itemIndex));
	/** Records this occurrence on the alert's open ticket: a note with the detail and the running count. */
	const addOccurrence = async (ticket: AlertTicket): Promise<Outcome> => {
		ticket.occurrences ??= await countOccurrences(this, ticket.id, itemIndex);
		const occurrences = ticket.occurrences + 1;
		const raise =
			options.raisePriority !== false && priorityId !== undefined && ticket.priorityId !== undefined && isMoreUrgent(priorityId, ticket.priorityId, mapping);
		const occurrenceLine = occurrenceNote(occurrences, identity.alertId);
		await postAction(this, run, {
			ticketId: ticket.id,
			note: renderAlertHtml({ ...headline, notes: [occurrenceLine, ...(headline.notes ?? [])] }, data),
			format: 'html',
			private: options.privateNotes !== false,
			newPriorityId: raise ? priorityId : undefined,
			itemIndex,
			findSaved: async () => await findActionContaining(this, ticket.id, occurrenceLine, itemIndex),
		});
		ticket.occurrences = occurrences;
		tickets.rememberOccurrences(ticket);
		if (raise) ticket.priorityId = priorityId;
		return { action: 'updated', ticket, priorityRaised: raise };
	};

	// Executions of this process that handle the same alert at the same moment take turns.
	const outcome = await run.exclusive(`alert:${customer.id}:${identity.alertId}`, async (): Promise<Outcome> => {
		const existing = await tickets.find(identity.alertId);
		if (existing) {
			// Newer open tickets for the same alert (a race between workers) are merged into the oldest.
			if (existing.duplicates?.length) {
				await closeDuplicates(this, run, existing.id, existing.duplicates, identity.alertId, itemIndex);
				existing.duplicates = undefined;
			}
			return await addOccurrence(existing);
		}
		const alertFields = tickets.ticketFields(identity.alertId, title);
		const body: IDataObject = {
			tickettype_id: ticketTypeId,
			client_id: customer.id,
			details_html: renderAlertHtml(headline, data),
			...fields,
			...alertFields,
			// The user's custom fields and the one holding the alert ID, together.
			...(fields.customfields || alertFields.customfields
				? { customfields: [...((fields.customfields as IDataObject[]) ?? []), ...((alertFields.customfields as IDataObject[]) ?? [])] }
				: {}),
		};
		if (priorityId !== undefined) body.priority_id = priorityId;
		if (assets.linked.length > 0) body.assets = assets.linked.map((asset) => ({ id: asset.id }));
		const created = await createAlertTicket(this, itemIndex, body, tickets, identity.alertId);
		if (options.severalWorkers === true) {
			// Another worker may have raised the same alert at the same moment: look again. The newer
			// ticket gives way: this occurrence goes to the oldest, and the newer is closed.
			const [oldest] = await tickets.findAllNow(identity.alertId);
			if (oldest && oldest.id !== created.ticket.id) {
				const merged = await addOccurrence(oldest);
				await closeDuplicates(this, run, oldest.id, [created.ticket.id], identity.alertId, itemIndex);
				await tickets.remember(identity.alertId, oldest);
				return { ...merged, mergedDuplicate: created.ticket.id };
			}
		}
		await tickets.remember(identity.alertId, created.ticket);
		return created;
	});

	const result: IDataObject = {
		action: outcome.action,
		alert_id: identity.alertId,
		ticket_id: outcome.ticket.id,
		ticket_url: ticketUrl(await run.instanceUrl(), outcome.ticket.id),
		client_id: customer.id,
		client_name: customer.name,
		client_matched_by: customer.matchedBy,
		occurrences: outcome.ticket.occurrences ?? 1,
		severity: severity || null,
		priority_id: outcome.ticket.priorityId ?? priorityId ?? null,
		assets_linked: assets.linked.map((asset) => ({ ...asset })),
		assets_not_found: assets.notFound,
	};
	if (outcome.priorityRaised !== undefined) result.priority_raised = outcome.priorityRaised;
	if (outcome.recovered) result.recovered_after_no_answer = true;
	if (outcome.mergedDuplicate !== undefined) result.merged_duplicate_ticket_id = outcome.mergedDuplicate;
	return result;
}

export const raiseTicket: HaloOperation = { properties, execute };
