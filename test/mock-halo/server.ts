/** The HTTP server: classifies each request, logs it, applies faults and hands it to its handler. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';

import { AgentPermissions } from './access';
import { ApiRouter } from './api';
import { AuthServer } from './auth';
import { DEMO_API_AGENT_ID, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_TENANT } from './constants';
import { handleControl } from './control';
import { FaultInjector } from './faults';
import { mediaType, queryOf, readRawBody, writeResponse, type MockResponse } from './http';
import { OpenApiSchemas } from './schema';
import { loadSeed } from './seed/load';
import { MockStore } from './store';
import type {
	ApplicationConfig,
	AuthInfo,
	AuthInfoSettings,
	FaultConfig,
	LoggedRequest,
	MockHalo,
	MockHaloOptions,
	RequestKind,
	SchemaCheckStatus,
	SchemaViolation,
} from './types';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const DEFAULT_OPENAPI_PATH = path.resolve(REPO_ROOT, '..', 'shared', 'halopsa', 'openapi.json');

type Route =
	| { kind: 'token'; sharedAuth: boolean }
	| { kind: 'authinfo' }
	| { kind: 'control'; subPath: string }
	| { kind: 'api'; segments: string[] }
	| { kind: 'unknown' };

function routeOf(pathname: string): Route {
	const lower = pathname.toLowerCase().replace(/\/+$/, '');
	if (lower === '/auth/token') return { kind: 'token', sharedAuth: false };
	if (lower === '/shared-auth/token') return { kind: 'token', sharedAuth: true };
	if (lower === '/api/authinfo') return { kind: 'authinfo' };
	if (lower.startsWith('/__mock/')) return { kind: 'control', subPath: pathname.replace(/\/+$/, '').slice('/__mock/'.length) };
	if (lower.startsWith('/api/')) return { kind: 'api', segments: pathname.replace(/\/+$/, '').split('/').slice(2) };
	return { kind: 'unknown' };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

class MockHaloServer implements MockHalo {
	url = '';
	sharedAuthUrl = '';
	readonly log: LoggedRequest[] = [];
	readonly db = new MockStore();
	readonly schemaViolations: SchemaViolation[] = [];
	readonly schemaCheck: SchemaCheckStatus;

	private readonly seed: 'demo' | 'empty';
	private readonly faultInjector = new FaultInjector();
	private readonly permissions = new AgentPermissions();
	private readonly auth = new AuthServer(this.db);
	private readonly router: ApiRouter;
	private readonly server: Server;
	private authInfoSettings: AuthInfoSettings = {};
	private sequence = 0;

	constructor(options: MockHaloOptions) {
		this.seed = options.seed ?? 'demo';
		const { schemas, status } = OpenApiSchemas.load(options.openApiPath ?? DEFAULT_OPENAPI_PATH);
		this.schemaCheck = status;
		this.router = new ApiRouter({
			store: this.db,
			auth: this.auth,
			permissions: this.permissions,
			schemas,
			strict: options.strict ?? true,
			violations: this.schemaViolations,
			expiredTokenStatus: () => this.faultInjector.expiredTokenStatus,
		});
		this.auth.addApplication({ clientId: DEMO_CLIENT_ID, clientSecret: DEMO_CLIENT_SECRET, agentId: DEMO_API_AGENT_ID });
		loadSeed(this.db, this.seed);
		this.server = createServer((req, res) => {
			this.onRequest(req, res).catch((error: Error) => {
				console.error('[mock-halo] internal error', error);
				if (!res.headersSent) writeResponse(res, { status: 500, body: `Mock internal error: ${error.message}` });
			});
		});
	}

	listen(port: number): Promise<void> {
		return new Promise((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(port, '127.0.0.1', () => {
				const { port: boundPort } = this.server.address() as AddressInfo;
				this.url = `http://127.0.0.1:${boundPort}`;
				this.sharedAuthUrl = `${this.url}/shared-auth`;
				resolve();
			});
		});
	}

	stop(): Promise<void> {
		return new Promise((resolve) => {
			this.server.close(() => resolve());
			this.server.closeAllConnections();
		});
	}

	apiRequests(): LoggedRequest[] {
		return this.log.filter((entry) => entry.kind === 'api');
	}

	tokenRequests(): LoggedRequest[] {
		return this.log.filter((entry) => entry.kind === 'token');
	}

	clearLog(): void {
		this.log.length = 0;
	}

	configure(faults: FaultConfig): void {
		this.faultInjector.configure(faults);
	}

	faults(): FaultConfig {
		return this.faultInjector.current();
	}

	resetFaults(): void {
		this.faultInjector.reset();
	}

	expireAllTokens(): void {
		this.auth.expireAllTokens();
	}

	/** Reseed data; clear log, tokens, faults, schema violations, agent permissions and auth-info overrides. */
	reset(): void {
		loadSeed(this.db, this.seed);
		this.clearLog();
		this.auth.clearTokens();
		this.faultInjector.reset();
		this.permissions.clear();
		this.schemaViolations.length = 0;
		this.authInfoSettings = {};
	}

	addApplication(app: ApplicationConfig): void {
		this.auth.addApplication(app);
	}

	setAgentPermissions(agentId: number, denied: string[]): void {
		this.permissions.set(agentId, denied);
	}

	setAuthInfo(info: AuthInfoSettings): void {
		this.authInfoSettings = { ...this.authInfoSettings, ...info };
	}

	private authInfo(): AuthInfo {
		return { auth_url: this.authInfoSettings.authUrl ?? `${this.url}/auth`, tenant_id: this.authInfoSettings.tenant ?? '' };
	}

	private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', this.url || 'http://127.0.0.1');
		const method = (req.method ?? 'GET').toUpperCase();
		const route = routeOf(url.pathname);
		const rawBody = await readRawBody(req);
		const entry: LoggedRequest = {
			seq: ++this.sequence,
			at: Date.now(),
			method,
			path: url.pathname,
			query: queryOf(url, false),
			body: parseForLog(rawBody),
			status: 0,
			kind: kindOf(route),
		};
		this.log.push(entry);
		const respond = (response: MockResponse): void => {
			entry.status = response.status;
			writeResponse(res, response);
		};

		switch (route.kind) {
			case 'token': {
				if (method !== 'POST') return respond({ status: 405, body: 'Method Not Allowed' });
				const result = this.auth.issueToken(
					{
						contentType: mediaType(req),
						rawBody,
						tenant: route.sharedAuth ? { expected: DEMO_TENANT, given: url.searchParams.get('tenant') ?? undefined } : undefined,
						issuer: this.url,
					},
					this.faultInjector.tokenLifetimeSeconds,
				);
				entry.body = result.loggedBody;
				entry.clientId = result.clientId;
				return respond(result.response);
			}
			case 'authinfo':
				return respond(method === 'GET' ? { status: 200, body: this.authInfo() } : { status: 405, body: 'Method Not Allowed' });
			case 'control':
				return respond(handleControl(method, route.subPath, entry.body, this));
			case 'unknown':
				return respond({ status: 404, body: 'Not Found' });
			case 'api':
				return this.handleApi(req, res, entry, route.segments, url, rawBody, respond);
		}
	}

	/** Faults first (API-NOTES §5: 429, 5xx, dropped connections), then the API itself. */
	private async handleApi(
		req: IncomingMessage,
		res: ServerResponse,
		entry: LoggedRequest,
		segments: string[],
		url: URL,
		rawBody: string,
		respond: (response: MockResponse) => void,
	): Promise<void> {
		const authorization = req.headers.authorization;
		entry.clientId = this.auth.clientIdFor(authorization);
		if (this.faultInjector.countApiRequest()) this.auth.expireAllTokens();

		const fault = this.faultInjector.beforeProcessing(entry.clientId ?? 'anonymous', Date.now(), entry.method);
		if (fault?.kind === 'drop') {
			entry.status = 'dropped';
			req.socket.destroy();
			return;
		}
		const response =
			fault?.kind === 'respond'
				? fault.response
				: this.router.handle({
						method: entry.method,
						segments,
						query: queryOf(url, true),
						authorization,
						contentType: mediaType(req),
						rawBody,
					});
		const latency = this.faultInjector.latencyMs();
		if (latency > 0) await sleep(latency);
		if (!fault && this.faultInjector.dropAfterWrite(entry.method)) {
			// The write is already saved: the client just never hears back.
			entry.status = 'dropped';
			res.socket?.destroy();
			return;
		}
		respond(response);
	}
}

function kindOf(route: Route): RequestKind {
	return route.kind === 'unknown' ? 'api' : route.kind;
}

/** JSON bodies parsed, form bodies as objects with the secret masked, anything else as text. */
function parseForLog(rawBody: string): unknown {
	if (!rawBody) return undefined;
	try {
		return JSON.parse(rawBody);
	} catch {
		if (/^[\w.%+-]+=/.test(rawBody)) {
			const form = Object.fromEntries(new URLSearchParams(rawBody));
			if ('client_secret' in form) form.client_secret = '***';
			return form;
		}
		return rawBody;
	}
}

export async function startMockHalo(options: MockHaloOptions = {}): Promise<MockHalo> {
	const mock = new MockHaloServer(options);
	await mock.listen(options.port ?? 0);
	return mock;
}
