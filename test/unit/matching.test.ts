import {
	findByName,
	findClientByName,
	LEGAL_SUFFIXES,
	matchAssetIdentifier,
	nameSearchTerm,
	normaliseName,
} from '../../nodes/HaloPsa/shared/matching';

const clients = [
	{ id: 1, name: 'Internal' },
	{ id: 2, name: 'Contoso Ltd' },
	{ id: 3, name: 'Contoso, Inc.' },
	{ id: 4, name: 'Northwind Traders' },
	{ id: 5, name: 'Fabrikam GmbH' },
	{ id: 6, name: 'Globex LLC' },
];

describe('normaliseName', () => {
	it.each([
		['Contoso Ltd', 'contosoltd'],
		['  CONTOSO   LTD. ', 'contosoltd'],
		['Contoso Limited', 'contosoltd'],
		['Contoso, Inc.', 'contosoinc'],
		['Contoso Incorporated', 'contosoinc'],
		['A.B. Widgets', 'abwidgets'],
		["O'Brien & Sons", 'obrienandsons'],
		['O’Brien and Sons', 'obrienandsons'],
		['Müller-Lüdenscheidt GmbH', 'mullerludenscheidtgmbh'],
		['Ærø', 'ærø'],
	])('%s → %s', (name, key) => {
		expect(normaliseName(name)).toBe(key);
	});

	it.each([
		['Contoso Ltd', 'contoso'],
		['Contoso, Inc.', 'contoso'],
		['Globex L.L.C.', 'globex'],
		['Acme Pty. Ltd.', 'acme'],
		['Fabrikam GmbH & Co. KG', 'fabrikam'],
		['Initech S.A.', 'initech'],
		['Umbrella PLC', 'umbrella'],
		['Hooli B.V.', 'hooli'],
		['Wayne Enterprises Corp', 'wayneenterprises'],
		['Stark Industries AG', 'starkindustries'],
	])('without legal suffixes: %s → %s', (name, key) => {
		expect(normaliseName(name, { dropLegalSuffixes: true })).toBe(key);
	});

	it('only drops legal forms at the end, and never the whole name', () => {
		expect(normaliseName('Limited Editions Ltd', { dropLegalSuffixes: true })).toBe('ltdeditions');
		expect(normaliseName('Ltd', { dropLegalSuffixes: true })).toBe('ltd');
		expect(normaliseName('Co', { dropLegalSuffixes: true })).toBe('co');
	});

	it('lists the legal forms the issue names', () => {
		for (const suffix of ['inc', 'ltd', 'llc', 'gmbh', 'corp', 'limited', 'ag', 'sa', 'bv', 'pty', 'plc']) {
			expect(LEGAL_SUFFIXES).toContain(suffix);
		}
	});
});

describe('nameSearchTerm', () => {
	it.each([
		['contoso ltd.', 'contoso'],
		['Contoso, Inc.', 'Contoso'],
		['A.B. Widgets Ltd', 'Widgets'],
		["O'Brien Ltd", 'Brien'],
		['Northwind Traders', 'Northwind'],
		['Ltd', 'Ltd'],
		['  ', ''],
		['!!!', ''],
	])('%s → %s', (name, term) => {
		expect(nameSearchTerm(name)).toBe(term);
	});
});

describe('findClientByName', () => {
	it('prefers the exact name', () => {
		const result = findClientByName(clients, 'Contoso Ltd');
		expect(result).toEqual({ match: clients[1], how: 'exact', candidates: [clients[1]] });
	});

	it('matches ignoring case and punctuation, keeping the legal form when it decides', () => {
		const result = findClientByName(clients, 'contoso ltd.');
		expect(result.match?.id).toBe(2);
		expect(result.how).toBe('normalised');
		expect(findClientByName(clients, 'CONTOSO INC').match?.id).toBe(3);
		expect(findClientByName(clients, 'Contoso Limited').match?.id).toBe(2);
	});

	it('ignores the legal form when only one client is left', () => {
		expect(findClientByName(clients, 'Fabrikam')).toMatchObject({ match: { id: 5 }, how: 'normalised' });
		expect(findClientByName(clients, 'Globex, Inc.')).toMatchObject({ match: { id: 6 }, how: 'normalised' });
		expect(findClientByName(clients, 'northwind traders ltd')).toMatchObject({ match: { id: 4 } });
	});

	it('refuses to choose between two equal candidates', () => {
		const result = findClientByName(clients, 'Contoso');
		expect(result.match).toBeUndefined();
		expect(result.how).toBeUndefined();
		expect(result.candidates.map((client) => client.id)).toEqual([2, 3]);
		// "Contoso LLC" is neither of them more than the other.
		expect(findClientByName(clients, 'Contoso LLC').candidates.map((client) => client.id)).toEqual([2, 3]);
	});

	it('refuses two clients with the very same name', () => {
		const twins = [...clients, { id: 7, name: 'Contoso Ltd' }];
		expect(findClientByName(twins, 'Contoso Ltd')).toEqual({ candidates: [twins[1], twins[6]] });
	});

	it('an exact match wins even when a looser level would be ambiguous', () => {
		const withPlain = [...clients, { id: 8, name: 'Contoso' }];
		expect(findClientByName(withPlain, 'Contoso')).toMatchObject({ match: { id: 8 }, how: 'exact' });
	});

	it('finds nothing for an unknown or empty name, and never matches by part of a name', () => {
		expect(findClientByName(clients, 'Tailspin Toys')).toEqual({ candidates: [] });
		expect(findClientByName(clients, 'Contoso Traders')).toEqual({ candidates: [] });
		expect(findClientByName(clients, ' ')).toEqual({ candidates: [] });
		expect(findClientByName(clients, '...')).toEqual({ candidates: [] });
		expect(findClientByName([{ id: 9 }, { id: 10, name: '' }], 'x')).toEqual({ candidates: [] });
	});

	it('works on any record through findByName', () => {
		const sites = [{ site: 'Main Office' }, { site: 'London Branch' }];
		expect(findByName(sites, 'main office', (site) => site.site)).toEqual({
			match: sites[0],
			how: 'normalised',
			candidates: [sites[0]],
		});
	});
});

describe('matchAssetIdentifier', () => {
	const assets = [
		{ id: 3, inventory_number: 'CON-0001', key_field: 'DC01', key_field2: 'CZJ2410ABC', key_field3: 'HPE ProLiant' },
		{ id: 5, inventory_number: 'CON-0003', key_field: 'CON-WS-001', key_field2: '5CG1234XYZ', key_field3: 'HP EliteDesk' },
		{ id: 12, inventory_number: 'NW-0002', key_field: 'NW-WS-NDAVOLIO', key_field2: '5cg1234xyz', key_field3: 'HP EliteDesk' },
		{ id: 14, inventory_number: 'FAB-0001', key_field: 'DC01', key_field2: 'SRV-FAB-7781', key_field3: 'Fujitsu' },
		{ id: 30, inventory_number: '', key_field: 'dc01-backup', key_field2: null, key_field3: 42 },
	];

	it('reports the field and whether the case matched, exact matches first', () => {
		const matches = matchAssetIdentifier([assets[2], assets[1]], '5CG1234XYZ');
		expect(matches.map(({ asset, how, field }) => [asset.id, how, field])).toEqual([
			[5, 'exact', 'key_field2'],
			[12, 'case-insensitive', 'key_field2'],
		]);
	});

	it('matches the asset tag and every key field, whole values only', () => {
		expect(matchAssetIdentifier(assets, 'nw-0002').map((m) => [m.asset.id, m.how, m.field])).toEqual([
			[12, 'case-insensitive', 'inventory_number'],
		]);
		expect(matchAssetIdentifier(assets, 'DC01').map((m) => m.asset.id)).toEqual([3, 14]);
		expect(matchAssetIdentifier(assets, 'HP EliteDesk').map((m) => m.field)).toEqual(['key_field3', 'key_field3']);
		expect(matchAssetIdentifier(assets, '42').map((m) => m.asset.id)).toEqual([30]);
		expect(matchAssetIdentifier(assets, 'DC0')).toEqual([]);
		expect(matchAssetIdentifier(assets, 'CON-WS')).toEqual([]);
	});

	it('ignores surrounding spaces and never matches an empty identifier', () => {
		expect(matchAssetIdentifier(assets, '  CZJ2410ABC ')).toMatchObject([{ asset: { id: 3 }, how: 'exact' }]);
		expect(matchAssetIdentifier(assets, '')).toEqual([]);
		expect(matchAssetIdentifier(assets, '   ')).toEqual([]);
	});

	it('prefers an exact field over a case-insensitive one on the same asset', () => {
		const asset = { id: 1, inventory_number: 'abc', key_field: 'ABC' };
		expect(matchAssetIdentifier([asset], 'ABC')).toEqual([{ asset, how: 'exact', field: 'key_field' }]);
	});
});
