/** Generic list behaviour: filters, search, ordering and pagination (API-NOTES §2). */
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './constants';
import { isTrue, type Query } from './http';
import type { MockStore, StoredRecord } from './store';

export interface FilterContext {
	query: Query;
	store: MockStore;
}

/**
 * A query-parameter filter: keeps the record when it matches the parameter's (non-empty) value.
 * Typed through a method so a filter of a concrete record type fits any descriptor (method parameters are bivariant).
 */
export type FilterFn<T> = { match(record: T, value: string, ctx: FilterContext): boolean }['match'];

/** Comma-separated ids, as Halo takes array filters (API-NOTES §2.1). */
export function intList(value: string): number[] {
	return value
		.split(',')
		.map((part) => Number(part.trim()))
		.filter((id) => Number.isFinite(id));
}

export function contains(haystack: unknown, needle: string): boolean {
	return typeof haystack === 'string' && haystack.toLowerCase().includes(needle.toLowerCase());
}

export const filterBy = {
	intEquals:
		<T extends StoredRecord>(field: keyof T & string): FilterFn<T> =>
		(record, value) =>
			Number(record[field]) === Number(value),
	intIn:
		<T extends StoredRecord>(field: keyof T & string): FilterFn<T> =>
		(record, value) =>
			intList(value).includes(Number(record[field])),
	textContains:
		<T extends StoredRecord>(field: keyof T & string): FilterFn<T> =>
		(record, value) =>
			contains(record[field], value),
	textEquals:
		<T extends StoredRecord>(field: keyof T & string): FilterFn<T> =>
		(record, value) =>
			String(record[field] ?? '').toLowerCase() === value.toLowerCase(),
};

/** Case-insensitive substring match on any of the fields. */
export function searchFields<T extends StoredRecord>(...fields: (keyof T & string)[]): (record: T, term: string, query: Query) => boolean {
	return (record, term) => fields.some((field) => contains(record[field], term));
}

/** Client/Site/Users/Asset: active records by default, inactive ones with `includeinactive=true`. */
export function passesActiveFilter(inactive: unknown, query: Query): boolean {
	const includeActive = query.includeactive === undefined || isTrue(query.includeactive);
	const includeInactive = isTrue(query.includeinactive);
	return inactive === true ? includeInactive : includeActive;
}

/** `order` + `orderdesc` (numbers numerically, text case-insensitively, empty values last). */
export function sortRecords<T extends StoredRecord>(records: T[], query: Query, defaultOrder: readonly string[] = ['id']): T[] {
	const fields = query.order ? [query.order] : defaultOrder;
	const direction = isTrue(query.orderdesc) ? -1 : 1;
	const byFields = (a: T, b: T): number => {
		for (const field of fields) {
			const difference = compareValues(a[field], b[field]);
			if (difference) return difference;
		}
		return 0;
	};
	return [...records].sort((a, b) => byFields(a, b) * direction || compareValues(a.id, b.id));
}

function compareValues(a: unknown, b: unknown): number {
	const aEmpty = a === undefined || a === null || a === '';
	const bEmpty = b === undefined || b === null || b === '';
	if (aEmpty || bEmpty) return aEmpty === bEmpty ? 0 : aEmpty ? 1 : -1;
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	return String(a).localeCompare(String(b), 'en', { sensitivity: 'base', numeric: true });
}

export interface Page<T> {
	items: T[];
	pageNo: number;
	pageSize: number;
}

/**
 * `pageinate=true`: 1-based `page_no`, `page_size` capped at 100 (the cap also sets the offset);
 * otherwise `count` limits the result; with neither, everything is returned.
 */
export function paginate<T>(records: T[], query: Query): Page<T> {
	if (isTrue(query.pageinate)) {
		const requested = positiveInt(query.page_size) ?? DEFAULT_PAGE_SIZE;
		const pageSize = Math.min(requested, MAX_PAGE_SIZE);
		const pageNo = positiveInt(query.page_no) ?? 1;
		const start = (pageNo - 1) * pageSize;
		return { items: records.slice(start, start + pageSize), pageNo, pageSize };
	}
	const count = positiveInt(query.count);
	const items = count === undefined ? records : records.slice(0, count);
	return { items, pageNo: 1, pageSize: items.length };
}

function positiveInt(value: string | undefined): number | undefined {
	if (value === undefined || value.trim() === '') return undefined;
	const number = Math.floor(Number(value));
	return Number.isFinite(number) && number > 0 ? number : undefined;
}

/** A copy of the record without the listed fields (list items are a subset of the full record). */
export function omitFields<T extends StoredRecord>(record: T, fields: readonly string[]): Record<string, unknown> {
	const copy: Record<string, unknown> = { ...record };
	for (const field of fields) delete copy[field];
	return copy;
}
