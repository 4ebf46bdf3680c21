import { RATE_LIMIT_MESSAGE } from './constants';
import type { MockResponse } from './http';
import type { FaultConfig } from './types';

/** Small seedable PRNG so every fault rate is reproducible with `randomSeed`. */
export function mulberry32(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const SERVER_ERRORS: ReadonlyArray<{ status: number; body: string }> = [
	{ status: 500, body: 'An error occurred while processing your request.' },
	{ status: 502, body: 'Bad Gateway' },
	{ status: 503, body: 'Service Unavailable' },
	{ status: 504, body: 'Gateway Timeout' },
];

export const DEFAULT_TOKEN_LIFETIME_SECONDS = 3600;

export type PreProcessingFault = { kind: 'drop' } | { kind: 'respond'; response: MockResponse } | null;

/** Decides, request by request, which configured fault (if any) hits an /api request. */
export class FaultInjector {
	private config: FaultConfig = {};
	private random: () => number = mulberry32(randomSeed());
	private apiRequestCount = 0;
	private forced429Remaining = 0;
	private writesToDropBefore = 0;
	private readonly recentRequests = new Map<string, number[]>();

	configure(changes: FaultConfig): void {
		this.config = { ...this.config, ...changes };
		if (changes.force429 !== undefined) this.forced429Remaining = changes.force429;
		if (changes.dropNextWritesBefore !== undefined) this.writesToDropBefore = changes.dropNextWritesBefore;
		if (changes.randomSeed !== undefined) this.random = mulberry32(changes.randomSeed);
		if (changes.rateLimit !== undefined) this.recentRequests.clear();
	}

	reset(): void {
		this.config = {};
		this.random = mulberry32(randomSeed());
		this.apiRequestCount = 0;
		this.forced429Remaining = 0;
		this.writesToDropBefore = 0;
		this.recentRequests.clear();
	}

	current(): FaultConfig {
		return { ...this.config, force429: this.forced429Remaining, dropNextWritesBefore: this.writesToDropBefore };
	}

	get tokenLifetimeSeconds(): number {
		return this.config.tokenLifetimeSeconds ?? DEFAULT_TOKEN_LIFETIME_SECONDS;
	}

	get expiredTokenStatus(): 401 | 400 {
		return this.config.expiredTokenStatus ?? 401;
	}

	/** Counts the /api request; true when this one must expire every token first (`expireTokensEvery`). */
	countApiRequest(): boolean {
		this.apiRequestCount += 1;
		const every = this.config.expireTokensEvery;
		return !!every && every > 0 && this.apiRequestCount % every === 0;
	}

	/** Faults that strike before the request is processed: drop, 429, 5xx (in that order). */
	beforeProcessing(clientKey: string, now: number, method: string): PreProcessingFault {
		if (this.chance(this.config.dropBeforeRate)) return { kind: 'drop' };
		if (this.writesToDropBefore > 0 && (method === 'POST' || method === 'DELETE')) {
			this.writesToDropBefore -= 1;
			return { kind: 'drop' };
		}
		const burst = this.config.burst429;
		if (burst && burst.every > 0 && this.apiRequestCount % burst.every === 0) this.forced429Remaining += burst.length;
		if (this.forced429Remaining > 0) {
			this.forced429Remaining -= 1;
			return { kind: 'respond', response: this.rateLimited() };
		}
		if (this.overRateLimit(clientKey, now)) return { kind: 'respond', response: this.rateLimited() };
		if (this.chance(this.config.serverErrorRate)) {
			const error = SERVER_ERRORS[Math.floor(this.random() * SERVER_ERRORS.length)];
			return { kind: 'respond', response: { status: error.status, body: error.body } };
		}
		return null;
	}

	/** True when a processed write must lose its answer (`dropAfterWriteRate`). */
	dropAfterWrite(method: string): boolean {
		return (method === 'POST' || method === 'DELETE') && this.chance(this.config.dropAfterWriteRate);
	}

	latencyMs(): number {
		const spike = this.chance(this.config.latencySpikeRate) ? this.config.latencySpikeMs ?? 0 : 0;
		return (this.config.latencyMs ?? 0) + spike;
	}

	private rateLimited(): MockResponse {
		const retryAfter = this.config.retryAfterSeconds;
		const headers: Record<string, string> = retryAfter == null ? {} : { 'Retry-After': String(retryAfter) };
		return { status: 429, body: RATE_LIMIT_MESSAGE, headers };
	}

	/** Rolling window per client: only requests let through count, so a client that backs off recovers. */
	private overRateLimit(clientKey: string, now: number): boolean {
		const limit = this.config.rateLimit;
		if (!limit) return false;
		const recent = (this.recentRequests.get(clientKey) ?? []).filter((at) => now - at < limit.windowMs);
		const limited = recent.length >= limit.max;
		if (!limited) recent.push(now);
		this.recentRequests.set(clientKey, recent);
		return limited;
	}

	private chance(rate: number | undefined): boolean {
		return !!rate && rate > 0 && this.random() < rate;
	}
}

function randomSeed(): number {
	return Math.floor(Math.random() * 2 ** 32);
}
