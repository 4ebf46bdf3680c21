/** The customer's assets an alert names (hostnames, serial numbers, asset tags). */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { matchAssetIdentifier } from '../shared/matching';
import type { Memo } from '../shared/lookups';
import { haloList } from '../transport/pagination';

export interface LinkedAsset {
	id: number;
	identifier: string;
	/** 'exact' or 'case-insensitive', and the field that matched. */
	how: string;
	field: string;
}

export interface AssetLookup {
	linked: LinkedAsset[];
	notFound: string[];
}

/** Identifiers from an expression: an array, or text separated by commas, semicolons or new lines. */
export function identifierList(value: unknown): string[] {
	const raw = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[,;\r\n]+/) : value === undefined || value === null ? [] : [value];
	const identifiers = raw
		.filter((entry) => typeof entry === 'string' || typeof entry === 'number')
		.map((entry) => String(entry).trim())
		.filter((entry) => entry !== '');
	return [...new Set(identifiers)];
}

/**
 * Finds each identifier among the client's assets (HaloPSA's asset search, then a whole-value match
 * on the asset tag and key fields). One search per identifier and client per node run.
 */
export async function findAlertAssets(
	context: IExecuteFunctions,
	cache: Memo,
	clientId: number,
	identifiers: string[],
	itemIndex: number,
): Promise<AssetLookup> {
	const lookup: AssetLookup = { linked: [], notFound: [] };
	for (const identifier of identifiers) {
		const candidates = await cache<IDataObject[]>(`alert:assets:${clientId}:${identifier.toLowerCase()}`, async () =>
			haloList(context, { path: '/Asset', qs: { client_id: clientId, search: identifier }, listKey: 'assets', itemIndex }),
		);
		const matches = matchAssetIdentifier(candidates, identifier);
		// Several devices with the same exact value are all linked; a case-insensitive one only when no exact one exists.
		const best = matches.filter((match) => match.how === matches[0]?.how);
		if (best.length === 0) {
			lookup.notFound.push(identifier);
			continue;
		}
		for (const match of best) {
			const id = Number(match.asset.id);
			if (!lookup.linked.some((asset) => asset.id === id)) lookup.linked.push({ id, identifier, how: match.how, field: match.field });
		}
	}
	return lookup;
}
