/**
 * The measured figures of a queue-mode run: requests (from the fake HaloPSA's log), executions per
 * worker (from each worker's log), tickets and duplicates, and how long each step took. Printed at
 * the end and saved as JSON beside the run's logs.
 */
import * as fs from 'fs';

import type { LoggedRequest } from '../../mock-halo';
import { seconds } from '../../../scripts/local-n8n/progress';
import type { QueueModeWorker } from '../../../scripts/local-n8n/queue-mode';

export interface QueueFigures {
	n8nVersion: string;
	workers: number;
	concurrencyPerWorker: number;
	deliveries: number;
	distinctAlerts: number;
	haloLatencyMs: number;
	/** The fake's limit per rolling 5 minutes (HaloPSA's is 300) and the credential's Request Budget per worker. */
	haloLimitPer5Minutes: number;
	requestBudgetPerWorker: number;
	tokenRequests: number;
	apiRequests: number;
	requestsPerDelivery: number;
	requestsByEndpoint: Record<string, number>;
	answered429: number;
	/** The most API requests HaloPSA received in any 5 minutes of the run. */
	busiest5Minutes: number;
	executionsPerWorker: Record<string, number>;
	ticketsCreated: number;
	duplicatesCreated: number;
	duplicatesConverged: number;
	/** Alerts whose occurrence notes do not number 2, 3, … in order, e.g. "Q-007 (3 deliveries): 2, 2". */
	occurrenceNumbersOutOfOrder: string[];
	burstWallMs: number;
	slowestAnswerMs: number;
	stepDurationsMs: Record<string, number>;
}

/** The most requests within any `windowMs` (the log is in arrival order). */
export function busiestWindow(apiRequests: LoggedRequest[], windowMs: number): number {
	let busiest = 0;
	let start = 0;
	for (let end = 0; end < apiRequests.length; end++) {
		while (apiRequests[end].at - apiRequests[start].at >= windowMs) start++;
		busiest = Math.max(busiest, end - start + 1);
	}
	return busiest;
}

/** Executions each worker ran, from its log ("Worker started execution 12 (job 34)"). */
export function executionsPerWorker(workers: QueueModeWorker[]): Record<string, number> {
	return Object.fromEntries(
		workers.map(({ name, logFile }) => {
			const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
			return [name, new Set([...log.matchAll(/Worker started execution (\d+)/g)].map((match) => match[1])).size];
		}),
	);
}

/** Step durations, in the order they were taken. */
export class StepClock {
	readonly durations: Record<string, number> = {};

	async time<T>(label: string, work: () => Promise<T>): Promise<T> {
		const started = Date.now();
		try {
			return await work();
		} finally {
			this.durations[label] = Date.now() - started;
		}
	}
}

function row(label: string, value: string | number): string {
	return `  ${label.padEnd(44)} ${value}`;
}

export function printFigures(figures: QueueFigures): void {
	const lines = [
		'',
		`Queue mode: n8n ${figures.n8nVersion}, main + ${figures.workers} workers (concurrency ${figures.concurrencyPerWorker} each), PostgreSQL, Redis`,
		row('alerts posted (distinct alert IDs)', `${figures.deliveries} (${figures.distinctAlerts})`),
		row('fake HaloPSA latency', `${figures.haloLatencyMs} ms`),
		row('HaloPSA limit / Request Budget per worker', `${figures.haloLimitPer5Minutes} / ${figures.requestBudgetPerWorker} per 5 minutes`),
		row('token requests', figures.tokenRequests),
		row('HaloPSA API requests', figures.apiRequests),
		row('requests per alert posted', figures.requestsPerDelivery.toFixed(2)),
		...Object.entries(figures.requestsByEndpoint).map(([endpoint, count]) => row(`  ${endpoint}`, count)),
		row('answered 429', figures.answered429),
		row('most requests in any 5 minutes', figures.busiest5Minutes),
		row('executions per worker', Object.entries(figures.executionsPerWorker).map(([name, count]) => `${name} ${count}`).join(', ')),
		row('tickets created', figures.ticketsCreated),
		row('duplicate tickets created / converged', `${figures.duplicatesCreated} / ${figures.duplicatesConverged}`),
		row('alerts whose occurrence numbers repeat or skip', figures.occurrenceNumbersOutOfOrder.length),
		...figures.occurrenceNumbersOutOfOrder.slice(0, 5).map((example) => row(`  ${example}`, '')),
		row('burst wall time (slowest answer)', `${seconds(figures.burstWallMs)} (${seconds(figures.slowestAnswerMs)})`),
		'  durations:',
		...Object.entries(figures.stepDurationsMs).map(([label, ms]) => row(`  ${label}`, seconds(ms))),
		'',
	];
	console.log(lines.join('\n'));
}
