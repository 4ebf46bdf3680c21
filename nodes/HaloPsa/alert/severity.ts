/** Mapping an alert's severity word to a HaloPSA priority. */

export interface SeverityMapping {
	severity: string;
	priorityId: number;
}

/** The usual words for each level, so "crit", "P1" or "warning" find their row. */
const SYNONYMS: Record<string, string[]> = {
	critical: ['critical', 'crit', 'p1', 'sev1', 'severe', 'emergency', 'fatal'],
	high: ['high', 'p2', 'sev2', 'major', 'error'],
	medium: ['medium', 'med', 'moderate', 'p3', 'sev3', 'warning', 'warn'],
	low: ['low', 'p4', 'sev4', 'minor'],
	info: ['info', 'informational', 'information', 'p5', 'sev5', 'notice', 'none'],
};

function canonical(word: string): string {
	const text = word.trim().toLowerCase();
	for (const [level, words] of Object.entries(SYNONYMS)) if (words.includes(text)) return level;
	return text;
}

/** The priority for a severity: the mapping row for it (or a synonym), else `fallback`. */
export function priorityForSeverity(
	severity: string,
	mapping: SeverityMapping[],
	fallback: number | undefined,
): { priorityId: number | undefined; matched: boolean } {
	const wanted = canonical(severity);
	const row = mapping.find((entry) => canonical(entry.severity) === wanted);
	return row ? { priorityId: row.priorityId, matched: true } : { priorityId: fallback, matched: false };
}

/** Order of urgency from the mapping table: rows listed first are the most urgent. */
export function isMoreUrgent(candidate: number, current: number, mapping: SeverityMapping[]): boolean {
	const rank = (priorityId: number) => {
		const index = mapping.findIndex((entry) => entry.priorityId === priorityId);
		// Not in the table: HaloPSA's usual numbering, 1 = most urgent.
		return index === -1 ? mapping.length + priorityId : index;
	};
	return rank(candidate) < rank(current);
}
