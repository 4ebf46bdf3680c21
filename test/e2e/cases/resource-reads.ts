/**
 * One read per resource, all in one workflow run by `n8n execute` (each n8n process costs seconds).
 * Adding a resource means adding one entry to READ_CASES.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';

import { nodeOutput, type CliRun } from '../../../scripts/local-n8n/n8n-instance';
import { byId, haloNode, manualTrigger, type Workflow } from '../../../scripts/local-n8n/workflows';
import { CLI_CREDENTIAL, type E2eSession } from '../environment';

type Item = Record<string, unknown>;

interface ReadCase {
	resource: string;
	operation: string;
	parameters: Record<string, unknown>;
	/** Checks the node's output items against the fake's data (`records(collection)`). */
	check(items: Item[], records: (collection: string) => Promise<Item[]>): Promise<void>;
}

const idsOf = (records: Item[]) => records.map((record) => Number(record.id)).sort((a, b) => a - b);
const namesOf = (records: Item[]) => records.map((record) => String(record.name)).sort();

const READ_CASES: ReadCase[] = [
	{
		resource: 'ticket',
		operation: 'getAll',
		parameters: { returnAll: true, filters: { clientId: byId(2), state: 'open' } },
		async check(items, records) {
			const expected = (await records('tickets')).filter(
				(ticket) => ticket.client_id === 2 && ticket.hasbeenclosed !== true && ticket.deleted !== true && ![30, 31].includes(Number(ticket.tickettype_id)),
			);
			assert.ok(items.length > 0, 'no open tickets of Contoso Ltd');
			assert.ok(items.every((item) => item.client_name === 'Contoso Ltd' && item.closed === false));
			assert.deepEqual(idsOf(items), idsOf(expected));
		},
	},
	{
		resource: 'client',
		operation: 'findByName',
		parameters: { name: 'contoso ltd' },
		async check([item]) {
			assert.equal(item.found, true);
			assert.equal(item.id, 2);
			assert.equal(item.name, 'Contoso Ltd');
		},
	},
	{
		resource: 'site',
		operation: 'getAll',
		parameters: { returnAll: true, filters: { clientId: byId(2) } },
		async check(items, records) {
			const expected = (await records('sites')).filter((site) => site.client_id === 2 && site.inactive !== true);
			assert.deepEqual(namesOf(items), namesOf(expected));
		},
	},
	{
		resource: 'user',
		operation: 'getAll',
		parameters: { returnAll: true, filters: { clientId: byId(2) } },
		async check(items, records) {
			const expected = (await records('users')).filter((user) => user.client_id === 2 && user.inactive !== true);
			assert.ok(namesOf(items).includes('Jane Smith'));
			assert.deepEqual(idsOf(items), idsOf(expected));
		},
	},
	{
		resource: 'asset',
		operation: 'findByIdentifier',
		parameters: { identifier: 'DC01', clientId: byId(2) },
		async check(items) {
			assert.deepEqual(
				items.map((item) => [item.found, item.id, item.client_name]),
				[[true, 3, 'Contoso Ltd']],
			);
		},
	},
	{
		resource: 'agent',
		operation: 'getCurrent',
		parameters: {},
		async check([item]) {
			assert.equal(item.id, 5);
			assert.equal(item.name, 'Perimeters');
		},
	},
	{
		resource: 'team',
		operation: 'getAll',
		parameters: { returnAll: true },
		async check(items) {
			assert.ok(namesOf(items).includes('Service Desk') && namesOf(items).includes('Security Operations'), `teams: ${namesOf(items).join(', ')}`);
		},
	},
	{
		resource: 'project',
		operation: 'getAll',
		parameters: { returnAll: true },
		async check(items) {
			assert.deepEqual(idsOf(items), [1041, 1044, 1047]);
		},
	},
	{
		resource: 'reference',
		operation: 'getStatuses',
		parameters: { returnAll: true },
		async check(items, records) {
			assert.deepEqual(idsOf(items), idsOf(await records('statuses')));
		},
	},
];

const nodeName = (read: ReadCase) => `${read.resource} ${read.operation}`;

/** Every read as its own branch from the trigger. */
function readsWorkflow(): Workflow {
	const trigger = manualTrigger();
	const nodes = READ_CASES.map((read, index) => {
		const node = haloNode(nodeName(read), CLI_CREDENTIAL, { resource: read.resource, operation: read.operation, ...read.parameters });
		node.position = [260, index * 160];
		return node;
	});
	return {
		name: 'E2E resource reads',
		nodes: [trigger, ...nodes],
		connections: { [trigger.name]: { main: [nodes.map((node) => ({ node: node.name, type: 'main' as const, index: 0 }))] } },
		settings: { executionOrder: 'v1' },
	};
}

/** The resources this file reads (for the coverage check). */
export const resourcesRead = (): string[] => READ_CASES.map((read) => read.resource);

export function resourceReadCases(session: E2eSession): void {
	let result: CliRun;

	before(async () => {
		result = await session.executeThroughCli(readsWorkflow());
	});

	for (const read of READ_CASES) {
		it(`reads: ${read.resource} → ${read.operation}`, async () => {
			await read.check(nodeOutput(result.run, nodeName(read)), (collection) => session.env.fake.records(collection));
		});
	}
}
