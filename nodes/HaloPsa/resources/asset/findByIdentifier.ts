import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { shapeRecords } from '../../shared/crud';
import { clientLocator, errorIfNotFoundOption, simplifyField } from '../../shared/descriptions';
import { type AssetIdentifierMatch, matchAssetIdentifier } from '../../shared/matching';
import type { HaloOperation, HaloRun } from '../../shared/operation';
import { optionalId, readChoice, readCollection, readText } from '../../shared/parameters';
import { simplifyAsset } from '../../shared/records';
import { haloList } from '../../transport/pagination';

const properties: INodeProperties[] = [
	{
		displayName: 'Identifier',
		name: 'identifier',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. DC01 or 5CG1234XYZ',
		description: "A hostname, serial number or asset tag, matched as a whole against the asset tag and the asset type's identifying fields",
	},
	clientLocator({
		description: 'Only look among this client’s assets. Recommended: the same hostname often exists at several clients.',
	}),
	{
		displayName: 'Several Matches',
		name: 'severalMatches',
		type: 'options',
		options: [
			{
				name: 'Return Them All, Flagged',
				value: 'all',
				description: 'One item per match, each with ambiguous set to true',
			},
			{
				name: 'Use the One Exact Match',
				value: 'singleExact',
				description: 'The only match with the same upper and lower case; fail if there is not exactly one',
			},
			{ name: 'Fail', value: 'fail', description: 'Fail the item, naming the matching assets' },
		],
		default: 'all',
		description: 'What to do when more than one asset matches',
	},
	simplifyField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			errorIfNotFoundOption,
			{
				displayName: 'Include Inactive',
				name: 'includeInactive',
				type: 'boolean',
				default: false,
				description: 'Whether inactive assets can match too',
			},
		],
	},
];

function describeMatches(matches: Array<AssetIdentifierMatch<IDataObject>>): string {
	return matches
		.map(({ asset, field }) => `asset ${String(asset.id)} (${field} '${String(asset[field])}', client ${String(asset.client_name ?? asset.client_id)})`)
		.join(', ');
}

async function execute(this: IExecuteFunctions, itemIndex: number, run: HaloRun): Promise<IDataObject[]> {
	const identifier = readText(this, 'identifier', itemIndex, 'Identifier', 'enter a hostname, serial number or asset tag');
	const clientId = optionalId(this, 'clientId', itemIndex, 'Client');
	const severalMatches = readChoice(this, 'severalMatches', itemIndex, 'Several Matches', ['all', 'singleExact', 'fail'], 'all');
	const options = readCollection(this, 'options', itemIndex);
	const fail = (message: string, description: string): never => {
		throw new NodeOperationError(this.getNode(), message, { itemIndex, description });
	};

	// HaloPSA's search finds the identifier inside any of these fields; whole values are compared here.
	const qs: IDataObject = { search: identifier };
	if (clientId !== undefined) qs.client_id = clientId;
	if (options.includeInactive === true) qs.includeinactive = true;
	const candidates = await haloList(this, { path: '/Asset', qs, listKey: 'assets', itemIndex });
	let matches = matchAssetIdentifier(candidates, identifier);
	const where = clientId === undefined ? '' : ` at client ${clientId}`;

	if (matches.length === 0) {
		if (options.errorIfNotFound === true) {
			fail(`No asset has the identifier '${identifier}'${where}`, 'Check the value, or the client, or turn on Include Inactive.');
		}
		return [{ found: false, identifier, client_id: clientId ?? null }];
	}
	if (matches.length > 1 && severalMatches === 'fail') {
		fail(`${matches.length} assets have the identifier '${identifier}'${where}: ${describeMatches(matches)}`, 'Pick a client to narrow the search.');
	}
	if (matches.length > 1 && severalMatches === 'singleExact') {
		const exact = matches.filter((match) => match.how === 'exact');
		if (exact.length !== 1) {
			fail(
				`${exact.length === 0 ? 'No' : exact.length} assets have exactly the identifier '${identifier}'${where} (same case); matches: ${describeMatches(matches)}`,
				'Pick a client to narrow the search, or return all matches.',
			);
		}
		matches = exact;
	}
	const assets = await shapeRecords(this, itemIndex, run, matches.map((match) => match.asset), simplifyAsset);
	return matches.map((match, index) => ({
		found: true,
		match: match.how,
		matched_field: match.field,
		ambiguous: matches.length > 1,
		match_count: matches.length,
		...assets[index],
	}));
}

export const findAssetByIdentifier: HaloOperation = { properties, execute };
