/** Fields both alert operations share: which alert, and which customer it is about. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isValidAlertId } from '../../alert/marker';
import { clientLocator } from '../../shared/descriptions';
import { optionalId } from '../../shared/parameters';
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

function text(value: unknown): string {
	if (value === undefined || value === null) return '';
	return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export function readAlertIdentity(context: IExecuteFunctions, itemIndex: number): AlertIdentity {
	const alertId = text(context.getNodeParameter('alertId', itemIndex, '')).trim();
	if (alertId === '') {
		throw new NodeOperationError(context.getNode(), 'Alert ID is empty: map the field of the alert that identifies it (e.g. {{ $json.id }})', { itemIndex });
	}
	if (!isValidAlertId(alertId)) {
		throw new NodeOperationError(
			context.getNode(),
			`Alert ID '${alertId.slice(0, 60)}' cannot be used: at most 100 characters, without spaces or square brackets`,
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
