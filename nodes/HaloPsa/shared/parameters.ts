/**
 * Reading node parameters safely: every value is checked before any request, and a bad one gives
 * an error that names the field and says what to enter.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Reads a record id from a resource locator or a plain field: a positive whole number. */
export function readId(context: IExecuteFunctions, name: string, itemIndex: number, label: string): number {
	const raw = context.getNodeParameter(name, itemIndex, undefined, { extractValue: true }) as unknown;
	return parseId(context, raw, itemIndex, label);
}

/** Like readId for a field that may be left empty (also a nested path such as `additionalFields.siteId`). */
export function optionalId(context: IExecuteFunctions, path: string, itemIndex: number, label: string): number | undefined {
	// null when the field is not set at all (n8n throws for a missing parameter without a fallback).
	const raw = context.getNodeParameter(path, itemIndex, null, { extractValue: true }) as unknown;
	if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return undefined;
	return parseId(context, raw, itemIndex, label);
}

/** `context` only names the node in the error, so any n8n context will do (triggers use it too). */
export function parseId(context: Pick<IExecuteFunctions, 'getNode'>, raw: unknown, itemIndex: number, label: string): number {
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

/** Reads a text field that must not be empty; `fix` says what to enter. */
export function readText(context: IExecuteFunctions, name: string, itemIndex: number, label: string, fix: string): string {
	const raw = context.getNodeParameter(name, itemIndex, '') as unknown;
	const text = typeof raw === 'string' ? raw.trim() : typeof raw === 'number' ? String(raw) : '';
	if (text === '') throw new NodeOperationError(context.getNode(), `${label} is empty: ${fix}`, { itemIndex });
	return text;
}

/**
 * How a field of a Filters, Additional Fields or Update Fields collection becomes a HaloPSA value:
 * - `id`: a record ID from a resource locator or a dropdown (left out when empty);
 * - `requiredText`: text that may not be empty (e.g. a name on update);
 * - `text`: text as entered, trimmed (empty clears the field in HaloPSA);
 * - `email`: an e-mail address (empty clears it);
 * - `boolean`: true or false, sent either way;
 * - `searchText`: query text, left out when empty;
 * - `flag`: a query switch, sent as `true` only when on.
 */
export type CollectionFieldKind = 'id' | 'requiredText' | 'text' | 'email' | 'boolean' | 'searchText' | 'flag';

/** A field of a collection: the n8n parameter (its name and display name) and what it sets in HaloPSA. */
export interface CollectionField {
	property: INodeProperties;
	/** The HaloPSA field or query parameter it sets. */
	halo: string;
	kind: CollectionFieldKind;
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/**
 * Reads the fields the user added to a collection and returns them under HaloPSA's names, each
 * checked (see CollectionFieldKind). `requireOne` names the collection when it may not be empty
 * (Update Fields).
 */
export function readCollectionFields(
	context: IExecuteFunctions,
	itemIndex: number,
	collection: string,
	fields: readonly CollectionField[],
	options: { requireOne?: string } = {},
): IDataObject {
	const values = readCollection(context, collection, itemIndex);
	const fail = (message: string): never => {
		throw new NodeOperationError(context.getNode(), message, { itemIndex });
	};
	const result: IDataObject = {};
	for (const { property, halo, kind } of fields) {
		const { name, displayName: label } = property;
		const value = values[name];
		if (value === undefined) continue;
		if (kind === 'id') {
			const id = optionalId(context, `${collection}.${name}`, itemIndex, label);
			if (id !== undefined) result[halo] = id;
			continue;
		}
		if (kind === 'boolean' || kind === 'flag') {
			const flag = value === true || value === 'true' ? true : value === false || value === 'false' ? false : undefined;
			if (flag === undefined) fail(`${label} must be true or false, not '${String(value).slice(0, 40)}'`);
			if (kind === 'boolean' || flag) result[halo] = flag;
			continue;
		}
		const text = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : undefined;
		if (text === undefined) fail(`${label} must be text, not ${JSON.stringify(value).slice(0, 40)}`);
		if (kind === 'searchText' && text === '') continue;
		if (kind === 'requiredText' && text === '') fail(`${label} cannot be empty: enter a value, or remove the field`);
		if (kind === 'email' && text !== '' && !EMAIL.test(text as string)) {
			fail(`${label} '${String(text).slice(0, 60)}' is not an e-mail address: enter one like jane@example.com`);
		}
		result[halo] = text;
	}
	if (options.requireOne && Object.keys(result).length === 0) {
		fail(`${options.requireOne} is empty: add at least one field to change`);
	}
	return result;
}

/** Reads an options parameter (also inside a collection) and checks it is one of `allowed`: an expression can give anything. */
export function readChoice<T extends string>(
	context: IExecuteFunctions,
	name: string,
	itemIndex: number,
	label: string,
	allowed: readonly T[],
	fallback: T,
): T {
	const value = context.getNodeParameter(name, itemIndex, fallback) as unknown;
	if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
	throw new NodeOperationError(
		context.getNode(),
		`${label} '${String(value).slice(0, 40)}' is not one of: ${allowed.join(', ')}`,
		{ itemIndex },
	);
}
