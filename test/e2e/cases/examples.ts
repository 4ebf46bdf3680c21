/**
 * The example workflows users import (`examples/*.json`), run as they are: the ones started by hand
 * through `n8n execute`, the webhook ones activated in the running n8n and fed their sample payload.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, it } from 'node:test';

import { nodeOutput } from '../../../scripts/local-n8n/n8n-instance';
import { waitUntil } from '../../../scripts/local-n8n/processes';
import { EXAMPLES_FOLDER, exampleWorkflows, HALO_NODE_TYPE, type ImportableWorkflow } from '../../../scripts/local-n8n/workflows';
import { deployWorkflow, postJson } from '../alert-webhook';
import { CLI_CREDENTIAL, serverOf, type E2eSession } from '../environment';

const MANUAL_TRIGGER = 'n8n-nodes-base.manualTrigger';
const WEBHOOK_TRIGGER = 'n8n-nodes-base.webhook';

/** Webhook examples and the sample each is fed, with what HaloPSA must hold afterwards. */
const WEBHOOK_SAMPLES: Record<string, { payload: string; expectTicket: { clientName: string } }> = {
	'Security alert → HaloPSA ticket': { payload: 'sample-alert.json', expectTicket: { clientName: 'Contoso Ltd' } },
};

const examples = (): ImportableWorkflow[] => exampleWorkflows(CLI_CREDENTIAL);
const startedBy = (workflow: ImportableWorkflow, type: string) => workflow.nodes.some((node) => node.type === type);

/** The resources the examples use (for the coverage check). */
export function resourcesUsedByExamples(): string[] {
	return examples().flatMap((workflow) =>
		workflow.nodes.filter((node) => node.type === HALO_NODE_TYPE).map((node) => String(node.parameters.resource)),
	);
}

export function manualExampleCases(session: E2eSession): void {
	for (const workflow of examples().filter((each) => startedBy(each, MANUAL_TRIGGER))) {
		it(`example "${workflow.name}" runs through n8n execute`, async () => {
			await session.env.n8n.importWorkflows([workflow]);
			const result = await session.env.n8n.execute(workflow.id);
			assert.ok(result.succeeded, `the example failed: ${JSON.stringify(result.run.data.resultData.error ?? {})}`);
			for (const node of workflow.nodes.filter((each) => each.type === HALO_NODE_TYPE)) {
				assert.ok(nodeOutput(result.run, node.name).length > 0, `'${node.name}' returned nothing`);
			}
		});
	}
}

export function webhookExampleCases(session: E2eSession): void {
	const webhookExamples = examples().filter((each) => startedBy(each, WEBHOOK_TRIGGER));

	before(async () => {
		const { api } = serverOf(session.env);
		for (const workflow of webhookExamples) {
			await deployWorkflow(api, { name: workflow.name, nodes: workflow.nodes, connections: workflow.connections, settings: workflow.settings });
		}
	});

	for (const workflow of webhookExamples) {
		const sample = WEBHOOK_SAMPLES[workflow.name];
		it(`example "${workflow.name}" handles its sample payload`, async (test) => {
			if (!sample) return test.todo(`no sample payload for this example yet (add one to WEBHOOK_SAMPLES)`);
			const payload = JSON.parse(fs.readFileSync(path.join(EXAMPLES_FOLDER, sample.payload), 'utf8')) as { title: string };
			const webhookPath = String(workflow.nodes.find((node) => node.type === WEBHOOK_TRIGGER)?.parameters.path);
			await postJson(`${serverOf(session.env).server.url}/webhook/${webhookPath}`, payload);
			// The example answers at once and works on afterwards: wait for the ticket to appear.
			const ticket = await waitUntil(
				`a ticket for '${payload.title}'`,
				async () => (await session.env.fake.records('tickets')).find((record) => String(record.summary).includes(payload.title)),
				{ timeoutMs: 30_000 },
			);
			assert.equal(ticket.client_name, sample.expectTicket.clientName);
		});
	}
}
