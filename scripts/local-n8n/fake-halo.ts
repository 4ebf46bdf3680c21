/**
 * The fake HaloPSA (test/mock-halo) with its demo data, run inside this process, and a client for
 * its control endpoints (`/__mock/*`) so checks go over HTTP like n8n's requests do.
 */
import { DEMO_API_AGENT_ID, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, STANDARD_SCOPES, startMockHalo, type FaultConfig, type LoggedRequest } from '../../test/mock-halo';

export interface FakeHalo {
	/** http://127.0.0.1:PORT */
	url: string;
	stop(): Promise<void>;
}

/** Starts the fake HaloPSA on `port` (a free one by default), checking posted bodies against HaloPSA's API export. */
export async function startFakeHalo(port?: number): Promise<FakeHalo> {
	const mock = await startMockHalo({ port, strict: true, seed: 'demo' });
	return { url: mock.url, stop: () => mock.stop() };
}

export interface FakeApplication {
	clientId: string;
	clientSecret: string;
}

/** The API application the fake knows from the start. */
export const DEMO_APPLICATION: FakeApplication = { clientId: DEMO_CLIENT_ID, clientSecret: DEMO_CLIENT_SECRET };

/** The HaloPSA credential's values for the fake at `url` (custom hosting: it is not *.halopsa.com). */
export function fakeHaloCredentialData(url: string, application: FakeApplication = DEMO_APPLICATION): Record<string, string> {
	return {
		hosting: 'custom',
		instanceUrl: url,
		clientId: application.clientId,
		clientSecret: application.clientSecret,
		authServer: 'instance',
		scopes: STANDARD_SCOPES,
	};
}

/** The fake's `/__mock/*` endpoints. */
export class FakeHaloControl {
	private readonly applications: FakeApplication[] = [DEMO_APPLICATION];

	constructor(readonly url: string) {}

	/** The demo application and every one added through `addApplication` (e.g. to scan for their secrets). */
	knownApplications(): FakeApplication[] {
		return [...this.applications];
	}

	/** The request log after entry `afterSeq` (see `mark()`). */
	async log(afterSeq = 0): Promise<LoggedRequest[]> {
		return ((await this.call('GET', 'log')) as LoggedRequest[]).filter((entry) => entry.seq > afterSeq);
	}

	/** The newest log entry's number: pass it to the other methods to see only what came after. */
	async mark(): Promise<number> {
		return (await this.log()).reduce((newest, entry) => Math.max(newest, entry.seq), 0);
	}

	/** Requests to `/api/*` (not token requests, not control calls). */
	async apiRequests(afterSeq = 0): Promise<LoggedRequest[]> {
		return (await this.log(afterSeq)).filter((entry) => entry.kind === 'api');
	}

	async tokenRequests(afterSeq = 0): Promise<LoggedRequest[]> {
		return (await this.log(afterSeq)).filter((entry) => entry.kind === 'token');
	}

	/** `GET /__mock/db/<collection>`, e.g. `tickets` or `actions`. */
	async records<T = Record<string, unknown>>(collection: string): Promise<T[]> {
		return (await this.call('GET', `db/${collection}`)) as T[];
	}

	/** Every token issued so far is expired from now on: the next API request with one gets a 401. */
	async expireTokens(): Promise<void> {
		await this.call('POST', 'expire-tokens');
	}

	/** Merges fault switches (latency, rate limit, …; see test/mock-halo/README.md) into the current ones. */
	async configure(faults: FaultConfig): Promise<void> {
		await this.call('POST', 'config', faults);
	}

	/** Another API application (logging in as the demo's API agent), e.g. to count its tokens apart. */
	async addApplication(application: FakeApplication): Promise<void> {
		await this.call('POST', 'applications', { ...application, agentId: DEMO_API_AGENT_ID });
		this.applications.push(application);
	}

	private async call(method: string, endpoint: string, body?: unknown): Promise<unknown> {
		const response = await fetch(`${this.url}/__mock/${endpoint}`, {
			method,
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(10_000),
		});
		if (!response.ok) throw new Error(`${method} /__mock/${endpoint} answered ${response.status}: ${await response.text()}`);
		return await response.json();
	}
}
