/** "From list" pickers: searchable, paginated, loaded from HaloPSA. */
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { ticketUrl } from '../shared/records';
import { resolveInstanceUrl } from '../transport/connection';
import { haloRequest, connectionSettings } from '../transport/request';

const PICKER_PAGE_SIZE = 50;

export async function searchTickets(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const pageNo = Number(paginationToken ?? 1) || 1;
	const qs: IDataObject = { pageinate: true, page_size: PICKER_PAGE_SIZE, page_no: pageNo, order: 'id', orderdesc: true };
	if (filter?.trim()) qs.search = filter.trim();
	const response = await haloRequest<IDataObject>(this, { method: 'GET', path: '/Tickets', qs });
	const tickets = (Array.isArray(response.tickets) ? response.tickets : []) as IDataObject[];
	const instanceUrl = resolveInstanceUrl(await connectionSettings(this));
	const total = Number(response.record_count ?? 0);
	return {
		results: tickets.map((ticket) => ({
			name: `#${String(ticket.id)} ${String(ticket.summary ?? '')}`.trim(),
			value: String(ticket.id),
			url: ticketUrl(instanceUrl, ticket.id),
		})),
		paginationToken: pageNo * PICKER_PAGE_SIZE < total ? String(pageNo + 1) : undefined,
	};
}
