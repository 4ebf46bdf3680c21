import type { MockStore } from './store';

export interface MockHaloOptions {
	/** Port to listen on (default: a random free port). */
	port?: number;
	/** Reject posted properties that are not in the endpoint's OpenAPI schema (default true). */
	strict?: boolean;
	seed?: 'demo' | 'empty';
	/** Default: <repo>/../shared/halopsa/openapi.json. If the file is absent, schema checking is skipped. */
	openApiPath?: string;
}

export interface FaultConfig {
	/** Added to every /api response. */
	latencyMs?: number;
	latencySpikeRate?: number;
	latencySpikeMs?: number;
	/** Fraction of /api requests answered 500/502/503/504 before processing. */
	serverErrorRate?: number;
	/** Rolling window per client id; excess requests get 429. */
	rateLimit?: { max: number; windowMs: number } | null;
	/** Every `every`-th /api request starts a burst: it and the next `length - 1` answer 429. */
	burst429?: { every: number; length: number } | null;
	/** The next N /api requests answer 429. */
	force429?: number;
	/** Retry-After header on 429s (default null: real Halo shows none). */
	retryAfterSeconds?: number | null;
	/** Fraction of /api requests whose socket is destroyed before processing. */
	dropBeforeRate?: number;
	/** The next N POST/DELETE /api requests are dropped before processing (nothing saved, no answer). */
	dropNextWritesBefore?: number;
	/** Fraction of POST/DELETE /api requests processed and saved, then the socket destroyed without an answer. */
	dropAfterWriteRate?: number;
	/** expires_in of new tokens (default 3600). */
	tokenLifetimeSeconds?: number;
	/** Every N-th /api request expires all current tokens first. */
	expireTokensEvery?: number | null;
	/** How an expired token is answered (default 401; real Halo sometimes answers 400). */
	expiredTokenStatus?: 401 | 400;
	/** Seed of the PRNG behind every rate above. */
	randomSeed?: number;
}

export type RequestKind = 'token' | 'api' | 'authinfo' | 'control';

export interface LoggedRequest {
	seq: number;
	at: number;
	method: string;
	/** As received, without the query string. */
	path: string;
	query: Record<string, string>;
	/** Parsed JSON or form object (client_secret replaced by '***'). */
	body: unknown;
	status: number | 'dropped';
	clientId?: string;
	kind: RequestKind;
}

/** A posted property that is not in the endpoint's schema (recorded in strict and lenient mode). */
export interface SchemaViolation {
	at: number;
	method: string;
	path: string;
	schema: string;
	/** Dotted path inside the record, e.g. `foo` or `customfields[0].bar`. */
	property: string;
	message: string;
}

export interface SchemaCheckStatus {
	enabled: boolean;
	openApiPath: string;
	/** Why checking is off (file missing or unreadable). */
	reason?: string;
}

/** What `GET /api/authinfo` answers (API-NOTES §1.1). */
export interface AuthInfo {
	auth_url: string;
	tenant_id: string;
}

/** Overrides of GET /api/authinfo: `auth_url` (default `${url}/auth`) and `tenant_id` (default ''). */
export interface AuthInfoSettings {
	authUrl?: string;
	tenant?: string;
}

export interface ApplicationConfig {
	clientId: string;
	clientSecret: string;
	agentId: number;
	/** Default: every known scope. */
	allowedScopes?: string[];
}

export interface MockHalo {
	/** http://127.0.0.1:PORT */
	url: string;
	log: LoggedRequest[];
	apiRequests(): LoggedRequest[];
	tokenRequests(): LoggedRequest[];
	clearLog(): void;
	configure(faults: FaultConfig): void;
	resetFaults(): void;
	expireAllTokens(): void;
	/** Reseed data, clear log, tokens, faults and schema violations. */
	reset(): void;
	db: MockStore;
	addApplication(app: ApplicationConfig): void;
	/** e.g. ['tickets:read'] -> 403 with a short text body. */
	setAgentPermissions(agentId: number, denied: string[]): void;
	stop(): Promise<void>;

	// Additions beyond the brief's interface.
	schemaViolations: SchemaViolation[];
	schemaCheck: SchemaCheckStatus;
	/** `${url}/shared-auth`: the shared auth server variant (needs ?tenant=demo). */
	sharedAuthUrl: string;
	/** Change what GET /api/authinfo answers, e.g. `{ authUrl: sharedAuthUrl, tenant: DEMO_TENANT }`. */
	setAuthInfo(info: AuthInfoSettings): void;
	/** Current fault configuration (after merges). */
	faults(): FaultConfig;
}
