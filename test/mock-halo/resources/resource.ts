/**
 * A resource is configured by a small descriptor; the generic handlers below give every resource
 * the same list / get / post / delete behaviour (API-NOTES §2-§4).
 */
import type { AccessRule } from '../access';
import { badRequest, HttpError, isTrue, notFound, type MockResponse, type Query } from '../http';
import { omitFields, paginate, sortRecords, type FilterFn } from '../list';
import type { Agent, MockStore, StoredRecord } from '../store';

export interface ApiContext {
	store: MockStore;
	/** Query parameters with lower-case names. */
	query: Query;
	/** The agent the token acts as, and the API application's client id. */
	agentId: number;
	agent: Agent | undefined;
	clientId: string;
}

export type ListShape = { envelope: string; pageInfo?: boolean } | 'bare-array';

/** A record as posted: one element of the POST body's array. */
export type PostedRecord = Record<string, unknown>;

// Members are declared as methods so a descriptor of a concrete record type fits ResourceDescriptor<StoredRecord>.
export interface ResourceDescriptor<T extends StoredRecord = StoredRecord> {
	/** Path segment as in the OpenAPI export, e.g. 'Tickets' (matched case-insensitively). */
	name: string;
	/** Used in agent-permission messages: "You do not have permission to view <displayName>". */
	displayName: string;
	access: AccessRule;
	listShape: ListShape;
	records(store: MockStore): T[];

	/** Query parameter a list needs (Actions: ticket_id). */
	requiredListParam?: { name: string; message: string };
	/** Base visibility in lists (deleted, inactive, projects vs tickets). */
	visibleInList?(record: T, ctx: ApiContext): boolean;
	/** Filters keyed by lower-case query parameter name. */
	filters?: Record<string, FilterFn<T>>;
	search?(record: T, term: string, query: Query): boolean;
	/** Order when the query gives none (default: id). */
	defaultOrder?: readonly string[];
	/** Fields of the full record that list items leave out. */
	listOmit?: readonly string[];
	toListItem?(record: T, ctx: ApiContext): Record<string, unknown>;
	/** Adds data that depends on the whole result (e.g. `includelastaction`). */
	decorateList?(items: Record<string, unknown>[], ctx: ApiContext): void;

	/** GET/DELETE by id; default: any record with that id. */
	findOne?(id: string, ctx: ApiContext): T | undefined;
	/** The full record as GET by id and POST answer it. */
	present?(record: T, ctx: ApiContext): Record<string, unknown>;
	/** Literal second path segments, e.g. `Agent/me`. */
	subRoutes?: Record<string, SubRoute>;

	/** Absent: POST answers 405. */
	write?: {
		create(input: PostedRecord, ctx: ApiContext): T;
		update(existing: T, input: PostedRecord, ctx: ApiContext): T;
		/** Default: findOne. Tickets also find soft-deleted ones (for `_recover`). */
		findForUpdate?(id: number, ctx: ApiContext): T | undefined;
	};
	/** Absent: DELETE answers 405. */
	remove?(record: T, ctx: ApiContext): void;
}

export interface SubRoute {
	/** 'token': any valid token will do (e.g. Agent/me); 'resource': the resource's scopes apply. */
	access: 'token' | 'resource';
	get(ctx: ApiContext): unknown;
}

export function listRecords(resource: ResourceDescriptor, ctx: ApiContext): MockResponse {
	const { query } = ctx;
	const required = resource.requiredListParam;
	if (required && !query[required.name]) throw badRequest(required.message);

	let records = resource.records(ctx.store).filter((record) => resource.visibleInList?.(record, ctx) ?? true);
	for (const [param, filter] of Object.entries(resource.filters ?? {})) {
		const value = query[param];
		if (value !== undefined && value !== '') records = records.filter((record) => filter(record, value, ctx));
	}
	const term = query.search?.trim();
	if (term && resource.search) records = records.filter((record) => resource.search?.(record, term, query));
	records = sortRecords(records, query, resource.defaultOrder);

	const toItem = (record: StoredRecord): Record<string, unknown> =>
		resource.toListItem?.(record, ctx) ?? omitFields(record, resource.listOmit ?? []);

	// Bare-array endpoints ignore pagination (API-NOTES §2.2).
	if (resource.listShape === 'bare-array') {
		const items = records.map(toItem);
		resource.decorateList?.(items, ctx);
		return { status: 200, body: items };
	}
	const page = paginate(records, query);
	const items = page.items.map(toItem);
	resource.decorateList?.(items, ctx);
	const body: Record<string, unknown> = { record_count: records.length, [resource.listShape.envelope]: items };
	if (resource.listShape.pageInfo) Object.assign(body, { page_no: page.pageNo, page_size: page.pageSize });
	return { status: 200, body };
}

export function getRecord(resource: ResourceDescriptor, id: string, ctx: ApiContext): MockResponse {
	const record = findOrFail(resource, id, ctx);
	return { status: 200, body: present(resource, record, ctx) };
}

/** POST: each record without id (or id 0) is created, with id updated; 201 with the last, or all with returnall=true. */
export function postRecords(resource: ResourceDescriptor, records: PostedRecord[], ctx: ApiContext): MockResponse {
	const write = resource.write;
	if (!write) throw new HttpError(405, `The mock does not support POST /${resource.name}`);
	const saved = records.map((input) => {
		const id = Number(input.id ?? 0);
		if (!Number.isInteger(id) || id < 0) throw badRequest(`Invalid id ${JSON.stringify(input.id)}`);
		if (id === 0) return write.create(input, ctx);
		const existing = write.findForUpdate ? write.findForUpdate(id, ctx) : lookup(resource, String(id), ctx);
		if (!existing) throw badRequest('Record not found');
		return write.update(existing, input, ctx);
	});
	const answered = saved.map((record) => present(resource, record, ctx));
	return { status: 201, body: isTrue(ctx.query.returnall) ? answered : answered[answered.length - 1] };
}

export function deleteRecord(resource: ResourceDescriptor, id: string, ctx: ApiContext): MockResponse {
	if (!resource.remove) throw new HttpError(405, `The mock does not support DELETE /${resource.name}`);
	const record = findOrFail(resource, id, ctx);
	resource.remove(record, ctx);
	return { status: 200, body: { id: record.id } };
}

function findOrFail(resource: ResourceDescriptor, id: string, ctx: ApiContext): StoredRecord {
	const record = lookup(resource, id, ctx);
	if (!record) throw notFound();
	return record;
}

function lookup(resource: ResourceDescriptor, id: string, ctx: ApiContext): StoredRecord | undefined {
	if (resource.findOne) return resource.findOne(id, ctx);
	return resource.records(ctx.store).find((record) => String(record.id).toLowerCase() === id.toLowerCase());
}

function present(resource: ResourceDescriptor, record: StoredRecord, ctx: ApiContext): Record<string, unknown> {
	return resource.present ? resource.present(record, ctx) : { ...record };
}

/** Posted fields that are data: `id` and `_`-prefixed write-time flags (API-NOTES §7.8) are not stored. */
export function dataFields(input: PostedRecord): PostedRecord {
	return Object.fromEntries(Object.entries(input).filter(([name]) => name !== 'id' && !name.startsWith('_')));
}

/** Reads an optional integer field of a posted record (numeric strings accepted, as Halo does). */
export function intField(input: PostedRecord, name: string): number | undefined {
	const value = input[name];
	if (value === undefined || value === null || value === '') return undefined;
	const number = Number(value);
	if (!Number.isInteger(number)) throw badRequest(`'${name}' must be an integer`);
	return number;
}

export function requireText(input: PostedRecord, name: string, message: string): string {
	const value = input[name];
	if (typeof value !== 'string' || value.trim() === '') throw badRequest(message);
	return value;
}
