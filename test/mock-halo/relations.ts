/**
 * Names Halo repeats on related records (client_name on a site, site_name on a user, ...), and the
 * lookups the write rules share. Seeded and posted records go through the same functions.
 */
import { STATUS_TYPE } from './constants';
import type { Asset, AssetLink, MockStore, Priority, Site, Ticket, User } from './store';

/** Halo shows each client's catch-all contact as a user named "General User". */
export const GENERAL_USER_NAME = 'General User';

export function isGeneralUser(user: User): boolean {
	return user.name === GENERAL_USER_NAME;
}

export function generalUserOf(store: MockStore, clientId: number): User | undefined {
	return store.users.find((user) => user.client_id === clientId && isGeneralUser(user));
}

/** The client's first site (Halo's "main site"). */
export function mainSiteOf(store: MockStore, clientId: number): Site | undefined {
	return store.sites.filter((site) => site.client_id === clientId).sort((a, b) => a.id - b.id)[0];
}

export function isClosedStatus(store: MockStore, statusId: number): boolean {
	return store.find('statuses', statusId)?.type === STATUS_TYPE.closed;
}

export function isProjectTicket(store: MockStore, ticket: Ticket): boolean {
	return store.find('ticketTypes', ticket.tickettype_id)?.use === 'prjs';
}

/** Priorities a ticket of this SLA may take: the SLA's visible rows (API-NOTES §3.12). */
export function selectablePriorities(store: MockStore, slaId: number): Priority[] {
	return store.priorities.filter((row) => row.slaid === slaId && !row.ishidden);
}

export function fillSiteNames(store: MockStore, site: Site): void {
	const clientName = store.find('clients', site.client_id)?.name ?? '';
	site.client_name = clientName;
	site.clientsite_name = `${clientName} - ${site.name}`;
}

export function fillUserNames(store: MockStore, user: User): void {
	const site = store.find('sites', user.site_id);
	user.site_name = site?.name ?? '';
	user.client_id = site?.client_id ?? 0;
	user.client_name = site ? store.find('clients', site.client_id)?.name ?? '' : '';
}

export function fillAssetNames(store: MockStore, asset: Asset): void {
	const site = store.find('sites', asset.site_id);
	asset.site_name = site?.name ?? '';
	asset.client_id = site?.client_id ?? 0;
	asset.client_name = site ? store.find('clients', site.client_id)?.name ?? '' : '';
	asset.assettype_name = store.find('assetTypes', asset.assettype_id)?.name ?? '';
}

/** A ticket's `assets` entries: the Device_List subset of the asset. */
export function assetLink(asset: Asset): AssetLink {
	const { id, inventory_number, key_field, key_field2, key_field3, assettype_id, assettype_name, client_id, client_name, site_id, site_name } = asset;
	return { id, inventory_number, key_field, key_field2, key_field3, assettype_id, assettype_name, client_id, client_name, site_id, site_name };
}

export function fillTicketNames(store: MockStore, ticket: Ticket): void {
	const user = store.find('users', ticket.user_id);
	ticket.client_name = store.find('clients', ticket.client_id)?.name ?? '';
	ticket.site_name = store.find('sites', ticket.site_id)?.name ?? '';
	ticket.user_name = user?.name ?? '';
	ticket.user_email = user?.emailaddress ?? '';
	ticket.agent_name = store.find('agents', ticket.agent_id)?.name ?? '';
	ticket.status_name = store.find('statuses', ticket.status_id)?.name ?? '';
	ticket.tickettype_name = store.find('ticketTypes', ticket.tickettype_id)?.name ?? '';
	ticket.sla_name = store.find('slas', ticket.sla_id)?.name ?? '';
	ticket.priority_name =
		store.priorities.find((row) => row.slaid === ticket.sla_id && row.priorityid === ticket.priority_id)?.name ?? '';
	ticket.team_id = store.teams.find((team) => team.name === ticket.team)?.id ?? 0;
}

/** After a rename, bring every repeated name up to date. */
export function refreshAllNames(store: MockStore): void {
	for (const client of store.clients) {
		client.toplevel_name = store.find('topLevels', client.toplevel_id)?.name ?? '';
	}
	store.sites.forEach((site) => fillSiteNames(store, site));
	store.users.forEach((user) => fillUserNames(store, user));
	store.assets.forEach((asset) => fillAssetNames(store, asset));
	for (const ticket of store.tickets) {
		fillTicketNames(store, ticket);
		ticket.assets = ticket.assets.map((link) => {
			const asset = store.find('assets', link.id);
			return asset ? assetLink(asset) : link;
		});
	}
}
