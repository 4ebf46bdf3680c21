/** Fields both alert operations share: which alert, and which customer it is about. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isValidKey, KEY_RULE } from '../../shared/summaryMarker';
import type { AlertIdStorage, OccurrenceMemory } from '../../alert/openTickets';
import type { HaloRun } from '../../shared/operation';
import { haloList } from '../../transport/pagination';
import { clientLocator } from '../../shared/descriptions';
import type { Memo } from '../../shared/lookups';
import { optionalId, parseId, readCollection } from '../../shared/parameters';
import type { CustomerMatchBy } from '../../alert/customer';

export const alertIdentityFields: INodeProperties[] = [
	{
		displayName: 'Alert ID',
		name: 'alertId',
		type: 'string',
		required: true,
		default: '={{ $json.alert_id ?? $json.alertId ?? $json.id }}',
		description: 'What identifies the alert across repeats: the same ID updates the same open ticket instead of raising another',
	},
	{
		displayName: 'Alert ID Stored In',
		name: 'alertIdStorage',
		type: 'options',
		options: [
			{
				name: 'Ticket Summary',
				value: 'summary',
				description: 'As [ALERT:…] at the end of the summary: no HaloPSA setup, one look-up per customer and run',
			},
			{
				name: 'Custom Field',
				value: 'customField',
				description: 'A ticket custom field you created for it (one look-up per alert)',
			},
			{
				name: 'Third-Party ID',
				value: 'thirdPartyId',
				description: "HaloPSA's third-party ID field (one look-up per alert)",
			},
		],
		default: 'summary',
		description: 'Where the ticket keeps the alert ID, so repeats and resolves find it. Use the same setting for Raise Ticket and Resolve.',
	},
	{
		displayName: 'Alert ID Custom Field Name or ID',
		name: 'alertIdFieldId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getCustomFields' },
		default: '',
		required: true,
		displayOptions: { show: { alertIdStorage: ['customField'] } },
		description:
			'A text custom field of tickets. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Customer',
		name: 'customer',
		type: 'string',
		default: '={{ $json.customer?.name ?? $json.customer ?? $json.client }}',
		description: 'Who the alert is about: a HaloPSA client name, client ID or domain (see Match Customer By)',
	},
	{
		displayName: 'Match Customer By',
		name: 'customerMatchBy',
		type: 'options',
		options: [
			{ name: 'Name', value: 'name', description: 'Exact name first, then ignoring case, punctuation and legal forms (Ltd, Inc, GmbH…)' },
			{ name: 'Client ID', value: 'id', description: "The HaloPSA client's ID" },
			{ name: 'Domain', value: 'domain', description: "A web or e-mail domain (contoso.com, jane@contoso.com), matched to the client's website" },
		],
		default: 'name',
	},
	clientLocator({
		displayName: 'Fallback Client',
		name: 'fallbackClientId',
		description: 'Where alerts about a customer HaloPSA does not know go. Leave empty to fail such items with an error naming the customer.',
	}),
];

export interface AlertIdentity {
	alertId: string;
	customer: string;
	matchBy: CustomerMatchBy;
	fallbackClientId?: number;
}

export const cacheSecondsField: INodeProperties = {
	displayName: 'Keep Look-Ups Between Executions (Seconds)',
	name: 'cacheSeconds',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: 60,
	description:
		"How long this n8n process reuses what it read from HaloPSA (clients, the customer's open alert tickets, priorities, assets) for later executions, so a webhook per alert costs about one request. 0 reads afresh in every execution.",
};

/** The look-up cache for alert operations: between executions for Keep Look-Ups…, else this run only. */
export function alertCache(context: IExecuteFunctions, run: HaloRun, itemIndex: number): Memo {
	const seconds = Number(readCollection(context, 'options', itemIndex).cacheSeconds ?? 60);
	const ttlMs = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0;
	return <T>(key: string, load: () => Promise<T>) => run.shared(key, ttlMs, load);
}

/** Occurrence counts outlive the look-ups by this much. */
const OCCURRENCE_MEMORY_MS = 24 * 3_600_000;

/**
 * The process's occurrence counts for Raise Ticket (see OccurrenceMemory): none with Several
 * Workers (other processes add notes too) or with Keep Look-Ups at 0 (everything read afresh).
 */
export async function alertOccurrenceMemory(context: IExecuteFunctions, run: HaloRun, itemIndex: number): Promise<OccurrenceMemory | undefined> {
	const options = readCollection(context, 'options', itemIndex);
	const keepsLookUps = Number(options.cacheSeconds ?? 60) > 0;
	if (options.severalWorkers === true || !keepsLookUps) return undefined;
	return await run.shared('alert:occurrences', OCCURRENCE_MEMORY_MS, async () => new Map<number, number>());
}

/** Where tickets keep the alert ID; a custom field is looked up once per run to know its name. */
export async function readAlertIdStorage(context: IExecuteFunctions, run: HaloRun, itemIndex: number): Promise<AlertIdStorage> {
	const kind = context.getNodeParameter('alertIdStorage', itemIndex, 'summary') as string;
	if (kind === 'thirdPartyId') return { kind };
	if (kind !== 'customField') return { kind: 'summary' };
	const fieldId = parseId(context, context.getNodeParameter('alertIdFieldId', itemIndex, ''), itemIndex, 'Alert ID Custom Field');
	const fields = await run.memoize('customFieldDefinitions', async () => haloList(context, { path: '/FieldInfo', qs: { iscustomfieldsetup: true } }));
	const field = fields.find((candidate) => Number(candidate.id) === fieldId);
	if (!field || typeof field.name !== 'string') {
		throw new NodeOperationError(context.getNode(), `Custom field ${fieldId} was not found in HaloPSA: pick the field that holds the alert ID`, { itemIndex });
	}
	return { kind, fieldId, fieldName: field.name };
}

function text(value: unknown): string {
	if (value === undefined || value === null) return '';
	return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export function readAlertIdentity(context: IExecuteFunctions, itemIndex: number): AlertIdentity {
	const alertId = text(context.getNodeParameter('alertId', itemIndex, '')).trim();
	if (alertId === '') {
		throw new NodeOperationError(context.getNode(), 'Alert ID is empty: map the field of the alert that identifies it (e.g. {{ $json.id }})', { itemIndex });
	}
	if (!isValidKey(alertId)) {
		throw new NodeOperationError(
			context.getNode(),
			`Alert ID '${alertId.slice(0, 60)}' cannot be used: ${KEY_RULE}`,
			{ itemIndex },
		);
	}
	return {
		alertId,
		customer: text(context.getNodeParameter('customer', itemIndex, '')),
		matchBy: context.getNodeParameter('customerMatchBy', itemIndex, 'name') as CustomerMatchBy,
		fallbackClientId: optionalId(context, 'fallbackClientId', itemIndex, 'Fallback Client'),
	};
}

export const alertDataField: INodeProperties = {
	displayName: 'Alert Data',
	name: 'alertData',
	type: 'json',
	default: '={{ $json }}',
	description: "The alert's fields, shown as a table in the ticket. By default the whole incoming item.",
};

/** The alert data as an object (an expression may give an object or JSON text). */
export function readAlertData(context: IExecuteFunctions, itemIndex: number): unknown {
	const value = context.getNodeParameter('alertData', itemIndex, {}) as unknown;
	if (typeof value !== 'string') return value ?? {};
	try {
		return JSON.parse(value);
	} catch {
		return { data: value };
	}
}

/** "When" for the headline: the alert's own time field if it has one, else now. */
export function detectedAt(data: unknown): string {
	if (data && typeof data === 'object' && !Array.isArray(data)) {
		const record = data as IDataObject;
		for (const key of ['detected_at', 'detectedAt', 'detected', 'timestamp', 'time', 'created_at', 'createdAt', 'date']) {
			const value = record[key];
			if (typeof value === 'string' && value.trim() !== '') return value.trim();
		}
	}
	return new Date().toISOString();
}

/** "Link" for the headline: the alert's own URL field if it has one. */
export function alertLink(data: unknown): string | undefined {
	if (data && typeof data === 'object' && !Array.isArray(data)) {
		const record = data as IDataObject;
		for (const key of ['url', 'link', 'permalink', 'alert_url', 'alertUrl', 'html_url']) {
			const value = record[key];
			if (typeof value === 'string' && /^https?:\/\//i.test(value.trim())) return value.trim();
		}
	}
	return undefined;
}
