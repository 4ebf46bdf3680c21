/**
 * The package in n8n's queue mode: main + workers sharing PostgreSQL and Redis, a burst of alerts
 * posted to an active Webhook → Alert → Raise Ticket workflow ("Several Workers" on), some of them
 * the same alert at the same moment. Checked on HaloPSA's side (the fake's data and request log):
 * one open ticket per alert, every repeat a note, nothing lost, tokens shared, no 429 failures.
 *
 * The fake allows 300 requests per rolling 5 minutes, as hosted HaloPSA does, and each worker's
 * Request Budget is its share of the automatic single-process budget (290 / workers). The burst
 * needs more than 300 requests, so the budget holds the rest back until the window moves on: the
 * run takes about 5 minutes longer than the burst itself would.
 *
 *   npm run test:queue
 *   npm run test:queue -- --workers 3 --budget 100 --limit 300 --latency 50 --n8n 2.41.1 (or latest, oldest)
 *   npm run test:queue -- --limit 1000 --budget 500     (budget never reached: about 1 minute)
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { HOSTED_DEFAULT_BUDGET } from '../../../nodes/HaloPsa/transport/budget';
import { waitUntil } from '../../../scripts/local-n8n/processes';
import { say } from '../../../scripts/local-n8n/progress';
import { requestsByEndpoint, type LoggedRequest } from '../../mock-halo';
import { n8nVersionOption, numberOption } from '../options';
import { deliveriesPerAlert, fireBurst, planBurst, type DeliveryResult } from './alert-burst';
import { alertOutcomes, occurrencesNumberedInOrder, type AlertOutcome } from './alert-outcome';
import { HALO_WINDOW_MS, QueueSession, type ExecutionSummary } from './environment';
import { busiestWindow, executionsPerWorker, printFigures, type QueueFigures } from './figures';

const workers = numberOption('--workers', 2);
const session = new QueueSession({
	n8nVersion: n8nVersionOption(),
	workers,
	concurrency: 10,
	haloLimitPer5Minutes: numberOption('--limit', 300),
	requestBudgetPerWorker: numberOption('--budget', Math.floor(HOSTED_DEFAULT_BUDGET / workers)),
	latencyMs: numberOption('--latency', 40),
});
const PLAN = { distinctAlerts: 120, deliveries: 200, waveSize: 20 };
const burst = planBurst(PLAN);
const expectedDeliveries = deliveriesPerAlert(burst);

interface BurstRun {
	results: DeliveryResult[];
	wallMs: number;
	outcomes: Map<string, AlertOutcome>;
	executions: ExecutionSummary[];
}
let run: BurstRun | undefined;

function burstRun(): BurstRun {
	if (!run) throw new Error('The burst did not run (its setup failed?)');
	return run;
}

/** Lists at most `limit` entries, for assertion messages. */
function some<T>(list: T[], describe: (entry: T) => string, limit = 5): string {
	return list.slice(0, limit).map(describe).join('; ') + (list.length > limit ? `; … ${list.length - limit} more` : '');
}

async function fireAndCollect(): Promise<BurstRun> {
	const { env, clock } = session;
	const started = Date.now();
	const results = await clock.time(`burst of ${PLAN.deliveries} alerts`, () =>
		fireBurst(env.webhookUrl, burst, (wave, answers) => {
			const failed = answers.filter((answer) => answer.status !== 200).length;
			say(`wave ${wave + 1}/${burst.length}: ${answers.length} alerts answered${failed ? `, ${failed} FAILED` : ''} (slowest ${Math.max(...answers.map((a) => a.ms))} ms)`);
		}),
	);
	const wallMs = Date.now() - started;
	// The webhook answers when the workflow is done; n8n may still be saving the last executions.
	const executions = await waitUntil(
		`n8n to list ${PLAN.deliveries} finished executions`,
		async () => {
			const listed = await session.executions();
			return listed.length >= PLAN.deliveries && listed.every((execution) => execution.status !== 'running' && execution.status !== 'new') ? listed : undefined;
		},
		{ timeoutMs: 60_000, intervalMs: 1000 },
	);
	const [tickets, actions] = await Promise.all([env.fake.records<{ id: number }>('tickets'), env.fake.records<{ ticket_id: number }>('actions')]);
	const outcomes = alertOutcomes([...expectedDeliveries.keys()], tickets, actions);
	return { results, wallMs, outcomes, executions };
}

async function measuredFigures(current: BurstRun): Promise<QueueFigures> {
	const { env, settings, clock } = session;
	const log = await env.fake.log();
	const apiRequests = log.filter((entry) => entry.kind === 'api');
	const outcomes = [...current.outcomes.values()];
	return {
		n8nVersion: settings.n8nVersion,
		workers: settings.workers,
		concurrencyPerWorker: settings.concurrency,
		deliveries: PLAN.deliveries,
		distinctAlerts: PLAN.distinctAlerts,
		haloLatencyMs: settings.latencyMs,
		haloLimitPer5Minutes: settings.haloLimitPer5Minutes,
		requestBudgetPerWorker: settings.requestBudgetPerWorker,
		tokenRequests: log.filter((entry) => entry.kind === 'token').length,
		apiRequests: apiRequests.length,
		requestsPerDelivery: apiRequests.length / PLAN.deliveries,
		requestsByEndpoint: requestsByEndpoint(apiRequests),
		answered429: apiRequests.filter((entry) => entry.status === 429).length,
		busiest5Minutes: busiestWindow(apiRequests, HALO_WINDOW_MS),
		executionsPerWorker: executionsPerWorker(env.n8n.workers),
		ticketsCreated: outcomes.reduce((sum, outcome) => sum + outcome.openTicketIds.length + outcome.closedTicketIds.length, 0),
		duplicatesCreated: outcomes.reduce((sum, outcome) => sum + outcome.closedTicketIds.length, 0),
		duplicatesConverged: outcomes.reduce((sum, outcome) => sum + outcome.mergedDuplicateIds.length, 0),
		occurrenceNumbersOutOfOrder: outcomes
			.filter((outcome) => !occurrencesNumberedInOrder(outcome))
			.map((outcome) => `${outcome.alertId} (${expectedDeliveries.get(outcome.alertId)} deliveries): ${outcome.occurrenceNumbers.join(', ')}`),
		burstWallMs: current.wallMs,
		slowestAnswerMs: Math.max(...current.results.map((result) => result.ms)),
		stepDurationsMs: clock.durations,
	};
}

describe(`n8n queue mode: main + ${session.settings.workers} workers, PostgreSQL, Redis`, { timeout: 75 * 60_000 }, () => {
	before(
		async () => {
			await session.setUp();
			run = await fireAndCollect();
		},
		{ timeout: 60 * 60_000 },
	);

	after(
		async () => {
			try {
				if (run) {
					const figures = await measuredFigures(run);
					printFigures(figures);
					fs.writeFileSync(path.join(session.env.workFolder, 'figures.json'), `${JSON.stringify(figures, null, 2)}\n`);
					// The fake's request log without bodies, for reading after the run.
					const requests = (await session.env.fake.log()).map(({ seq, at, method, path: url, status, kind }) => ({ seq, at, method, path: url, status, kind }));
					fs.writeFileSync(path.join(session.env.workFolder, 'halo-requests.json'), `${JSON.stringify(requests)}\n`);
					fs.writeFileSync(path.join(session.env.workFolder, 'deliveries.json'), `${JSON.stringify(run.results, null, 1)}\n`);
				}
			} finally {
				await session.tearDown();
			}
		},
		{ timeout: 5 * 60_000 },
	);

	it('both workers ran executions, each alert exactly once', () => {
		const perWorker = executionsPerWorker(session.env.n8n.workers);
		for (const [worker, count] of Object.entries(perWorker)) assert.ok(count > 0, `${worker} ran no execution: ${JSON.stringify(perWorker)}`);
		const total = Object.values(perWorker).reduce((sum, count) => sum + count, 0);
		assert.equal(total, PLAN.deliveries, `the workers ran ${total} executions for ${PLAN.deliveries} alerts: ${JSON.stringify(perWorker)}`);
	});

	it('every alert posted was answered by its execution, naming the ticket it went to', () => {
		const failed = burstRun().results.filter(
			(result) => result.status !== 200 || result.answer?.alert_id !== result.delivery.alert.id || !['created', 'updated'].includes(String(result.answer?.action)),
		);
		assert.equal(failed.length, 0, `failed deliveries: ${some(failed, (result) => `${result.delivery.alert.id} → ${result.status} ${result.error ?? JSON.stringify(result.answer)}`)}`);
	});

	it('n8n recorded one successful execution per alert posted', () => {
		const { executions } = burstRun();
		const unsuccessful = executions.filter((execution) => execution.status !== 'success');
		assert.equal(executions.length, PLAN.deliveries, `n8n lists ${executions.length} executions`);
		assert.equal(unsuccessful.length, 0, `unsuccessful executions: ${some(unsuccessful, (execution) => `${execution.id} ${execution.status}`)}`);
	});

	it('every alert ID has exactly one open ticket, and every answer names it', () => {
		const { outcomes, results } = burstRun();
		const wrong = [...outcomes.values()].filter((outcome) => outcome.openTicketIds.length !== 1);
		assert.equal(wrong.length, 0, `alerts without exactly one open ticket: ${some(wrong, (outcome) => `${outcome.alertId} open ${JSON.stringify(outcome.openTicketIds)}`)}`);
		const elsewhere = results.filter((result) => result.answer?.ticket_id !== outcomes.get(result.delivery.alert.id)?.openTicketIds[0]);
		assert.equal(elsewhere.length, 0, `answers naming another ticket than the open one: ${some(elsewhere, (result) => `${result.delivery.alert.id} → ${String(result.answer?.ticket_id)}`)}`);
	});

	it('every repeat of an alert is an occurrence note on its open ticket', () => {
		const missing = [...burstRun().outcomes.values()].filter((outcome) => outcome.occurrenceNumbers.length !== (expectedDeliveries.get(outcome.alertId) ?? 0) - 1);
		assert.equal(
			missing.length,
			0,
			`alerts whose notes do not match their deliveries: ${some(missing, (outcome) => `${outcome.alertId} delivered ${expectedDeliveries.get(outcome.alertId)}×, notes ${JSON.stringify(outcome.occurrenceNumbers)}`)}`,
		);
	});

	it('every other ticket made for an alert was closed as a duplicate of the open one', () => {
		const unmerged = [...burstRun().outcomes.values()].filter((outcome) => outcome.closedTicketIds.length !== outcome.mergedDuplicateIds.length);
		assert.equal(unmerged.length, 0, `closed tickets without the duplicate note: ${some(unmerged, (outcome) => `${outcome.alertId} closed ${JSON.stringify(outcome.closedTicketIds)}`)}`);
	});

	it('the workers shared the token: at most one token request per worker', async () => {
		const tokens = await session.env.fake.tokenRequests();
		assert.ok(tokens.length >= 1 && tokens.length <= session.settings.workers, `${tokens.length} token requests: ${JSON.stringify(tokens.map((entry) => entry.status))}`);
		assert.ok(tokens.every((entry) => entry.status === 200), 'a token request failed');
	});

	it("no request failed on HaloPSA's rate limit: a 429 (if any) was sent again and succeeded", async () => {
		const requests = await session.env.fake.apiRequests();
		const sameRequest = (a: LoggedRequest, b: LoggedRequest) =>
			a.method === b.method && a.path === b.path && JSON.stringify(a.query) === JSON.stringify(b.query) && JSON.stringify(a.body) === JSON.stringify(b.body);
		const unanswered = requests.filter(
			(refused) => refused.status === 429 && !requests.some((later) => later.seq > refused.seq && sameRequest(later, refused) && Number(later.status) < 300),
		);
		assert.equal(unanswered.length, 0, `429s never retried to success: ${some(unanswered, (entry) => `#${entry.seq} ${entry.method} ${entry.path}`)}`);
	});
});
