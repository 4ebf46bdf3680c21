/** Reference data against the fake HaloPSA: the lists a workflow maps names to ids with. */
import { CLOSED_STATUS_ID } from '../mock-halo';
import { useFakeHalo } from './fakeHalo';

const fake = useFakeHalo();
const reference = (operation: string, extra: object = {}) => ({ resource: 'reference', operation, returnAll: true, ...extra });

it('lists statuses and says which are closed: those HaloPSA leaves out with excludeclosed', async () => {
	const result = await fake.run(reference('getStatuses'));
	expect(result.json).toEqual([
		{ id: 1, name: 'New', closed: false },
		{ id: 2, name: 'In Progress', closed: false },
		{ id: 3, name: 'Waiting on Customer', closed: false },
		{ id: 4, name: 'Waiting on Third Party', closed: false },
		{ id: 8, name: 'Resolved', closed: false },
		{ id: CLOSED_STATUS_ID, name: 'Closed', closed: true },
	]);
	expect(fake.requests('GET', '/Status').map((r) => r.query.excludeclosed).sort()).toEqual(['true', undefined]);
});

it('lists priorities once each by priorityid, hidden ones left out', async () => {
	const all = await fake.run(reference('getPriorities'));
	expect(all.json).toEqual([
		{ priorityid: 1, name: 'Critical' },
		{ priorityid: 2, name: 'High' },
		{ priorityid: 3, name: 'Medium' },
		{ priorityid: 4, name: 'Low' },
		{ priorityid: 5, name: 'Informational' },
	]);
	// HaloPSA has 10 rows: 4 priorities in each SLA, Informational in SLA 2, Planned Maintenance hidden in SLA 1.
	expect(fake.halo.db.priorities).toHaveLength(10);
});

it('lists the priorities of one SLA or of one ticket type’s SLA', async () => {
	const standard = await fake.run(reference('getPriorities', { filters: { slaId: 1 } }));
	expect(standard.json.map((p) => p.priorityid)).toEqual([1, 2, 3, 4]);
	expect(fake.requests('GET', '/Priority')[0].query).toMatchObject({ slaid: '1' });
	const securityAlert = await fake.run(reference('getPriorities', { filters: { ticketTypeId: 21 } }));
	expect(securityAlert.json.map((p) => p.priorityid)).toEqual([1, 2, 3, 4, 5]);
	const both = await fake.run(reference('getPriorities', { filters: { slaId: 1, ticketTypeId: 21 } }));
	expect(both.error?.message).toBe('Filter by SLA or by Ticket Type, not both: a ticket type has its own SLA');
});

it('lists ticket types with their SLA; inactive ones only when asked', async () => {
	const active = await fake.run(reference('getTicketTypes'));
	expect(active.json.map((t) => t.name)).not.toContain('Legacy Request');
	expect(active.json.find((t) => t.id === 21)).toEqual({
		id: 21,
		name: 'Security Alert',
		use: 'reqs',
		group_name: 'Security',
		default_sla: 2,
		initial_status: 1,
		default_priority: 2,
		inactive: false,
	});
	const all = await fake.run(reference('getTicketTypes', { options: { includeInactive: true } }));
	expect(all.json.map((t) => t.id)).toContain(40);
});

it('lists outcomes and categories', async () => {
	const outcomes = await fake.run(reference('getOutcomes'));
	expect(outcomes.json.find((o) => o.id === 11)).toEqual({ id: 11, outcome: 'Close Ticket', buttonname: 'Close', newstatus: 9, hidefromuser: false });
	const categories = await fake.run(reference('getCategories', { filters: { ticketTypeId: 21 } }));
	expect(categories.json.map((c) => c.value)).toEqual(expect.arrayContaining(['Security>Phishing', 'Hardware>Laptop', 'Resolution>Fixed']));
	const resolution = await fake.run(reference('getCategories', { filters: { categoryField: 2 } }));
	expect(resolution.json.map((c) => c.value)).toEqual(['Resolution>Fixed', 'Resolution>Workaround', 'Resolution>False Positive']);
});

it('honours Limit on bare-array lists', async () => {
	const result = await fake.run(reference('getStatuses', { returnAll: false, limit: 2 }));
	expect(result.json.map((s) => s.name)).toEqual(['New', 'In Progress']);
	expect((await fake.run(reference('getTicketTypes', { returnAll: false, limit: 1 }))).json).toHaveLength(1);
});

it('offers SLAs, top levels and asset types as dropdowns', async () => {
	const n8n = fake.n8n();
	const names = async (method: string) =>
		((await n8n.pick('loadOptions', method, { resource: 'reference', operation: 'getPriorities' })) as Array<{ name: string; value: number }>).map(
			(option) => `${option.value} ${option.name}`,
		);
	expect(await names('getSlas')).toEqual(['2 Security SLA', '1 Standard SLA']);
	expect(await names('getTopLevels')).toEqual(['1 Internal', '2 Managed Services']);
	expect(await names('getAssetTypes')).toEqual(['3 Firewall', '4 Laptop', '2 Server', '1 Workstation']);
});
