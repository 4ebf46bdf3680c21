/**
 * Look-ups kept between executions of this n8n process, so a webhook per alert does not read the
 * same client list, ticket type and priorities every time. Entries are per HaloPSA instance and API
 * application (never shared between credentials) and expire after their time-to-live.
 */

/** How long reference data (outcomes, statuses) is reused between executions. */
export const REFERENCE_TTL_MS = 300_000;

interface Entry {
	value: Promise<unknown>;
	expiresAt: number;
}

const entries = new Map<string, Entry>();
const locks = new Map<string, Promise<unknown>>();

/** The cached value for `key`, loading it when missing or expired. A failed load is not kept. */
export function processCached<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
	const now = Date.now();
	const entry = entries.get(key);
	if (entry && entry.expiresAt > now) return entry.value as Promise<T>;
	if (entries.size > 5_000) {
		for (const [oldKey, old] of entries) if (old.expiresAt <= now) entries.delete(oldKey);
	}
	const value = load();
	entries.set(key, { value, expiresAt: now + ttlMs });
	value.catch(() => {
		if (entries.get(key)?.value === value) entries.delete(key);
	});
	return value;
}

/**
 * Runs `task` after every earlier task with the same key has finished, so two executions handling
 * the same alert at once take turns instead of both creating a ticket.
 */
export async function withProcessLock<T>(key: string, task: () => Promise<T>): Promise<T> {
	const previous = locks.get(key) ?? Promise.resolve();
	const run = previous.then(task, task);
	const tail = run.catch(() => undefined);
	locks.set(key, tail);
	try {
		return await run;
	} finally {
		if (locks.get(key) === tail) locks.delete(key);
	}
}

/** Forgets every cached look-up (tests start each case from an empty process). */
export function forgetProcessCache(): void {
	entries.clear();
}
