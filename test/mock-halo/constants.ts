/** Credentials and scopes of the demo API application (API-NOTES §1, DESIGN.md "The setup a user does"). */
export const DEMO_CLIENT_ID = 'demo-client';
// Treat as a secret: the mock never logs it (token request bodies are logged with '***').
export const DEMO_CLIENT_SECRET = 'demo-secret-0123456789';
export const DEMO_TENANT = 'demo';
/** The six scopes the package's documentation tells users to grant. */
export const STANDARD_SCOPES = 'read:tickets edit:tickets read:customers read:assets read:projects all:teams';

/** Agent the demo application logs in as. */
export const DEMO_API_AGENT_ID = 5;

/** Scopes Halo knows (API-NOTES §1.2, HaloAPI's list) plus `all:teams`. Anything else is `invalid_scope`. */
export const KNOWN_SCOPES: readonly string[] = [
	'all', 'all:standard', 'all:teams', 'admin',
	'read:tickets', 'edit:tickets', 'read:calendar', 'edit:calendar',
	'read:customers', 'edit:customers', 'read:crm', 'edit:crm',
	'editMine:timesheets', 'read:timesheets', 'edit:timesheets',
	'read:contracts', 'edit:contracts', 'read:suppliers', 'edit:suppliers',
	'read:items', 'edit:items', 'read:projects', 'edit:projects',
	'read:sales', 'edit:sales', 'read:quotes', 'edit:quotes', 'read:sos', 'edit:sos',
	'read:pos', 'edit:pos', 'read:invoices', 'edit:invoices',
	'read:reporting', 'edit:reporting', 'read:software', 'edit:software',
	'read:softwarelicensing', 'edit:softwarelicensing', 'read:kb', 'edit:kb',
	'read:assets', 'edit:assets', 'access:chat', 'access:adpasswordreset',
];

/** Status `type` values used by the mock (see README: which statuses count as closed). */
export const STATUS_TYPE = { open: 0, onHold: 1, pendingClosure: 2, closed: 3 } as const;
export const CLOSED_STATUS_ID = 9;

/** Body of Halo's 429 (API-NOTES §5). */
export const RATE_LIMIT_MESSAGE = 'Rate Limit Reached - 300 Requests per rolling 5 minute window.';

/** Halo caps every page at 100 records whatever `page_size` asks for (API-NOTES §2.4). */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 50;

/** Halo's built-in "Unassigned" agent (API-NOTES §3.9). */
export const UNASSIGNED_AGENT_ID = 1;
/** Client a ticket lands on when the POST names no client, site or user (the MSP's own "Internal"). */
export const DEFAULT_TICKET_CLIENT_ID = 1;
export const DEFAULT_TICKET_TYPE_ID = 1;
export const DEFAULT_PROJECT_TYPE_ID = 30;
/** Custom field `type` values used by the mock. */
export const CUSTOM_FIELD_TYPE = { text: 0, select: 2 } as const;
