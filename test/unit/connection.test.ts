import {
	HaloSettingsError,
	redactSecrets,
	requestTarget,
	resolveApiBaseUrl,
	STANDARD_SCOPES,
	tokenOwner,
	usableToken,
	validateInstanceUrl,
	validateNamespace,
	validateScopes,
	validateSettings,
	validateTenant,
} from '../../nodes/HaloPsa/transport/connection';

function settingsError(fn: () => unknown): HaloSettingsError {
	try {
		fn();
	} catch (error) {
		expect(error).toBeInstanceOf(HaloSettingsError);
		return error as HaloSettingsError;
	}
	throw new Error('expected a HaloSettingsError');
}

describe('namespace', () => {
	it.each(['acme', 'ACME', 'acme-2', 'a', 'x'.repeat(63), ' acme '])('accepts %p', (value) => {
		expect(validateNamespace(value)).toBe(value.trim().toLowerCase());
	});

	it.each([
		['', /Namespace is empty/],
		['   ', /Namespace is empty/],
		['acme.halopsa.com', /type 'acme' instead/],
		['https://acme.halopsa.com/', /type 'acme' instead/],
		['acme/evil', /one DNS label/],
		['evil.com#', /one DNS label/],
		['user@acme', /one DNS label/],
		['acme:8443', /one DNS label/],
		['..', /one DNS label/],
		['-acme', /one DNS label/],
		['acme_1', /one DNS label/],
		['x'.repeat(64), /one DNS label/],
		['ацме', /one DNS label/],
	])('refuses %p with a message that says what to type', (value, message) => {
		const error = settingsError(() => validateNamespace(value));
		expect(error.field).toBe('namespace');
		expect(error.message).toMatch(message);
	});

	it('cannot be used to reach another host', () => {
		for (const value of ['evil.com/', 'evil.com?', 'a@evil.com', 'evil.com\\', 'a.b']) {
			expect(() => resolveApiBaseUrl({ hosting: 'cloud', namespace: value })).toThrow(HaloSettingsError);
		}
		expect(resolveApiBaseUrl({ hosting: 'cloud', namespace: 'acme' })).toBe('https://acme.halopsa.com/api');
	});
});

describe('instance URL', () => {
	it.each([
		['https://support.example.com', 'https://support.example.com'],
		['https://support.example.com/', 'https://support.example.com'],
		['http://halo.local:8080', 'http://halo.local:8080'],
		['https://example.com/halo/', 'https://example.com/halo'],
		['HTTPS://Support.Example.com', 'https://support.example.com'],
	])('accepts %p as %p', (value, expected) => {
		expect(validateInstanceUrl(value)).toBe(expected);
	});

	it.each([
		['', /is empty/],
		['support.example.com', /not an absolute URL/],
		['ftp://support.example.com', /must start with https:\/\//],
		['javascript:alert(1)', /must start with https:\/\//],
		['file:///etc/passwd', /must start with https:\/\//],
		['https://user:pass@support.example.com', /user name, password or '@'/],
		['https://evil.com@support.example.com', /user name, password or '@'/],
		['https://support.example.com?x=1', /query/],
		['https://support.example.com#frag', /fragment/],
		['https://support.example.com/a/../b', /'\.\.' path segments/],
		['https://evil.com\\@support.example.com', /backslashes/],
		['https://support.example.com /x', /spaces/],
		['https://support.example.com/api', /without \/api/],
		['https://support.example.com/auth/', /without \/auth/],
	])('refuses %p', (value, message) => {
		const error = settingsError(() => validateInstanceUrl(value));
		expect(error.field).toBe('instanceUrl');
		expect(error.message).toMatch(message);
	});
});

describe('scopes and tenant', () => {
	it('keeps the standard scopes and normalises spacing', () => {
		expect(validateScopes(STANDARD_SCOPES)).toBe(STANDARD_SCOPES);
		expect(validateScopes('  read:tickets   all ')).toBe('read:tickets all');
	});

	it.each(['', 'read:tickets&admin=1', 'read:tickets,edit:tickets', 'read:'])('refuses scopes %p', (value) => {
		expect(settingsError(() => validateScopes(value)).field).toBe('scopes');
	});

	it('accepts an empty or plain tenant and refuses anything that could change the query', () => {
		expect(validateTenant('')).toBe('');
		expect(validateTenant('acme-prod')).toBe('acme-prod');
		expect(settingsError(() => validateTenant('acme&scope=all')).field).toBe('tenant');
		expect(settingsError(() => validateTenant('acme/../x')).field).toBe('tenant');
	});
});

describe('settings as a whole', () => {
	const good = { hosting: 'cloud', namespace: 'acme', clientId: 'abc', clientSecret: 's3cret' };

	it('needs a client id and secret', () => {
		expect(validateSettings(good)).toBe('https://acme.halopsa.com');
		expect(settingsError(() => validateSettings({ ...good, clientId: ' ' })).field).toBe('clientId');
		expect(settingsError(() => validateSettings({ ...good, clientSecret: '' })).field).toBe('clientSecret');
	});

	it('checks a custom authorisation server URL', () => {
		const error = settingsError(() => validateSettings({ ...good, authServer: 'custom', authServerUrl: 'https://a@b' }));
		expect(error.field).toBe('authServerUrl');
	});
});

describe('stored token', () => {
	const settings = { hosting: 'cloud', namespace: 'acme', clientId: 'abc', clientSecret: 's3cret' };
	const now = Date.UTC(2026, 10, 27);

	it('is used while fresh and for the settings it was issued for', () => {
		const stored = { ...settings, accessToken: 'tok', expiresAt: now + 600_000, issuedFor: tokenOwner(settings) };
		expect(usableToken(stored, now)).toBe('tok');
	});

	it('is dropped shortly before it expires, so HaloPSA answers 401 (not 400) and n8n renews it', () => {
		const stored = { ...settings, accessToken: 'tok', expiresAt: now + 10_000, issuedFor: tokenOwner(settings) };
		expect(usableToken(stored, now)).toBeUndefined();
	});

	it('is dropped when the namespace, client or scopes changed since it was issued', () => {
		const stored = { ...settings, accessToken: 'tok', expiresAt: now + 600_000, issuedFor: tokenOwner(settings) };
		expect(usableToken({ ...stored, namespace: 'other' }, now)).toBeUndefined();
		expect(usableToken({ ...stored, clientId: 'other' }, now)).toBeUndefined();
		expect(usableToken({ ...stored, scopes: 'all' }, now)).toBeUndefined();
		expect(usableToken({ ...stored, accessToken: '' }, now)).toBeUndefined();
	});
});

describe('helpers', () => {
	it('finds where a request goes, whichever URL form it uses', () => {
		expect(requestTarget({ url: 'https://a.example/api/x' })?.href).toBe('https://a.example/api/x');
		expect(requestTarget({ baseURL: 'https://a.example/api/', url: '/Tickets' })?.href).toBe('https://a.example/api/Tickets');
		expect(requestTarget({ baseURL: 'https://a.example/api', url: 'https://b.example/x' })?.host).toBe('b.example');
		expect(requestTarget({ url: 'not a url' })).toBeUndefined();
	});

	it('redacts the secret, the token and any bearer header from text', () => {
		const text = redactSecrets('secret=s3cret-value token=tok-123456 Authorization: Bearer abc.def', {
			clientSecret: 's3cret-value',
			accessToken: 'tok-123456',
		});
		expect(text).not.toMatch(/s3cret-value|tok-123456|abc\.def/);
	});
});
