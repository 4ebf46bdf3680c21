/**
 * Matching free text from outside HaloPSA (a customer name in an alert, a hostname or serial number)
 * to HaloPSA records. Pure functions: the caller fetches the candidates, these decide.
 */

/**
 * Legal-form words that may end a company name and do not tell two customers apart ("Contoso Ltd"
 * and "Contoso, Inc." are both "contoso" without them). Compared after lower-casing and removing
 * dots, so "L.L.C." is "llc" and "S.A." is "sa".
 */
export const LEGAL_SUFFIXES: readonly string[] = [
	'ab', 'ag', 'aps', 'as', 'bv', 'co', 'company', 'corp', 'corporation', 'gmbh', 'inc', 'incorporated', 'kg', 'kk',
	'limited', 'llc', 'llp', 'lp', 'ltd', 'nv', 'oy', 'plc', 'pte', 'pty', 'sa', 'sarl', 'sas', 'spa', 'srl',
];

/** Spellings of the same legal form, so "Contoso Limited" still means "Contoso Ltd" before suffixes are dropped. */
const SUFFIX_SYNONYMS: Readonly<Record<string, string>> = {
	limited: 'ltd',
	incorporated: 'inc',
	corporation: 'corp',
	company: 'co',
};

const SUFFIXES = new Set(LEGAL_SUFFIXES);

/** Lower-case words without accents and punctuation: "Müller & Söhne GmbH." → ["muller", "and", "sohne", "gmbh"]. */
function nameWords(name: string): string[] {
	return name
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/&/g, ' and ')
		// Dots and apostrophes join rather than split: "A.B." is "ab", "O'Brien" is "obrien".
		.replace(/[.'’`]/g, '')
		.split(/[^\p{L}\p{N}]+/u)
		.filter((word) => word !== '');
}

/** Removes legal-form words (and a trailing "and co") from the end, keeping at least one word. */
function withoutLegalSuffixes(words: string[]): string[] {
	const kept = [...words];
	for (;;) {
		const last = kept[kept.length - 1];
		if (kept.length > 2 && last === 'co' && kept[kept.length - 2] === 'and') {
			kept.splice(-2);
		} else if (kept.length > 1 && SUFFIXES.has(last)) {
			kept.pop();
		} else {
			return kept;
		}
	}
}

export interface NormaliseOptions {
	/** Whether to drop legal-form words at the end ("Contoso Ltd" → "contoso"). */
	dropLegalSuffixes?: boolean;
}

/**
 * A name reduced to what tells customers apart: case, accents, punctuation and spacing ignored,
 * "&" read as "and", and legal-form synonyms unified ("Limited" = "Ltd"); with `dropLegalSuffixes`
 * the legal form is left out altogether. "Contoso, Inc." → "contosoinc" (or "contoso").
 */
export function normaliseName(name: string, options: NormaliseOptions = {}): string {
	const words = nameWords(name).map((word) => SUFFIX_SYNONYMS[word] ?? word);
	return (options.dropLegalSuffixes ? withoutLegalSuffixes(words) : words).join('');
}

/**
 * The word to ask HaloPSA's name search for: the longest word of the name that is not a legal form
 * (HaloPSA's `search` looks for text inside the name, so "contoso ltd." finds "Contoso, Inc." too,
 * and the candidates are then compared here). Empty when the name has no letters or digits.
 */
export function nameSearchTerm(name: string): string {
	const words = name.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');
	const distinctive = words.filter((word) => !SUFFIXES.has(nameWords(word).join('')));
	const pool = distinctive.length > 0 ? distinctive : words;
	return pool.reduce((longest, word) => (word.length > longest.length ? word : longest), '');
}

export type NameMatchHow = 'exact' | 'normalised';

export interface NameMatch<T> {
	/** The one record that matched, when exactly one did at the first level that found any. */
	match?: T;
	/** How it matched: the same text, or the same after normalising (see normaliseName). */
	how?: NameMatchHow;
	/**
	 * The records found at the level that decided: one for a match, several when the name is
	 * ambiguous there (no match is then returned), none when nothing matched.
	 */
	candidates: T[];
}

/**
 * Finds the record a name means, most certain first: the same text (trimmed); then the same after
 * ignoring case, accents and punctuation; then also ignoring legal forms. The first level that finds
 * anything decides, and when it finds two or more it refuses to choose: "Contoso" matches neither
 * "Contoso Ltd" nor "Contoso, Inc." more than the other.
 */
export function findByName<T>(records: readonly T[], name: string, nameOf: (record: T) => string): NameMatch<T> {
	const wanted = name.trim();
	if (nameWords(wanted).length === 0) return { candidates: [] };
	const levels: Array<{ how: NameMatchHow; key: (text: string) => string }> = [
		{ how: 'exact', key: (text) => text.trim() },
		{ how: 'normalised', key: (text) => normaliseName(text) },
		{ how: 'normalised', key: (text) => normaliseName(text, { dropLegalSuffixes: true }) },
	];
	for (const { how, key } of levels) {
		const target = key(wanted);
		const candidates = records.filter((record) => key(nameOf(record)) === target);
		if (candidates.length === 1) return { match: candidates[0], how, candidates };
		if (candidates.length > 1) return { candidates };
	}
	return { candidates: [] };
}

/** findByName for HaloPSA clients (`name`). */
export function findClientByName<T extends { name?: unknown }>(clients: readonly T[], name: string): NameMatch<T> {
	return findByName(clients, name, (client) => (typeof client.name === 'string' ? client.name : ''));
}

/**
 * Where an asset's identifiers live: the asset tag, and the asset type's first three identifying
 * fields (usually hostname, serial number and model; API-NOTES §3.6).
 */
export const ASSET_IDENTIFIER_FIELDS = ['inventory_number', 'key_field', 'key_field2', 'key_field3'] as const;

export type AssetIdentifierField = (typeof ASSET_IDENTIFIER_FIELDS)[number];

export type IdentifierMatchHow = 'exact' | 'case-insensitive';

export interface AssetIdentifierMatch<T> {
	asset: T;
	how: IdentifierMatchHow;
	/** The field that matched (the first exact one, else the first case-insensitive one). */
	field: AssetIdentifierField;
}

/**
 * The assets whose asset tag or key field is the identifier (a hostname, serial number or asset
 * tag): whole values only, surrounding spaces ignored. Exact (same case) matches come first; serials
 * such as 5CG1234XYZ and 5cg1234xyz can belong to different devices, so the case is reported.
 */
export function matchAssetIdentifier<T extends object>(assets: readonly T[], identifier: string): AssetIdentifierMatch<T>[] {
	const wanted = identifier.trim();
	if (wanted === '') return [];
	const lower = wanted.toLowerCase();
	const matches: AssetIdentifierMatch<T>[] = [];
	for (const asset of assets) {
		let caseInsensitive: AssetIdentifierField | undefined;
		let exact: AssetIdentifierField | undefined;
		for (const field of ASSET_IDENTIFIER_FIELDS) {
			const raw = (asset as Record<string, unknown>)[field];
			const value = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
			if (value === wanted) {
				exact = field;
				break;
			}
			if (caseInsensitive === undefined && value.toLowerCase() === lower) caseInsensitive = field;
		}
		if (exact) matches.push({ asset, how: 'exact', field: exact });
		else if (caseInsensitive) matches.push({ asset, how: 'case-insensitive', field: caseInsensitive });
	}
	// Stable: exact matches first, each group in the order HaloPSA listed them.
	return [...matches.filter((match) => match.how === 'exact'), ...matches.filter((match) => match.how !== 'exact')];
}
