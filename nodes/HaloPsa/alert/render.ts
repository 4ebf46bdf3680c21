/**
 * An alert's data as readable HTML for a ticket's `details_html` or a note's `note_html`: a headline
 * block, then every field as a table row, nested objects and arrays flattened with readable labels.
 * Every value is HTML-escaped; only http(s) addresses become links.
 */
import type { IDataObject } from 'n8n-workflow';

export interface AlertHeadline {
	title: string;
	customer: string;
	severity?: string;
	/** ISO date-time or any readable time. */
	detectedAt?: string;
	link?: string;
	/** Extra lines above the table (free text, escaped). */
	extraText?: string;
	/** Lines such as "Occurrence 3 of alert X". */
	notes?: string[];
}

/** Rows and characters kept, so a huge alert still makes a ticket HaloPSA accepts. */
const MAX_ROWS = 400;
const MAX_VALUE_CHARS = 4_000;
const MAX_DEPTH = 8;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (char) => ESCAPES[char]);
}

/** A link only for an absolute http(s) address; anything else (javascript:, data:…) stays text. */
export function safeLink(value: string, label = value): string {
	const text = value.trim();
	if (/^https?:\/\/[^\s"'<>]+$/i.test(text)) {
		try {
			const url = new URL(text);
			if (url.protocol === 'http:' || url.protocol === 'https:') {
				return `<a href="${escapeHtml(url.href)}">${escapeHtml(label)}</a>`;
			}
		} catch {
			// not a URL after all: shown as text below
		}
	}
	return escapeHtml(label);
}

/** "detected_at" → "Detected at", "userPrincipalName" → "User principal name". */
export function readableLabel(key: string): string {
	const words = key
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.replace(/[_\-.]+/g, ' ')
		.trim()
		.toLowerCase();
	return words === '' ? key : words.charAt(0).toUpperCase() + words.slice(1);
}

function clip(text: string): string {
	return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS)}… (${text.length - MAX_VALUE_CHARS} more characters)` : text;
}

/** Flattens nested data to [label path, value] rows: "User › Email", "Devices 2 › Hostname". */
export function flattenAlert(data: unknown): Array<[string, string]> {
	const rows: Array<[string, string]> = [];
	const seen = new Set<object>();
	const visit = (value: unknown, label: string, depth: number) => {
		if (rows.length > MAX_ROWS) return;
		if (value === null || value === undefined) {
			if (label) rows.push([label, '']);
			return;
		}
		if (typeof value !== 'object') {
			rows.push([label || 'Value', String(value)]);
			return;
		}
		if (seen.has(value) || depth > MAX_DEPTH) {
			rows.push([label, '…']);
			return;
		}
		seen.add(value);
		if (Array.isArray(value)) {
			if (value.length === 0) rows.push([label, '(none)']);
			else if (value.every((entry) => entry === null || typeof entry !== 'object')) rows.push([label, value.map(String).join(', ')]);
			else value.forEach((entry, index) => visit(entry, `${label} ${index + 1}`.trim(), depth + 1));
			return;
		}
		const entries = Object.entries(value as IDataObject);
		if (entries.length === 0 && label) rows.push([label, '(empty)']);
		for (const [key, entry] of entries) visit(entry, label ? `${label} › ${readableLabel(key)}` : readableLabel(key), depth + 1);
	};
	visit(data, '', 0);
	if (rows.length > MAX_ROWS) {
		const dropped = rows.length - MAX_ROWS;
		rows.length = MAX_ROWS;
		rows.push(['…', `${dropped}+ more fields not shown`]);
	}
	return rows;
}

function headlineRow(label: string, valueHtml: string): string {
	return `<tr><th style="text-align:left;padding:2px 8px 2px 0">${escapeHtml(label)}</th><td>${valueHtml}</td></tr>`;
}

export function renderAlertHtml(headline: AlertHeadline, data: unknown): string {
	const parts: string[] = [];
	for (const note of headline.notes ?? []) parts.push(`<p><b>${escapeHtml(note)}</b></p>`);
	if (headline.extraText && headline.extraText.trim() !== '') {
		parts.push(`<p>${escapeHtml(headline.extraText.trim()).replace(/\r?\n/g, '<br>')}</p>`);
	}
	const head = [
		headlineRow('What', escapeHtml(headline.title)),
		headlineRow('Customer', escapeHtml(headline.customer)),
	];
	if (headline.severity) head.push(headlineRow('Severity', escapeHtml(headline.severity)));
	if (headline.detectedAt) head.push(headlineRow('When', escapeHtml(headline.detectedAt)));
	if (headline.link) head.push(headlineRow('Link', safeLink(headline.link)));
	parts.push(`<table>${head.join('')}</table>`);
	const rows = flattenAlert(data).map(([label, value]) =>
		`<tr><td style="padding:2px 8px 2px 0;vertical-align:top">${escapeHtml(label)}</td><td>${safeLink(clip(value))}</td></tr>`,
	);
	if (rows.length > 0) {
		parts.push(`<h4>Alert details</h4><table border="1" cellpadding="4" style="border-collapse:collapse">${rows.join('')}</table>`);
	}
	return parts.join('\n');
}

/** The same content as plain text, for the ticket's `details` field and for logs. */
export function renderAlertText(headline: AlertHeadline, data: unknown): string {
	const lines: string[] = [...(headline.notes ?? [])];
	if (headline.extraText?.trim()) lines.push(headline.extraText.trim(), '');
	lines.push(`What: ${headline.title}`, `Customer: ${headline.customer}`);
	if (headline.severity) lines.push(`Severity: ${headline.severity}`);
	if (headline.detectedAt) lines.push(`When: ${headline.detectedAt}`);
	if (headline.link) lines.push(`Link: ${headline.link}`);
	lines.push('', ...flattenAlert(data).map(([label, value]) => `${label}: ${clip(value)}`));
	return lines.join('\n');
}
