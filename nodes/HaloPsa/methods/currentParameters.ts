import type { ILoadOptionsFunctions } from 'n8n-workflow';

/**
 * The id of a record the user already picked in the same node (the client, for sites and users;
 * the ticket type, for priorities): the first of `names` that holds one. Read raw, because the
 * parameter may not be shown for this operation, and a locator keeps its id in `value`.
 */
export function pickedId(context: ILoadOptionsFunctions, names: string[]): number | undefined {
	for (const name of names) {
		const raw = context.getCurrentNodeParameter(name) as unknown;
		const value = raw && typeof raw === 'object' && 'value' in raw ? (raw as { value: unknown }).value : raw;
		const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
		if (/^[1-9]\d{0,9}$/.test(text)) return Number(text);
	}
	return undefined;
}
