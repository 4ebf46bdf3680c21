/**
 * One measured run in real n8n: what reached the fake HaloPSA (counted by the engine-level
 * benchmarks' `measure`) and how long it took, with the floor the run is compared with.
 */
import { nodeOutput, type RunRecord } from '../../scripts/local-n8n/n8n-instance';
import { requestsByEndpoint, type MockHalo } from '../../test/mock-halo';
import { measure, type ScenarioResult } from '../lib';
import type { BenchN8n, HaloNodeKind } from './environment';

export interface RunSpec {
	scenario: string;
	variant: string;
	node: HaloNodeKind | 'built-in (estimate)';
	/** Items the HaloPSA node handles (tickets created, records listed, executions, alerts). */
	items: number;
	/** The fewest requests the job can take: one per item for writes, one per 100 records for lists. */
	floor: number;
}

export interface MeasuredRun extends ScenarioResult, RunSpec {
	/** What `wallSeconds` is: the HaloPSA node's own time in n8n's run record, or the webhook calls end to end. */
	timing: 'node time' | 'webhook calls' | 'estimate';
	/** The `n8n execute` process, n8n's start-up included (CLI runs only). */
	processSeconds?: number;
	/** Posted fields the fake found missing from HaloPSA's API export (refused in strict mode, dropped in lenient). */
	schemaViolations: number;
	/** Requests per endpoint and answer, e.g. `GET /api/tickets/{id} 200` (measured runs only). */
	requestsByEndpoint?: Record<string, number>;
}

/** Counts requests (in all and per endpoint) and schema violations while `work` runs (the log is cleared first). */
async function counted(env: BenchN8n, spec: RunSpec, work: () => Promise<void>) {
	env.halo.clearLog();
	const violationsBefore = env.halo.schemaViolations.length;
	const result: ScenarioResult = await measure(env.halo, spec.scenario, spec.variant, spec.items, work);
	const toHalo = env.halo.log.filter((each) => each.kind === 'api' || each.kind === 'token');
	return { ...result, schemaViolations: env.halo.schemaViolations.length - violationsBefore, requestsByEndpoint: requestsByEndpoint(toHalo, { withStatus: true }) };
}

/** The node's time in n8n's run record (its first run), in seconds. */
function nodeSeconds(run: RunRecord, nodeName: string): number {
	const [first] = run.data.resultData.runData[nodeName] ?? [];
	const milliseconds = (first as { executionTime?: number } | undefined)?.executionTime;
	if (typeof milliseconds !== 'number') throw new Error(`n8n's run record has no execution time for '${nodeName}'`);
	return milliseconds / 1000;
}

/**
 * Runs an imported workflow with `n8n execute` and counts what reached HaloPSA (the log is cleared
 * first); fails unless its HaloPSA node `haloNodeName` output `expectedItems` items.
 */
export async function measureCliRun(
	env: BenchN8n,
	spec: RunSpec,
	workflowId: string,
	haloNodeName: string,
	expectedItems: number,
): Promise<MeasuredRun & { output: Array<Record<string, unknown>> }> {
	let output: Array<Record<string, unknown>> = [];
	let wallSeconds = 0;
	let processSeconds = 0;
	const result = await counted(env, spec, async () => {
		const result = await env.execute(workflowId);
		if (!result.succeeded) {
			const error = result.run.data.resultData.error;
			throw new Error(`${spec.scenario} / ${spec.variant} (${spec.node}) failed in n8n: ${error?.message ?? 'unknown error'} ${error?.description ?? ''}`);
		}
		output = nodeOutput(result.run, haloNodeName);
		wallSeconds = nodeSeconds(result.run, haloNodeName);
		processSeconds = result.processSeconds;
	});
	if (output.length !== expectedItems) {
		throw new Error(`${spec.scenario} / ${spec.variant} (${spec.node}): '${haloNodeName}' output ${output.length} items, expected ${expectedItems}`);
	}
	return { ...result, ...spec, wallSeconds: round(wallSeconds), timing: 'node time', processSeconds: round(processSeconds), output };
}

/** A workflow imported for `n8n execute` and what its run is measured as. */
export interface CliRunPlan {
	spec: RunSpec;
	workflowId: string;
}

/**
 * Measures each planned run in turn, each on a freshly seeded fake (`seed`), every run's HaloPSA
 * node `haloNodeName` expected to output `expectedItems` items; `describe` notes what a run did.
 */
export async function measureCliRuns(
	env: BenchN8n,
	plans: CliRunPlan[],
	haloNodeName: string,
	expectedItems: number,
	options: { seed?: (halo: MockHalo) => void; describe(output: Array<Record<string, unknown>>): string },
): Promise<MeasuredRun[]> {
	const results: MeasuredRun[] = [];
	for (const { spec, workflowId } of plans) {
		env.resetFake(options.seed);
		const { output, ...measured } = await measureCliRun(env, spec, workflowId, haloNodeName, expectedItems);
		results.push({ ...measured, notes: options.describe(output) });
	}
	return results;
}

/** Counts what `work` (calls to production webhooks of a running n8n) sent HaloPSA (the log is cleared first), timing the calls end to end. */
export async function measureWebhookCalls(env: BenchN8n, spec: RunSpec, work: () => Promise<void>): Promise<MeasuredRun> {
	return { ...(await counted(env, spec, work)), ...spec, timing: 'webhook calls' };
}

export function round(value: number, digits = 2): number {
	return Number(value.toFixed(digits));
}
