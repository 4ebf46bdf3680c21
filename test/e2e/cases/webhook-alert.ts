/**
 * The product's main path in a running n8n: an alert arrives on an active webhook workflow and the
 * HaloPSA node raises a ticket for the customer.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';

import { alertToTicketWorkflow, createCredential, deployWorkflow, postAlert, sampleAlert } from '../alert-webhook';
import { serverOf, type E2eSession } from '../environment';

const WEBHOOK_PATH = 'halopsa-alert';

export function webhookAlertCases(session: E2eSession): void {
	before(async () => {
		const { api } = serverOf(session.env);
		const credential = await createCredential(api, 'HaloPSA (fake, public API)', session.env.haloUrl);
		await deployWorkflow(api, alertToTicketWorkflow(WEBHOOK_PATH, credential));
	});

	it('raises a ticket from an alert posted to an active webhook workflow', async () => {
		const { server } = serverOf(session.env);
		const alert = sampleAlert('E2E: malware detected on FAB-WS-01');
		const answer = await postAlert(server.url, WEBHOOK_PATH, alert);
		assert.ok(Number(answer.id) > 0, `the webhook answered without a ticket: ${JSON.stringify(answer)}`);
		assert.equal(answer.summary, alert.title);
		assert.equal(answer.client_name, 'Fabrikam GmbH');

		const ticket = (await session.env.fake.records('tickets')).find((record) => record.id === answer.id);
		assert.ok(ticket, `ticket ${String(answer.id)} is not in HaloPSA`);
		assert.equal(ticket.summary, alert.title);
		assert.equal(ticket.client_id, alert.customerId);
		assert.equal(ticket.tickettype_id, 21);
		assert.ok(String(ticket.details).includes(alert.description), 'the alert text is not in the ticket details');
	});
}
