/** Client resource against the fake HaloPSA, run by n8n's workflow engine. */
import { CUSTOMER_EDIT_SCOPES, rl, schemaProperties, useFakeHalo } from './fakeHalo';

const fake = useFakeHalo();
const client = (operation: string, extra: object = {}) => ({ resource: 'client', operation, ...extra });

describe('Get', () => {
	it('gets a client by ID, simplified, with its agent-portal link', async () => {
		const result = await fake.run(client('get', { clientId: rl(2) }));
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual([
			{
				id: 2,
				name: 'Contoso Ltd',
				inactive: false,
				toplevel_id: 2,
				toplevel_name: 'Managed Services',
				website: 'contoso.com',
				is_vip: null,
				main_site_id: null,
				url: `${fake.halo.url}/customers?clientid=2`,
			},
		]);
		expect(fake.requests('GET', '/Client/2')).toHaveLength(1);
	});

	it('takes the agent-portal address, and returns the raw record without Simplify', async () => {
		const url = `${fake.halo.url}/customers?mainview=client&inactive=false&clientid=5`;
		const result = await fake.run(client('get', { clientId: rl(url, 'url'), simplify: false }));
		expect(result.json[0]).toMatchObject({ id: 5, name: 'Fabrikam GmbH', website: 'fabrikam.de' });
		expect(result.json[0]).not.toHaveProperty('url');
	});

	it('names a missing client, and refuses a bad ID before any request', async () => {
		expect((await fake.run(client('get', { clientId: rl(999) }))).error?.message).toBe('Client 999 was not found');
		fake.halo.clearLog();
		const bad = await fake.run(client('get', { clientId: rl('={{ $json.id }}') }), { items: [{ id: '2.5' }] });
		expect(bad.error?.message).toMatch(/^Client '2.5' is not a HaloPSA ID/);
		expect(fake.halo.log).toHaveLength(0);
	});
});

describe('Get Many', () => {
	it('returns all of more than 100 clients, reading HaloPSA’s 100-record pages', async () => {
		for (let n = 0; n < 180; n++) fake.halo.db.add('clients', { name: `Bulk Client ${n}`, toplevel_id: 2, inactive: false, website: '' });
		const active = fake.halo.db.clients.filter((c) => !c.inactive);

		const result = await fake.run(client('getAll', { returnAll: true }));

		expect(result.error).toBeUndefined();
		expect(result.json.map((c) => c.id).sort()).toEqual(active.map((c) => c.id).sort());
		const pages = fake.requests('GET', '/Client');
		expect(active.length).toBeGreaterThan(180);
		expect(pages).toHaveLength(Math.ceil(active.length / 100));
		expect(new Set(pages.map((r) => r.query.page_no)).size).toBe(pages.length);
	});

	it('stops at the limit with one small page', async () => {
		const result = await fake.run(client('getAll', { limit: 3 }));
		expect(result.json).toHaveLength(3);
		expect(fake.requests('GET', '/Client').map((r) => r.query.page_size)).toEqual(['3']);
	});

	it('filters by active status, top level and name', async () => {
		const names = async (filters: object) =>
			(await fake.run(client('getAll', { returnAll: true, filters }))).json.map((c) => c.name);
		expect(await names({ activeStatus: 'inactive' })).toEqual(['Hooli']);
		expect(await names({})).not.toContain('Hooli');
		expect(await names({ activeStatus: 'all' })).toEqual(expect.arrayContaining(['Hooli', 'Internal', 'Contoso Ltd']));
		expect(await names({ topLevelId: 1 })).toEqual(['Internal']);
		expect(await names({ search: 'contoso' })).toEqual(['Contoso Ltd', 'Contoso, Inc.']);
	});
});

describe('Find by Name', () => {
	const find = (name: string, options: object = {}) => client('findByName', { name, options });

	it('finds "Contoso Ltd" exactly, next to the near-identical "Contoso, Inc."', async () => {
		const result = await fake.run(find('Contoso Ltd'));
		expect(result.json).toEqual([expect.objectContaining({ found: true, match: 'exact', id: 2, name: 'Contoso Ltd' })]);
		// One search, by the distinctive word; the choice is made in the node.
		expect(fake.requests('GET', '/Client').map((r) => r.query.search)).toEqual(['Contoso']);
	});

	it('finds "contoso ltd." ignoring case and punctuation', async () => {
		const result = await fake.run(find('contoso ltd.'));
		expect(result.json).toEqual([expect.objectContaining({ found: true, match: 'normalised', id: 2 })]);
		expect((await fake.run(find('CONTOSO INC'))).json[0]).toMatchObject({ match: 'normalised', id: 3 });
		expect((await fake.run(find('Fabrikam'))).json[0]).toMatchObject({ match: 'normalised', id: 5, name: 'Fabrikam GmbH' });
	});

	it('refuses to guess for "Contoso", naming both candidates', async () => {
		const result = await fake.run(find('Contoso'));
		expect(result.error?.message).toBe(
			"Client name 'Contoso' is ambiguous: it matches 'Contoso Ltd' (ID 2) and 'Contoso, Inc.' (ID 3)",
		);
		expect(result.json).toEqual([]);
	});

	it('says when nothing matches, or fails when asked to', async () => {
		expect((await fake.run(find('Tailspin Toys'))).json).toEqual([{ found: false, name: 'Tailspin Toys' }]);
		const failed = await fake.run(find('Tailspin Toys', { errorIfNotFound: true }));
		expect(failed.error?.message).toBe("No client is named 'Tailspin Toys'");
	});

	it('finds inactive clients only when asked', async () => {
		expect((await fake.run(find('Hooli'))).json[0]).toEqual({ found: false, name: 'Hooli' });
		expect((await fake.run(find('Hooli', { includeInactive: true }))).json[0]).toMatchObject({ found: true, id: 9 });
	});

	it('asks HaloPSA once for items that name the same customer', async () => {
		const result = await fake.run(client('findByName', { name: '={{ $json.customer }}' }), {
			items: [{ customer: 'Contoso Ltd' }, { customer: 'contoso ltd' }, { customer: 'Globex' }],
		});
		expect(result.json.map((c) => c.id)).toEqual([2, 2, 6]);
		expect(fake.requests('GET', '/Client').map((r) => r.query.search)).toEqual(['Contoso', 'Globex']);
	});
});

describe('writes', () => {
	it('Create with the standard scopes fails with a 403 that names edit:customers', async () => {
		const before = fake.halo.db.clients.length;
		const result = await fake.run(client('create', { name: 'Tailspin Toys' }));
		expect(result.error?.message).toBe(
			'HaloPSA refused POST /api/Client (403): the credential probably lacks the edit:customers scope, or the API agent the permission',
		);
		expect(result.error?.description).toMatch(/edit:customers is not part of the standard setup/);
		expect(fake.halo.db.clients).toHaveLength(before);
	});

	it('creates a client with the fields given, each in the Area schema', async () => {
		const result = await fake.run(
			client('create', {
				name: '  Tailspin Toys  ',
				additionalFields: { website: 'tailspintoys.com', isVip: true, topLevelId: 1, notes: 'Signed in March', inactive: false },
			}),
			{ scopes: CUSTOMER_EDIT_SCOPES },
		);
		expect(result.error).toBeUndefined();
		const [post] = fake.requests('POST', '/Client');
		expect(post.body).toEqual([
			{ name: 'Tailspin Toys', website: 'tailspintoys.com', is_vip: true, toplevel_id: 1, notes: 'Signed in March', inactive: false },
		]);
		const area = schemaProperties('Area');
		expect(Object.keys((post.body as object[])[0]).filter((key) => !area.has(key))).toEqual([]);
		const saved = fake.halo.db.clients.find((c) => c.name === 'Tailspin Toys');
		expect(result.json[0]).toMatchObject({ id: saved?.id, name: 'Tailspin Toys', is_vip: true, toplevel_name: 'Internal' });
	});

	it('refuses an empty name before any request', async () => {
		const result = await fake.run(client('create', { name: '   ' }), { scopes: CUSTOMER_EDIT_SCOPES });
		expect(result.error?.message).toBe("Name is empty: enter the new client's name");
		expect(fake.halo.log).toHaveLength(0);
	});

	it('updates only the fields given', async () => {
		const result = await fake.run(client('update', { clientId: rl(7), updateFields: { website: 'initech.example', isVip: false } }), {
			scopes: CUSTOMER_EDIT_SCOPES,
		});
		expect(result.error).toBeUndefined();
		expect(fake.requests('POST', '/Client')[0].body).toEqual([{ id: 7, website: 'initech.example', is_vip: false }]);
		expect(fake.halo.db.find('clients', 7)).toMatchObject({ name: 'Initech', website: 'initech.example' });
		expect(result.json[0]).toMatchObject({ id: 7, website: 'initech.example' });
	});

	it('refuses an update with nothing to change, or a blank name, before any request', async () => {
		const nothing = await fake.run(client('update', { clientId: rl(7), updateFields: {} }), { scopes: CUSTOMER_EDIT_SCOPES });
		expect(nothing.error?.message).toBe('Update Fields is empty: add at least one field to change');
		const blank = await fake.run(client('update', { clientId: rl(7), updateFields: { name: ' ' } }), { scopes: CUSTOMER_EDIT_SCOPES });
		expect(blank.error?.message).toBe('Name cannot be empty: enter a value, or remove the field');
		expect(fake.halo.log).toHaveLength(0);
	});

	it('deletes a client and says so', async () => {
		const result = await fake.run(client('delete', { clientId: rl(8) }), { scopes: CUSTOMER_EDIT_SCOPES });
		expect(result.json).toEqual([{ deleted: true, id: 8 }]);
		expect(fake.requests('DELETE', '/Client/8')).toHaveLength(1);
		expect(fake.halo.db.find('clients', 8)).toBeUndefined();
	});
});

it('the client, site, user and asset pickers link to the agent portal', async () => {
	const n8n = fake.n8n();
	type Found = { results: Array<{ value: string; url: string }> };
	const search = async (method: string, parameters: object, filter?: string) => (await n8n.pick('listSearch', method, parameters as never, filter)) as Found;
	const clients = await search('searchClients', { resource: 'client', operation: 'get' }, 'fabrikam');
	expect(clients.results).toEqual([{ name: 'Fabrikam GmbH', value: '5', url: `${fake.halo.url}/customers?clientid=5` }]);
	const sites = await search('searchSites', { resource: 'user', operation: 'getAll', filters: { clientId: rl(5) } });
	expect(sites.results.map((r) => r.url)).toEqual([`${fake.halo.url}/customers?mainview=site&siteid=6`, `${fake.halo.url}/customers?mainview=site&siteid=7`]);
	const users = await search('searchUsers', { resource: 'user', operation: 'get' }, 'klaus');
	expect(users.results[0].url).toBe(`${fake.halo.url}/customers?mainview=user&userid=15`);
	const assets = await search('searchAssets', { resource: 'asset', operation: 'findByIdentifier', clientId: rl(5) });
	expect(assets.results.map((r) => r.value)).toEqual(['14', '15', '16']);
	expect(assets.results[0].url).toBe(`${fake.halo.url}/assets?id=14`);
});
