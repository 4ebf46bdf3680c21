import { existsSync, readFileSync } from 'fs';

import { parseHaloDate } from './dates';
import type { SchemaCheckStatus } from './types';

interface JsonSchema {
	type?: string;
	format?: string;
	$ref?: string;
	items?: JsonSchema;
	properties?: Record<string, JsonSchema>;
}

interface OpenApiDocument {
	paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>;
	components: { schemas: Record<string, JsonSchema> };
}

export interface SchemaProblem {
	kind: 'unknown-property' | 'invalid-value';
	schema: string;
	/** Dotted path inside the record, e.g. `customfields[0].bar`. */
	property: string;
	message: string;
}

// Nested records (assets, customfields, ...) are checked this many levels down.
const MAX_DEPTH = 3;
const documentCache = new Map<string, OpenApiDocument>();

/** Checks posted records against the request schemas of Halo's OpenAPI export (the API contract). */
export class OpenApiSchemas {
	private constructor(private readonly document: OpenApiDocument) {}

	static load(openApiPath: string): { schemas: OpenApiSchemas | null; status: SchemaCheckStatus } {
		if (!existsSync(openApiPath)) {
			return { schemas: null, status: { enabled: false, openApiPath, reason: 'file not found' } };
		}
		try {
			let document = documentCache.get(openApiPath);
			if (!document) {
				document = JSON.parse(readFileSync(openApiPath, 'utf8')) as OpenApiDocument;
				documentCache.set(openApiPath, document);
			}
			return { schemas: new OpenApiSchemas(document), status: { enabled: true, openApiPath } };
		} catch (error) {
			return { schemas: null, status: { enabled: false, openApiPath, reason: `unreadable: ${(error as Error).message}` } };
		}
	}

	/** Name of the schema a POST to `/<resource>` takes an array of (e.g. 'Faults' for '/Tickets'). */
	requestSchemaName(resourcePath: string): string | undefined {
		const key = Object.keys(this.document.paths).find((path) => path.toLowerCase() === resourcePath.toLowerCase());
		const content = key ? this.document.paths[key].post?.requestBody?.content : undefined;
		const schema = content?.['application/json']?.schema;
		return schemaNameOf(schema?.items?.$ref);
	}

	/**
	 * The record as Halo's deserialiser would see it: properties outside the schema dropped,
	 * numeric and boolean strings turned into numbers and booleans.
	 */
	normalize(schemaName: string, record: Record<string, unknown>): Record<string, unknown> {
		const properties = this.document.components.schemas[schemaName]?.properties ?? {};
		const normalized: Record<string, unknown> = {};
		for (const [name, value] of Object.entries(record)) {
			const fieldSchema = properties[name];
			if (fieldSchema) normalized[name] = coerceScalar(fieldSchema, value);
		}
		return normalized;
	}

	check(schemaName: string, record: unknown): SchemaProblem[] {
		const problems: SchemaProblem[] = [];
		this.checkObject(schemaName, record, '', 0, problems);
		return problems;
	}

	private checkObject(schemaName: string, value: unknown, path: string, depth: number, problems: SchemaProblem[]): void {
		const schema = this.document.components.schemas[schemaName];
		if (!schema) return;
		if (!isPlainObject(value)) {
			problems.push({ kind: 'invalid-value', schema: schemaName, property: path || '(record)', message: `Each ${schemaName} record must be a JSON object` });
			return;
		}
		for (const [name, fieldValue] of Object.entries(value)) {
			const property = path ? `${path}.${name}` : name;
			const fieldSchema = schema.properties?.[name];
			if (!fieldSchema) {
				problems.push({ kind: 'unknown-property', schema: schemaName, property, message: `Property '${name}' is not a field of ${schemaName}` });
				continue;
			}
			this.checkValue(fieldSchema, fieldValue, { schemaName, name, property }, depth, problems);
		}
	}

	private checkValue(
		fieldSchema: JsonSchema,
		value: unknown,
		at: { schemaName: string; name: string; property: string },
		depth: number,
		problems: SchemaProblem[],
	): void {
		if (value === null || value === undefined) return;
		const invalid = (expected: string): void => {
			problems.push({
				kind: 'invalid-value',
				schema: at.schemaName,
				property: at.property,
				message: `Error converting value ${JSON.stringify(value)} to ${expected} for '${at.name}' of ${at.schemaName}`,
			});
		};
		const nested = schemaNameOf(fieldSchema.$ref);
		if (nested) {
			if (depth < MAX_DEPTH) this.checkObject(nested, value, at.property, depth + 1, problems);
			return;
		}
		switch (fieldSchema.type) {
			case 'integer':
				if (!isIntegerLike(value)) invalid('an integer');
				return;
			case 'number':
				if (!isNumberLike(value)) invalid('a number');
				return;
			case 'boolean':
				if (!isBooleanLike(value)) invalid('a boolean');
				return;
			case 'string':
				if (typeof value === 'object') invalid('a string');
				else if (fieldSchema.format === 'date-time' && typeof value === 'string' && value !== '' && Number.isNaN(parseHaloDate(value))) invalid('a date');
				return;
			case 'array':
				if (!Array.isArray(value)) {
					invalid('an array');
					return;
				}
				value.forEach((item, index) => {
					const itemAt = { ...at, property: `${at.property}[${index}]` };
					this.checkValue(fieldSchema.items ?? {}, item, itemAt, depth, problems);
				});
				return;
			default:
				return;
		}
	}
}

function coerceScalar(fieldSchema: JsonSchema, value: unknown): unknown {
	if (typeof value === 'string' && (fieldSchema.type === 'integer' || fieldSchema.type === 'number') && isNumberLike(value)) return Number(value);
	if (fieldSchema.type === 'boolean' && (typeof value === 'string' || typeof value === 'number') && isBooleanLike(value)) {
		return String(value).trim().toLowerCase() === 'true' || value === 1;
	}
	return value;
}

function schemaNameOf(ref: string | undefined): string | undefined {
	return ref?.split('/').pop();
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Halo accepts numeric strings such as "12" for ints but rejects "95.0" (API-NOTES §7.4).
function isIntegerLike(value: unknown): boolean {
	if (typeof value === 'number') return Number.isInteger(value);
	return typeof value === 'string' && /^\s*-?\d+\s*$/.test(value);
}

function isNumberLike(value: unknown): boolean {
	if (typeof value === 'number') return Number.isFinite(value);
	return typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value);
}

function isBooleanLike(value: unknown): boolean {
	if (typeof value === 'boolean') return true;
	if (typeof value === 'number') return value === 0 || value === 1;
	return typeof value === 'string' && ['true', 'false'].includes(value.trim().toLowerCase());
}
