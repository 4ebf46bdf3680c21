/**
 * Create 500 tickets (ticket type, summary, details): ours one request per ticket and in batches of
 * 100 (Ticket → Create, option Batch Size), the built-in node's Ticket → Create (one request per
 * ticket; it cannot set a client, so ours names the Internal client the built-in's tickets land on).
 */
import { byId, chain, haloNode, manualTrigger } from '../../../scripts/local-n8n/workflows';
import { builtInHaloNode } from '../builtInHaloNode';
import { itemSource } from '../itemSource';
import { measureCliRuns, type CliRunPlan, type RunSpec } from '../measure';
import type { N8nScenarioFactory } from '../scenario';

const TICKETS = 500;
const TICKET_TYPE_ID = 1;
const INTERNAL_CLIENT_ID = 1;
const NODE_NAME = 'Create tickets';

const tickets = Array.from({ length: TICKETS }, (_, n) => ({ summary: `Bench ticket ${n + 1}`, details: `Created by the real-n8n benchmark (${n + 1})` }));

export const createTickets: N8nScenarioFactory = (env) => {
	const title = `Create ${TICKETS} tickets`;
	const workflow = (variant: string, halo: ReturnType<typeof haloNode>) =>
		env.cliWorkflow(chain(`Bench: ${title}, ${variant}`, [manualTrigger(), ...itemSource(tickets, 'Tickets'), halo]));

	const ours = (batchSize: number) =>
		haloNode(NODE_NAME, env.credential('ours', `create tickets, batch size ${batchSize}`), {
			resource: 'ticket',
			operation: 'create',
			summary: '={{ $json.summary }}',
			ticketTypeId: TICKET_TYPE_ID,
			clientId: byId(INTERNAL_CLIENT_ID),
			details: '={{ $json.details }}',
			additionalFields: {},
			options: batchSize > 1 ? { batchSize } : {},
		});
	const builtIn = builtInHaloNode(NODE_NAME, env.credential('built-in', 'create tickets'), {
		resource: 'ticket',
		operation: 'create',
		ticketType: TICKET_TYPE_ID,
		summary: '={{ $json.summary }}',
		details: '={{ $json.details }}',
		additionalFields: {},
	});
	const runs: CliRunPlan[] = [
		{ spec: spec('ours', 'one request per ticket'), workflowId: workflow('ours, one by one', ours(1)) },
		{ spec: spec('ours', 'batches of 100'), workflowId: workflow('ours, batches of 100', ours(100)) },
		{ spec: spec('built-in', 'one request per ticket'), workflowId: workflow('built-in', builtIn) },
	];

	function spec(node: RunSpec['node'], variant: string): RunSpec {
		return { scenario: title, variant, node, items: TICKETS, floor: TICKETS };
	}

	return {
		title,
		needsServer: false,
		async run() {
			return await measureCliRuns(env, runs, NODE_NAME, TICKETS, {
				describe: (output) => `${env.halo.db.tickets.length} tickets in HaloPSA; ${output.filter((item) => Number(item.id) > 0).length} ids returned`,
			});
		},
	};
};
