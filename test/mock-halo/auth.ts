import { randomBytes } from 'crypto';

import { KNOWN_SCOPES } from './constants';
import type { MockResponse } from './http';
import type { MockStore } from './store';
import type { ApplicationConfig } from './types';

interface Application {
	clientId: string;
	clientSecret: string;
	agentId: number;
	allowedScopes: Set<string>;
}

export interface IssuedToken {
	clientId: string;
	agentId: number;
	scopes: ReadonlySet<string>;
	expiresAt: number;
}

export type Authentication = { ok: true; token: IssuedToken } | { ok: false; response: MockResponse };

export interface TokenRequest {
	contentType: string;
	rawBody: string;
	/** Shared auth server only: the `tenant` query value (undefined = tenant not required). */
	tenant?: { expected: string; given: string | undefined };
	/** Base URL of the mock, for the id_token's issuer. */
	issuer: string;
}

export interface TokenResult {
	response: MockResponse;
	clientId?: string;
	/** Form fields with the secret masked, for the request log. */
	loggedBody: Record<string, string>;
}

const oauthError = (error: string, description?: string): MockResponse => ({
	status: 400,
	body: description ? { error, error_description: description } : { error },
});

const canonicalScope = new Map(KNOWN_SCOPES.map((scope) => [scope.toLowerCase(), scope]));

/** The OAuth2 client-credentials token endpoint and bearer-token checks (API-NOTES §1). */
export class AuthServer {
	private readonly applications = new Map<string, Application>();
	private readonly tokens = new Map<string, IssuedToken>();

	constructor(private readonly store: MockStore) {}

	addApplication(app: ApplicationConfig): void {
		this.applications.set(app.clientId, {
			clientId: app.clientId,
			clientSecret: app.clientSecret,
			agentId: app.agentId,
			allowedScopes: new Set(app.allowedScopes ?? KNOWN_SCOPES),
		});
	}

	issueToken(request: TokenRequest, lifetimeSeconds: number): TokenResult {
		const form = Object.fromEntries(new URLSearchParams(request.rawBody));
		const loggedBody = { ...form, ...(form.client_secret !== undefined ? { client_secret: '***' } : {}) };
		const clientId = form.client_id;
		const answer = (response: MockResponse): TokenResult => ({ response, clientId, loggedBody });

		if (request.tenant && request.tenant.given !== request.tenant.expected) {
			return answer(oauthError('invalid_request', `Unknown tenant '${request.tenant.given ?? ''}'`));
		}
		if (request.contentType !== 'application/x-www-form-urlencoded') {
			return answer(oauthError('invalid_request', 'The token request must be form-encoded'));
		}
		if (form.grant_type !== 'client_credentials') return answer(oauthError('unsupported_grant_type'));

		const app = clientId ? this.applications.get(clientId) : undefined;
		if (!app || form.client_secret !== app.clientSecret) {
			return answer(oauthError('invalid_client', 'Invalid client ID or client secret'));
		}

		const requested = (form.scope ?? '').split(/\s+/).filter(Boolean);
		const granted = requested.length ? requested.map((scope) => canonicalScope.get(scope.toLowerCase())) : [...app.allowedScopes];
		if (granted.some((scope) => scope === undefined || !app.allowedScopes.has(scope))) {
			return answer(oauthError('invalid_scope'));
		}

		const grantedScopes = new Set(granted as string[]);
		const accessToken = randomBytes(32).toString('base64url');
		this.tokens.set(accessToken, {
			clientId: app.clientId,
			agentId: app.agentId,
			scopes: grantedScopes,
			expiresAt: Date.now() + lifetimeSeconds * 1000,
		});
		return answer({
			status: 200,
			body: {
				access_token: accessToken,
				token_type: 'Bearer',
				expires_in: lifetimeSeconds,
				scope: [...grantedScopes].join(' '),
				id_token: this.fakeIdToken(app, request.issuer, lifetimeSeconds),
			},
		});
	}

	/** Client id behind a bearer header, valid or not (for the log and the per-client rate limit). */
	clientIdFor(authorization: string | undefined): string | undefined {
		const token = bearerToken(authorization);
		return token ? this.tokens.get(token)?.clientId : undefined;
	}

	authenticate(authorization: string | undefined, expiredStatus: 401 | 400): Authentication {
		const token = bearerToken(authorization);
		const issued = token ? this.tokens.get(token) : undefined;
		if (!issued) {
			return { ok: false, response: { status: 401, headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' } } };
		}
		if (issued.expiresAt <= Date.now()) {
			const response: MockResponse =
				expiredStatus === 401
					? { status: 401, headers: { 'WWW-Authenticate': 'Bearer error="invalid_token", error_description="The token expired"' } }
					: { status: 400, body: 'The access token has expired' };
			return { ok: false, response };
		}
		return { ok: true, token: issued };
	}

	expireAllTokens(): void {
		const now = Date.now();
		for (const token of this.tokens.values()) token.expiresAt = Math.min(token.expiresAt, now - 1);
	}

	clearTokens(): void {
		this.tokens.clear();
	}

	/** JWT-shaped but unsigned: carries the login agent's name, email and id like Halo's (API-NOTES §1.3). */
	private fakeIdToken(app: Application, issuer: string, lifetimeSeconds: number): string {
		const agent = this.store.find('agents', app.agentId);
		const now = Math.floor(Date.now() / 1000);
		const encode = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
		const header = encode({ alg: 'RS256', typ: 'JWT' });
		const payload = encode({
			iss: `${issuer}/auth`,
			aud: app.clientId,
			sub: String(app.agentId),
			agent_id: app.agentId,
			name: agent?.name ?? '',
			email: agent?.email ?? '',
			iat: now,
			exp: now + lifetimeSeconds,
		});
		return `${header}.${payload}.${randomBytes(32).toString('base64url')}`;
	}
}

function bearerToken(authorization: string | undefined): string | undefined {
	const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
	return match?.[1];
}
