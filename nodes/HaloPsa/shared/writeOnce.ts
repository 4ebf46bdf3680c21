/**
 * Writes that must happen exactly once. HaloPSA has no idempotency keys, so a write that got no
 * answer (dropped connection, time-out, 5xx) may or may not have been saved: before sending it
 * again, ask HaloPSA whether it is there.
 */
import { outcomeUnknown } from '../transport/errors';

export interface WriteOnceResult<T> {
	result: T;
	/** True when the first attempt got no answer and the write was found saved or re-sent. */
	recovered: boolean;
}

/** Sends of one write, the first included. */
const MAX_SENDS = 3;

/**
 * Sends the write; each time its outcome is unknown, looks for it with `findSaved` and only sends it
 * again when it is not there (at most three sends). Any other failure is thrown as it is.
 */
export async function writeOnce<T>(send: () => Promise<T>, findSaved: () => Promise<T | undefined>): Promise<WriteOnceResult<T>> {
	for (let attempt = 1; ; attempt++) {
		const sent = await send().then(
			(result) => ({ result, error: undefined as unknown, failed: false }),
			(error: unknown) => ({ result: undefined, error, failed: true }),
		);
		if (!sent.failed) return { result: sent.result as T, recovered: attempt > 1 };
		if (!outcomeUnknown(sent.error) || attempt === MAX_SENDS) throw sent.error;
		const saved = await findSaved();
		if (saved !== undefined) return { result: saved, recovered: true };
	}
}
