/** Project resource against the fake HaloPSA: projects are tickets in the projects area. */
import { rl, useFakeHalo } from './fakeHalo';

const fake = useFakeHalo();
const project = (operation: string, extra: object = {}) => ({ resource: 'project', operation, ...extra });

it('lists projects only: no tickets, and no tasks unless asked', async () => {
	const result = await fake.run(project('getAll', { returnAll: true }));
	expect(result.json.map((p) => p.id)).toEqual([1047, 1044, 1041]);
	expect(result.json.every((p) => p.tickettype_name === 'Project')).toBe(true);
	const [request] = fake.requests('GET', '/Projects');
	expect(request.query).toMatchObject({ includechildren: '0,1' });
	expect(fake.requests('GET', '/Tickets')).toHaveLength(0);

	const withTasks = await fake.run(project('getAll', { returnAll: true, filters: { includeTasks: true } }));
	expect(withTasks.json.map((p) => p.id).sort()).toEqual([1041, 1042, 1043, 1044, 1045, 1046, 1047, 1048, 1049]);
	// Every ordinary ticket stays out.
	const ticketIds = new Set(fake.halo.db.tickets.filter((t) => !fake.halo.db.isProject(t)).map((t) => t.id));
	expect(withTasks.json.some((p) => ticketIds.has(p.id as number))).toBe(false);
});

it('filters projects by client, status, open only and search', async () => {
	const ids = async (filters: object) => (await fake.run(project('getAll', { returnAll: true, filters }))).json.map((p) => p.id);
	expect(await ids({ clientId: rl(5) })).toEqual([1041]);
	expect(await ids({ statusId: 1 })).toEqual([1044]);
	expect(await ids({ search: 'firewall' })).toEqual([1044]);
	fake.halo.db.find('tickets', 1047)!.hasbeenclosed = true;
	expect(await ids({ openOnly: true })).toEqual([1044, 1041]);
});

it('gets a project by its address, simplified like a ticket', async () => {
	const result = await fake.run(project('get', { projectId: rl(`${fake.halo.url}/ticket?id=1041`, 'url') }));
	expect(result.json[0]).toMatchObject({
		id: 1041,
		summary: 'Microsoft 365 migration for Fabrikam',
		client_name: 'Fabrikam GmbH',
		tickettype_name: 'Project',
		url: `${fake.halo.url}/ticket?id=1041`,
	});
	expect(fake.requests('GET', '/Projects/1041')).toHaveLength(1);
});

it('gets a project’s tasks, with child tickets of the ticket area too', async () => {
	const tasks = await fake.run(project('getTasks', { projectId: rl(1041), returnAll: true }));
	expect(tasks.json.map((t) => [t.id, t.closed])).toEqual([
		[1042, true],
		[1043, false],
	]);
	expect(fake.requests('GET', '/Projects')[0].query).toMatchObject({ parent_id: '1041' });

	const child = fake.halo.db.insertTicket({ summary: 'Licence question during migration', client_id: 5, parent_id: 1041 });
	const withChild = await fake.run(project('getTasks', { projectId: rl(1041), returnAll: true }));
	expect(withChild.json.map((t) => t.id)).toEqual([1042, 1043, child.id]);

	const open = await fake.run(project('getTasks', { projectId: rl(1041), returnAll: true, options: { openOnly: true } }));
	expect(open.json.map((t) => t.id)).toEqual([1043, child.id]);
	const limited = await fake.run(project('getTasks', { projectId: rl(1041), limit: 1 }));
	expect(limited.json.map((t) => t.id)).toEqual([1042]);
});

it('the project picker lists projects, newest first, without tasks, with their addresses', async () => {
	const found = (await fake.n8n().pick('listSearch', 'searchProjects', { resource: 'project', operation: 'get' })) as {
		results: Array<{ name: string; value: string; url: string }>;
	};
	expect(found.results.map((r) => r.value)).toEqual(['1047', '1044', '1041']);
	expect(found.results[2]).toEqual({
		name: '#1041 Microsoft 365 migration for Fabrikam (Fabrikam GmbH)',
		value: '1041',
		url: `${fake.halo.url}/ticket?id=1041`,
	});
});
