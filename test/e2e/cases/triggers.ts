/**
 * The two HaloPSA triggers in a running n8n: an active polling workflow fires on a ticket created in
 * the fake HaloPSA (n8n's own scheduler polls, at most once a minute), and an active webhook
 * workflow fires on a HaloPSA delivery posted with Basic authentication (and refuses a wrong one).
 * Both workflows are deactivated afterwards so they do not touch later cases.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, it } from 'node:test';

import { PACKAGE_NAME } from '../../../scripts/local-n8n/community-package';
import type { FakeApplication } from '../../../scripts/local-n8n/fake-halo';
import { N8nHttpError, type N8nApi } from '../../../scripts/local-n8n/n8n-api';
import { waitUntil } from '../../../scripts/local-n8n/processes';
import type { CredentialRef, Workflow, WorkflowNode } from '../../../scripts/local-n8n/workflows';
import { createCredential, deployWorkflow } from '../alert-webhook';
import { serverOf, type E2eSession } from '../environment';

/** An application of its own, so this case's token requests never mix with the token cases'. */
const TRIGGER_APPLICATION: FakeApplication = { clientId: 'e2e-trigger', clientSecret: 'e2e-trigger-secret-8b2e71' };
const WEBHOOK_AUTH = { user: 'halo-webhooks', password: `wh-${randomUUID()}` };
const WEBHOOK_ID = randomUUID();
const POLLING_NODE = 'HaloPSA Trigger';
const WEBHOOK_NODE = 'HaloPSA Webhook Trigger';

interface Execution {
	id: string;
	data?: { resultData?: { runData?: Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }>> } }>> } };
}

function triggerWorkflow(name: string, node: WorkflowNode): Workflow {
	return { name, nodes: [node], connections: {}, settings: { executionOrder: 'v1' } };
}

function pollingNode(credential: CredentialRef): WorkflowNode {
	return {
		id: randomUUID(),
		name: POLLING_NODE,
		type: `${PACKAGE_NAME}.haloPsaTrigger`,
		typeVersion: 1,
		position: [0, 0],
		parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, events: ['ticket_created'], filters: {}, options: {} },
		credentials: { haloPsaApi: credential },
	};
}

function webhookNode(credential: CredentialRef): WorkflowNode {
	return {
		id: randomUUID(),
		name: WEBHOOK_NODE,
		type: `${PACKAGE_NAME}.haloPsaWebhookTrigger`,
		typeVersion: 1,
		position: [0, 0],
		parameters: { authentication: 'basicAuth', events: 'Ticket Status Changed' },
		credentials: { haloPsaWebhookAuthApi: credential },
		webhookId: WEBHOOK_ID,
	};
}

async function deactivate(api: N8nApi, id: string): Promise<void> {
	try {
		await api.publicApi('POST', `/workflows/${id}/deactivate`);
	} catch (error) {
		if (!(error instanceof N8nHttpError) || error.status !== 404) throw error;
		await api.publicApi('POST', `/workflows/${id}/unpublish`);
	}
}

/** The items `node` started the workflow with, in each saved execution of the workflow. */
async function triggerItems(api: N8nApi, workflowId: string, node: string): Promise<Array<Record<string, unknown>>> {
	const page = await api.publicApi<{ data: Execution[] }>('GET', `/executions?workflowId=${workflowId}&includeData=true&limit=50`);
	return page.data.flatMap((execution) => execution.data?.resultData?.runData?.[node]?.[0]?.data?.main?.[0]?.map((item) => item.json) ?? []);
}

/** Logs a ticket in the fake through its API, as HaloPSA's web app would. */
async function logTicket(fakeUrl: string, summary: string): Promise<number> {
	const tokenAnswer = await fetch(`${fakeUrl}/auth/token`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ grant_type: 'client_credentials', client_id: TRIGGER_APPLICATION.clientId, client_secret: TRIGGER_APPLICATION.clientSecret, scope: 'all' }),
	});
	const { access_token: token } = (await tokenAnswer.json()) as { access_token: string };
	const created = await fetch(`${fakeUrl}/api/Tickets`, {
		method: 'POST',
		headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
		body: JSON.stringify([{ summary, client_id: 5, tickettype_id: 21 }]),
	});
	const text = await created.text();
	assert.equal(created.status, 201, `the fake did not log the ticket: ${text}`);
	return Number((JSON.parse(text) as { id: number }).id);
}

export function triggerCases(session: E2eSession): void {
	const deployed: string[] = [];

	before(async () => {
		await session.env.fake.addApplication(TRIGGER_APPLICATION);
	});

	after(async () => {
		const { api } = serverOf(session.env);
		for (const id of deployed) await deactivate(api, id);
	});

	it('an active polling workflow fires once on a ticket logged in HaloPSA', { timeout: 4 * 60_000 }, async () => {
		const { api } = serverOf(session.env);
		const credential = await createCredential(api, 'HaloPSA (fake, trigger)', session.env.haloUrl, TRIGGER_APPLICATION);
		// Activation polls once straight away: that poll sets the starting point and delivers nothing.
		const workflowId = await deployWorkflow(api, triggerWorkflow('E2E HaloPSA Trigger (polling)', pollingNode(credential)));
		deployed.push(workflowId);
		await waitUntil('the activation poll', async () => ((await session.env.fake.apiRequests()).some((r) => r.clientId === TRIGGER_APPLICATION.clientId) ? true : undefined), { timeoutMs: 30_000 });
		const ticketId = await logTicket(session.env.fake.url, `E2E trigger: ransomware note on FAB-WS-02 (${randomUUID()})`);

		const items = await waitUntil(
			`an execution of the polling workflow with ticket ${ticketId}`,
			async () => {
				const found = await triggerItems(api, workflowId, POLLING_NODE);
				return found.some((item) => item.ticket_id === ticketId) ? found : undefined;
			},
			{ timeoutMs: 150_000, intervalMs: 5_000 },
		);
		const forTicket = items.filter((item) => item.ticket_id === ticketId);
		assert.equal(forTicket.length, 1, `ticket ${ticketId} was delivered ${forTicket.length} times`);
		assert.equal(forTicket[0].event, 'ticket_created');
		assert.equal((forTicket[0].ticket as Record<string, unknown>).client_name, 'Fabrikam GmbH');
		assert.ok(items.every((item) => item.ticket_id === ticketId), `history was replayed: ${JSON.stringify(items.map((item) => item.ticket_id))}`);
	});

	it('an active webhook workflow fires on a HaloPSA delivery and refuses a wrong password', async () => {
		const { api, server } = serverOf(session.env);
		const credential = await api.publicApi<{ id: string }>('POST', '/credentials', {
			name: 'HaloPSA webhook (e2e)',
			type: 'haloPsaWebhookAuthApi',
			data: WEBHOOK_AUTH,
		});
		const workflowId = await deployWorkflow(api, triggerWorkflow('E2E HaloPSA Webhook Trigger', webhookNode({ id: credential.id, name: 'HaloPSA webhook (e2e)' })));
		deployed.push(workflowId);
		const url = `${server.url}/webhook/${WEBHOOK_ID}/webhook`;
		const delivery = {
			id: randomUUID(),
			webhook_id: randomUUID(),
			notification_id: 41,
			event: 'Ticket Status Changed',
			message: 'The status has been changed for Ticket ID: 0004242.',
			object_id: 4242,
			timestamp: new Date().toISOString(),
			ticket: { id: 4242, summary: 'Printer offline', status_id: 9, hasbeenclosed: true },
		};
		const post = (password: string) =>
			fetch(url, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					authorization: `Basic ${Buffer.from(`${WEBHOOK_AUTH.user}:${password}`).toString('base64')}`,
				},
				body: JSON.stringify(delivery),
				signal: AbortSignal.timeout(30_000),
			});

		const accepted = await waitUntil(`the webhook ${url} to be registered`, async () => {
			const answer = await post(WEBHOOK_AUTH.password);
			return answer.status === 404 ? undefined : answer;
		}, { timeoutMs: 20_000 });
		assert.equal(accepted.status, 200, `HaloPSA's delivery was answered ${accepted.status}: ${await accepted.text()}`);
		assert.equal((await post('wrong-password')).status, 401);

		const items = await waitUntil(
			'the execution the delivery started',
			async () => {
				const found = await triggerItems(api, workflowId, WEBHOOK_NODE);
				return found.length > 0 ? found : undefined;
			},
			{ timeoutMs: 30_000, intervalMs: 1_000 },
		);
		assert.equal(items.length, 1, `expected one execution item, got ${JSON.stringify(items)}`);
		assert.equal(items[0].event, 'Ticket Status Changed');
		assert.equal(items[0].ticket_id, 4242);
		assert.equal(items[0].event_id, delivery.id);
	});
}
