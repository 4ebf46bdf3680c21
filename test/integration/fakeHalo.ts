/**
 * Set-up shared by the integration tests: one fake HaloPSA per test file, reset (with this
 * process's shared tokens, look-ups and budgets) before each test, short retry waits while the
 * file runs, and n8n "instances" (credential rows) on demand.
 */
import { readFileSync } from 'fs';
import { resolve } from 'path';
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { retryPolicy } from '../../nodes/HaloPsa/transport/request';
import { N8nHarness, type RunResult, resetProcessState } from '../harness/n8n-harness';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, type LoggedRequest, type MockHalo, STANDARD_SCOPES, startMockHalo } from '../mock-halo';

export interface FakeHalo {
	halo: MockHalo;
	/** A new n8n instance whose credential is for the fake (standard scopes; `credential` overrides fields). */
	n8n(credential?: IDataObject): N8nHarness;
	/** Runs the HaloPSA node once with these parameters (standard scopes unless given). */
	run(parameters: INodeParameters, options?: { items?: IDataObject[]; continueOnFail?: boolean; scopes?: string }): Promise<RunResult>;
	/** API requests to one endpoint (path below /api, any case), e.g. `requests('GET', '/Client')`. */
	requests(method: string, path: string): LoggedRequest[];
}

/** The standard scopes plus edit:customers, for client, site and user writes. */
export const CUSTOMER_EDIT_SCOPES = `${STANDARD_SCOPES} edit:customers`;

/** Retry waits shortened for tests (the production waits are seconds). */
const FAST_RETRIES: Partial<typeof retryPolicy> = { rateLimitBaseDelayMs: 20, transientBaseDelayMs: 10 };

/** `retries`: the retry policy's fields to change while the file runs (FAST_RETRIES unless given). */
export function useFakeHalo(options: { retries?: Partial<typeof retryPolicy> } = {}): FakeHalo {
	const defaultRetries = { ...retryPolicy };
	const session = {
		halo: undefined as unknown as MockHalo,
		n8n(credential: IDataObject = {}) {
			return new N8nHarness({
				hosting: 'custom',
				instanceUrl: session.halo.url,
				clientId: DEMO_CLIENT_ID,
				clientSecret: DEMO_CLIENT_SECRET,
				scopes: STANDARD_SCOPES,
				...credential,
			} as ICredentialDataDecryptedObject);
		},
		async run(parameters: INodeParameters, runOptions: { items?: IDataObject[]; continueOnFail?: boolean; scopes?: string } = {}) {
			const n8n = session.n8n(runOptions.scopes === undefined ? {} : { scopes: runOptions.scopes });
			return await n8n.run({ parameters, items: runOptions.items, continueOnFail: runOptions.continueOnFail });
		},
		requests(method: string, path: string) {
			return session.halo.apiRequests().filter((r) => r.method === method && r.path.toLowerCase() === `/api${path}`.toLowerCase());
		},
	};
	beforeAll(async () => {
		session.halo = await startMockHalo();
		Object.assign(retryPolicy, options.retries ?? FAST_RETRIES);
	});
	afterAll(async () => {
		Object.assign(retryPolicy, defaultRetries);
		await session.halo.stop();
	});
	beforeEach(() => {
		session.halo.reset();
		resetProcessState();
	});
	return session;
}

/** A resource-locator value "By ID" (or another mode). */
export const rl = (value: string | number, mode = 'id') => ({ __rl: true, mode, value: String(value) });

const openApi = JSON.parse(readFileSync(resolve(__dirname, '../../../shared/halopsa/openapi.json'), 'utf8'));

/** Property names of a request schema in Halo's OpenAPI export (Area = client, Site, Users, Device = asset). */
export function schemaProperties(name: string): Set<string> {
	return new Set(Object.keys(openApi.components.schemas[name].properties));
}
