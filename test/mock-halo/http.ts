import type { IncomingMessage, ServerResponse } from 'http';

/** Thrown by handlers to answer with a status and a plain-text (or JSON) body. */
export class HttpError extends Error {
	constructor(
		readonly status: number,
		readonly body: string | object = '',
		readonly headers: Record<string, string> = {},
	) {
		super(typeof body === 'string' ? body : JSON.stringify(body));
	}
}

export const badRequest = (message: string): HttpError => new HttpError(400, message);
export const notFound = (message = 'Record not found'): HttpError => new HttpError(404, message);

/** A response decided by a handler; written by the server (after latency, logging, drop faults). */
export interface MockResponse {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
}

export function jsonResponse(status: number, body: unknown): MockResponse {
	return { status, body };
}

export function errorResponse(error: HttpError): MockResponse {
	return { status: error.status, body: error.body, headers: error.headers };
}

export function writeResponse(res: ServerResponse, response: MockResponse): void {
	const headers: Record<string, string> = { ...(response.headers ?? {}) };
	let payload = '';
	if (typeof response.body === 'string') {
		payload = response.body;
		if (payload) headers['Content-Type'] ??= 'text/plain; charset=utf-8';
	} else if (response.body !== undefined) {
		payload = JSON.stringify(response.body);
		headers['Content-Type'] ??= 'application/json; charset=utf-8';
	}
	headers['Content-Length'] = String(Buffer.byteLength(payload));
	res.writeHead(response.status, headers);
	res.end(payload);
}

export function readRawBody(req: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

export function mediaType(req: IncomingMessage): string {
	return (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

/** Halo accepts these request content types for JSON bodies (API-NOTES §1.4). */
export function isJsonMediaType(type: string): boolean {
	return type === 'application/json' || type === 'text/json' || /^application\/([\w.-]+\+)?json$/.test(type);
}

/** Query parameters with lower-case names (ASP.NET binds them case-insensitively); the last value wins. */
export type Query = Record<string, string>;

export function queryOf(url: URL, lowerCaseNames: boolean): Query {
	const query: Query = {};
	url.searchParams.forEach((value, name) => {
		query[lowerCaseNames ? name.toLowerCase() : name] = value;
	});
	return query;
}

export function isTrue(value: string | undefined): boolean {
	return value !== undefined && ['true', '1', 'yes'].includes(value.trim().toLowerCase());
}
