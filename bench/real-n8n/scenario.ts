/** A scenario of the real-n8n comparison: built against the environment (registering its credentials and workflows), run later. */
import type { BenchN8n } from './environment';
import type { MeasuredRun } from './measure';

export interface N8nScenario {
	title: string;
	/** Whether it needs `n8n start` (such scenarios run after every `n8n execute` one). */
	needsServer: boolean;
	run(): Promise<MeasuredRun[]>;
}

export type N8nScenarioFactory = (env: BenchN8n) => N8nScenario;
