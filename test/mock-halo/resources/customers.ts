/** Clients (`/Client`, schema Area), sites (`/Site`) and end users (`/Users`): API-NOTES §3.3-§3.5. */
import { CUSTOMERS_ACCESS } from '../access';
import { badRequest } from '../http';
import { filterBy, passesActiveFilter, searchFields } from '../list';
import { fillSiteNames, fillUserNames, GENERAL_USER_NAME, refreshAllNames } from '../relations';
import type { Client, MockStore, Site, StoredRecord, User } from '../store';
import { dataFields, intField, requireText, type PostedRecord, type ResourceDescriptor } from './resource';

/** Top level new clients join when the POST names none. */
const DEFAULT_TOP_LEVEL_ID = 2;
const NEW_CLIENT_SITE_NAME = 'Main Office';

/** Generic update: copy the posted data fields, then bring repeated names up to date. */
export function mergeAndRefresh<T extends StoredRecord>(store: MockStore, record: T, input: PostedRecord, ruled: readonly string[] = []): T {
	for (const [name, value] of Object.entries(dataFields(input))) {
		if (!ruled.includes(name)) (record as StoredRecord)[name] = value;
	}
	refreshAllNames(store);
	return record;
}

export function siteOrFail(store: MockStore, siteId: number | undefined): Site {
	const site = siteId === undefined ? undefined : store.find('sites', siteId);
	if (!site) throw badRequest(`Site ${siteId ?? ''} not found`);
	return site;
}

function clientOrFail(store: MockStore, clientId: number | undefined): Client {
	const client = clientId === undefined ? undefined : store.find('clients', clientId);
	if (!client) throw badRequest(`Client ${clientId ?? ''} not found`);
	return client;
}

export function createSite(store: MockStore, clientId: number, fields: PostedRecord): Site {
	const site: Site = { id: store.nextId('sites'), name: '', client_id: clientId, inactive: false, ...fields };
	site.client_id = clientId;
	fillSiteNames(store, site);
	store.sites.push(site);
	return site;
}

export function createUser(store: MockStore, siteId: number, fields: PostedRecord): User {
	const user: User = { id: store.nextId('users'), name: '', emailaddress: '', site_id: siteId, inactive: false, ...fields };
	user.site_id = siteId;
	fillUserNames(store, user);
	store.users.push(user);
	return user;
}

/** Like Halo, a new client gets a main site and a General User. */
function createClient(store: MockStore, input: PostedRecord): Client {
	const fields = dataFields(input);
	const name = requireText(fields, 'name', 'A name is required for a new client');
	const client: Client = { id: store.nextId('clients'), name, toplevel_id: DEFAULT_TOP_LEVEL_ID, toplevel_name: '', inactive: false, website: '', ...fields };
	store.clients.push(client);
	const site = createSite(store, client.id, { name: NEW_CLIENT_SITE_NAME });
	createUser(store, site.id, { name: GENERAL_USER_NAME });
	refreshAllNames(store);
	return client;
}

export const clientResource: ResourceDescriptor<Client> = {
	name: 'Client',
	displayName: 'Clients',
	access: CUSTOMERS_ACCESS,
	listShape: { envelope: 'clients' },
	records: (store) => store.clients,
	visibleInList: (client, ctx) => passesActiveFilter(client.inactive, ctx.query),
	filters: { toplevel_id: filterBy.intEquals('toplevel_id') },
	search: searchFields('name'),
	listOmit: ['notes'],
	write: {
		create: (input, ctx) => createClient(ctx.store, input),
		update: (client, input, ctx) => mergeAndRefresh(ctx.store, client, input),
	},
	remove: (client, ctx) => ctx.store.remove('clients', client.id),
};

export const siteResource: ResourceDescriptor<Site> = {
	name: 'Site',
	displayName: 'Sites',
	access: CUSTOMERS_ACCESS,
	listShape: { envelope: 'sites' },
	records: (store) => store.sites,
	visibleInList: (site, ctx) => passesActiveFilter(site.inactive, ctx.query),
	filters: { client_id: filterBy.intEquals('client_id') },
	search: searchFields('name'),
	listOmit: ['notes'],
	write: {
		create: (input, ctx) => {
			const fields = dataFields(input);
			requireText(fields, 'name', 'A name is required for a new site');
			const client = clientOrFail(ctx.store, intField(fields, 'client_id'));
			return createSite(ctx.store, client.id, fields);
		},
		update: (site, input, ctx) => {
			const clientId = intField(input, 'client_id');
			if (clientId !== undefined) site.client_id = clientOrFail(ctx.store, clientId).id;
			return mergeAndRefresh(ctx.store, site, input, ['client_id']);
		},
	},
	remove: (site, ctx) => ctx.store.remove('sites', site.id),
};

export const usersResource: ResourceDescriptor<User> = {
	name: 'Users',
	displayName: 'Users',
	access: CUSTOMERS_ACCESS,
	listShape: { envelope: 'users' },
	records: (store) => store.users,
	visibleInList: (user, ctx) => passesActiveFilter(user.inactive, ctx.query),
	filters: { client_id: filterBy.intEquals('client_id'), site_id: filterBy.intEquals('site_id') },
	search: searchFields('name', 'emailaddress'),
	listOmit: ['notes'],
	write: {
		create: (input, ctx) => {
			const fields = dataFields(input);
			requireText(fields, 'name', 'A name is required for a new user');
			const site = siteOrFail(ctx.store, intField(fields, 'site_id'));
			return createUser(ctx.store, site.id, fields);
		},
		update: (user, input, ctx) => {
			const siteId = intField(input, 'site_id');
			if (siteId !== undefined) user.site_id = siteOrFail(ctx.store, siteId).id;
			return mergeAndRefresh(ctx.store, user, input, ['site_id']);
		},
	},
	remove: (user, ctx) => ctx.store.remove('users', user.id),
};
