/**
 * What every end-to-end case runs against: a real n8n of the chosen version (from the cache) with
 * this package installed from its tarball, the fake HaloPSA behind a token tap, and a HaloPSA
 * credential imported through n8n's CLI. The n8n server is started for the cases that need it.
 */
import * as fs from 'fs';
import * as path from 'path';

import { buildAndInstall } from '../../scripts/local-n8n/community-package';
import { FakeHaloControl, fakeHaloCredentialData, startFakeHalo, type FakeApplication, type FakeHalo } from '../../scripts/local-n8n/fake-halo';
import { N8nApi, type Owner } from '../../scripts/local-n8n/n8n-api';
import { ensureN8n } from '../../scripts/local-n8n/n8n-install';
import { N8nUserFolder, type CliRun, type N8nServer } from '../../scripts/local-n8n/n8n-instance';
import { REPO_ROOT } from '../../scripts/local-n8n/paths';
import { stopAllProcesses } from '../../scripts/local-n8n/processes';
import { step } from '../../scripts/local-n8n/progress';
import { credentialFile, importable, type CredentialRef, type Workflow } from '../../scripts/local-n8n/workflows';
import { startTokenTap, type TokenTap } from './token-tap';

export const E2E_OWNER: Owner = { email: 'e2e@example.com', firstName: 'End', lastName: 'ToEnd', password: 'E2e-Password-2026' };

/** A second API application, so the token cases count tokens no other case shares. */
export const TOKEN_TEST_APPLICATION: FakeApplication = { clientId: 'e2e-token-test', clientSecret: 'e2e-token-test-secret-4f1d9c' };

/** The credential imported through `n8n import:credentials` before anything runs. */
export const CLI_CREDENTIAL: CredentialRef = { id: 'haloE2eCliCred01', name: 'HaloPSA (fake, imported)' };

export interface E2eEnvironment {
	n8nVersion: string;
	/** test/e2e/.work/n8n-<version>: user folder, log, screenshots; kept after the run for reading. */
	workFolder: string;
	n8n: N8nUserFolder;
	/** The fake's control endpoints (log, data, token expiry). */
	fake: FakeHaloControl;
	/** The address n8n is given for HaloPSA: the token tap in front of the fake. */
	haloUrl: string;
	tap: TokenTap;
	/** Set once `startServer()` ran. */
	server?: N8nServer;
	api?: N8nApi;
}

export class E2eSession {
	private environment: E2eEnvironment | undefined;
	private fakeHalo: FakeHalo | undefined;

	constructor(readonly n8nVersion: string) {}

	get env(): E2eEnvironment {
		if (!this.environment) throw new Error('The end-to-end environment is not set up (its setup failed?)');
		return this.environment;
	}

	/** Installs n8n if needed, installs the package, starts the fake and imports the credential. */
	async setUp(): Promise<void> {
		const install = await ensureN8n(this.n8nVersion);
		const workFolder = path.join(REPO_ROOT, 'test', 'e2e', '.work', `n8n-${this.n8nVersion}`);
		fs.rmSync(workFolder, { recursive: true, force: true });
		const userFolder = path.join(workFolder, 'user');
		await step('Building, packing and installing the package into n8n', () => buildAndInstall(workFolder, userFolder));
		this.fakeHalo = await startFakeHalo();
		const tap = await startTokenTap(this.fakeHalo.url);
		// Debug logging: the secret scan then also covers everything n8n can log.
		const n8n = new N8nUserFolder(install, userFolder, path.join(workFolder, 'n8n.log'), { N8N_LOG_LEVEL: 'debug' });
		this.environment = { n8nVersion: this.n8nVersion, workFolder, n8n, fake: new FakeHaloControl(this.fakeHalo.url), haloUrl: tap.url, tap };
		await step('Importing the HaloPSA credential (n8n import:credentials)', () =>
			n8n.importCredentials([credentialFile(CLI_CREDENTIAL, fakeHaloCredentialData(tap.url))]),
		);
	}

	/** Starts `n8n start`, creates the owner and an API key. */
	async startServer(): Promise<void> {
		const env = this.env;
		env.server = await step(`Starting n8n ${this.n8nVersion}`, () => env.n8n.start());
		env.api = new N8nApi(env.server.url);
		await env.api.signInAsOwner(E2E_OWNER);
		await env.api.createApiKey('e2e');
	}

	/** Imports `workflow` and runs it with `n8n execute` (a process of its own, like a cron job would). */
	async executeThroughCli(workflow: Workflow): Promise<CliRun> {
		const prepared = importable(workflow);
		await this.env.n8n.importWorkflows([prepared]);
		return await this.env.n8n.execute(prepared.id);
	}

	async tearDown(): Promise<void> {
		await this.environment?.server?.stop();
		await this.environment?.tap.stop();
		await this.fakeHalo?.stop();
		await stopAllProcesses();
	}
}

/** The server parts of the environment, failing clearly when the server is not running. */
export function serverOf(env: E2eEnvironment): { server: N8nServer; api: N8nApi } {
	if (!env.server || !env.api) throw new Error('n8n is not running (its start failed?)');
	return { server: env.server, api: env.api };
}
