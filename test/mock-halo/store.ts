import { DEFAULT_TICKET_TYPE_ID, DEMO_API_AGENT_ID } from './constants';
import { isProjectTicket } from './relations';
import { createAction } from './resources/actions';
import { createTicket } from './resources/tickets';

/**
 * In-memory collections of the fake Halo instance. Field names follow Halo's schemas
 * (Faults, Actions, Area, Site, Users, Device, SectionDetail, Uname, TStatus, Policy, RequestType,
 * TOutcome, CategoryDetail, FieldInfo); records may carry any further schema field that was posted.
 */

export interface StoredRecord {
	id: number | string;
	[field: string]: unknown;
}

/** Halo's top-level grouping of clients (`toplevel_id` / `toplevel_name` on Area). */
export interface TopLevel extends StoredRecord {
	id: number;
	name: string;
}

export interface Client extends StoredRecord {
	id: number;
	name: string;
	toplevel_id: number;
	toplevel_name?: string;
	inactive: boolean;
	website: string;
}

export interface Site extends StoredRecord {
	id: number;
	name: string;
	client_id: number;
	client_name?: string;
	clientsite_name?: string;
	inactive: boolean;
}

export interface User extends StoredRecord {
	id: number;
	name: string;
	emailaddress: string;
	site_id: number;
	site_name?: string;
	client_id?: number;
	client_name?: string;
	inactive: boolean;
}

export interface Asset extends StoredRecord {
	id: number;
	inventory_number: string;
	key_field: string;
	key_field2: string;
	key_field3: string;
	assettype_id: number;
	assettype_name?: string;
	site_id: number;
	site_name?: string;
	client_id?: number;
	client_name?: string;
	inactive: boolean;
}

export interface AssetType extends StoredRecord {
	id: number;
	name: string;
	keyfield_name: string;
	keyfield2_name: string;
	keyfield3_name: string;
}

export interface Team extends StoredRecord {
	id: number;
	name: string;
	sequence: number;
	forrequests: boolean;
	forprojects: boolean;
	foropps: boolean;
	inactive: boolean;
}

export interface AgentTeam {
	team_id: number;
	team_name: string;
}

export interface Agent extends StoredRecord {
	id: number;
	name: string;
	email: string;
	/** Primary team name; `teams` lists every membership. */
	team: string;
	team_id: number;
	teams: AgentTeam[];
	isdisabled: boolean;
	isapiagent: boolean;
}

export interface Status extends StoredRecord {
	id: number;
	name: string;
	shortname: string;
	/** See STATUS_TYPE: 0 open, 1 on hold, 2 pending closure, 3 closed. */
	type: number;
	sequence: number;
	colour: string;
}

export interface Sla extends StoredRecord {
	id: number;
	name: string;
}

/** One row per priority per SLA: `id` is a GUID, tickets use `priorityid` (API-NOTES §3.12). */
export interface Priority extends StoredRecord {
	id: string;
	priorityid: number;
	slaid: number;
	name: string;
	ishidden: boolean;
}

export interface TicketType extends StoredRecord {
	id: number;
	name: string;
	/** Area: 'reqs' (tickets), 'prjs' (projects), 'opps'. */
	use: string;
	group_name: string;
	default_sla: number;
	initial_status: number;
	default_priority: number;
	inactive: boolean;
}

export interface Outcome extends StoredRecord {
	id: number;
	outcome: string;
	buttonname: string;
	newstatus: number;
	hidefromuser: boolean;
}

export interface Category extends StoredRecord {
	id: number;
	value: string;
	category_name: string;
	type_id: number;
	/** 0 = every ticket type. */
	tickettype_id: number;
}

export interface CustomFieldOption {
	id: number;
	name: string;
}

export interface CustomFieldDefinition extends StoredRecord {
	id: number;
	name: string;
	label: string;
	/** Mock convention: 0 text, 2 single select (value = option id, display = option name). */
	type: number;
	usage: number;
	values?: CustomFieldOption[];
}

export interface CustomFieldValue {
	id: number;
	name: string;
	label: string;
	type: number;
	value: unknown;
	display: string;
}

export interface AssetLink {
	id: number;
	inventory_number: string;
	key_field: string;
	key_field2: string;
	key_field3: string;
	assettype_id: number;
	assettype_name?: string;
	client_id?: number;
	client_name?: string;
	site_id: number;
	site_name?: string;
}

export interface Ticket extends StoredRecord {
	id: number;
	summary: string;
	details: string;
	details_html: string;
	tickettype_id: number;
	status_id: number;
	priority_id: number;
	sla_id: number;
	client_id: number;
	site_id: number;
	user_id: number;
	agent_id: number;
	team: string;
	team_id: number;
	dateoccurred: string;
	datecreated: string;
	last_update: string;
	deadlinedate: string;
	hasbeenclosed: boolean;
	parent_id: number;
	customfields: CustomFieldValue[];
	assets: AssetLink[];
	deleted: boolean;
}

export interface Action extends StoredRecord {
	id: number;
	ticket_id: number;
	outcome: string;
	outcome_id: number;
	note: string;
	note_html: string;
	hiddenfromuser: boolean;
	datetime: string;
	who: string;
	actionby_agent_id: number;
}

export interface MockCollections {
	tickets: Ticket[];
	actions: Action[];
	topLevels: TopLevel[];
	clients: Client[];
	sites: Site[];
	users: User[];
	assets: Asset[];
	assetTypes: AssetType[];
	teams: Team[];
	agents: Agent[];
	statuses: Status[];
	slas: Sla[];
	priorities: Priority[];
	ticketTypes: TicketType[];
	outcomes: Outcome[];
	categories: Category[];
	customFields: CustomFieldDefinition[];
}

export type CollectionName = keyof MockCollections;
export type RecordOf<K extends CollectionName> = MockCollections[K][number];

export const COLLECTION_NAMES: readonly CollectionName[] = [
	'tickets', 'actions', 'topLevels', 'clients', 'sites', 'users', 'assets', 'assetTypes', 'teams', 'agents',
	'statuses', 'slas', 'priorities', 'ticketTypes', 'outcomes', 'categories', 'customFields',
];

export function emptyCollections(): MockCollections {
	return {
		tickets: [], actions: [], topLevels: [], clients: [], sites: [], users: [], assets: [], assetTypes: [], teams: [],
		agents: [], statuses: [], slas: [], priorities: [], ticketTypes: [], outcomes: [], categories: [],
		customFields: [],
	};
}

/** Typed access to every collection, for handlers, tests and seeding. */
export class MockStore implements MockCollections {
	tickets: Ticket[] = [];
	actions: Action[] = [];
	topLevels: TopLevel[] = [];
	clients: Client[] = [];
	sites: Site[] = [];
	users: User[] = [];
	assets: Asset[] = [];
	assetTypes: AssetType[] = [];
	teams: Team[] = [];
	agents: Agent[] = [];
	statuses: Status[] = [];
	slas: Sla[] = [];
	priorities: Priority[] = [];
	ticketTypes: TicketType[] = [];
	outcomes: Outcome[] = [];
	categories: Category[] = [];
	customFields: CustomFieldDefinition[] = [];

	/** Replace every collection with a deep copy of `data`. */
	load(data: MockCollections): void {
		const copy = structuredClone(data);
		for (const name of COLLECTION_NAMES) this.assign(name, copy[name]);
	}

	static isCollectionName(name: string): name is CollectionName {
		return (COLLECTION_NAMES as readonly string[]).includes(name);
	}

	records<K extends CollectionName>(name: K): MockCollections[K] {
		return this[name];
	}

	find<K extends CollectionName>(name: K, id: number | string): RecordOf<K> | undefined {
		const records = this[name] as RecordOf<K>[];
		return records.find((record) => String(record.id).toLowerCase() === String(id).toLowerCase());
	}

	nextId(name: CollectionName): number {
		const records = this[name] as StoredRecord[];
		return records.reduce((highest, record) => Math.max(highest, Number(record.id) || 0), 0) + 1;
	}

	/** Append a record, giving it the next id when it has none (for tests that seed extra data). */
	add<K extends CollectionName>(name: K, record: Omit<RecordOf<K>, 'id'> & { id?: RecordOf<K>['id'] }): RecordOf<K> {
		const withId = { ...record, id: record.id ?? this.nextId(name) } as RecordOf<K>;
		(this[name] as RecordOf<K>[]).push(withId);
		return withId;
	}

	/** Create a ticket through the same rules as `POST /Tickets` (defaults, validation, derived names). */
	insertTicket(fields: Record<string, unknown>): Ticket {
		return createTicket(this, fields, DEFAULT_TICKET_TYPE_ID);
	}

	/** Add an action through the same rules as `POST /Actions` (it may change the ticket), by the given agent. */
	insertAction(fields: Record<string, unknown>, agentId = DEMO_API_AGENT_ID): Action {
		return createAction(this, fields, { agentId, agent: this.find('agents', agentId), clientId: '' });
	}

	/** Projects are tickets whose ticket type is in the projects area (API-NOTES §3.7). */
	isProject(ticket: Ticket): boolean {
		return isProjectTicket(this, ticket);
	}

	remove(name: CollectionName, id: number | string): boolean {
		const records = this[name] as StoredRecord[];
		const index = records.findIndex((record) => String(record.id) === String(id));
		if (index < 0) return false;
		records.splice(index, 1);
		return true;
	}

	private assign<K extends CollectionName>(name: K, records: MockCollections[K]): void {
		(this as MockCollections)[name] = records;
	}
}
