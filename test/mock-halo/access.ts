import type { MockResponse } from './http';

/** Which OAuth scopes and which agent permission a resource needs (API-NOTES §1.2). */
export interface AccessRule {
	readScope: string;
	writeScope: string;
	/** Agent permission area: a denied `<area>:read` / `<area>:edit` answers 403 with text. */
	permissionArea: string;
}

export const TICKETS_ACCESS: AccessRule = { readScope: 'read:tickets', writeScope: 'edit:tickets', permissionArea: 'tickets' };
export const CUSTOMERS_ACCESS: AccessRule = { readScope: 'read:customers', writeScope: 'edit:customers', permissionArea: 'customers' };
export const ASSETS_ACCESS: AccessRule = { readScope: 'read:assets', writeScope: 'edit:assets', permissionArea: 'assets' };
export const PROJECTS_ACCESS: AccessRule = { readScope: 'read:projects', writeScope: 'edit:projects', permissionArea: 'projects' };
// Halo has no scope for agents/teams (they follow the API agent's role); the package's app grants `all:teams`.
export const TEAMS_ACCESS: AccessRule = { readScope: 'all:teams', writeScope: 'all:teams', permissionArea: 'teams' };

/** Scopes that grant everything. */
const SUPER_SCOPES = ['all', 'admin', 'all:standard'];

/** `edit:X` implies `read:X`; `all`/`admin` grant every scope. */
export function hasScope(granted: ReadonlySet<string>, required: string): boolean {
	if (SUPER_SCOPES.some((scope) => granted.has(scope))) return true;
	if (granted.has(required)) return true;
	const [verb, area] = required.split(':');
	return verb === 'read' && granted.has(`edit:${area}`);
}

export type AccessKind = 'read' | 'edit';

export function accessKindOf(method: string): AccessKind {
	return method === 'GET' || method === 'HEAD' ? 'read' : 'edit';
}

/** Permissions denied to agents (setAgentPermissions), e.g. 'tickets:read'. */
export class AgentPermissions {
	private readonly denied = new Map<number, Set<string>>();

	set(agentId: number, denied: string[]): void {
		this.denied.set(agentId, new Set(denied.map((permission) => permission.toLowerCase())));
	}

	clear(): void {
		this.denied.clear();
	}

	isDenied(agentId: number, permission: string): boolean {
		return this.denied.get(agentId)?.has(permission.toLowerCase()) ?? false;
	}
}

/**
 * Scope missing -> 403 with an EMPTY body (as Halo often answers, API-NOTES §5);
 * agent permission denied -> 403 with a short text naming the resource.
 */
export function checkAccess(
	rule: AccessRule,
	method: string,
	displayName: string,
	grantedScopes: ReadonlySet<string>,
	agentId: number,
	permissions: AgentPermissions,
): MockResponse | null {
	const kind = accessKindOf(method);
	const scope = kind === 'read' ? rule.readScope : rule.writeScope;
	if (!hasScope(grantedScopes, scope)) return { status: 403 };
	if (permissions.isDenied(agentId, `${rule.permissionArea}:${kind}`)) {
		const verb = kind === 'read' ? 'view' : method === 'DELETE' ? 'delete' : 'edit';
		return { status: 403, body: `You do not have permission to ${verb} ${displayName}` };
	}
	return null;
}
