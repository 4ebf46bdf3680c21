/**
 * 20 executions in a row in a running n8n: a Webhook → HaloPSA Ticket → Get workflow called 20
 * times. Ours keeps its token in the credential (one token request for all); the built-in node
 * asks for a token on every node run. Each execution costs n8n itself about 100 ms, with a spread
 * of the same size on 2 cores, so both nodes are measured in 3 alternating rounds (a new workflow
 * and credential each) and the round with the median time is reported.
 */
import { byId, chain, haloNode, webhookTrigger, type CredentialRef } from '../../../scripts/local-n8n/workflows';
import { deployWorkflow, postJson } from '../../../test/e2e/alert-webhook';
import { builtInHaloNode } from '../builtInHaloNode';
import type { HaloNodeKind } from '../environment';
import { measureWebhookCalls, type MeasuredRun } from '../measure';
import type { N8nScenarioFactory } from '../scenario';

const EXECUTIONS = 20;
const ROUNDS = 3;
const NODE_NAME = 'Get ticket';
const NODES: HaloNodeKind[] = ['ours', 'built-in'];

/** The run with the median wall time, noting every round's. */
function medianRound(rounds: MeasuredRun[]): MeasuredRun {
	const sorted = [...rounds].sort((a, b) => a.wallSeconds - b.wallSeconds);
	const median = sorted[Math.floor(sorted.length / 2)];
	return { ...median, notes: `median of ${rounds.length} rounds (${rounds.map((round) => `${round.wallSeconds} s`).join(', ')}); ${median.notes ?? ''}` };
}

export const executionsInARow: N8nScenarioFactory = (env) => {
	const title = `${EXECUTIONS} executions in a row (webhook → Ticket → Get)`;
	const credentials = new Map<HaloNodeKind, CredentialRef[]>(
		NODES.map((node) => [node, Array.from({ length: ROUNDS }, (_, round) => env.credential(node, `executions in a row, round ${round + 1}`))]),
	);

	function getTicket(node: HaloNodeKind, credential: CredentialRef, ticketId: number) {
		return node === 'ours'
			? haloNode(NODE_NAME, credential, { resource: 'ticket', operation: 'get', ticketId: byId(ticketId) })
			: builtInHaloNode(NODE_NAME, credential, { resource: 'ticket', operation: 'get', ticketId: String(ticketId), simplify: true });
	}

	return {
		title,
		needsServer: true,
		async run() {
			const { server, api } = await env.startServer();
			let ticketId = 0;
			env.resetFake((halo) => (ticketId = Number(halo.db.insertTicket({ summary: 'Read 20 times in a row', client_id: 1 }).id)));
			// The first webhook call of a fresh n8n is slower for everyone: made before anything is measured.
			await deployWorkflow(api, chain('Bench: warm-up', [webhookTrigger('bench-warm-up')]));
			await postJson(`${server.url}/webhook/bench-warm-up`, {});

			const rounds = new Map<HaloNodeKind, MeasuredRun[]>(NODES.map((node) => [node, []]));
			for (let round = 0; round < ROUNDS; round++) {
				// Alternating which node goes first, so a slower stretch of the machine hits both alike.
				for (const node of round % 2 === 0 ? NODES : [...NODES].reverse()) {
					const path = `bench-executions-in-a-row-${node}-${round + 1}`;
					const credential = credentials.get(node)?.[round];
					if (!credential) throw new Error(`no credential for ${node}, round ${round + 1}`);
					await deployWorkflow(api, chain(`Bench: ${title}, ${node}, round ${round + 1}`, [webhookTrigger(path), getTicket(node, credential, ticketId)]));
					const spec = { scenario: title, variant: node === 'ours' ? 'token kept in the credential' : 'token per node run', node, items: EXECUTIONS, floor: EXECUTIONS };
					const measured = await measureWebhookCalls(env, spec, async () => {
						for (let run = 1; run <= EXECUTIONS; run++) {
							const answer = await postJson(`${server.url}/webhook/${path}`, { run });
							if (Number(answer.id) !== ticketId) throw new Error(`${node}: execution ${run} answered ${JSON.stringify(answer).slice(0, 300)}`);
						}
					});
					rounds.get(node)?.push({ ...measured, notes: `each of the ${EXECUTIONS} webhook calls answered with ticket ${ticketId}` });
				}
			}
			return NODES.map((node) => medianRound(rounds.get(node) ?? []));
		},
	};
};
