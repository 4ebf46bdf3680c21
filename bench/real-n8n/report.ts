/** The comparison table: each run next to the built-in node's run of the same job, and to the floor. */
import type { MeasuredRun } from './measure';

export interface ComparedRun extends MeasuredRun {
	/** HTTP requests (tokens included) divided by the built-in node's for the same job. */
	requestsVsBuiltIn?: number;
	/** Wall time divided by the built-in node's (measured runs only). */
	timeVsBuiltIn?: number;
	/** HTTP requests (tokens included) divided by the floor. */
	requestsVsFloor: number;
}

const isBuiltIn = (run: MeasuredRun) => run.node !== 'ours';
const ratio = (value: number, base: number) => Number((value / base).toFixed(3));

/** The built-in node's run for the same job: the same scenario and variant, else the scenario's only one. */
function builtInRunFor(run: MeasuredRun, runs: MeasuredRun[]): MeasuredRun | undefined {
	const candidates = runs.filter((other) => isBuiltIn(other) && other.scenario === run.scenario);
	return candidates.find((other) => other.variant === run.variant) ?? (candidates.length === 1 ? candidates[0] : undefined);
}

export function compare(runs: MeasuredRun[]): ComparedRun[] {
	return runs.map((run) => {
		const builtIn = isBuiltIn(run) ? undefined : builtInRunFor(run, runs);
		const timesMeasured = builtIn !== undefined && builtIn.timing !== 'estimate';
		return {
			...run,
			requestsVsBuiltIn: builtIn ? ratio(run.httpRequests, builtIn.httpRequests) : undefined,
			timeVsBuiltIn: timesMeasured ? ratio(run.wallSeconds, builtIn.wallSeconds) : undefined,
			requestsVsFloor: ratio(run.httpRequests, run.floor),
		};
	});
}

export function printTable(title: string, runs: ComparedRun[]): void {
	console.log(title);
	console.table(
		runs.map((run) => ({
			scenario: run.scenario,
			variant: run.variant,
			node: run.node,
			'HTTP requests': run.httpRequests,
			tokens: run.tokenRequests,
			'wall s': run.timing === 'estimate' ? `≥ ${run.wallSeconds}` : run.wallSeconds,
			timing: run.timing,
			'× built-in (requests)': run.requestsVsBuiltIn ?? '',
			'× built-in (time)': run.timeVsBuiltIn ?? '',
			'× floor': run.requestsVsFloor,
			floor: run.floor,
			notes: [run.notes, run.schemaViolations > 0 ? `${run.schemaViolations} posted fields not in HaloPSA's API export` : undefined].filter(Boolean).join('; '),
		})),
	);
}
