/**
 * What the queue-mode run needs: PostgreSQL and Redis (Debian's, run as plain processes), n8n in
 * queue mode (main + workers, the package installed in each from its tarball), the fake HaloPSA with
 * latency and HaloPSA's rate limit, a credential with a per-worker Request Budget, and the active
 * Webhook → Alert → Raise Ticket workflow with "Several Workers" on.
 */
import * as fs from 'fs';
import * as path from 'path';

import { buildAndPack } from '../../../scripts/local-n8n/community-package';
import { ensureDebianPrograms } from '../../../scripts/local-n8n/debian-packages';
import { FakeHaloControl, startFakeHalo } from '../../../scripts/local-n8n/fake-halo';
import { N8nApi } from '../../../scripts/local-n8n/n8n-api';
import { ensureN8n } from '../../../scripts/local-n8n/n8n-install';
import { REPO_ROOT } from '../../../scripts/local-n8n/paths';
import { POSTGRES_SERVER, startPostgres } from '../../../scripts/local-n8n/postgres-server';
import { stopAllProcesses } from '../../../scripts/local-n8n/processes';
import { say } from '../../../scripts/local-n8n/progress';
import { startQueueModeN8n, type QueueModeN8n } from '../../../scripts/local-n8n/queue-mode';
import { REDIS_SERVER, startRedis } from '../../../scripts/local-n8n/redis-server';
import { createCredential, deployWorkflow, raiseAlertTicketWorkflow } from '../alert-webhook';
import { E2E_OWNER } from '../environment';
import { StepClock } from './figures';

/** HaloPSA's rolling rate-limit window. */
export const HALO_WINDOW_MS = 300_000;
const WEBHOOK_PATH = 'halopsa-queue-alert';

export interface QueueSettings {
	n8nVersion: string;
	workers: number;
	concurrency: number;
	/** The fake's limit per rolling 5 minutes (HaloPSA's is 300). */
	haloLimitPer5Minutes: number;
	/** The credential's Request Budget (per 5 minutes), which each worker keeps to on its own. */
	requestBudgetPerWorker: number;
	latencyMs: number;
}

export interface QueueEnvironment {
	workFolder: string;
	n8n: QueueModeN8n;
	api: N8nApi;
	fake: FakeHaloControl;
	workflowId: string;
	webhookUrl: string;
}

export interface ExecutionSummary {
	id: string;
	status: string;
}

export class QueueSession {
	readonly clock = new StepClock();
	private environment: QueueEnvironment | undefined;
	/** What was started, stopped in reverse order. */
	private readonly stops: Array<() => Promise<void>> = [];

	constructor(readonly settings: QueueSettings) {}

	get env(): QueueEnvironment {
		if (!this.environment) throw new Error('The queue-mode environment is not set up (its setup failed?)');
		return this.environment;
	}

	async setUp(): Promise<void> {
		const { clock, settings } = this;
		const [redisProgram, postgresBin] = await clock.time('PostgreSQL and Redis installed (apt-get when missing)', () =>
			ensureDebianPrograms([REDIS_SERVER, POSTGRES_SERVER]),
		);
		const install = await clock.time('n8n installed in the cache', () => ensureN8n(settings.n8nVersion));
		const workFolder = path.join(REPO_ROOT, 'test', 'e2e', '.work', `queue-n8n-${settings.n8nVersion}`);
		fs.rmSync(workFolder, { recursive: true, force: true });
		fs.mkdirSync(workFolder, { recursive: true });
		const tarball = await clock.time('package built and packed', () => buildAndPack(workFolder));

		const [database, redis] = await clock.time('PostgreSQL and Redis started', () =>
			Promise.all([
				this.started(startPostgres(postgresBin, path.join(workFolder, 'postgres.log'))),
				this.started(startRedis(redisProgram, path.join(workFolder, 'redis.log'))),
			]),
		);
		const fakeHalo = await this.started(startFakeHalo());
		const fake = new FakeHaloControl(fakeHalo.url);
		await fake.configure({ latencyMs: settings.latencyMs, rateLimit: { max: settings.haloLimitPer5Minutes, windowMs: HALO_WINDOW_MS } });

		const n8n = await clock.time(`n8n main and ${settings.workers} workers started`, () =>
			this.started(startQueueModeN8n({ install, tarball, workFolder, workers: settings.workers, concurrency: settings.concurrency, database, redis })),
		);
		say(`n8n main at ${n8n.main.url}; logs in ${workFolder}`);
		const api = new N8nApi(n8n.main.url);
		await api.signInAsOwner(E2E_OWNER);
		await api.createApiKey('queue-mode');
		const credential = await createCredential(api, 'HaloPSA (fake, queue mode)', fakeHalo.url, undefined, { requestBudget: settings.requestBudgetPerWorker });
		const workflowId = await deployWorkflow(api, raiseAlertTicketWorkflow(WEBHOOK_PATH, credential, { severalWorkers: true }));
		this.environment = { workFolder, n8n, api, fake, workflowId, webhookUrl: `${n8n.main.url}/webhook/${WEBHOOK_PATH}` };
	}

	/** The workflow's executions as n8n's public API lists them. */
	async executions(): Promise<ExecutionSummary[]> {
		const { api, workflowId } = this.env;
		const all: ExecutionSummary[] = [];
		let cursor: string | undefined;
		do {
			const page = await api.publicApi<{ data: ExecutionSummary[]; nextCursor?: string | null }>(
				'GET',
				`/executions?workflowId=${workflowId}&limit=250${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
			);
			all.push(...page.data);
			cursor = page.nextCursor ?? undefined;
		} while (cursor);
		return all;
	}

	async tearDown(): Promise<void> {
		for (const stop of this.stops.reverse()) await stop().catch((error: Error) => say(`stopping failed: ${error.message}`));
		await stopAllProcesses();
	}

	/** Remembers a started service so tearDown stops it. */
	private async started<T extends { stop(): Promise<void> }>(starting: Promise<T>): Promise<T> {
		const service = await starting;
		this.stops.push(() => service.stop());
		return service;
	}
}
