/** Reading the fake's request log by endpoint, for benchmarks and the queue-mode figures. */
import type { LoggedRequest } from './types';

/**
 * "GET /api/tickets/{id}": the method and the path in lower case (this package and n8n's built-in
 * node spell paths differently) with numeric IDs replaced, and the answer's status when asked.
 */
export function endpointOf(entry: LoggedRequest, options: { withStatus?: boolean } = {}): string {
	const endpoint = `${entry.method} ${entry.path.toLowerCase().replace(/\/\d+(?=\/|$)/g, '/{id}')}`;
	return options.withStatus ? `${endpoint} ${entry.status}` : endpoint;
}

/** How many requests went to each endpoint, busiest first. */
export function requestsByEndpoint(entries: LoggedRequest[], options: { withStatus?: boolean } = {}): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const entry of entries) {
		const endpoint = endpointOf(entry, options);
		counts[endpoint] = (counts[endpoint] ?? 0) + 1;
	}
	return Object.fromEntries(Object.entries(counts).sort(([, a], [, b]) => b - a));
}
