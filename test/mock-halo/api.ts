/** `/api/*`: routing, authentication, scope and permission checks, body validation (API-NOTES §1-§5). */
import { AgentPermissions, checkAccess } from './access';
import type { AuthServer } from './auth';
import { badRequest, errorResponse, HttpError, isJsonMediaType, type MockResponse, type Query } from './http';
import { findResource } from './resources/registry';
import {
	deleteRecord,
	getRecord,
	listRecords,
	postRecords,
	type ApiContext,
	type PostedRecord,
	type ResourceDescriptor,
} from './resources/resource';
import type { OpenApiSchemas } from './schema';
import type { MockStore } from './store';
import type { SchemaViolation } from './types';

export interface ApiRequest {
	method: string;
	/** Path segments after `/api`, e.g. ['Tickets', '1001']. */
	segments: string[];
	/** Lower-case parameter names. */
	query: Query;
	authorization: string | undefined;
	contentType: string;
	rawBody: string;
}

export interface ApiRouterDependencies {
	store: MockStore;
	auth: AuthServer;
	permissions: AgentPermissions;
	schemas: OpenApiSchemas | null;
	strict: boolean;
	violations: SchemaViolation[];
	expiredTokenStatus(): 401 | 400;
}

type Operation =
	| { kind: 'list' | 'post' }
	| { kind: 'get' | 'delete'; id: string }
	| { kind: 'sub-route'; name: string };

const methodNotAllowed = (): MockResponse => ({ status: 405, body: 'Method Not Allowed' });
const notFound = (): MockResponse => ({ status: 404, body: 'Not Found' });

export class ApiRouter {
	constructor(private readonly deps: ApiRouterDependencies) {}

	handle(request: ApiRequest): MockResponse {
		const [resourceName, second, ...rest] = request.segments;
		const resource = resourceName ? findResource(resourceName) : undefined;
		if (!resource || rest.length) return notFound();
		const operation = operationOf(resource, request.method, second);
		if (!operation) return methodNotAllowed();

		const authentication = this.deps.auth.authenticate(request.authorization, this.deps.expiredTokenStatus());
		if (!authentication.ok) return authentication.response;
		const { token } = authentication;
		const tokenOnly = operation.kind === 'sub-route' && resource.subRoutes?.[operation.name]?.access === 'token';
		if (!tokenOnly) {
			const denied = checkAccess(resource.access, request.method, resource.displayName, token.scopes, token.agentId, this.deps.permissions);
			if (denied) return denied;
		}

		const ctx: ApiContext = {
			store: this.deps.store,
			query: request.query,
			agentId: token.agentId,
			agent: this.deps.store.find('agents', token.agentId),
			clientId: token.clientId,
		};
		try {
			switch (operation.kind) {
				case 'list':
					return listRecords(resource, ctx);
				case 'get':
					return getRecord(resource, operation.id, ctx);
				case 'sub-route':
					return { status: 200, body: resource.subRoutes?.[operation.name]?.get(ctx) };
				case 'delete':
					return deleteRecord(resource, operation.id, ctx);
				case 'post':
					return postRecords(resource, this.postedRecords(resource, request), ctx);
			}
		} catch (error) {
			if (error instanceof HttpError) return errorResponse(error);
			throw error;
		}
	}

	/** The body must be a JSON array (API-NOTES §4); each record is checked against the endpoint's schema. */
	private postedRecords(resource: ResourceDescriptor, request: ApiRequest): PostedRecord[] {
		if (!isJsonMediaType(request.contentType)) throw new HttpError(415, 'Unsupported Media Type');
		let body: unknown;
		try {
			body = JSON.parse(request.rawBody);
		} catch {
			throw badRequest('The request body is not valid JSON');
		}
		if (!Array.isArray(body)) {
			throw badRequest(`POST /api/${resource.name} requires a JSON array of records, e.g. [{"summary": "..."}]; a bare object is refused`);
		}
		if (body.length === 0) throw badRequest('No records were posted');
		return body.map((record: unknown) => this.checkedRecord(resource, request, record));
	}

	private checkedRecord(resource: ResourceDescriptor, request: ApiRequest, record: unknown): PostedRecord {
		const { schemas } = this.deps;
		const schemaName = schemas?.requestSchemaName(`/${resource.name}`);
		if (!schemas || !schemaName) {
			if (typeof record !== 'object' || record === null || Array.isArray(record)) throw badRequest('Each posted record must be a JSON object');
			return record as PostedRecord;
		}
		const problems = schemas.check(schemaName, record);
		const rejected: string[] = [];
		for (const problem of problems) {
			if (problem.kind === 'unknown-property') {
				this.deps.violations.push({
					at: Date.now(),
					method: request.method,
					path: `/api/${request.segments.join('/')}`,
					schema: problem.schema,
					property: problem.property,
					message: problem.message,
				});
				if (this.deps.strict) rejected.push(problem.message);
			} else {
				rejected.push(problem.message);
			}
		}
		if (rejected.length) throw badRequest(rejected.join('\n'));
		return schemas.normalize(schemaName, record as PostedRecord);
	}
}

function operationOf(resource: ResourceDescriptor, method: string, second: string | undefined): Operation | undefined {
	const subRoute = second?.toLowerCase();
	switch (method) {
		case 'GET':
			if (second === undefined || second === '') return { kind: 'list' };
			if (subRoute && resource.subRoutes?.[subRoute]) return { kind: 'sub-route', name: subRoute };
			return { kind: 'get', id: decodeURIComponent(second) };
		case 'POST':
			return second === undefined || second === '' ? { kind: 'post' } : undefined;
		case 'DELETE':
			return second ? { kind: 'delete', id: decodeURIComponent(second) } : undefined;
		default:
			return undefined;
	}
}
