/**
 * n8n's HTTP APIs: the editor's REST API (`/rest`, signed in with the owner's cookie) and the
 * public API (`/api/v1`, with an API key). Also the first-start setup: owner account and API key.
 */

export interface Owner {
	email: string;
	firstName: string;
	lastName: string;
	password: string;
}

/** The local demo's login. Only ever used for the n8n on 127.0.0.1 that `npm start` runs. */
export const DEMO_OWNER: Owner = {
	email: 'demo@example.com',
	firstName: 'Demo',
	lastName: 'Owner',
	password: 'HaloDemo-2026',
};

const REQUEST_TIMEOUT_MS = 60_000;

export class N8nHttpError extends Error {
	constructor(
		readonly status: number,
		readonly method: string,
		readonly path: string,
		readonly body: string,
	) {
		super(`${method} ${path} answered ${status}: ${body.slice(0, 500)}`);
		this.name = 'N8nHttpError';
	}
}

export class N8nApi {
	private cookie: string | undefined;
	private apiKey: string | undefined;

	constructor(readonly baseUrl: string) {}

	/** Editor REST API; returns the answer's `data`. */
	async rest<T>(method: string, path: string, body?: unknown): Promise<T> {
		const answer = await this.send(method, `/rest${path}`, body, this.cookie ? { cookie: this.cookie } : {});
		return (answer as { data: T }).data;
	}

	/** Public API (`/api/v1`); needs `createApiKey()` first. */
	async publicApi<T>(method: string, path: string, body?: unknown): Promise<T> {
		if (!this.apiKey) throw new Error('No API key yet: call createApiKey() first');
		return (await this.send(method, `/api/v1${path}`, body, { 'X-N8N-API-KEY': this.apiKey })) as T;
	}

	/** Creates the owner on a new n8n (no-op when it exists), then signs in. */
	async signInAsOwner(owner: Owner): Promise<void> {
		const settings = await this.rest<{ userManagement?: { showSetupOnFirstLoad?: boolean } }>('GET', '/settings');
		if (settings.userManagement?.showSetupOnFirstLoad) {
			await this.rest('POST', '/owner/setup', owner);
		}
		await this.signIn(owner);
	}

	async signIn(owner: Owner): Promise<void> {
		const response = await this.request('POST', '/rest/login', { emailOrLdapLoginId: owner.email, password: owner.password }, {});
		const cookie = response.headers.getSetCookie().find((line) => line.startsWith('n8n-auth='));
		if (!cookie) throw new Error(`Signing in as ${owner.email} set no n8n-auth cookie`);
		this.cookie = cookie.split(';')[0];
	}

	/** A public-API key with every scope this n8n offers (needs the owner's cookie). */
	async createApiKey(label: string): Promise<void> {
		const scopes = await this.rest<string[]>('GET', '/api-keys/scopes');
		const created = await this.rest<{ rawApiKey: string }>('POST', '/api-keys', { label, expiresAt: null, scopes });
		this.apiKey = created.rawApiKey;
	}

	private async send(method: string, path: string, body: unknown, headers: Record<string, string>): Promise<unknown> {
		const response = await this.request(method, path, body, headers);
		const text = await response.text();
		return text ? JSON.parse(text) : undefined;
	}

	private async request(method: string, path: string, body: unknown, headers: Record<string, string>): Promise<Response> {
		const response = await fetch(`${this.baseUrl}${path}`, {
			method,
			headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
		});
		if (!response.ok) throw new N8nHttpError(response.status, method, path, await response.text());
		return response;
	}
}
