/**
 * A client-side request budget per HaloPSA instance, so a burst slows down instead of failing:
 * hosted HaloPSA allows about 300 requests per rolling 5 minutes (API-NOTES §5). It counts the
 * requests this n8n process sends; with several n8n workers, give each its share (see README).
 * 429s are still handled by the transport if the budget is exceeded anyway.
 */
import { sleep } from 'n8n-workflow';

import type { HaloConnectionSettings } from './connection';

/** Hosted HaloPSA's limit is 300; a little headroom for other integrations' requests. */
export const HOSTED_DEFAULT_BUDGET = 290;

export const budgetPolicy = {
	/** HaloPSA's rolling window. Exported so tests can shorten it. */
	windowMs: 300_000,
};

const sentAt = new Map<string, number[]>();

/** Requests allowed per window for these settings; 0 = no limit. */
export function requestBudget(settings: HaloConnectionSettings): number {
	const configured = Number(settings.requestBudget);
	if (Number.isInteger(configured) && configured > 0) return configured;
	return settings.hosting === 'custom' ? 0 : HOSTED_DEFAULT_BUDGET;
}

/** Waits until one more request to `instance` fits the budget, then counts it. */
export async function spendFromBudget(instance: string, budget: number): Promise<number> {
	if (budget <= 0) return 0;
	let waitedMs = 0;
	for (;;) {
		const now = Date.now();
		const recent = (sentAt.get(instance) ?? []).filter((at) => now - at < budgetPolicy.windowMs);
		if (recent.length < budget) {
			recent.push(now);
			sentAt.set(instance, recent);
			return waitedMs;
		}
		sentAt.set(instance, recent);
		const wait = Math.max(5, recent[0] + budgetPolicy.windowMs - now);
		await sleep(wait);
		waitedMs += wait;
	}
}

/** Forgets what was sent (tests start each case with a full budget). */
export function resetBudgets(): void {
	sentAt.clear();
}
