/** Agent resource against the fake HaloPSA. */
import { STANDARD_SCOPES } from '../mock-halo';
import { useFakeHalo } from './fakeHalo';

const fake = useFakeHalo();
const agent = (operation: string, extra: object = {}) => ({ resource: 'agent', operation, ...extra });

it('Get Current returns the agent the credential logs in as: 5 "Perimeters"', async () => {
	const result = await fake.run(agent('getCurrent'));
	expect(result.json).toEqual([
		{
			id: 5,
			name: 'Perimeters',
			email: 'perimeters-api@msp.example',
			team: 'Security Operations',
			team_id: 2,
			isdisabled: false,
			isapiagent: true,
			teams: ['Security Operations', 'Service Desk'],
		},
	]);
	expect(fake.halo.apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/Agent/me']);
});

it('Get Current works with any valid token, even without all:teams', async () => {
	const result = await fake.run(agent('getCurrent'), { scopes: STANDARD_SCOPES.replace(' all:teams', '') });
	expect(result.json[0]).toMatchObject({ id: 5, name: 'Perimeters' });
});

it('gets an agent by ID', async () => {
	const result = await fake.run(agent('get', { agentId: 3, simplify: false }));
	expect(result.json[0]).toMatchObject({ id: 3, name: 'Bob Technician', email: 'bob.technician@msp.example' });
});

it('lists agents by team and search; disabled ones only when asked', async () => {
	const names = async (filters: object) => (await fake.run(agent('getAll', { returnAll: true, filters }))).json.map((a) => a.name);
	expect(await names({ teamId: 2 })).toEqual(['Carol SOC Analyst', 'Perimeters']);
	expect(await names({ search: 'bob' })).toEqual(['Bob Technician']);
	expect(await names({})).not.toContain('Dave Former');
	expect(await names({ includeDisabled: true })).toContain('Dave Former');
	expect(fake.requests('GET', '/Agent').map((r) => r.query.team_id)).toEqual(['2', undefined, undefined, undefined]);
});

it('a Team filter that is not an ID fails before any request', async () => {
	const result = await fake.run(agent('getAll', { filters: { teamId: '={{ $json.team }}' } }), { items: [{ team: 'SOC' }] });
	expect(result.error?.message).toMatch(/^Team Name or ID 'SOC' is not a HaloPSA ID/);
	expect(fake.halo.log).toHaveLength(0);
});
