/** Asset resource against the fake HaloPSA: above all, finding the device an alert names. */
import { rl, useFakeHalo } from './fakeHalo';

const fake = useFakeHalo();
const asset = (operation: string, extra: object = {}) => ({ resource: 'asset', operation, ...extra });
const find = (identifier: string, extra: object = {}) => asset('findByIdentifier', { identifier, ...extra });
const summary = (json: Array<Record<string, unknown>>) =>
	json.map(({ id, client_id, match, matched_field, ambiguous }) => ({ id, client_id, match, matched_field, ambiguous }));

describe('Find by Identifier', () => {
	it('finds serial 5CG1234XYZ inside Contoso Ltd, not Northwind’s 5cg1234xyz', async () => {
		const result = await fake.run(find('5CG1234XYZ', { clientId: rl(2) }));
		expect(summary(result.json)).toEqual([{ id: 5, client_id: 2, match: 'exact', matched_field: 'key_field2', ambiguous: false }]);
		expect(result.json[0]).toMatchObject({ found: true, match_count: 1, inventory_number: 'CON-0003', url: `${fake.halo.url}/assets?id=5` });
		const [request] = fake.requests('GET', '/Asset');
		expect(request.query).toMatchObject({ search: '5CG1234XYZ', client_id: '2' });
	});

	it('inside Northwind the same serial is the other device, matched regardless of case', async () => {
		const result = await fake.run(find('5CG1234XYZ', { clientId: rl(4) }));
		expect(summary(result.json)).toEqual([{ id: 12, client_id: 4, match: 'case-insensitive', matched_field: 'key_field2', ambiguous: false }]);
	});

	it('without a client, returns both flagged, or the single exact one when asked', async () => {
		const all = await fake.run(find('5CG1234XYZ'));
		expect(summary(all.json)).toEqual([
			{ id: 5, client_id: 2, match: 'exact', matched_field: 'key_field2', ambiguous: true },
			{ id: 12, client_id: 4, match: 'case-insensitive', matched_field: 'key_field2', ambiguous: true },
		]);
		expect(all.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
		const exact = await fake.run(find('5CG1234XYZ', { severalMatches: 'singleExact' }));
		expect(summary(exact.json)).toEqual([{ id: 5, client_id: 2, match: 'exact', matched_field: 'key_field2', ambiguous: false }]);
	});

	it('hostname DC01 exists at Contoso Ltd and Fabrikam: the client decides', async () => {
		expect((await fake.run(find('DC01', { clientId: rl(5) }))).json.map((a) => a.id)).toEqual([14]);
		expect((await fake.run(find('dc01', { clientId: rl(2) }))).json).toMatchObject([{ id: 3, match: 'case-insensitive', matched_field: 'key_field' }]);
		const both = await fake.run(find('DC01'));
		expect(both.json.map((a) => [a.id, a.ambiguous])).toEqual([
			[3, true],
			[14, true],
		]);
		// Halo's search also finds MSP-DC01 and CINC-DC01; only whole values count.
		expect(both.json.map((a) => a.id)).not.toContain(1);
	});

	it('with two exact matches, "Use the One Exact Match" and "Fail" both fail, naming them', async () => {
		const single = await fake.run(find('DC01', { severalMatches: 'singleExact' }));
		expect(single.error?.message).toMatch(/^2 assets have exactly the identifier 'DC01' \(same case\); matches: asset 3 .*Contoso Ltd.*asset 14 .*Fabrikam GmbH/);
		const fail = await fake.run(find('DC01', { severalMatches: 'fail' }));
		expect(fail.error?.message).toMatch(/^2 assets have the identifier 'DC01': asset 3 \(key_field 'DC01', client Contoso Ltd\), asset 14/);
	});

	it('matches the asset tag too', async () => {
		const result = await fake.run(find('fab-0002'));
		expect(summary(result.json)).toEqual([{ id: 15, client_id: 5, match: 'case-insensitive', matched_field: 'inventory_number', ambiguous: false }]);
	});

	it('says when nothing matches, or fails when asked; inactive assets only when asked', async () => {
		expect((await fake.run(find('DC01', { clientId: rl(7) }))).json).toEqual([{ found: false, identifier: 'DC01', client_id: 7 }]);
		const failed = await fake.run(find('DC01', { clientId: rl(7), options: { errorIfNotFound: true } }));
		expect(failed.error?.message).toBe("No asset has the identifier 'DC01' at client 7");
		expect((await fake.run(find('CON-WS-OLD'))).json[0]).toMatchObject({ found: false });
		expect((await fake.run(find('CON-WS-OLD', { options: { includeInactive: true } }))).json[0]).toMatchObject({ found: true, id: 26 });
	});

	it('refuses an empty identifier before any request', async () => {
		const result = await fake.run(find('={{ $json.host }}'), { items: [{ host: ' ' }] });
		expect(result.error?.message).toBe('Identifier is empty: enter a hostname, serial number or asset tag');
		expect(fake.halo.log).toHaveLength(0);
	});
});

describe('Get and Get Many', () => {
	it('gets an asset by ID or agent-portal address', async () => {
		const byUrl = await fake.run(asset('get', { assetId: rl(`${fake.halo.url}/assets?id=14`, 'url') }));
		expect(byUrl.json[0]).toMatchObject({ id: 14, key_field: 'DC01', client_name: 'Fabrikam GmbH', assettype_name: 'Server' });
		expect(fake.requests('GET', '/Asset/14')).toHaveLength(1);
	});

	it('filters by client, site, asset type, inventory number and search', async () => {
		const ids = async (filters: object) => (await fake.run(asset('getAll', { returnAll: true, filters }))).json.map((a) => a.id);
		expect(await ids({ clientId: rl(2) })).toEqual([3, 4, 5, 6, 7, 8]);
		expect(await ids({ clientId: rl(2), siteId: rl(3) })).toEqual([7]);
		expect(await ids({ clientId: rl(2), assetTypeId: 2 })).toEqual([3, 4]);
		expect(await ids({ inventoryNumber: 'nw-0003' })).toEqual([13]);
		expect(await ids({ search: 'fortigate' })).toEqual([8, 18]);
		expect(await ids({ search: 'fortigate', clientId: rl(6) })).toEqual([18]);
		expect(await ids({ clientId: rl(2), includeInactive: true })).toContain(26);
	});

	it('returns all of more than 100 assets across pages', async () => {
		for (let n = 0; n < 130; n++) {
			fake.halo.db.add('assets', {
				inventory_number: `BULK-${n}`, key_field: `BULK-WS-${n}`, key_field2: '', key_field3: '', assettype_id: 1, site_id: 9, client_id: 7, inactive: false,
			});
		}
		const result = await fake.run(asset('getAll', { returnAll: true, filters: { clientId: rl(7) } }));
		expect(result.json).toHaveLength(132);
		expect(fake.requests('GET', '/Asset').map((r) => r.query.page_no)).toEqual(['1', '2']);
	});
});
