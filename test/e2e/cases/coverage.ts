/**
 * Every resource of the node should be exercised end to end, by a read or by an example workflow.
 * A resource without one is reported as to-do (not failed), naming where to add it.
 */
import * as path from 'node:path';
import { it } from 'node:test';

import { REPO_ROOT } from '../../../scripts/local-n8n/paths';
import { resourcesUsedByExamples } from './examples';
import { resourcesRead } from './resource-reads';

/** The resources the built node offers. */
function nodeResources(): string[] {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { HaloPsa } = require(path.join(REPO_ROOT, 'dist', 'nodes', 'HaloPsa', 'HaloPsa.node.js'));
	const description = new HaloPsa().description as { properties: Array<{ name: string; options?: Array<{ value: string }> }> };
	const resource = description.properties.find((property) => property.name === 'resource');
	return (resource?.options ?? []).map((option) => option.value);
}

export function coverageCases(): void {
	it('exercises every resource of the node', (test) => {
		const covered = new Set([...resourcesRead(), ...resourcesUsedByExamples()]);
		const missing = nodeResources().filter((resource) => !covered.has(resource));
		if (missing.length > 0) test.todo(`no end-to-end case yet for: ${missing.join(', ')} (add a read to READ_CASES in resource-reads.ts)`);
	});
}
