/** Site resource against the fake HaloPSA. */
import { CUSTOMER_EDIT_SCOPES, rl, schemaProperties, useFakeHalo } from './fakeHalo';

const fake = useFakeHalo();
const site = (operation: string, extra: object = {}) => ({ resource: 'site', operation, ...extra });

it('gets a site by its agent-portal address, simplified', async () => {
	const url = `${fake.halo.url}/customers?mainview=site&siteid=3`;
	const result = await fake.run(site('get', { siteId: rl(url, 'url') }));
	expect(result.json).toEqual([
		{
			id: 3,
			name: 'London Branch',
			client_id: 2,
			client_name: 'Contoso Ltd',
			inactive: false,
			phonenumber: '+44 20 7946 0000',
			maincontact_name: null,
			url: `${fake.halo.url}/customers?mainview=site&siteid=3`,
		},
	]);
	expect(fake.requests('GET', '/Site/3')).toHaveLength(1);
});

it('lists the sites of one client, inactive ones only when asked', async () => {
	const contoso = await fake.run(site('getAll', { returnAll: true, filters: { clientId: rl(2) } }));
	expect(contoso.json.map((s) => s.id)).toEqual([3, 2]);
	expect(fake.requests('GET', '/Site')[0].query).toMatchObject({ client_id: '2' });

	const hooli = async (filters: object) => (await fake.run(site('getAll', { returnAll: true, filters: { clientId: rl(9), ...filters } }))).json;
	expect(await hooli({})).toEqual([]);
	expect((await hooli({ includeInactive: true })).map((s) => s.id)).toEqual([11]);
	const search = await fake.run(site('getAll', { returnAll: true, filters: { search: 'warehouse' } }));
	expect(search.json.map((s) => s.name)).toEqual(['Munich Warehouse']);
});

it('refuses a Client filter that is not an ID before any request', async () => {
	const result = await fake.run(site('getAll', { filters: { clientId: rl('={{ $json.client }}') } }), { items: [{ client: 'Contoso' }] });
	expect(result.error?.message).toMatch(/^Client 'Contoso' is not a HaloPSA ID/);
	expect(fake.halo.log).toHaveLength(0);
});

it('creates a site for a client (name and client required), every field in the Site schema', async () => {
	const result = await fake.run(
		site('create', {
			name: 'Seattle Office',
			clientId: rl(2),
			additionalFields: { mainContact: 'Jane Smith', phoneNumber: '+1 206 555 0100', notes: 'Floor 3' },
		}),
		{ scopes: CUSTOMER_EDIT_SCOPES },
	);
	expect(result.error).toBeUndefined();
	const body = fake.requests('POST', '/Site')[0].body as object[];
	expect(body).toEqual([
		{ name: 'Seattle Office', client_id: 2, maincontact_name: 'Jane Smith', phonenumber: '+1 206 555 0100', notes: 'Floor 3' },
	]);
	const allowed = schemaProperties('Site');
	expect(Object.keys(body[0]).filter((key) => !allowed.has(key))).toEqual([]);
	expect(result.json[0]).toMatchObject({ name: 'Seattle Office', client_id: 2, client_name: 'Contoso Ltd' });
	expect(fake.halo.schemaViolations).toEqual([]);
});

it('says which scope a site write needs when HaloPSA refuses it', async () => {
	const result = await fake.run(site('create', { name: 'Seattle Office', clientId: rl(2) }));
	expect(result.error?.message).toMatch(/\(403\): the credential probably lacks the edit:customers scope/);
	expect(fake.halo.db.sites.some((s) => s.name === 'Seattle Office')).toBe(false);
});

it('moves a site to another client, and deletes one', async () => {
	const moved = await fake.run(site('update', { siteId: rl(7), updateFields: { clientId: rl(4), name: 'Northwind Warehouse' } }), {
		scopes: CUSTOMER_EDIT_SCOPES,
	});
	expect(fake.requests('POST', '/Site')[0].body).toEqual([{ id: 7, client_id: 4, name: 'Northwind Warehouse' }]);
	expect(moved.json[0]).toMatchObject({ id: 7, client_id: 4, client_name: 'Northwind Traders' });

	const deleted = await fake.run(site('delete', { siteId: rl(7) }), { scopes: CUSTOMER_EDIT_SCOPES });
	expect(deleted.json).toEqual([{ deleted: true, id: 7 }]);
	expect(fake.halo.db.find('sites', 7)).toBeUndefined();
});
