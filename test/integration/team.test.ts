/** Team resource against the fake HaloPSA. */
import { useFakeHalo } from './fakeHalo';

const fake = useFakeHalo();
const team = (operation: string, extra: object = {}) => ({ resource: 'team', operation, ...extra });

it('gets a team with its agents', async () => {
	const result = await fake.run(team('get', { teamId: 1 }));
	expect(result.json[0]).toMatchObject({ id: 1, name: 'Service Desk', forrequests: true, inactive: false });
	expect((result.json[0].agents as Array<{ name: string }>).map((agent) => agent.name)).toEqual([
		'Alice Admin',
		'Bob Technician',
		'Perimeters',
	]);
	expect(fake.requests('GET', '/Team/1')[0].query).toEqual({ includeagents: 'true' });
});

it('lists teams by area; inactive ones only when asked', async () => {
	const names = async (filters: object) => (await fake.run(team('getAll', { returnAll: true, filters }))).json.map((t) => t.name);
	expect(await names({})).toEqual(['Service Desk', 'Security Operations', 'Projects', 'Sales']);
	expect(await names({ area: 'reqs' })).toEqual(['Service Desk', 'Security Operations']);
	expect(await names({ area: 'prjs' })).toEqual(['Projects']);
	expect(await names({ area: 'opps' })).toEqual(['Sales']);
	expect(await names({ area: 'reqs', includeInactive: true })).toContain('Legacy Helpdesk');
	expect((await fake.run(team('getAll', { limit: 2 }))).json).toHaveLength(2);
});

it('adds each team’s agents when asked, naming the teams to HaloPSA', async () => {
	const result = await fake.run(team('getAll', { returnAll: true, filters: { area: 'reqs' }, options: { includeAgents: true } }));
	const agents = Object.fromEntries(result.json.map((t) => [t.name, (t.agents as Array<{ id: number }>).map((a) => a.id)]));
	expect(agents).toEqual({ 'Service Desk': [2, 3, 5], 'Security Operations': [4, 5] });
	expect(fake.requests('GET', '/Team').map((r) => r.query.includeagentsforteams)).toEqual([
		undefined,
		'Service Desk,Security Operations',
	]);
});

it('refuses an unknown area from an expression before any request', async () => {
	const result = await fake.run(team('getAll', { filters: { area: '={{ $json.area }}' } }), { items: [{ area: 'tickets' }] });
	expect(result.error?.message).toBe("Area 'tickets' is not one of: all, reqs, prjs, opps");
	expect(fake.halo.log).toHaveLength(0);
});
