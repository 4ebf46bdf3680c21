/**
 * The alert path through a running n8n: a credential and an active "Webhook → HaloPSA: create
 * ticket" workflow made through n8n's public API, and alerts posted to the webhook over HTTP.
 */
import { randomUUID } from 'node:crypto';

import { fakeHaloCredentialData, type FakeApplication } from '../../scripts/local-n8n/fake-halo';
import { N8nHttpError, type N8nApi } from '../../scripts/local-n8n/n8n-api';
import { waitUntil } from '../../scripts/local-n8n/processes';
import { byId, chain, haloNode, HALO_CREDENTIAL_TYPE, webhookTrigger, type CredentialRef, type Workflow } from '../../scripts/local-n8n/workflows';

export interface Alert {
	title: string;
	description: string;
	customerId: number;
}

export function sampleAlert(title: string): Alert {
	return { title, description: `Detected by the e2e test (${randomUUID()})`, customerId: 5 };
}

/**
 * Creates a HaloPSA credential for the fake through the public API (it has no token yet).
 * `settings`: more credential fields, e.g. `{ requestBudget: 150 }`.
 */
export async function createCredential(
	api: N8nApi,
	name: string,
	haloUrl: string,
	application?: FakeApplication,
	settings: Record<string, string | number> = {},
): Promise<CredentialRef> {
	const created = await api.publicApi<{ id: string }>('POST', '/credentials', {
		name,
		type: HALO_CREDENTIAL_TYPE,
		// n8n adds this field to every credential usable in the HTTP Request node; n8n 2.8's public
		// API then demands `allowedDomains` unless the field is given ('all' is its default).
		data: { ...fakeHaloCredentialData(haloUrl, application), allowedHttpRequestDomains: 'all', ...settings },
	});
	return { id: created.id, name };
}

export function alertToTicketWorkflow(webhookPath: string, credential: CredentialRef): Workflow {
	return chain(`E2E alert to ticket (${webhookPath})`, [
		webhookTrigger(webhookPath),
		haloNode('Create ticket', credential, {
			resource: 'ticket',
			operation: 'create',
			summary: '={{ $json.body.title }}',
			ticketTypeId: 21,
			clientId: byId('={{ $json.body.customerId }}'),
			details: '={{ $json.body.description }}',
			additionalFields: {},
		}),
	]);
}

/**
 * Webhook → HaloPSA: Alert → Raise Ticket (ticket type 21, customer by name), answering with the
 * node's output item (`action`, `ticket_id`, …). `options`: the node's Options, e.g. `{ severalWorkers: true }`.
 */
export function raiseAlertTicketWorkflow(webhookPath: string, credential: CredentialRef, options: Record<string, unknown> = {}): Workflow {
	return chain(`E2E alert → Raise Ticket (${webhookPath})`, [
		webhookTrigger(webhookPath),
		haloNode('Raise alert ticket', credential, {
			resource: 'alert',
			operation: 'raiseTicket',
			alertId: '={{ $json.body.id }}',
			title: '={{ $json.body.title }}',
			customer: '={{ $json.body.customer }}',
			customerMatchBy: 'name',
			ticketTypeId: 21,
			severity: '={{ $json.body.severity }}',
			assetIdentifiers: '={{ $json.body.hostname ?? "" }}',
			alertData: '={{ $json.body }}',
			additionalFields: {},
			options,
		}),
	]);
}

/** Creates and activates `workflow`; returns its id once its webhook answers. */
export async function deployWorkflow(api: N8nApi, workflow: Workflow): Promise<string> {
	const { id } = await api.publicApi<{ id: string }>('POST', '/workflows', workflow);
	try {
		await api.publicApi('POST', `/workflows/${id}/activate`);
	} catch (error) {
		// Newer n8n calls it "publish" (and may one day drop "activate").
		if (!(error instanceof N8nHttpError) || error.status !== 404) throw error;
		await api.publicApi('POST', `/workflows/${id}/publish`);
	}
	return id;
}

/** POSTs JSON to a production webhook URL, retrying briefly while n8n registers it; returns the JSON answer. */
export async function postJson(url: string, body: unknown): Promise<Record<string, unknown>> {
	const response = await waitUntil(
		`the webhook ${url} to be registered`,
		async () => {
			const answer = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body),
				signal: AbortSignal.timeout(60_000),
			});
			return answer.status === 404 ? undefined : answer;
		},
		{ timeoutMs: 20_000 },
	);
	const text = await response.text();
	if (!response.ok) throw new Error(`The webhook answered ${response.status}: ${text.slice(0, 500)}`);
	return JSON.parse(text) as Record<string, unknown>;
}

/** POSTs `alert` to the production webhook `path` of the n8n at `n8nUrl`. */
export async function postAlert(n8nUrl: string, webhookPath: string, alert: Alert): Promise<Record<string, unknown>> {
	return await postJson(`${n8nUrl}/webhook/${webhookPath}`, alert);
}
