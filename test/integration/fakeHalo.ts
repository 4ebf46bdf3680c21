/**
 * Set-up shared by the integration tests of the lookup resources (clients, sites, users, assets,
 * projects, teams, agents, reference data): one fake HaloPSA per test file, reset before each test,
 * and a fresh n8n "instance" (credential row) per test.
 */
import { readFileSync } from 'fs';
import { resolve } from 'path';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { retryPolicy } from '../../nodes/HaloPsa/transport/request';
import { N8nHarness, type RunResult, resetProcessState } from '../harness/n8n-harness';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, type LoggedRequest, type MockHalo, STANDARD_SCOPES, startMockHalo } from '../mock-halo';

export interface FakeHalo {
	halo: MockHalo;
	/** An n8n instance whose credential has the standard six scopes (or `scopes`). */
	n8n(scopes?: string): N8nHarness;
	/** Runs the HaloPSA node once with these parameters (standard scopes unless given). */
	run(parameters: INodeParameters, options?: { items?: IDataObject[]; continueOnFail?: boolean; scopes?: string }): Promise<RunResult>;
	/** API requests to one endpoint (path below /api, any case), e.g. `requests('GET', '/Client')`. */
	requests(method: string, path: string): LoggedRequest[];
}

/** The standard scopes plus edit:customers, for client, site and user writes. */
export const CUSTOMER_EDIT_SCOPES = `${STANDARD_SCOPES} edit:customers`;

export function useFakeHalo(): FakeHalo {
	const defaultRetries = { ...retryPolicy };
	const session = {
		halo: undefined as unknown as MockHalo,
		n8n(scopes = STANDARD_SCOPES) {
			return new N8nHarness({
				hosting: 'custom',
				instanceUrl: session.halo.url,
				clientId: DEMO_CLIENT_ID,
				clientSecret: DEMO_CLIENT_SECRET,
				scopes,
			});
		},
		async run(parameters: INodeParameters, options: { items?: IDataObject[]; continueOnFail?: boolean; scopes?: string } = {}) {
			return await session.n8n(options.scopes).run({ parameters, items: options.items, continueOnFail: options.continueOnFail });
		},
		requests(method: string, path: string) {
			return session.halo.apiRequests().filter((r) => r.method === method && r.path.toLowerCase() === `/api${path}`.toLowerCase());
		},
	};
	beforeAll(async () => {
		session.halo = await startMockHalo();
		Object.assign(retryPolicy, { rateLimitBaseDelayMs: 20, transientBaseDelayMs: 10 });
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
