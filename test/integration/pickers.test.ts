/** The editor's pickers, called the way n8n calls them (a load-options context with the node's values). */
import type { INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import { N8nHarness } from '../harness/n8n-harness';
import { CLOSED_STATUS_ID, type MockHalo } from '../mock-halo';
import { useFakeHalo } from './fakeHalo';

const fake = useFakeHalo({ retries: {} });
let halo: MockHalo;
let n8n: N8nHarness;
beforeEach(() => {
	halo = fake.halo;
	n8n = fake.n8n();
});

const create = (extra: object = {}) => ({ resource: 'ticket', operation: 'create', ...extra });
const rl = (value: number) => ({ __rl: true, mode: 'id', value: String(value) });

async function options(method: string, parameters: object = create()): Promise<INodePropertyOptions[]> {
	return (await n8n.pick('loadOptions', method, parameters as never)) as INodePropertyOptions[];
}
async function search(method: string, parameters: object = create(), filter?: string, token?: string): Promise<INodeListSearchResult> {
	return (await n8n.pick('listSearch', method, parameters as never, filter, token)) as INodeListSearchResult;
}

it('lists priorities of the chosen ticket type’s SLA only, once each, hidden ones left out', async () => {
	const security = await options('getPriorities', create({ ticketTypeId: 21 }));
	expect(security.map((p) => p.value)).toEqual([1, 2, 3, 4, 5]);
	const incident = await options('getPriorities', create({ ticketTypeId: 1 }));
	expect(incident.map((p) => p.name)).toEqual(['Critical', 'High', 'Medium', 'Low']);
});

it('on update, lists the priorities of the ticket’s own type', async () => {
	const securityAlert = halo.db.tickets.find((t) => t.tickettype_id === 21 && !t.deleted);
	const list = await options('getPriorities', { resource: 'ticket', operation: 'update', ticketId: rl(securityAlert?.id as number) });
	expect(list.map((p) => p.value)).toContain(5);
});

it('lists sites of the chosen client only', async () => {
	const all = await search('searchSites', create());
	const contoso = await search('searchSites', create({ clientId: rl(2) }));
	expect(contoso.results.map((r) => r.value).sort()).toEqual(['2', '3']);
	expect(all.results.length).toBeGreaterThan(contoso.results.length);
});

it('searches clients and tickets, with agent-portal links and paging', async () => {
	const clients = await search('searchClients', create(), 'contoso');
	expect(clients.results.map((r) => r.name).sort()).toEqual(['Contoso Ltd', 'Contoso, Inc.']);

	for (let n = 0; n < 60; n++) halo.db.insertTicket({ summary: `Paging ${n}`, client_id: 2 });
	const first = await search('searchTickets', create(), 'Paging');
	expect(first.results).toHaveLength(50);
	expect(first.results[0].url).toBe(`${halo.url}/ticket?id=${first.results[0].value}`);
	const second = await search('searchTickets', create(), 'Paging', first.paginationToken as string | undefined);
	expect(second.results).toHaveLength(10);
	expect(second.paginationToken).toBeUndefined();
});

it('offers teams by name, closed statuses, outcomes and custom fields', async () => {
	expect((await options('getTeamNames')).map((t) => t.value)).toContain('Security Operations');
	const closed = await options('getClosedStatuses');
	expect(closed.map((s) => s.value)).toEqual([0, CLOSED_STATUS_ID]);
	expect((await options('getOutcomeOptions')).map((o) => o.name)).toContain('Private Note');
	expect((await options('getCustomFields')).map((f) => f.value)).toEqual(expect.arrayContaining([201, 202, 203]));
	expect((await options('getTicketTypes')).map((t) => t.name)).not.toContain('Legacy Request');
});
