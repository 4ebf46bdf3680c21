/**
 * List all of 5,000 tickets: Ticket → Get Many with Return All, ours (after the first page, four
 * pages at a time) and the built-in node's (one page after another, `page_size=100`).
 */
import { HALO_PAGE_SIZE, paginationPolicy } from '../../../nodes/HaloPsa/transport/pagination';
import { chain, haloNode, manualTrigger } from '../../../scripts/local-n8n/workflows';
import type { MockHalo } from '../../../test/mock-halo';
import { builtInHaloNode } from '../builtInHaloNode';
import { measureCliRuns, type CliRunPlan, type RunSpec } from '../measure';
import type { N8nScenarioFactory } from '../scenario';

const TICKETS = 5000;
const NODE_NAME = 'List tickets';

function seedTickets(halo: MockHalo): void {
	for (let n = 1; n <= TICKETS; n++) halo.db.insertTicket({ summary: `Listed ticket ${n}`, client_id: 1 });
}

export const listTickets: N8nScenarioFactory = (env) => {
	const title = `List all of ${TICKETS} tickets (Return All)`;
	const workflow = (node: string, halo: ReturnType<typeof haloNode>) => env.cliWorkflow(chain(`Bench: ${title}, ${node}`, [manualTrigger(), halo]));
	const spec = (node: RunSpec['node'], variant: string): RunSpec => ({ scenario: title, variant, node, items: TICKETS, floor: Math.ceil(TICKETS / HALO_PAGE_SIZE) });

	const runs: CliRunPlan[] = [
		{
			spec: spec('ours', `${paginationPolicy.concurrency} pages at a time`),
			workflowId: workflow('ours', haloNode(NODE_NAME, env.credential('ours', 'list tickets'), { resource: 'ticket', operation: 'getAll', returnAll: true, filters: {} })),
		},
		{
			spec: spec('built-in', 'page after page'),
			workflowId: workflow(
				'built-in',
				builtInHaloNode(NODE_NAME, env.credential('built-in', 'list tickets'), { resource: 'ticket', operation: 'getAll', returnAll: true, filters: {} }),
			),
		},
	];

	return {
		title,
		needsServer: false,
		async run() {
			return await measureCliRuns(env, runs, NODE_NAME, TICKETS, { seed: seedTickets, describe: (output) => `${output.length} tickets listed` });
		},
	};
};
