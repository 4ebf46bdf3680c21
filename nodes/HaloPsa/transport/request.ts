/**
 * The only code that talks to HaloPSA's API. Every request goes through `haloRequest`: it builds the
 * URL from the validated credential, signs through n8n (token stored in the credential and renewed
 * by n8n on a 401), retries what is safe to retry, and turns failures into actionable errors.
 */
import type {
	FunctionsBase,
	IDataObject,
	IHttpRequestMethods,
	IHttpRequestOptions,
	IRequestOptionsSimplified,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { type HaloConnectionSettings, HaloSettingsError, resolveApiBaseUrl, validateSettings } from './connection';
import { requestBudget, spendFromBudget } from './budget';
import { failureFromError, failureFromResponse, haloError, type FullResponse, type HaloFailure } from './errors';

export const CREDENTIAL_NAME = 'haloPsaApi';

/** Any n8n context that can make authenticated requests (execute, load options, poll, webhook…). */
export type HaloContext = Pick<FunctionsBase, 'getCredentials' | 'getNode'> & {
	helpers: {
		httpRequestWithAuthentication(
			this: unknown,
			credentialsType: string,
			requestOptions: IHttpRequestOptions,
			additionalCredentialOptions?: IDataObject,
		): Promise<unknown>;
	};
};

export interface HaloRequest {
	method: IHttpRequestMethods;
	/** Path below /api, e.g. `/Tickets/12`. Build ids into it with `recordPath`. */
	path: string;
	qs?: IDataObject;
	/** HaloPSA writes are JSON arrays, even for one record. */
	body?: IDataObject[];
	/**
	 * Whether this write may be sent again when no answer came back. Only for writes that set
	 * absolute values on an existing record; never for creates.
	 */
	retryWrite?: boolean;
	/** "Ticket 123": names the record in a 404 error. */
	record?: string;
	itemIndex?: number;
}

/** How long to wait before retrying. Exported so tests can shorten the waits. */
export const retryPolicy = {
	/** Waits when HaloPSA gives no Retry-After: 5 s, 10 s, 20 s … (its limit is a rolling 5-minute window). */
	rateLimitBaseDelayMs: 5_000,
	rateLimitMaxDelayMs: 60_000,
	/** Never wait longer than this in total for one request. */
	rateLimitMaxTotalWaitMs: 180_000,
	/** 502/503/504 and dropped connections. */
	transientBaseDelayMs: 1_000,
	transientMaxAttempts: 5,
	requestTimeoutMs: 60_000,
};

/** Server faults worth another try; 500 too, as HaloPSA answers passing faults with it. */
const TRANSIENT_STATUSES = new Set([500, 502, 503, 504]);
const TRANSIENT_NETWORK_CODES = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'EAI_AGAIN',
	'ENETUNREACH',
	'EHOSTUNREACH',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

/** A path segment for a record id; refuses anything that is not a positive whole number. */
export function recordPath(resource: string, id: number | string): string {
	const text = String(id).trim();
	if (!/^[1-9]\d{0,9}$/.test(text)) {
		throw new HaloSettingsError('id', `'${text.slice(0, 40)}' is not a HaloPSA ID: use a positive whole number`);
	}
	return `/${resource}/${text}`;
}

const settingsCache = new WeakMap<object, Promise<HaloConnectionSettings>>();

/** The credential's values, read and checked once per n8n context. */
export async function connectionSettings(context: HaloContext): Promise<HaloConnectionSettings> {
	let settings = settingsCache.get(context);
	if (!settings) {
		settings = context.getCredentials<HaloConnectionSettings>(CREDENTIAL_NAME);
		settingsCache.set(context, settings);
		settings.catch(() => settingsCache.delete(context));
	}
	return await settings;
}

function retryAfterMs(failure: HaloFailure): number | undefined {
	const header = failure.headers['retry-after'];
	if (header === undefined) return undefined;
	const seconds = Number(header);
	if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
	const date = Date.parse(header);
	return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function isTransient(failure: HaloFailure): boolean {
	if (failure.setupMessage !== undefined) return false;
	if (failure.status === undefined) return failure.networkCode === undefined || TRANSIENT_NETWORK_CODES.has(failure.networkCode);
	return TRANSIENT_STATUSES.has(failure.status);
}

/**
 * The credential as n8n would hand it over, but with the token emptied: n8n then fetches a new
 * token (through the credential's preAuthentication), stores it, and signs the request with it.
 * `rejectedAccessToken` tells the credential which token HaloPSA refused, so it is not reused.
 */
function withoutToken(context: HaloContext, settings: HaloConnectionSettings): IDataObject {
	const reference = context.getNode().credentials?.[CREDENTIAL_NAME];
	return {
		credentialsDecrypted: {
			id: reference?.id ?? '',
			name: reference?.name ?? '',
			type: CREDENTIAL_NAME,
			data: { ...settings, accessToken: '', rejectedAccessToken: settings.accessToken ?? '' },
		},
	};
}

/** Sends one request to HaloPSA's API and returns the parsed body. */
export async function haloRequest<T = unknown>(context: HaloContext, request: HaloRequest): Promise<T> {
	let settings = await connectionSettings(context);
	const node = context.getNode();
	let baseUrl: string;
	try {
		validateSettings(settings);
		baseUrl = resolveApiBaseUrl(settings);
	} catch (error) {
		throw haloError(node, failureFromError(error), { ...request, settings });
	}
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${baseUrl}${request.path}`,
		qs: request.qs,
		headers: { Accept: 'application/json' },
		json: true,
		timeout: retryPolicy.requestTimeoutMs,
		// HaloPSA's answer is read whatever its status, so its own message and Retry-After survive.
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		// A redirect could carry the token to another host: report it instead of following it.
		disableFollowRedirect: true,
	};
	if (request.body !== undefined) options.body = request.body as unknown as IRequestOptionsSimplified['body'];

	const canRetryTransient = request.method === 'GET' || request.retryWrite === true;
	let transientAttempts = 0;
	let waitedMs = 0;
	let rateLimitDelay = retryPolicy.rateLimitBaseDelayMs;
	let renewToken = false;
	let tokenRenewed = false;
	const budget = requestBudget(settings);
	for (;;) {
		let failure: HaloFailure;
		await spendFromBudget(baseUrl, budget);
		try {
			const response = (await context.helpers.httpRequestWithAuthentication.call(
				context,
				CREDENTIAL_NAME,
				{ ...options },
				renewToken ? withoutToken(context, settings) : undefined,
			)) as FullResponse;
			if (response.statusCode >= 200 && response.statusCode < 300) return response.body as T;
			failure = failureFromResponse(response);
		} catch (error) {
			failure = failureFromError(error);
		}
		if (renewToken) {
			renewToken = false;
			tokenRenewed = true;
		}
		// HaloPSA refused the token (expired, revoked, or left off because it was past its expiry):
		// have n8n fetch and store a new one, once, then send the request again.
		if (failure.status === 401 && !tokenRenewed) {
			settings = await context.getCredentials<HaloConnectionSettings>(CREDENTIAL_NAME);
			renewToken = true;
			continue;
		}
		if (failure.status === 429) {
			const wait = Math.min(retryAfterMs(failure) ?? rateLimitDelay, retryPolicy.rateLimitMaxDelayMs);
			if (waitedMs + wait <= retryPolicy.rateLimitMaxTotalWaitMs) {
				await sleep(wait);
				waitedMs += wait;
				rateLimitDelay = Math.min(rateLimitDelay * 2, retryPolicy.rateLimitMaxDelayMs);
				continue;
			}
		} else if (canRetryTransient && isTransient(failure) && transientAttempts + 1 < retryPolicy.transientMaxAttempts) {
			const wait = retryPolicy.transientBaseDelayMs * 2 ** transientAttempts;
			transientAttempts++;
			await sleep(wait);
			continue;
		}
		throw haloError(node, failure, { ...request, settings, waitedMs });
	}
}
