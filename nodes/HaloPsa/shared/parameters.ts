/**
 * Reading node parameters safely: every value is checked before any request, and a bad one gives
 * an error that names the field and says what to enter.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Reads a record id from a resource locator or a plain field: a positive whole number. */
export function readId(context: IExecuteFunctions, name: string, itemIndex: number, label: string): number {
	const raw = context.getNodeParameter(name, itemIndex, undefined, { extractValue: true }) as unknown;
	return parseId(context, raw, itemIndex, label);
}

/** Like readId for a field that may be left empty (also a nested path such as `additionalFields.siteId`). */
export function optionalId(context: IExecuteFunctions, path: string, itemIndex: number, label: string): number | undefined {
	const raw = context.getNodeParameter(path, itemIndex, undefined, { extractValue: true }) as unknown;
	if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return undefined;
	return parseId(context, raw, itemIndex, label);
}

export function parseId(context: IExecuteFunctions, raw: unknown, itemIndex: number, label: string): number {
	const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
	if (text === '') {
		throw new NodeOperationError(context.getNode(), `${label} is empty: pick one from the list or enter its ID`, { itemIndex });
	}
	if (!/^[1-9]\d{0,9}$/.test(text) || Number(text) > 2147483647) {
		throw new NodeOperationError(
			context.getNode(),
			`${label} '${text.slice(0, 40)}' is not a HaloPSA ID: enter a positive whole number such as 1234 (no decimals, signs or spaces)`,
			{ itemIndex },
		);
	}
	return Number(text);
}

/** Reads an options collection (Additional Fields, Options…) as an object. */
export function readCollection(context: IExecuteFunctions, name: string, itemIndex: number): IDataObject {
	const value = context.getNodeParameter(name, itemIndex, {}) as unknown;
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};
}

/** Return All / Limit: undefined means everything. */
export function readLimit(context: IExecuteFunctions, itemIndex: number): number | undefined {
	if (context.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	const limit = Number(context.getNodeParameter('limit', itemIndex, 50));
	if (!Number.isInteger(limit) || limit < 1) {
		throw new NodeOperationError(context.getNode(), `Limit '${String(limit)}' must be a whole number of at least 1`, {
			itemIndex,
		});
	}
	return limit;
}
