/**
 * Nodes that start a workflow's items from fixed data without a Code node (which would need n8n's
 * task runner): a Set node in JSON mode holding `{ items: [...] }`, then Split Out.
 */
import { randomUUID } from 'crypto';

import type { WorkflowNode } from '../../scripts/local-n8n/workflows';

export function itemSource(items: object[], name = 'Items'): WorkflowNode[] {
	const holder: WorkflowNode = {
		id: randomUUID(),
		name: `${name} (JSON)`,
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		position: [0, 0],
		parameters: { mode: 'raw', jsonOutput: JSON.stringify({ items }), options: {} },
	};
	const splitter: WorkflowNode = {
		id: randomUUID(),
		name,
		type: 'n8n-nodes-base.splitOut',
		typeVersion: 1,
		position: [0, 0],
		parameters: { fieldToSplitOut: 'items', include: 'noOtherFields', options: {} },
	};
	return [holder, splitter];
}
