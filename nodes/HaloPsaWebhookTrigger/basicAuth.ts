/** Checking the Basic authentication HaloPSA sends with a webhook, in constant time. */
import { createHash, timingSafeEqual } from 'crypto';

export interface BasicCredentials {
	user: string;
	password: string;
}

/** The user name and password of an `Authorization: Basic …` header, or undefined. */
export function parseBasicAuthorization(header: unknown): BasicCredentials | undefined {
	if (typeof header !== 'string') return undefined;
	const match = /^\s*Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
	if (!match) return undefined;
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon < 0) return undefined;
	return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** Equal texts, compared in a time that does not depend on where they differ (or on their length). */
function sameText(a: string, b: string): boolean {
	const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
	return timingSafeEqual(digest(a), digest(b));
}

/** Whether the header carries exactly the expected user name and password. Both are always compared. */
export function isAuthorized(header: unknown, expected: BasicCredentials): boolean {
	const given = parseBasicAuthorization(header) ?? { user: '', password: '' };
	const userMatches = sameText(given.user, expected.user);
	const passwordMatches = sameText(given.password, expected.password);
	return userMatches && passwordMatches && expected.password !== '';
}

/** Why these credentials cannot work as Basic authentication, or undefined when they can. */
export function basicCredentialsProblem(credentials: Partial<BasicCredentials>): string | undefined {
	if (!credentials.user) return 'User is empty: enter the user name you give HaloPSA';
	if (credentials.user.includes(':')) return 'User contains a colon, which Basic authentication cannot carry: choose another user name';
	if (!credentials.password) return 'Password is empty: enter the password you give HaloPSA';
	return undefined;
}
