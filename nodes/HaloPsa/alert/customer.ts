/**
 * Which HaloPSA client an alert is about: by client ID, by name (exact first, then normalised, as
 * Client → Find by Name), or by e-mail or web domain; else the fallback client.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { findClientByName } from '../shared/matching';
import type { Memo } from '../shared/lookups';
import { haloList } from '../transport/pagination';
import { haloRequest, recordPath } from '../transport/request';

export type CustomerMatchBy = 'name' | 'id' | 'domain';

export interface ResolvedCustomer {
	id: number;
	name: string;
	/** How the client was found: 'id', 'exact', 'normalised', 'domain' or 'fallback'. */
	matchedBy: string;
}

/** Every active client, read once per node run (names and domains are matched locally). */
async function allClients(context: IExecuteFunctions, cache: Memo): Promise<IDataObject[]> {
	return await cache('alert:clients', async () => haloList(context, { path: '/Client', listKey: 'clients' }));
}

async function clientById(context: IExecuteFunctions, cache: Memo, id: number, itemIndex: number): Promise<IDataObject> {
	return await cache(`client:${id}`, async () =>
		haloRequest<IDataObject>(context, { method: 'GET', path: recordPath('Client', id), record: `Client ${id}`, itemIndex }),
	);
}

/** "jane@Contoso.com", "https://www.contoso.com/x" or "contoso.com" → "contoso.com". */
export function domainOf(text: string): string | undefined {
	let value = text.trim().toLowerCase();
	if (value.includes('@')) value = value.slice(value.lastIndexOf('@') + 1);
	value = value.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').split(/[/?#:]/)[0].replace(/^www\./, '').replace(/\.$/, '');
	return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(value) ? value : undefined;
}

/** Clients whose website or e-mail domain is the domain (or a parent of it: mail.contoso.com → contoso.com). */
function clientsByDomain(clients: IDataObject[], domain: string): IDataObject[] {
	const matches = (candidate: unknown) => {
		const own = typeof candidate === 'string' ? domainOf(candidate) : undefined;
		return own !== undefined && (domain === own || domain.endsWith(`.${own}`));
	};
	return clients.filter((client) => [client.website, client.emaildomain, client.email_domain].some(matches));
}

export async function resolveCustomer(
	context: IExecuteFunctions,
	cache: Memo,
	input: { customer: string; matchBy: CustomerMatchBy; fallbackClientId?: number },
	itemIndex: number,
): Promise<ResolvedCustomer> {
	const customer = input.customer.trim();
	const fail = (message: string): never => {
		throw new NodeOperationError(context.getNode(), message, { itemIndex });
	};
	const fallback = async (reason: string): Promise<ResolvedCustomer> => {
		if (input.fallbackClientId === undefined) fail(`${reason}. Set a Fallback Client to raise such alerts there instead`);
		const client = await clientById(context, cache, input.fallbackClientId as number, itemIndex);
		return { id: Number(client.id), name: String(client.name ?? client.id), matchedBy: 'fallback' };
	};

	if (customer === '') return await fallback('The alert names no customer (Customer is empty)');
	if (input.matchBy === 'id') {
		if (!/^[1-9]\d{0,9}$/.test(customer)) fail(`Customer '${customer.slice(0, 60)}' is not a HaloPSA client ID: use a whole number, or match by name`);
		const client = await clientById(context, cache, Number(customer), itemIndex);
		return { id: Number(client.id), name: String(client.name ?? client.id), matchedBy: 'id' };
	}
	if (input.matchBy === 'domain') {
		const domain = domainOf(customer);
		if (!domain) fail(`Customer '${customer.slice(0, 60)}' is not a domain or e-mail address: use e.g. contoso.com or jane@contoso.com`);
		const found = clientsByDomain(await allClients(context, cache), domain as string);
		if (found.length === 1) return { id: Number(found[0].id), name: String(found[0].name), matchedBy: 'domain' };
		if (found.length > 1) {
			fail(`Customer domain '${domain}' belongs to several clients (${found.map((client) => `${String(client.name)} (${String(client.id)})`).join(', ')}): give each a distinct website in HaloPSA, or match by name`);
		}
		return await fallback(`No HaloPSA client has the domain '${domain}' as its website`);
	}
	const match = findClientByName(await allClients(context, cache), customer);
	if (match.match) return { id: Number(match.match.id), name: String(match.match.name), matchedBy: match.how ?? 'exact' };
	if (match.candidates.length > 1) {
		fail(`Customer '${customer.slice(0, 60)}' matches several clients equally (${match.candidates.map((client) => `${String(client.name)} (${String(client.id)})`).join(', ')}): send the exact client name or its ID`);
	}
	return await fallback(`No HaloPSA client is called '${customer.slice(0, 60)}'`);
}
