/** "From list" pickers for records there can be many of: searchable, paged, loaded from HaloPSA. */
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { PROJECTS_NOT_TASKS } from '../shared/projects';
import { assetUrl, clientUrl, siteUrl, ticketUrl, userUrl } from '../shared/records';
import { resolveInstanceUrl } from '../transport/connection';
import { connectionSettings, haloRequest } from '../transport/request';
import { pickedId } from './currentParameters';

const PICKER_PAGE_SIZE = 50;

interface PickerList {
	path: string;
	listKey: string;
	qs?: IDataObject;
	label: (record: IDataObject) => string;
	url?: (instanceUrl: string, record: IDataObject) => string;
}

async function search(
	context: ILoadOptionsFunctions,
	list: PickerList,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const pageNo = Number(paginationToken ?? 1) || 1;
	const qs: IDataObject = { ...list.qs, pageinate: true, page_size: PICKER_PAGE_SIZE, page_no: pageNo };
	if (filter?.trim()) qs.search = filter.trim();
	const response = await haloRequest<IDataObject | IDataObject[]>(context, { method: 'GET', path: list.path, qs });
	const records = (Array.isArray(response) ? response : (response[list.listKey] ?? [])) as IDataObject[];
	const total = Array.isArray(response) ? records.length : Number(response.record_count ?? records.length);
	const instanceUrl = list.url ? resolveInstanceUrl(await connectionSettings(context)) : '';
	return {
		results: records.map((record) => ({
			name: list.label(record),
			value: String(record.id),
			url: list.url?.(instanceUrl, record),
		})),
		paginationToken: pageNo * PICKER_PAGE_SIZE < total ? String(pageNo + 1) : undefined,
	};
}

export async function searchTickets(this: ILoadOptionsFunctions, filter?: string, token?: string) {
	return await search(
		this,
		{
			path: '/Tickets',
			listKey: 'tickets',
			qs: { order: 'id', orderdesc: true },
			label: (ticket) => `#${String(ticket.id)} ${String(ticket.summary ?? '')}`.trim(),
			url: (instanceUrl, ticket) => ticketUrl(instanceUrl, ticket.id),
		},
		filter,
		token,
	);
}

export async function searchClients(this: ILoadOptionsFunctions, filter?: string, token?: string) {
	return await search(
		this,
		{
			path: '/Client',
			listKey: 'clients',
			qs: { order: 'name' },
			label: (client) => String(client.name ?? client.id),
			url: (instanceUrl, client) => clientUrl(instanceUrl, client.id),
		},
		filter,
		token,
	);
}

export async function searchSites(this: ILoadOptionsFunctions, filter?: string, token?: string) {
	const clientId = pickedId(this, ['clientId', 'additionalFields.clientId', 'updateFields.clientId', 'filters.clientId']);
	return await search(
		this,
		{
			path: '/Site',
			listKey: 'sites',
			qs: { order: 'name', ...(clientId ? { client_id: clientId } : {}) },
			label: (site) => (clientId ? String(site.name) : String(site.clientsite_name ?? `${String(site.client_name ?? '')} / ${String(site.name)}`)),
			url: (instanceUrl, site) => siteUrl(instanceUrl, site.id),
		},
		filter,
		token,
	);
}

export async function searchUsers(this: ILoadOptionsFunctions, filter?: string, token?: string) {
	const clientId = pickedId(this, ['clientId', 'additionalFields.clientId', 'updateFields.clientId', 'filters.clientId']);
	const siteId = pickedId(this, ['additionalFields.siteId', 'updateFields.siteId', 'filters.siteId']);
	return await search(
		this,
		{
			path: '/Users',
			listKey: 'users',
			qs: { order: 'name', ...(clientId ? { client_id: clientId } : {}), ...(siteId ? { site_id: siteId } : {}) },
			label: (user) =>
				[user.name, user.emailaddress ? `<${String(user.emailaddress)}>` : '', clientId ? '' : `(${String(user.client_name ?? '')})`]
					.filter((part) => part)
					.join(' '),
			url: (instanceUrl, user) => userUrl(instanceUrl, user.id),
		},
		filter,
		token,
	);
}

export async function searchAssets(this: ILoadOptionsFunctions, filter?: string, token?: string) {
	const clientId = pickedId(this, ['clientId', 'additionalFields.clientId', 'updateFields.clientId', 'filters.clientId']);
	return await search(
		this,
		{
			path: '/Asset',
			listKey: 'assets',
			qs: { ...(clientId ? { client_id: clientId } : {}) },
			label: (asset) =>
				[asset.inventory_number, asset.key_field, asset.assettype_name ? `(${String(asset.assettype_name)})` : '']
					.filter((part) => part !== undefined && part !== null && part !== '')
					.map(String)
					.join(' ') || `Asset ${String(asset.id)}`,
			url: (instanceUrl, asset) => assetUrl(instanceUrl, asset.id),
		},
		filter,
		token,
	);
}

/** Projects (tickets in the projects area), newest first; their tasks are left out. */
export async function searchProjects(this: ILoadOptionsFunctions, filter?: string, token?: string) {
	return await search(
		this,
		{
			path: '/Projects',
			listKey: 'tickets',
			qs: { order: 'id', orderdesc: true, includechildren: PROJECTS_NOT_TASKS },
			label: (project) => `#${String(project.id)} ${String(project.summary ?? '')} (${String(project.client_name ?? '')})`.trim(),
			url: (instanceUrl, project) => ticketUrl(instanceUrl, project.id),
		},
		filter,
		token,
	);
}
