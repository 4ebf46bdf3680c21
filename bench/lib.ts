/** What every benchmark scenario needs: a fake HaloPSA, an n8n engine, and counting. */
import { N8nHarness, resetProcessState } from '../test/harness/n8n-harness';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, type LoggedRequest, type MockHalo } from '../test/mock-halo';

export interface ScenarioResult {
	scenario: string;
	variant: string;
	httpRequests: number;
	tokenRequests: number;
	writes: number;
	reads: number;
	items: number;
	requestsPerItem: number;
	wallSeconds: number;
	notes?: string;
	/** Memory of the benchmark's process while the scenario ran (the memory scenario only). */
	memory?: MemoryPeak;
}

export interface MemoryPeak {
	rssBeforeMiB: number;
	peakRssMiB: number;
	heapBeforeMiB: number;
	peakHeapUsedMiB: number;
}

/** A fresh n8n process (no shared tokens or cached look-ups) against a reset fake HaloPSA. */
export function freshN8n(halo: MockHalo): N8nHarness {
	halo.reset();
	return n8nFor(halo.url);
}

export function n8nFor(url: string): N8nHarness {
	resetProcessState();
	return new N8nHarness({ hosting: 'custom', instanceUrl: url, clientId: DEMO_CLIENT_ID, clientSecret: DEMO_CLIENT_SECRET });
}

/** The request log of an in-process fake HaloPSA, or of one in its own process. */
type RequestLog = MockHalo | { log(): Promise<LoggedRequest[]> };

async function entries(log: RequestLog): Promise<LoggedRequest[]> {
	return typeof log.log === 'function' ? await (log as { log(): Promise<LoggedRequest[]> }).log() : (log as MockHalo).log;
}

/** Runs `work` and counts what reached the fake HaloPSA since its log was last cleared. */
export async function measure(halo: RequestLog, scenario: string, variant: string, items: number, work: () => Promise<void>): Promise<ScenarioResult> {
	const started = process.hrtime.bigint();
	await work();
	const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
	const log = await entries(halo);
	const api = log.filter((entry) => entry.kind === 'api');
	const tokenRequests = log.filter((entry) => entry.kind === 'token').length;
	const writes = api.filter((r) => r.method !== 'GET').length;
	const httpRequests = api.length + tokenRequests;
	return {
		scenario,
		variant,
		httpRequests,
		tokenRequests,
		writes,
		reads: api.length - writes,
		items,
		requestsPerItem: Number((httpRequests / items).toFixed(3)),
		wallSeconds: Number(wallSeconds.toFixed(2)),
	};
}
