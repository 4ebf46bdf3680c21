/** User (end-user contact) resource against the fake HaloPSA. */
import { CUSTOMER_EDIT_SCOPES, rl, schemaProperties, useFakeHalo } from './fakeHalo';

const fake = useFakeHalo();
const user = (operation: string, extra: object = {}) => ({ resource: 'user', operation, ...extra });

it('gets a user, simplified, with the site and client', async () => {
	const result = await fake.run(user('get', { userId: rl(4) }));
	expect(result.json[0]).toEqual({
		id: 4,
		name: 'Jane Smith',
		firstname: 'Jane',
		surname: 'Smith',
		emailaddress: 'jane.smith@contoso.com',
		phonenumber: null,
		mobilenumber: null,
		client_id: 2,
		client_name: 'Contoso Ltd',
		site_id: 2,
		site_name: 'Main Office',
		inactive: false,
		url: `${fake.halo.url}/customers?mainview=user&userid=4`,
	});
});

it('lists users by client, site and search; inactive ones only when asked', async () => {
	const names = async (filters: object) => (await fake.run(user('getAll', { returnAll: true, filters }))).json.map((u) => u.name);
	expect(await names({ clientId: rl(2) })).toEqual(['General User', 'Jane Smith', 'Priya Patel', 'Tom Baker']);
	expect(await names({ clientId: rl(2), siteId: rl(3) })).toEqual(['Priya Patel']);
	expect(await names({ search: 'smith' })).toEqual(['Jane Smith', 'John Smith']);
	expect(await names({ clientId: rl(4) })).not.toContain('Janet Leverling');
	expect(await names({ clientId: rl(4), includeInactive: true })).toContain('Janet Leverling');
	const lastQuery = fake.requests('GET', '/Users').pop()?.query;
	expect(lastQuery).toMatchObject({ client_id: '4', includeinactive: 'true', order: 'name' });
});

it('creates a user at a site (name and site required), every field in the Users schema', async () => {
	const result = await fake.run(
		user('create', {
			name: 'Sam Lee',
			siteId: rl(3),
			additionalFields: { email: 'sam.lee@contoso.com', firstName: 'Sam', surname: 'Lee', phoneNumber: '+44 20 7946 0001' },
		}),
		{ scopes: CUSTOMER_EDIT_SCOPES },
	);
	expect(result.error).toBeUndefined();
	const body = fake.requests('POST', '/Users')[0].body as object[];
	expect(body).toEqual([
		{ name: 'Sam Lee', site_id: 3, emailaddress: 'sam.lee@contoso.com', firstname: 'Sam', surname: 'Lee', phonenumber: '+44 20 7946 0001' },
	]);
	const allowed = schemaProperties('Users');
	expect(Object.keys(body[0]).filter((key) => !allowed.has(key))).toEqual([]);
	expect(result.json[0]).toMatchObject({ name: 'Sam Lee', site_id: 3, client_id: 2, client_name: 'Contoso Ltd' });
});

it('refuses a malformed e-mail address or a missing site before any request', async () => {
	const email = await fake.run(user('create', { name: 'Sam Lee', siteId: rl(3), additionalFields: { email: 'sam.lee' } }), {
		scopes: CUSTOMER_EDIT_SCOPES,
	});
	expect(email.error?.message).toBe("Email 'sam.lee' is not an e-mail address: enter one like jane@example.com");
	const site = await fake.run(user('create', { name: 'Sam Lee', siteId: rl('={{ $json.site }}') }), {
		scopes: CUSTOMER_EDIT_SCOPES,
		items: [{ site: '' }],
	});
	expect(site.error?.message).toBe('Site is empty: pick one from the list or enter its ID');
	expect(fake.halo.log).toHaveLength(0);
});

it('says which scope a user write needs when HaloPSA refuses it', async () => {
	const result = await fake.run(user('delete', { userId: rl(5) }));
	expect(result.error?.message).toMatch(/DELETE \/api\/Users\/5 \(403\): the credential probably lacks the edit:customers scope/);
	expect(fake.halo.db.find('users', 5)).toBeDefined();
});

it('updates a user and deletes one', async () => {
	const updated = await fake.run(user('update', { userId: rl(5), updateFields: { email: 'tom@contoso.com', inactive: true } }), {
		scopes: CUSTOMER_EDIT_SCOPES,
	});
	expect(fake.requests('POST', '/Users')[0].body).toEqual([{ id: 5, emailaddress: 'tom@contoso.com', inactive: true }]);
	expect(updated.json[0]).toMatchObject({ id: 5, emailaddress: 'tom@contoso.com', inactive: true });

	const deleted = await fake.run(user('delete', { userId: rl(5) }), { scopes: CUSTOMER_EDIT_SCOPES });
	expect(deleted.json).toEqual([{ deleted: true, id: 5 }]);
	expect(fake.halo.db.find('users', 5)).toBeUndefined();
});
