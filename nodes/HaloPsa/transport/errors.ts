/**
 * Turns what HaloPSA (or the network) answered into an error a workflow author can act on: Halo's
 * own message, plus the likely fix. Nothing from n8n's raw HTTP error is passed on, because it can
 * carry the request's Authorization header.
 */
import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { redactSecrets, type HaloConnectionSettings } from './connection';

/** What we could read from a failed HTTP exchange. */
export interface HaloFailure {
	status?: number;
	/** Halo's answer as text (plain text or JSON), if any. */
	body: string;
	headers: Record<string, string>;
	/** Network error code such as ECONNRESET when there was no answer. */
	networkCode?: string;
	/**
	 * A failure before any request left: bad credential settings, or the token request refused.
	 * The credential's own message, which says which part is wrong.
	 */
	setupMessage?: string;
}

/** A response read with `returnFullResponse`. */
export interface FullResponse {
	statusCode: number;
	headers?: Record<string, unknown>;
	body?: unknown;
}

function bodyText(data: unknown): string {
	if (data === undefined || data === null) return '';
	if (typeof data === 'string') return data;
	if (Buffer.isBuffer(data)) return data.toString('utf8');
	try {
		return JSON.stringify(data);
	} catch {
		return String(data);
	}
}

export function failureFromResponse(response: FullResponse): HaloFailure {
	const headers: Record<string, string> = {};
	for (const [key, value] of Object.entries(response.headers ?? {})) headers[key.toLowerCase()] = String(value);
	return { status: response.statusCode, body: bodyText(response.body), headers };
}

const NETWORK_CODE = /^E[A-Z_]+$/;

/**
 * Reads what n8n threw when no HTTP answer came back. n8n wraps everything in a NodeApiError that
 * keeps the network code as `httpCode` and the original message in `messages`; anything without a
 * network code failed before a request was sent (credential settings or the token request).
 */
export function failureFromError(error: unknown): HaloFailure {
	const err = (error ?? {}) as Record<string, unknown>;
	const failure: HaloFailure = { body: '', headers: {} };
	if (err.name === 'HaloSettingsError' || err.name === 'HaloTokenError') {
		failure.setupMessage = String(err.message);
		return failure;
	}
	const code = [err.httpCode, err.code, (err.cause as Record<string, unknown> | undefined)?.code].find(
		(value) => typeof value === 'string' && NETWORK_CODE.test(value),
	);
	if (code) {
		failure.networkCode = code as string;
		return failure;
	}
	const status = Number(err.httpCode);
	if (Number.isInteger(status) && status >= 100) {
		failure.status = status;
		return failure;
	}
	const messages = Array.isArray(err.messages) ? (err.messages as unknown[]) : [];
	const original = messages.find((message) => typeof message === 'string' && message.trim() !== '');
	failure.setupMessage = String(original ?? err.message ?? 'The request to HaloPSA could not be prepared');
	return failure;
}

/**
 * Halo answers errors as plain text or as JSON in several shapes (`{"Message": …}`,
 * `{"errorMessage": …}`, ASP.NET model state `{"[0].id": ["…"]}`); this finds the sentence in it.
 */
export function haloMessage(body: string): string {
	const text = body.trim();
	if (text === '') return '';
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		return text.slice(0, 500);
	}
	if (typeof parsed === 'string') return parsed.slice(0, 500);
	if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
		const json = parsed as IDataObject;
		for (const key of ['errorMessage', 'Message', 'message', 'error_description', 'error', 'title', 'detail']) {
			const value = json[key];
			if (typeof value === 'string' && value.trim() !== '') return value.trim().slice(0, 500);
		}
		const source = (json.errors && typeof json.errors === 'object' ? json.errors : json) as IDataObject;
		const parts = Object.entries(source)
			.filter(([, value]) => Array.isArray(value) || typeof value === 'string')
			.map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(' ') : String(value)}`);
		if (parts.length > 0) return parts.join('; ').slice(0, 500);
	}
	return text.slice(0, 500);
}

/** Read scope, edit scope and agent permission area of each endpoint, named as in the setup guide. */
const ACCESS: Record<string, [string, string, string]> = {
	tickets: ['read:tickets', 'edit:tickets', 'Tickets'],
	actions: ['read:tickets', 'edit:tickets', 'Tickets'],
	status: ['read:tickets', 'edit:tickets', 'Tickets'],
	tickettype: ['read:tickets', 'edit:tickets', 'ticket types'],
	priority: ['read:tickets', 'edit:tickets', 'Tickets'],
	outcome: ['read:tickets', 'edit:tickets', 'Tickets'],
	category: ['read:tickets', 'edit:tickets', 'Tickets'],
	sla: ['read:tickets', 'edit:tickets', 'Tickets'],
	client: ['read:customers', 'edit:customers', 'Clients'],
	site: ['read:customers', 'edit:customers', 'Clients'],
	users: ['read:customers', 'edit:customers', 'Users'],
	toplevel: ['read:customers', 'edit:customers', 'Clients'],
	asset: ['read:assets', 'edit:assets', 'Assets'],
	assettype: ['read:assets', 'edit:assets', 'Assets'],
	projects: ['read:projects', 'edit:projects', 'Projects'],
	team: ['all:teams', 'all:teams', 'Teams'],
	agent: ['all:teams', 'all:teams', 'Agents'],
};

function accessOf(path: string): [string, string, string] | undefined {
	return ACCESS[path.replace(/^\/+/, '').split(/[/?]/)[0].toLowerCase()];
}

/** The scope a request needs (`edit:customers` for POST /Client), if the endpoint is known. */
export function requiredScope(method: string, path: string): string | undefined {
	return accessOf(path)?.[method === 'GET' ? 0 : 1];
}

/** The scope and agent permission a request needs, named as in the setup guide. */
export function permissionHint(method: string, path: string): string {
	const entry = accessOf(path);
	if (!entry) {
		return "The API application may lack a scope for this endpoint, or the API agent may lack the permission: check both in HaloPSA (Configuration → Integrations → HaloPSA API, and the agent's permissions)";
	}
	const write = method !== 'GET';
	const [readScope, editScope, area] = entry;
	const scope = write ? editScope : readScope;
	const notStandard = ['edit:customers', 'edit:assets', 'edit:projects'].includes(scope)
		? ` ${scope} is not part of the standard setup: tick it on the API application in HaloPSA and add it to the credential's Scopes.`
		: '';
	return `This needs the ${scope} scope on the API application (and in the credential's Scopes), and the API agent needs ${write ? "'Modify'" : "'Read'"} access to ${area} and membership of the teams involved.${notStandard}`;
}

export interface FailureContext {
	method: string;
	path: string;
	/** "Ticket 123": used for 404s. */
	record?: string;
	itemIndex?: number;
	settings?: HaloConnectionSettings;
	/** Set when retries ran out, to say how long we waited. */
	waitedMs?: number;
}

function networkProblem(code: string | undefined): string {
	const problems: Record<string, string> = {
		ECONNRESET: 'the connection was closed before an answer came',
		ECONNREFUSED: 'the server refused the connection',
		ETIMEDOUT: 'the request timed out',
		ECONNABORTED: 'the request timed out',
		ENOTFOUND: 'the host name could not be found',
		EAI_AGAIN: 'the host name could not be looked up',
		EPIPE: 'the connection broke while sending',
		EHOSTUNREACH: 'the host could not be reached',
		ENETUNREACH: 'the network could not be reached',
	};
	return (code && problems[code]) ?? 'the connection failed';
}

function describeRequest(context: FailureContext): string {
	return `${context.method} /api${context.path}`;
}

/** The NodeApiError / NodeOperationError for a failed HaloPSA request. */
export function haloError(node: INode, failure: HaloFailure, context: FailureContext): NodeApiError | NodeOperationError {
	const redact = (text: string) => (context.settings ? redactSecrets(text, context.settings) : text);
	const itemIndex = context.itemIndex;
	if (failure.setupMessage !== undefined) {
		return new NodeOperationError(node, redact(failure.setupMessage), {
			itemIndex,
			description: 'Open the HaloPSA credential, check the field the message names, and use Test to try it.',
		});
	}
	const said = redact(haloMessage(failure.body));
	const status = failure.status;
	let message: string;
	let description: string | undefined;
	if (status === undefined) {
		// In words: n8n replaces any message containing a raw code such as ECONNRESET with its own.
		message = `No answer from HaloPSA for ${describeRequest(context)}: ${networkProblem(failure.networkCode)}`;
		description =
			context.method === 'GET'
				? 'The request was retried and still failed: HaloPSA or the network may be down. Try again later.'
				: 'HaloPSA may or may not have saved this change: check HaloPSA before running the item again.';
	} else if (status === 400) {
		message = said ? `HaloPSA rejected the request: ${said}` : `HaloPSA rejected ${describeRequest(context)} (400)`;
		description = fixFor400(said);
	} else if (status === 401) {
		message = 'HaloPSA refused the credential (401), even with a newly fetched token';
		description = "Open the HaloPSA credential and use Test: it says whether the address, the client ID/secret or the scopes are wrong.";
	} else if (status === 403) {
		// HaloPSA often answers a missing scope with an empty 403: say which scope that probably is.
		const scope = requiredScope(context.method, context.path);
		const why = said || (scope ? `the credential probably lacks the ${scope} scope, or the API agent the permission` : '');
		message = `HaloPSA refused ${describeRequest(context)} (403)${why ? `: ${why}` : ''}`;
		description = permissionHint(context.method, context.path);
	} else if (status === 404) {
		message = context.record ? `${context.record} was not found` : `HaloPSA has no ${describeRequest(context)} (404)`;
		description = context.record
			? `Check the ID. The API agent only sees records of the clients and teams it is allowed to see.${said ? ` HaloPSA said: ${said}` : ''}`
			: said || undefined;
	} else if (status === 429) {
		const waited = context.waitedMs ? ` after waiting ${Math.round(context.waitedMs / 1000)} s` : '';
		message = `HaloPSA's rate limit is still exceeded${waited}${said ? `: ${said}` : ''}`;
		description =
			'HaloPSA allows about 300 requests per rolling 5 minutes. Run fewer items at once, or lower the request budget in the node options.';
	} else if (status >= 300 && status < 400) {
		const location = failure.headers.location ? ` to ${redact(failure.headers.location)}` : '';
		message = `HaloPSA redirected ${describeRequest(context)}${location} (${status})`;
		description = 'Use the address HaloPSA redirects to as the Instance URL in the credential (for example https:// instead of http://).';
	} else {
		message = `HaloPSA failed to process ${describeRequest(context)} (${status})${said ? `: ${said}` : ''}`;
		description =
			context.method === 'GET'
				? 'The request was retried and still failed. Try again later.'
				: 'HaloPSA may or may not have saved this change: check HaloPSA before running the item again.';
	}
	const errorResponse: JsonObject = { message, httpCode: status === undefined ? null : String(status) };
	if (description) errorResponse.description = description;
	const error = new NodeApiError(node, errorResponse, {
		message,
		description,
		httpCode: status === undefined ? undefined : String(status),
		itemIndex,
	});
	if (status === undefined || status >= 500) error.context.haloOutcomeUnknown = true;
	return error;
}

/**
 * Whether a failed write may still have been saved: no answer came back, or HaloPSA failed after
 * receiving it (5xx). Such a write must be looked up before it is sent again.
 */
export function outcomeUnknown(error: unknown): boolean {
	return (error as { context?: { haloOutcomeUnknown?: boolean } })?.context?.haloOutcomeUnknown === true;
}

function fixFor400(said: string): string | undefined {
	if (/outcome/i.test(said)) return 'Pick an outcome (a note needs one) that the API agent is allowed to use.';
	if (/record not found/i.test(said)) return 'HaloPSA could not find the record: check the ID, and that the API agent can see its client and team.';
	if (/required/i.test(said)) return "The ticket type's settings make this field mandatory: set it in the node, or give it a default in HaloPSA.";
	if (/CAB|approv/i.test(said)) return 'This ticket type needs an approval process that cannot be completed through the API: pick another ticket type.';
	return undefined;
}
