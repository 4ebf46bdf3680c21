/**
 * Reading HaloPSA lists. Two facts shape this (API-NOTES §2): lists come either as an envelope
 * (`{record_count, tickets: […]}`) or as a bare array, and the server returns at most 100 records
 * a page whatever `page_size` asks for, while `record_count` stays the true total.
 */
import type { IDataObject } from 'n8n-workflow';

import { haloRequest, type HaloContext } from './request';

/** HaloPSA's page cap. Asking for more gets 100 anyway. */
export const HALO_PAGE_SIZE = 100;

export const paginationPolicy = {
	/** How many pages are fetched at once once the total is known (benchmarks compare with 1). */
	concurrency: 4,
};

/** A hard stop for lists without a total (a million records). */
const MAX_PAGES = 10_000;

export interface ListRequest {
	path: string;
	qs?: IDataObject;
	/** Envelope key (`tickets`, `clients`…); found automatically when omitted. */
	listKey?: string;
	/** Undefined = all records. */
	limit?: number;
	/** Records asked for per page; HaloPSA serves at most 100 whatever is asked. */
	pageSize?: number;
	itemIndex?: number;
	/**
	 * Ends the list at the first record this returns true for (that record and all after it are
	 * left out); it also gets the page the record is on. For lists ordered newest first and read
	 * down to a point in time: pages are then read one at a time, so nothing past that point is fetched.
	 */
	stopAt?: (record: IDataObject, page: IDataObject[]) => boolean;
}

interface Page {
	items: IDataObject[];
	/** The envelope's record_count, when there is an envelope. */
	total?: number;
	paged: boolean;
}

function toPage(response: unknown, listKey?: string): Page {
	if (Array.isArray(response)) return { items: response as IDataObject[], paged: false };
	if (response && typeof response === 'object') {
		const envelope = response as IDataObject;
		let items = listKey ? envelope[listKey] : undefined;
		if (!Array.isArray(items)) items = Object.values(envelope).find((value) => Array.isArray(value));
		const total = Number(envelope.record_count);
		return {
			items: Array.isArray(items) ? (items as IDataObject[]) : [],
			total: Number.isFinite(total) && total >= 0 ? total : undefined,
			paged: true,
		};
	}
	return { items: [], paged: false };
}

async function fetchPage(context: HaloContext, list: ListRequest, pageNo: number, pageSize: number): Promise<Page> {
	const response = await haloRequest(context, {
		method: 'GET',
		path: list.path,
		qs: { ...list.qs, pageinate: true, page_size: pageSize, page_no: pageNo },
		itemIndex: list.itemIndex,
	});
	return toPage(response, list.listKey);
}

/** Runs `task` for every number in `numbers`, at most `concurrency` at a time, results in order. */
export async function mapWithConcurrency<T>(numbers: number[], concurrency: number, task: (n: number) => Promise<T>): Promise<T[]> {
	const results: T[] = new Array(numbers.length);
	let next = 0;
	const workers = Array.from({ length: Math.min(concurrency, numbers.length) }, async () => {
		while (next < numbers.length) {
			const index = next++;
			results[index] = await task(numbers[index]);
		}
	});
	await Promise.all(workers);
	return results;
}

/**
 * Returns all records of a list, or the first `limit`. The first page tells the total; the rest are
 * fetched a few at a time. Ends on a short or empty page, at `record_count`, or at the limit, so it
 * can never loop forever even if the server misreports the total.
 */
export async function haloList(context: HaloContext, list: ListRequest): Promise<IDataObject[]> {
	const limit = list.limit;
	const requested = list.pageSize ?? HALO_PAGE_SIZE;
	const pageSize = limit === undefined ? requested : Math.min(Math.max(1, limit), requested);
	if (list.stopAt) return await listUntil(context, list, list.stopAt, pageSize);
	const first = await fetchPage(context, list, 1, pageSize);
	const records = [...first.items];
	const wanted = limit ?? Number.POSITIVE_INFINITY;
	// Bare arrays are not paginated by HaloPSA: the one answer is the whole list.
	if (!first.paged) return records.slice(0, wanted);

	// The real page size is what the server sent, not what we asked for.
	const served = first.items.length;
	if (served === 0 || records.length >= wanted) return records.slice(0, wanted);

	if (first.total !== undefined) {
		if (served >= first.total) return records.slice(0, wanted);
		const lastPage = Math.ceil(Math.min(first.total, wanted) / served);
		const pageNumbers = Array.from({ length: Math.max(0, lastPage - 1) }, (_, index) => index + 2);
		const pages = await mapWithConcurrency(pageNumbers, paginationPolicy.concurrency, async (pageNo) =>
			fetchPage(context, list, pageNo, pageSize),
		);
		for (const page of pages) {
			records.push(...page.items);
			if (page.items.length < served) break;
		}
		return records.slice(0, wanted);
	}

	// No total given: page by page until a short page (shorter than the cap or than what we asked).
	// A server that ignores page_no would repeat the same page forever, so a repeated first record
	// also ends the loop.
	if (served < Math.min(pageSize, HALO_PAGE_SIZE)) return records;
	let previousFirstId = first.items[0]?.id;
	for (let pageNo = 2; pageNo <= MAX_PAGES; pageNo++) {
		const page = await fetchPage(context, list, pageNo, pageSize);
		if (page.items.length > 0 && page.items[0]?.id !== undefined && page.items[0].id === previousFirstId) break;
		previousFirstId = page.items[0]?.id;
		records.push(...page.items);
		if (page.items.length < served || records.length >= wanted) break;
	}
	return records.slice(0, wanted);
}

/**
 * Page by page until `stopAt` matches a record, a page comes back short or empty, `record_count` is
 * reached, or the limit. A page that starts with the previous page's first record (a server that
 * ignores page_no) also ends it.
 */
async function listUntil(
	context: HaloContext,
	list: ListRequest,
	stopAt: NonNullable<ListRequest['stopAt']>,
	pageSize: number,
): Promise<IDataObject[]> {
	const wanted = list.limit ?? Number.POSITIVE_INFINITY;
	const records: IDataObject[] = [];
	let served = 0;
	let previousFirstId: unknown;
	for (let pageNo = 1; pageNo <= MAX_PAGES; pageNo++) {
		const page = await fetchPage(context, list, pageNo, pageSize);
		if (pageNo > 1 && page.items.length > 0 && page.items[0]?.id !== undefined && page.items[0].id === previousFirstId) break;
		previousFirstId = page.items[0]?.id;
		for (const record of page.items) {
			if (stopAt(record, page.items) || records.length >= wanted) return records;
			records.push(record);
		}
		if (!page.paged || page.items.length === 0) break;
		if (pageNo === 1) served = page.items.length;
		// With a total, the real page size is what the server sent; without, a short page is the last.
		const lastPage =
			page.total !== undefined
				? pageNo * served >= page.total
				: page.items.length < (pageNo === 1 ? Math.min(pageSize, HALO_PAGE_SIZE) : served);
		if (lastPage) break;
	}
	return records;
}
