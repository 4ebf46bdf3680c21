/**
 * Where a HaloPSA instance lives and how to get a token for it.
 *
 * Shared by the credential (token fetch, request signing) and the node's transport (URLs), so both
 * check the user's values the same way, before any request, and no value can steer a request or a
 * token to another host.
 */
import { createHash } from 'crypto';
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

export const HALO_CLOUD_DOMAIN = 'halopsa.com';

/** The scopes of the standard setup (see README): enough for everything except client/site/user edits. */
export const STANDARD_SCOPES = 'read:tickets edit:tickets read:customers read:assets read:projects all:teams';

/** Used when the token answer has no `expires_in` (HaloPSA's tokens last about an hour). */
const DEFAULT_TOKEN_LIFETIME_SECONDS = 3600;

/** A token this close to its expiry is treated as expired, so a request never races the clock. */
const TOKEN_EXPIRY_MARGIN_MS = 30_000;

/** The credential's values, as n8n hands them over (every field may be missing or mistyped). */
export interface HaloConnectionSettings extends IDataObject {
	hosting?: string;
	namespace?: string;
	instanceUrl?: string;
	clientId?: string;
	clientSecret?: string;
	authServer?: string;
	authServerUrl?: string;
	tenant?: string;
	scopes?: string;
	/** Requests per 5 minutes this n8n process may send; 0 = automatic. */
	requestBudget?: number;
	accessToken?: string;
	/** Set by the transport when HaloPSA refused `accessToken`: never reuse that one. */
	rejectedAccessToken?: string;
	expiresAt?: number;
	issuedFor?: string;
}

/** A credential value that cannot work; the message says what to type instead. */
export class HaloSettingsError extends Error {
	constructor(
		readonly field: string,
		message: string,
	) {
		super(message);
		this.name = 'HaloSettingsError';
	}
}

/** The token endpoint refused us or could not be reached; the message says which part is wrong. */
export class HaloTokenError extends Error {
	constructor(
		message: string,
		readonly reason:
			| 'unreachable'
			| 'invalid_client'
			| 'invalid_scope'
			| 'tenant'
			| 'grant'
			| 'no_endpoint'
			| 'other',
	) {
		super(message);
		this.name = 'HaloTokenError';
	}
}

const SHORT = 80;
function quote(value: string): string {
	const shown = value.length > SHORT ? `${value.slice(0, SHORT)}…` : value;
	return `'${shown}'`;
}

function asText(value: unknown): string {
	if (value === undefined || value === null) return '';
	return String(value).trim();
}

const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

export function validateNamespace(raw: unknown): string {
	const value = asText(raw);
	if (value === '') {
		throw new HaloSettingsError(
			'namespace',
			'Namespace is empty: type the first part of your HaloPSA address, e.g. acme for https://acme.halopsa.com',
		);
	}
	const pasted = /^(?:https?:\/\/)?([a-z0-9-]+)\.halopsa\.com\/?$/i.exec(value);
	if (pasted && DNS_LABEL.test(pasted[1])) {
		throw new HaloSettingsError(
			'namespace',
			`Namespace must be only the first part of the address: type '${pasted[1].toLowerCase()}' instead of ${quote(value)}`,
		);
	}
	if (!DNS_LABEL.test(value)) {
		throw new HaloSettingsError(
			'namespace',
			`Namespace ${quote(value)} is not valid: use only letters, digits and hyphens (one DNS label, at most 63 characters), e.g. acme for https://acme.halopsa.com. For a custom domain or an on-premise HaloPSA, set Hosting to 'Custom Domain or On-Premise' and fill in Instance URL`,
		);
	}
	return value.toLowerCase();
}

/**
 * An absolute http(s) URL without user info, query or fragment, returned as origin + path without
 * a trailing slash. Anything that could make a URL parser pick another host is refused.
 */
export function validateHttpUrl(raw: unknown, field: string, label: string): string {
	const value = asText(raw);
	const example = 'e.g. https://support.example.com';
	if (value === '') {
		throw new HaloSettingsError(field, `${label} is empty: type the full web address, ${example}`);
	}
	// eslint-disable-next-line no-control-regex
	if (/[\s\\\u0000-\u001f\u007f]/.test(value)) {
		throw new HaloSettingsError(
			field,
			`${label} ${quote(value)} contains spaces, backslashes or control characters: type a plain web address, ${example}`,
		);
	}
	const url = URL.canParse(value) ? new URL(value) : undefined;
	if (!url) {
		throw new HaloSettingsError(
			field,
			`${label} ${quote(value)} is not an absolute URL: type it with https:// in front, ${example}`,
		);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new HaloSettingsError(
			field,
			`${label} must start with https:// (or http:// for an on-premise server without TLS), not ${url.protocol}//`,
		);
	}
	if (url.username !== '' || url.password !== '' || value.includes('@')) {
		throw new HaloSettingsError(
			field,
			`${label} must not contain a user name, password or '@': HaloPSA signs in with the Client ID and Client Secret. Type only the address, ${example}`,
		);
	}
	if (value.includes('?') || value.includes('#')) {
		throw new HaloSettingsError(
			field,
			`${label} must not contain a query ('?…') or fragment ('#…'): type only the address, ${example}`,
		);
	}
	if (/(^|\/)\.\.?(\/|$)/.test(value.replace(/^https?:\/\//i, ''))) {
		throw new HaloSettingsError(field, `${label} must not contain '.' or '..' path segments: type the plain address, ${example}`);
	}
	if (url.hostname === '') {
		throw new HaloSettingsError(field, `${label} ${quote(value)} has no host name, ${example}`);
	}
	const path = url.pathname.replace(/\/+$/, '');
	return `${url.origin}${path}`;
}

export function validateInstanceUrl(raw: unknown): string {
	const url = validateHttpUrl(raw, 'instanceUrl', 'Instance URL');
	const suffix = /\/(api|auth)$/i.exec(url);
	if (suffix) {
		throw new HaloSettingsError(
			'instanceUrl',
			`Instance URL must be the address of the HaloPSA web app, without /${suffix[1]}: type ${quote(url.slice(0, -suffix[0].length))}`,
		);
	}
	return url;
}

const SCOPE = /^[a-z]+(?::[a-z]+)?$/i;

export function validateScopes(raw: unknown): string {
	const value = asText(raw);
	if (value === '') {
		throw new HaloSettingsError(
			'scopes',
			`Scopes is empty: type the scopes ticked on your HaloPSA API application, separated by spaces. The standard set is: ${STANDARD_SCOPES}`,
		);
	}
	const scopes = value.split(/\s+/);
	const bad = scopes.find((scope) => !SCOPE.test(scope));
	if (bad !== undefined) {
		throw new HaloSettingsError(
			'scopes',
			`Scope ${quote(bad)} is not valid: scopes look like read:tickets or all, separated by spaces. The standard set is: ${STANDARD_SCOPES}`,
		);
	}
	return scopes.join(' ');
}

const TENANT = /^[a-z0-9][a-z0-9._-]{0,99}$/i;

export function validateTenant(raw: unknown): string {
	const value = asText(raw);
	if (value !== '' && !TENANT.test(value)) {
		throw new HaloSettingsError(
			'tenant',
			`Tenant ${quote(value)} is not valid: use the tenant name HaloPSA shows under Configuration → Integrations → HaloPSA API (letters, digits, '.', '-', '_'), or leave it empty`,
		);
	}
	return value;
}

export function validateClientCredentials(settings: HaloConnectionSettings): { clientId: string; clientSecret: string } {
	const clientId = asText(settings.clientId);
	const clientSecret = typeof settings.clientSecret === 'string' ? settings.clientSecret : '';
	if (clientId === '') {
		throw new HaloSettingsError(
			'clientId',
			'Client ID is empty: copy it from your API application in HaloPSA (Configuration → Integrations → HaloPSA API → View Applications)',
		);
	}
	// eslint-disable-next-line no-control-regex
	if (/[\s\u0000-\u001f\u007f]/.test(clientId) || clientId.length > 200) {
		throw new HaloSettingsError('clientId', 'Client ID must be a single value without spaces: copy it again from your API application in HaloPSA');
	}
	if (clientSecret.trim() === '') {
		throw new HaloSettingsError(
			'clientSecret',
			'Client Secret is empty: copy it from your API application in HaloPSA (it is shown once, when the application is saved)',
		);
	}
	return { clientId, clientSecret };
}

/** The web app's address: `https://acme.halopsa.com`, or the custom/on-premise Instance URL. */
export function resolveInstanceUrl(settings: HaloConnectionSettings): string {
	return settings.hosting === 'custom'
		? validateInstanceUrl(settings.instanceUrl)
		: `https://${validateNamespace(settings.namespace)}.${HALO_CLOUD_DOMAIN}`;
}

export function resolveApiBaseUrl(settings: HaloConnectionSettings): string {
	return `${resolveInstanceUrl(settings)}/api`;
}

/** Every check the credential's values must pass; throws HaloSettingsError naming the field. */
export function validateSettings(settings: HaloConnectionSettings): string {
	const instanceUrl = resolveInstanceUrl(settings);
	validateClientCredentials(settings);
	validateScopes(settings.scopes ?? STANDARD_SCOPES);
	validateTenant(settings.tenant);
	if (settings.authServer === 'custom') {
		validateHttpUrl(settings.authServerUrl, 'authServerUrl', 'Authorisation Server URL');
	}
	return instanceUrl;
}

/** Ties a stored token to the instance, application and scopes it was issued for. */
export function tokenOwner(settings: HaloConnectionSettings): string {
	const scopes = validateScopes(settings.scopes ?? STANDARD_SCOPES);
	return createHash('sha256')
		.update([resolveInstanceUrl(settings), asText(settings.clientId), scopes].join('\n'))
		.digest('hex')
		.slice(0, 32);
}

export type HttpRequest = (options: IHttpRequestOptions) => Promise<unknown>;

interface FullResponse {
	statusCode: number;
	body: unknown;
}

function parseJsonObject(body: unknown): IDataObject {
	if (body && typeof body === 'object' && !Array.isArray(body)) return body as IDataObject;
	if (typeof body === 'string') {
		try {
			const parsed = JSON.parse(body);
			if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as IDataObject;
		} catch {
			// not JSON: the caller reports the raw text
		}
	}
	return {};
}

function networkErrorMessage(error: unknown, url: string, fix: string): HaloTokenError {
	const code = asText((error as IDataObject)?.code ?? (error as { cause?: IDataObject })?.cause?.code);
	const host = new URL(url).host;
	const what: Record<string, string> = {
		ENOTFOUND: `the host ${host} does not exist`,
		EAI_AGAIN: `the host ${host} could not be looked up`,
		ECONNREFUSED: `${host} refused the connection`,
		ECONNRESET: `${host} closed the connection`,
		ETIMEDOUT: `${host} did not answer in time`,
		ECONNABORTED: `${host} did not answer in time`,
		CERT_HAS_EXPIRED: `the TLS certificate of ${host} has expired`,
		DEPTH_ZERO_SELF_SIGNED_CERT: `${host} uses a self-signed TLS certificate`,
		SELF_SIGNED_CERT_IN_CHAIN: `${host} uses a self-signed TLS certificate`,
		UNABLE_TO_VERIFY_LEAF_SIGNATURE: `the TLS certificate of ${host} could not be verified`,
	};
	// No raw error codes in the text: n8n swaps messages that contain one for a generic sentence.
	const reason = what[code] ?? `${host} could not be reached`;
	return new HaloTokenError(`Could not reach HaloPSA: ${reason}. ${fix}`, 'unreachable');
}

const ADDRESS_FIX = 'Check the Namespace (or, for a custom domain or on-premise HaloPSA, the Instance URL).';

/** Runs `fn`, returning its value or the error it threw. */
function settle<T>(fn: () => T): { value?: T; error?: unknown } {
	try {
		return { value: fn() };
	} catch (error) {
		return { error: error ?? new Error('failed') };
	}
}

/** Sends a request of the token flow; a network failure becomes an error that names the host. */
async function sendOrExplain(httpRequest: HttpRequest, options: IHttpRequestOptions): Promise<FullResponse> {
	const sent = await httpRequest({ ...options, returnFullResponse: true, ignoreHttpStatusErrors: true }).then(
		(response) => ({ response: response as FullResponse, error: undefined }),
		(error: unknown) => ({ response: undefined, error: error ?? new Error('failed') }),
	);
	if (sent.response === undefined) throw networkErrorMessage(sent.error, options.url, ADDRESS_FIX);
	return sent.response;
}

/** Finds the authorisation server through the instance's unauthenticated `GET /api/authinfo`. */
async function discoverAuthServer(
	httpRequest: HttpRequest,
	instanceUrl: string,
): Promise<{ authUrl: string; tenant: string }> {
	const url = `${instanceUrl}/api/authinfo`;
	const response = await sendOrExplain(httpRequest, { method: 'GET', url, json: true });
	const info = parseJsonObject(response.body);
	if (response.statusCode !== 200 || typeof info.auth_url !== 'string') {
		throw new HaloTokenError(
			`HaloPSA at ${instanceUrl} did not say where its authorisation server is (GET /api/authinfo answered ${response.statusCode}). Set Authorisation Server to 'This Instance' or enter a custom URL`,
			'no_endpoint',
		);
	}
	const checked = settle(() => validateHttpUrl(info.auth_url, 'authServer', 'The discovered authorisation server'));
	if (checked.error !== undefined) {
		throw new HaloTokenError(
			`${(checked.error as Error).message}. Set Authorisation Server to 'This Instance' or enter a custom URL`,
			'no_endpoint',
		);
	}
	const authUrl = checked.value as string;
	if (instanceUrl.startsWith('https:') && !authUrl.startsWith('https:')) {
		throw new HaloTokenError(
			'The discovered authorisation server does not use https while the instance does; refusing to send the client secret there. Enter the Authorisation Server URL yourself',
			'no_endpoint',
		);
	}
	return { authUrl, tenant: asText(info.tenant_id) };
}

/** The URL to POST the client-credentials grant to, with `?tenant=` only when a tenant is set. */
export async function resolveTokenUrl(httpRequest: HttpRequest, settings: HaloConnectionSettings): Promise<string> {
	const instanceUrl = resolveInstanceUrl(settings);
	let tenant = validateTenant(settings.tenant);
	let authUrl: string;
	if (settings.authServer === 'custom') {
		authUrl = validateHttpUrl(settings.authServerUrl, 'authServerUrl', 'Authorisation Server URL');
	} else if (settings.authServer === 'discover') {
		const discovered = await discoverAuthServer(httpRequest, instanceUrl);
		authUrl = discovered.authUrl;
		if (tenant === '' && TENANT.test(discovered.tenant)) tenant = discovered.tenant;
	} else {
		authUrl = `${instanceUrl}/auth`;
	}
	return `${authUrl}/token${tenant ? `?tenant=${encodeURIComponent(tenant)}` : ''}`;
}

export interface HaloToken {
	accessToken: string;
	/** Epoch milliseconds. */
	expiresAt: number;
	issuedFor: string;
}

function tokenErrorFor(status: number, body: unknown, tokenUrl: string, scopes: string): HaloTokenError {
	const answer = parseJsonObject(body);
	const code = asText(answer.error);
	const detail = asText(answer.error_description) || (typeof body === 'string' ? body.trim().slice(0, 200) : '');
	const said = detail ? ` HaloPSA said: ${detail}` : '';
	switch (code) {
		case 'invalid_client':
			return new HaloTokenError(
				`HaloPSA rejected the Client ID or Client Secret (invalid_client). Copy both again from your API application (Configuration → Integrations → HaloPSA API → View Applications); the secret is only shown when the application is saved.${said}`,
				'invalid_client',
			);
		case 'invalid_scope':
			return new HaloTokenError(
				`HaloPSA rejected the scopes '${scopes}' (invalid_scope): every scope must exist in HaloPSA and be ticked on the API application. The standard set is: ${STANDARD_SCOPES}.${said}`,
				'invalid_scope',
			);
		case 'unauthorized_client':
		case 'unsupported_grant_type':
			return new HaloTokenError(
				`HaloPSA does not allow this application to use client credentials (${code}): set the application's Authentication Method to 'Client ID and Secret (Services)' and its Login Type to Agent.${said}`,
				'grant',
			);
		case 'invalid_request':
			return new HaloTokenError(
				`HaloPSA's authorisation server refused the token request (invalid_request): check the Tenant and Authorisation Server settings.${said}`,
				'tenant',
			);
	}
	if (status === 404 || status === 405) {
		return new HaloTokenError(
			`There is no HaloPSA token endpoint at ${tokenUrl} (${status}): check the Namespace or Instance URL, and the Authorisation Server setting`,
			'no_endpoint',
		);
	}
	return new HaloTokenError(`HaloPSA's authorisation server answered ${status} at ${tokenUrl}.${said}`, 'other');
}

/** POSTs the client-credentials grant, form-encoded as HaloPSA expects, and explains any refusal. */
export async function requestAccessToken(
	httpRequest: HttpRequest,
	settings: HaloConnectionSettings,
	tokenUrl: string,
): Promise<HaloToken> {
	const { clientId, clientSecret } = validateClientCredentials(settings);
	const scopes = validateScopes(settings.scopes ?? STANDARD_SCOPES);
	const form = new URLSearchParams({
		grant_type: 'client_credentials',
		client_id: clientId,
		client_secret: clientSecret,
		scope: scopes,
	});
	const response = await sendOrExplain(httpRequest, {
		method: 'POST',
		url: tokenUrl,
		body: form.toString(),
		headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
		json: false,
	});
	const answer = parseJsonObject(response.body);
	if (response.statusCode < 200 || response.statusCode >= 300) {
		throw tokenErrorFor(response.statusCode, response.body, tokenUrl, scopes);
	}
	const accessToken = asText(answer.access_token);
	if (accessToken === '') {
		throw new HaloTokenError(`HaloPSA's authorisation server at ${tokenUrl} answered without an access token`, 'other');
	}
	const lifetime = Number(answer.expires_in);
	const seconds = Number.isFinite(lifetime) && lifetime > 0 ? lifetime : DEFAULT_TOKEN_LIFETIME_SECONDS;
	return {
		accessToken,
		expiresAt: Date.now() + seconds * 1000,
		issuedFor: tokenOwner(settings),
	};
}

/** The stored token, if it is still good for these settings; otherwise undefined. */
export function usableToken(settings: HaloConnectionSettings, now = Date.now()): string | undefined {
	const token = asText(settings.accessToken);
	if (token === '') return undefined;
	const expiresAt = Number(settings.expiresAt);
	if (Number.isFinite(expiresAt) && expiresAt > 0 && expiresAt - TOKEN_EXPIRY_MARGIN_MS <= now) return undefined;
	if (settings.issuedFor !== tokenOwner(settings)) return undefined;
	return token;
}

/** The absolute URL a request will go to, whichever of url/uri/baseURL the caller used. */
export function requestTarget(options: IHttpRequestOptions & { uri?: string }): URL | undefined {
	const url = options.url ?? options.uri;
	if (typeof url !== 'string') return undefined;
	try {
		if (/^[a-z][a-z0-9+.-]*:/i.test(url) || !options.baseURL) return new URL(url);
		return new URL(`${options.baseURL.replace(/\/+$/, '')}/${url.replace(/^\/+/, '')}`);
	} catch {
		return undefined;
	}
}

/** Removes secrets from a text before it can reach an error message or a log. */
export function redactSecrets(text: string, settings: HaloConnectionSettings): string {
	let result = text;
	for (const secret of [settings.clientSecret, settings.accessToken]) {
		if (typeof secret === 'string' && secret.length >= 4) result = result.split(secret).join('***');
	}
	return result.replace(/Bearer\s+[A-Za-z0-9._~+/=-]+/g, 'Bearer ***');
}
