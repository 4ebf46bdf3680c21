/**
 * The real n8n the comparison runs in: the cached n8n (LATEST_N8N) with this package installed from
 * its tarball like a community package, the fake HaloPSA in this process (n8n runs in processes of
 * its own) answering API and token requests after the same latency (the e2e token tap in front of
 * it delays the tokens), and one credential per measured run, ours or the built-in node's, each for
 * an API application of its own, so every run starts without a token (ours shares a token between
 * credentials of the same application within an n8n process).
 * Scenarios register their credentials and `n8n execute` workflows first; all are imported in one
 * go (each import is an n8n process).
 */
import * as fs from 'fs';
import * as path from 'path';

import { buildAndInstall } from '../../scripts/local-n8n/community-package';
import { fakeHaloCredentialData, type FakeApplication } from '../../scripts/local-n8n/fake-halo';
import { N8nApi, type Owner } from '../../scripts/local-n8n/n8n-api';
import { ensureN8n, LATEST_N8N } from '../../scripts/local-n8n/n8n-install';
import { N8nUserFolder, type CliRun, type N8nServer } from '../../scripts/local-n8n/n8n-instance';
import { REPO_ROOT } from '../../scripts/local-n8n/paths';
import { stopAllProcesses } from '../../scripts/local-n8n/processes';
import { step } from '../../scripts/local-n8n/progress';
import { credentialFile, importable, stableId, type CredentialRef, type ImportableWorkflow, type Workflow } from '../../scripts/local-n8n/workflows';
import { startTokenTap, type TokenTap } from '../../test/e2e/token-tap';
import { DEMO_API_AGENT_ID, startMockHalo, type MockHalo } from '../../test/mock-halo';
import { builtInCredentialFile } from './builtInHaloNode';

/** Which HaloPSA node a run uses: this package's, or n8n's built-in one. */
export type HaloNodeKind = 'ours' | 'built-in';

const BENCH_OWNER: Owner = { email: 'bench@example.com', firstName: 'Bench', lastName: 'Mark', password: 'Bench-Password-2026' };

export interface BenchSettings {
	/** How long the fake HaloPSA waits before each answer to an API or token request. */
	latencyMs: number;
	/** Strict: posted fields not in HaloPSA's API export are refused (400); lenient: dropped. */
	strictSchema: boolean;
}

export interface TimedCliRun extends CliRun {
	/** The whole `n8n execute` process, n8n's start-up included. */
	processSeconds: number;
}

export class BenchN8n {
	private readonly credentials: object[] = [];
	private readonly workflows: ImportableWorkflow[] = [];
	private server: N8nServer | undefined;
	private api: N8nApi | undefined;

	private constructor(
		readonly n8n: N8nUserFolder,
		readonly halo: MockHalo,
		/** In front of the fake: the address n8n's credentials are given. */
		private readonly tap: TokenTap,
		readonly settings: BenchSettings,
		/** bench/out/n8n-<version>: user folder and n8n.log, kept after the run for reading. */
		readonly workFolder: string,
	) {}

	static async setUp(settings: BenchSettings): Promise<BenchN8n> {
		const install = await ensureN8n(LATEST_N8N);
		const workFolder = path.join(REPO_ROOT, 'bench', 'out', `n8n-${install.version}`);
		fs.rmSync(workFolder, { recursive: true, force: true });
		const userFolder = path.join(workFolder, 'user');
		await step('Building, packing and installing the package into n8n', () => buildAndInstall(workFolder, userFolder));
		// 'empty': configuration and the Internal client only, so each scenario seeds exactly what it counts.
		const halo = await startMockHalo({ strict: settings.strictSchema, seed: 'empty' });
		const tap = await startTokenTap(halo.url, { tokenLatencyMs: settings.latencyMs });
		const n8n = new N8nUserFolder(install, userFolder, path.join(workFolder, 'n8n.log'));
		return new BenchN8n(n8n, halo, tap, settings, workFolder);
	}

	get n8nVersion(): string {
		return this.n8n.install.version;
	}

	/** A credential for one measured run (imported by `importRegistered`), with an API application of its own in the fake. */
	credential(node: HaloNodeKind, purpose: string): CredentialRef {
		const name = `${node === 'ours' ? 'HaloPSA (this package)' : 'HaloPSA (built-in)'}: ${purpose}`;
		const reference = { id: stableId(`bench credential ${name}`), name };
		const application: FakeApplication = { clientId: `bench-${reference.id}`, clientSecret: `bench-secret-${stableId(name)}` };
		this.halo.addApplication({ ...application, agentId: DEMO_API_AGENT_ID });
		this.credentials.push(
			node === 'ours'
				? credentialFile(reference, fakeHaloCredentialData(this.tap.url, application))
				: builtInCredentialFile(reference, this.tap.url, application),
		);
		return reference;
	}


	/** A workflow to run with `n8n execute` (imported by `importRegistered`); returns its id. */
	cliWorkflow(workflow: Workflow): string {
		const prepared = importable(workflow);
		this.workflows.push(prepared);
		return prepared.id;
	}

	async importRegistered(): Promise<void> {
		await step(`Importing ${this.credentials.length} credentials and ${this.workflows.length} workflows`, async () => {
			await this.n8n.importCredentials(this.credentials);
			await this.n8n.importWorkflows(this.workflows);
		});
	}

	/** Fresh data (reseeded, then `seed`), no tokens, the latency set and an empty request log. */
	resetFake(seed?: (halo: MockHalo) => void): void {
		this.halo.reset();
		this.halo.configure({ latencyMs: this.settings.latencyMs });
		seed?.(this.halo);
		this.halo.clearLog();
	}

	/** `n8n execute --id` (a process of its own, like a cron job would run it). */
	async execute(workflowId: string): Promise<TimedCliRun> {
		const started = process.hrtime.bigint();
		const run = await this.n8n.execute(workflowId);
		return { ...run, processSeconds: Number(process.hrtime.bigint() - started) / 1e9 };
	}

	/** `n8n start` with an owner and an API key; started once, stopped by `stop()`. */
	async startServer(): Promise<{ server: N8nServer; api: N8nApi }> {
		if (!this.server || !this.api) {
			const server = await step(`Starting n8n ${this.n8nVersion}`, () => this.n8n.start());
			this.server = server;
			const api = new N8nApi(server.url);
			await api.signInAsOwner(BENCH_OWNER);
			await api.createApiKey('bench');
			this.api = api;
		}
		return { server: this.server, api: this.api };
	}

	async stop(): Promise<void> {
		await this.server?.stop();
		await this.tap.stop();
		await this.halo.stop();
		await stopAllProcesses();
	}
}
