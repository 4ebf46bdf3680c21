/**
 * Workflow and credential JSON for n8n: small builders for the tests, and the example workflows
 * under `examples/` prepared for import (stable ids, pointed at a given credential).
 */
import { createHash, randomUUID } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

import { PACKAGE_NAME } from './community-package';
import { REPO_ROOT } from './paths';

/** The node's type once installed as a community package (`<package name>.<node name>`). */
export const HALO_NODE_TYPE = `${PACKAGE_NAME}.haloPsa`;
export const HALO_CREDENTIAL_TYPE = 'haloPsaApi';
export const EXAMPLES_FOLDER = path.join(REPO_ROOT, 'examples');

export interface CredentialRef {
	id: string;
	name: string;
}

export interface WorkflowNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, CredentialRef>;
	webhookId?: string;
}

/** What n8n's public API accepts for a new workflow. */
export interface Workflow {
	name: string;
	nodes: WorkflowNode[];
	connections: Record<string, { main: Array<Array<{ node: string; type: 'main'; index: number }>> }>;
	settings: Record<string, unknown>;
}

/** What `n8n import:workflow` takes: with a fixed id, so re-imports replace instead of duplicating. */
export interface ImportableWorkflow extends Workflow {
	id: string;
	active: false;
}

/** An id n8n accepts (at most 21 characters) that is the same for the same name every time. */
export function stableId(name: string): string {
	return createHash('sha256').update(name).digest('hex').slice(0, 16);
}

export function credentialFile(credential: CredentialRef, data: Record<string, string>) {
	return { ...credential, type: HALO_CREDENTIAL_TYPE, data };
}

function node(name: string, type: string, typeVersion: number, parameters: Record<string, unknown>): WorkflowNode {
	return { id: randomUUID(), name, type, typeVersion, position: [0, 0], parameters };
}

export function manualTrigger(name = 'Start'): WorkflowNode {
	return node(name, 'n8n-nodes-base.manualTrigger', 1, {});
}

/** A Webhook node on POST `/webhook/<path>` that answers with the last node's first item. */
export function webhookTrigger(webhookPath: string, name = 'Alert'): WorkflowNode {
	return {
		...node(name, 'n8n-nodes-base.webhook', 2, {
			httpMethod: 'POST',
			path: webhookPath,
			responseMode: 'lastNode',
			options: {},
		}),
		webhookId: randomUUID(),
	};
}

export function haloNode(name: string, credential: CredentialRef, parameters: Record<string, unknown>): WorkflowNode {
	return { ...node(name, HALO_NODE_TYPE, 1, parameters), credentials: { [HALO_CREDENTIAL_TYPE]: credential } };
}

/** A resource-locator value "By ID" (the id may be an expression). */
export function byId(value: string | number): { __rl: true; mode: 'id'; value: string } {
	return { __rl: true, mode: 'id', value: String(value) };
}

/** The nodes one after another, laid out left to right. */
export function chain(name: string, nodes: WorkflowNode[]): Workflow {
	const connections: Workflow['connections'] = {};
	nodes.forEach((current, index) => {
		current.position = [index * 240, 0];
		const next = nodes[index + 1];
		if (next) connections[current.name] = { main: [[{ node: next.name, type: 'main', index: 0 }]] };
	});
	return { name, nodes, connections, settings: { executionOrder: 'v1' } };
}

export function importable(workflow: Workflow, id = stableId(workflow.name)): ImportableWorkflow {
	return { ...workflow, id, active: false };
}

function isWorkflow(value: unknown): value is Workflow {
	const candidate = value as Partial<Workflow> | null;
	return Array.isArray(candidate?.nodes) && typeof candidate?.connections === 'object';
}

/**
 * The workflows in `examples/*.json` (other JSON there, such as sample payloads, is left out), each
 * with an id from its file name and every HaloPSA node signed with `credential` (the examples
 * leave the credential for the user to pick).
 */
export function exampleWorkflows(credential: CredentialRef): ImportableWorkflow[] {
	if (!fs.existsSync(EXAMPLES_FOLDER)) return [];
	return fs
		.readdirSync(EXAMPLES_FOLDER)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.flatMap((file) => {
			const workflow: unknown = JSON.parse(fs.readFileSync(path.join(EXAMPLES_FOLDER, file), 'utf8'));
			if (!isWorkflow(workflow)) return [];
			const nodes = workflow.nodes.map((each) =>
				each.type === HALO_NODE_TYPE ? { ...each, credentials: { [HALO_CREDENTIAL_TYPE]: credential } } : each,
			);
			return [importable({ ...workflow, nodes, settings: workflow.settings ?? {} }, stableId(`example:${file}`))];
		});
}
