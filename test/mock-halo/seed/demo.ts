/**
 * Demo data of a small MSP's Halo instance. Plain data: ids are explicit so tests can name them;
 * names repeated on related records (client_name, site_name, ...) are filled in by the loader.
 * Relative dates are in days before "now" so the data always looks recent.
 */
import { CUSTOM_FIELD_TYPE, STATUS_TYPE } from '../constants';
import type {
	Agent,
	AgentTeam,
	Asset,
	AssetType,
	Category,
	Client,
	CustomFieldDefinition,
	Outcome,
	Priority,
	Site,
	Sla,
	Status,
	Team,
	TicketType,
	TopLevel,
	User,
} from '../store';

// ---------------------------------------------------------------------------------------------
// Configuration (also present in the 'empty' seed)
// ---------------------------------------------------------------------------------------------

export const topLevels: TopLevel[] = [
	{ id: 1, name: 'Internal' },
	{ id: 2, name: 'Managed Services' },
];

export const teams: Team[] = [
	{ id: 1, name: 'Service Desk', sequence: 1, forrequests: true, forprojects: false, foropps: false, inactive: false, department_id: 1, department_name: 'Operations' },
	{ id: 2, name: 'Security Operations', sequence: 2, forrequests: true, forprojects: false, foropps: false, inactive: false, department_id: 1, department_name: 'Operations' },
	{ id: 3, name: 'Projects', sequence: 3, forrequests: false, forprojects: true, foropps: false, inactive: false, department_id: 2, department_name: 'Professional Services' },
	{ id: 4, name: 'Sales', sequence: 4, forrequests: false, forprojects: false, foropps: true, inactive: false, department_id: 3, department_name: 'Sales' },
	{ id: 5, name: 'Legacy Helpdesk', sequence: 5, forrequests: true, forprojects: false, foropps: false, inactive: true, department_id: 1, department_name: 'Operations' },
];

function memberships(...teamIds: number[]): AgentTeam[] {
	return teamIds.map((id) => ({ team_id: id, team_name: teams.find((team) => team.id === id)?.name ?? '' }));
}

function agent(id: number, name: string, email: string, teamIds: number[], extra: Partial<Agent> = {}): Agent {
	const teamList = memberships(...teamIds);
	const [firstname, ...rest] = name.split(' ');
	return {
		id, name, firstname, surname: rest.join(' '), email,
		team: teamList[0]?.team_name ?? '', team_id: teamList[0]?.team_id ?? 0, teams: teamList,
		isdisabled: false, is_agent: true, isapiagent: false, ...extra,
	};
}

export const agents: Agent[] = [
	agent(1, 'Unassigned', '', []),
	agent(2, 'Alice Admin', 'alice.admin@msp.example', [1, 3]),
	agent(3, 'Bob Technician', 'bob.technician@msp.example', [1]),
	agent(4, 'Carol SOC Analyst', 'carol.soc@msp.example', [2]),
	// The API agent the demo application logs in as; member of the teams it raises tickets for.
	agent(5, 'Perimeters', 'perimeters-api@msp.example', [2, 1], { isapiagent: true }),
	agent(6, 'Dave Former', 'dave.former@msp.example', [1], { isdisabled: true }),
	agent(7, 'Sam Sales', 'sam.sales@msp.example', [4]),
];

/** `type`: see STATUS_TYPE. 9 Closed is the only closed status; 8 Resolved is pending closure. */
export const statuses: Status[] = [
	{ id: 1, name: 'New', shortname: 'New', type: STATUS_TYPE.open, sequence: 1, colour: '#2e7dff' },
	{ id: 2, name: 'In Progress', shortname: 'InProg', type: STATUS_TYPE.open, sequence: 2, colour: '#00a3a3' },
	{ id: 3, name: 'Waiting on Customer', shortname: 'WaitCust', type: STATUS_TYPE.onHold, sequence: 3, colour: '#f5a623' },
	{ id: 4, name: 'Waiting on Third Party', shortname: 'Wait3P', type: STATUS_TYPE.onHold, sequence: 4, colour: '#f8c146' },
	{ id: 8, name: 'Resolved', shortname: 'Resolved', type: STATUS_TYPE.pendingClosure, sequence: 8, colour: '#7ed321' },
	{ id: 9, name: 'Closed', shortname: 'Closed', type: STATUS_TYPE.closed, sequence: 9, colour: '#9b9b9b' },
];

export const slas: Sla[] = [
	{ id: 1, name: 'Standard SLA', workday_id: 1 },
	{ id: 2, name: 'Security SLA', workday_id: 2 },
];

function priority(slaid: number, priorityid: number, name: string, fix: [number, string], response: [number, string], colour: string, ishidden = false): Priority {
	const id = `5f1c0a4e-0001-4a5b-9c1d-0000000${String(slaid * 100 + priorityid).padStart(5, '0')}`;
	return { id, slaid, priorityid, name, ishidden, fixtime: fix[0], fixunits: fix[1], responsetime: response[0], responseunits: response[1], colour };
}

/** One row per priority per SLA (API-NOTES §3.12): SLA 2 adds Informational, SLA 1 has a hidden row. */
export const priorities: Priority[] = [
	priority(1, 1, 'Critical', [4, 'H'], [1, 'H'], '#d0021b'),
	priority(1, 2, 'High', [8, 'H'], [2, 'H'], '#f5a623'),
	priority(1, 3, 'Medium', [24, 'H'], [4, 'H'], '#f8e71c'),
	priority(1, 4, 'Low', [72, 'H'], [8, 'H'], '#7ed321'),
	priority(1, 6, 'Planned Maintenance', [5, 'D'], [1, 'D'], '#9b9b9b', true),
	priority(2, 1, 'Critical', [2, 'H'], [15, 'M'], '#d0021b'),
	priority(2, 2, 'High', [4, 'H'], [30, 'M'], '#f5a623'),
	priority(2, 3, 'Medium', [8, 'H'], [1, 'H'], '#f8e71c'),
	priority(2, 4, 'Low', [24, 'H'], [4, 'H'], '#7ed321'),
	priority(2, 5, 'Informational', [5, 'D'], [1, 'D'], '#4a90e2'),
];

/** `use`: 'reqs' tickets, 'prjs' projects. */
export const ticketTypes: TicketType[] = [
	{ id: 1, name: 'Incident', use: 'reqs', group_name: 'Service Desk', default_sla: 1, initial_status: 1, default_priority: 3, inactive: false, agentscanselect: true },
	{ id: 2, name: 'Service Request', use: 'reqs', group_name: 'Service Desk', default_sla: 1, initial_status: 1, default_priority: 4, inactive: false, agentscanselect: true },
	{ id: 21, name: 'Security Alert', use: 'reqs', group_name: 'Security', default_sla: 2, initial_status: 1, default_priority: 2, inactive: false, agentscanselect: true },
	{ id: 30, name: 'Project', use: 'prjs', group_name: 'Projects', default_sla: 1, initial_status: 1, default_priority: 3, inactive: false, agentscanselect: true },
	{ id: 31, name: 'Project Task', use: 'prjs', group_name: 'Projects', default_sla: 1, initial_status: 1, default_priority: 3, inactive: false, agentscanselect: true },
	{ id: 40, name: 'Legacy Request', use: 'reqs', group_name: 'Service Desk', default_sla: 1, initial_status: 1, default_priority: 4, inactive: true, agentscanselect: false },
];

export const outcomes: Outcome[] = [
	{ id: 1, outcome: 'Email User', buttonname: 'Email User', newstatus: 0, hidefromuser: false, sequence: 1 },
	{ id: 2, outcome: 'Update', buttonname: 'Update', newstatus: 0, hidefromuser: false, sequence: 2 },
	{ id: 7, outcome: 'Private Note', buttonname: 'Private Note', newstatus: 0, hidefromuser: true, sequence: 3 },
	{ id: 11, outcome: 'Close Ticket', buttonname: 'Close', newstatus: 9, hidefromuser: false, sequence: 4 },
	{ id: 12, outcome: 'Re-open', buttonname: 'Re-open', newstatus: 2, hidefromuser: false, sequence: 5 },
	{ id: 13, outcome: 'Resolve', buttonname: 'Resolve', newstatus: 8, hidefromuser: false, sequence: 6 },
];

/** `value` is what a ticket's category_<type_id> holds; tickettype_id 0 = every ticket type. */
export const categories: Category[] = [
	{ id: 1, value: 'Security>Phishing', category_name: 'Phishing', type_id: 1, tickettype_id: 21 },
	{ id: 2, value: 'Security>Malware', category_name: 'Malware', type_id: 1, tickettype_id: 21 },
	{ id: 3, value: 'Security>Suspicious Sign-in', category_name: 'Suspicious Sign-in', type_id: 1, tickettype_id: 21 },
	{ id: 4, value: 'Security>Vulnerability', category_name: 'Vulnerability', type_id: 1, tickettype_id: 21 },
	{ id: 5, value: 'Hardware>Laptop', category_name: 'Laptop', type_id: 1, tickettype_id: 0 },
	{ id: 6, value: 'Hardware>Printer', category_name: 'Printer', type_id: 1, tickettype_id: 0 },
	{ id: 7, value: 'Software>Microsoft 365', category_name: 'Microsoft 365', type_id: 1, tickettype_id: 0 },
	{ id: 8, value: 'Account>Password Reset', category_name: 'Password Reset', type_id: 1, tickettype_id: 0 },
	{ id: 9, value: 'Network>VPN', category_name: 'VPN', type_id: 1, tickettype_id: 0 },
	{ id: 10, value: 'Resolution>Fixed', category_name: 'Fixed', type_id: 2, tickettype_id: 0 },
	{ id: 11, value: 'Resolution>Workaround', category_name: 'Workaround', type_id: 2, tickettype_id: 0 },
	{ id: 12, value: 'Resolution>False Positive', category_name: 'False Positive', type_id: 2, tickettype_id: 21 },
];

/** Ticket custom fields (`GET /FieldInfo`); usage 1 = tickets. */
export const customFields: CustomFieldDefinition[] = [
	{ id: 201, name: 'CFAlertSource', label: 'Alert Source', type: CUSTOM_FIELD_TYPE.text, usage: 1 },
	{ id: 202, name: 'CFExternalId', label: 'External ID', type: CUSTOM_FIELD_TYPE.text, usage: 1 },
	{
		id: 203, name: 'CFSeverity', label: 'Severity', type: CUSTOM_FIELD_TYPE.select, usage: 1,
		values: [{ id: 1, name: 'Low' }, { id: 2, name: 'Medium' }, { id: 3, name: 'High' }, { id: 4, name: 'Critical' }],
	},
];

export const assetTypes: AssetType[] = [
	{ id: 1, name: 'Workstation', keyfield_name: 'Hostname', keyfield2_name: 'Serial Number', keyfield3_name: 'Model' },
	{ id: 2, name: 'Server', keyfield_name: 'Hostname', keyfield2_name: 'Serial Number', keyfield3_name: 'Model' },
	{ id: 3, name: 'Firewall', keyfield_name: 'Hostname', keyfield2_name: 'Serial Number', keyfield3_name: 'Model' },
	{ id: 4, name: 'Laptop', keyfield_name: 'Hostname', keyfield2_name: 'Serial Number', keyfield3_name: 'Model' },
];

/** Client 1 is the MSP itself; tickets posted without a client land here. */
export const internalClient: Client = { id: 1, name: 'Internal', toplevel_id: 1, inactive: false, website: 'msp.example' };
export const internalSites: Site[] = [{ id: 1, name: 'Main Office', client_id: 1, inactive: false }];
export const internalUsers: User[] = [
	{ id: 1, name: 'General User', emailaddress: '', site_id: 1, inactive: false },
	{ id: 2, name: 'Morgan Reyes', emailaddress: 'morgan.reyes@msp.example', site_id: 1, inactive: false },
];

// ---------------------------------------------------------------------------------------------
// Customers (demo seed only)
// ---------------------------------------------------------------------------------------------

export const clients: Client[] = [
	// Near-identical names on purpose, for customer-matching tests.
	{ id: 2, name: 'Contoso Ltd', toplevel_id: 2, inactive: false, website: 'contoso.com' },
	{ id: 3, name: 'Contoso, Inc.', toplevel_id: 2, inactive: false, website: 'contoso-inc.com' },
	{ id: 4, name: 'Northwind Traders', toplevel_id: 2, inactive: false, website: 'northwindtraders.com' },
	{ id: 5, name: 'Fabrikam GmbH', toplevel_id: 2, inactive: false, website: 'fabrikam.de' },
	{ id: 6, name: 'Globex LLC', toplevel_id: 2, inactive: false, website: 'globex.com' },
	{ id: 7, name: 'Initech', toplevel_id: 2, inactive: false, website: 'initech.com' },
	{ id: 8, name: 'Umbrella Health', toplevel_id: 2, inactive: false, website: 'umbrellahealth.org' },
	{ id: 9, name: 'Hooli', toplevel_id: 2, inactive: true, website: 'hooli.com' },
];

export const sites: Site[] = [
	{ id: 2, name: 'Main Office', client_id: 2, inactive: false, phonenumber: '+1 425 555 0100' },
	{ id: 3, name: 'London Branch', client_id: 2, inactive: false, phonenumber: '+44 20 7946 0000' },
	{ id: 4, name: 'Main Office', client_id: 3, inactive: false },
	{ id: 5, name: 'Main Office', client_id: 4, inactive: false },
	{ id: 6, name: 'Main Office', client_id: 5, inactive: false, phonenumber: '+49 30 555 0100' },
	{ id: 7, name: 'Munich Warehouse', client_id: 5, inactive: false },
	{ id: 8, name: 'Main Office', client_id: 6, inactive: false },
	{ id: 9, name: 'Main Office', client_id: 7, inactive: false },
	{ id: 10, name: 'Main Office', client_id: 8, inactive: false },
	{ id: 11, name: 'Main Office', client_id: 9, inactive: true },
];

function user(id: number, siteId: number, name: string, emailaddress: string, inactive = false): User {
	const [firstname, ...rest] = name.split(' ');
	return { id, name, firstname, surname: rest.join(' '), emailaddress, site_id: siteId, inactive };
}

export const users: User[] = [
	user(3, 2, 'General User', ''),
	user(4, 2, 'Jane Smith', 'jane.smith@contoso.com'),
	user(5, 2, 'Tom Baker', 'tom.baker@contoso.com'),
	user(6, 3, 'Priya Patel', 'priya.patel@contoso.com'),
	user(7, 4, 'General User', ''),
	user(8, 4, 'John Smith', 'john.smith@contoso-inc.com'),
	user(9, 4, 'Linda Chen', 'linda.chen@contoso-inc.com'),
	user(10, 5, 'General User', ''),
	user(11, 5, 'Nancy Davolio', 'nancy.davolio@northwindtraders.com'),
	user(12, 5, 'Andrew Fuller', 'andrew.fuller@northwindtraders.com'),
	user(13, 5, 'Janet Leverling', 'janet.leverling@northwindtraders.com', true),
	user(14, 6, 'General User', ''),
	user(15, 6, 'Klaus Weber', 'klaus.weber@fabrikam.de'),
	user(16, 7, 'Anna Schmidt', 'anna.schmidt@fabrikam.de'),
	user(17, 8, 'General User', ''),
	user(18, 8, 'Hank Scorpio', 'hank.scorpio@globex.com'),
	user(19, 8, 'Frank Grimes', 'frank.grimes@globex.com'),
	user(20, 9, 'General User', ''),
	user(21, 9, 'Peter Gibbons', 'peter.gibbons@initech.com'),
	user(22, 9, 'Michael Bolton', 'michael.bolton@initech.com'),
	user(23, 9, 'Samir Nagheenanajar', 'samir.n@initech.com'),
	user(24, 10, 'General User', ''),
	user(25, 10, 'Alice Abernathy', 'alice.abernathy@umbrellahealth.org'),
	user(26, 10, 'William Birkin', 'william.birkin@umbrellahealth.org'),
	user(27, 11, 'General User', ''),
	user(28, 11, 'Gavin Belson', 'gavin.belson@hooli.com'),
];

/** key_field = hostname, key_field2 = serial number, key_field3 = model. */
function asset(id: number, siteId: number, typeId: number, tag: string, hostname: string, serial: string, model: string, inactive = false): Asset {
	return { id, site_id: siteId, assettype_id: typeId, inventory_number: tag, key_field: hostname, key_field2: serial, key_field3: model, inactive };
}

export const assets: Asset[] = [
	asset(1, 1, 2, 'INT-0001', 'MSP-DC01', 'VMW-42-1A2B', 'VMware Virtual Platform'),
	asset(2, 1, 1, 'INT-0002', 'MSP-WS-MREYES', 'PF3ABC12', 'Lenovo ThinkCentre M70q'),
	// "DC01" exists at Contoso Ltd (3) and at Fabrikam (14): same hostname, different clients.
	asset(3, 2, 2, 'CON-0001', 'DC01', 'CZJ2410ABC', 'HPE ProLiant DL360 Gen10'),
	asset(4, 2, 2, 'CON-0002', 'FS01', 'CZJ2410ABD', 'HPE ProLiant DL380 Gen10'),
	// Serial 5CG1234XYZ here and 5cg1234xyz at Northwind (12): differ by case only.
	asset(5, 2, 1, 'CON-0003', 'CON-WS-001', '5CG1234XYZ', 'HP EliteDesk 800 G6'),
	asset(6, 2, 4, 'CON-0004', 'CON-LT-JSMITH', '5CD2345LMN', 'HP EliteBook 840 G8'),
	asset(7, 3, 1, 'CON-0005', 'CON-LON-WS-01', '5CG3456PQR', 'HP EliteDesk 800 G6'),
	asset(8, 2, 3, 'CON-0006', 'CON-FW01', 'FGT60F-TK1234', 'FortiGate 60F'),
	asset(9, 4, 2, 'CINC-0001', 'CINC-DC01', 'J8K2PL90', 'Dell PowerEdge R650'),
	asset(10, 4, 4, 'CINC-0002', 'CINC-LT-JSMITH', 'DL7440-8812', 'Dell Latitude 7440'),
	asset(11, 5, 2, 'NW-0001', 'NW-SQL01', 'CZ1234ABCD', 'HPE ProLiant DL360 Gen10'),
	asset(12, 5, 1, 'NW-0002', 'NW-WS-NDAVOLIO', '5cg1234xyz', 'HP EliteDesk 800 G6'),
	asset(13, 5, 3, 'NW-0003', 'NW-FW01', 'PA440-0012345', 'Palo Alto PA-440'),
	asset(14, 6, 2, 'FAB-0001', 'DC01', 'SRV-FAB-7781', 'Fujitsu PRIMERGY RX2540'),
	asset(15, 7, 1, 'FAB-0002', 'FAB-MUC-WS-01', 'YM0123456', 'Fujitsu ESPRIMO P758'),
	asset(16, 6, 4, 'FAB-0003', 'FAB-LT-KWEBER', 'PF4XYZ99', 'Lenovo ThinkPad T14'),
	asset(17, 8, 2, 'GLX-0001', 'GLX-APP01', 'GLX-SN-0001', 'Dell PowerEdge R750'),
	asset(18, 8, 3, 'GLX-0002', 'GLX-FW01', 'FGT100F-TK5678', 'FortiGate 100F'),
	asset(19, 8, 4, 'GLX-0003', 'GLX-LT-HSCORPIO', 'C02XK1ABJG5H', 'MacBook Pro 14'),
	asset(20, 9, 1, 'INI-0001', 'INI-WS-PGIBBONS', 'MXL1234TPS', 'HP ProDesk 400 G7'),
	asset(21, 9, 2, 'INI-0002', 'INI-PRN-SRV', 'MXL9999TPS', 'HP ProLiant MicroServer Gen10'),
	asset(22, 10, 2, 'UMB-0001', 'UMB-EHR01', 'UMB-SN-RC-01', 'Dell PowerEdge R740'),
	asset(23, 10, 1, 'UMB-0002', 'UMB-WS-LAB01', 'UMB-SN-WS-17', 'Dell OptiPlex 7010'),
	asset(24, 10, 3, 'UMB-0003', 'UMB-FW01', 'SOPHOS-XGS2100-01', 'Sophos XGS 2100'),
	asset(25, 11, 1, 'HOO-0001', 'HOO-WS-GBELSON', 'HOO-SN-0001', 'Apple iMac'),
	asset(26, 2, 1, 'CON-0007', 'CON-WS-OLD', '5CG0000OLD', 'HP EliteDesk 705 G4', true),
];

// ---------------------------------------------------------------------------------------------
// Tickets and actions (demo seed only)
// ---------------------------------------------------------------------------------------------

export interface TicketSeed {
	id: number;
	summary: string;
	details: string;
	tickettype_id: number;
	/** A real user (its client and site follow) or, without user, a client (its General User). */
	user?: number;
	client?: number;
	status_id: number;
	priority_id: number;
	agent_id: number;
	team: string;
	/** Opened this many days before now. */
	daysAgo: number;
	category_1?: string;
	assets?: number[];
	customfields?: Array<{ id: number; value: string | number }>;
	parent_id?: number;
	/** Deadline this many days after now (default: the empty-date sentinel). */
	deadlineInDays?: number;
	/** Start/target dates without `Z`, as some Halo fields come (API-NOTES §7.2). */
	naiveSchedule?: { startInDays: number; targetInDays: number };
	/** dateoccurred without `Z`. */
	naiveOpened?: true;
	deleted?: true;
}

const SD = 'Service Desk';
const SOC = 'Security Operations';
const PRJ = 'Projects';
const perimeters = (externalId: string, severity: number): TicketSeed['customfields'] => [
	{ id: 201, value: 'Perimeters' },
	{ id: 202, value: externalId },
	{ id: 203, value: severity },
];

export const tickets: TicketSeed[] = [
	{ id: 1001, summary: 'Outlook keeps asking for password', details: 'Since this morning Outlook prompts for my password every few minutes.', tickettype_id: 1, user: 4, status_id: 9, priority_id: 3, agent_id: 3, team: SD, daysAgo: 58, category_1: 'Software>Microsoft 365' },
	{ id: 1002, summary: 'Password reset for Tom Baker', details: 'Tom is locked out after holiday.', tickettype_id: 2, user: 5, status_id: 9, priority_id: 4, agent_id: 3, team: SD, daysAgo: 55, category_1: 'Account>Password Reset' },
	{ id: 1003, summary: 'Laptop screen flickering', details: 'The screen of my laptop flickers when on battery.', tickettype_id: 1, user: 4, status_id: 2, priority_id: 3, agent_id: 3, team: SD, daysAgo: 12, category_1: 'Hardware>Laptop', assets: [6] },
	{ id: 1004, summary: 'New starter: laptop and Microsoft 365 account for Priya Patel', details: 'Priya starts on Monday at the London branch.', tickettype_id: 2, user: 6, status_id: 3, priority_id: 4, agent_id: 2, team: SD, daysAgo: 9 },
	{ id: 1005, summary: 'VPN disconnects every 10 minutes', details: 'Working from home, the VPN drops every ten minutes.', tickettype_id: 1, user: 8, status_id: 2, priority_id: 2, agent_id: 3, team: SD, daysAgo: 6, category_1: 'Network>VPN', deadlineInDays: 2 },
	{ id: 1006, summary: 'Printer on 2nd floor offline', details: 'The Kyocera on the second floor shows offline for everyone.', tickettype_id: 1, user: 9, status_id: 9, priority_id: 4, agent_id: 3, team: SD, daysAgo: 40, category_1: 'Hardware>Printer' },
	{ id: 1007, summary: 'Cannot access shared drive S:', details: 'S: says access denied since yesterday.', tickettype_id: 1, user: 11, status_id: 1, priority_id: 3, agent_id: 1, team: '', daysAgo: 1 },
	{ id: 1008, summary: 'SQL server running out of disk space', details: 'Monitoring: NW-SQL01 data volume at 95%.', tickettype_id: 1, client: 4, status_id: 2, priority_id: 2, agent_id: 2, team: SD, daysAgo: 3, assets: [11] },
	{ id: 1009, summary: 'Request: install Adobe Acrobat Pro', details: 'Please install Acrobat Pro on my PC.', tickettype_id: 2, user: 12, status_id: 8, priority_id: 4, agent_id: 3, team: SD, daysAgo: 15 },
	{ id: 1010, summary: 'Password reset for Klaus Weber', details: 'Klaus forgot his password.', tickettype_id: 2, user: 15, status_id: 9, priority_id: 4, agent_id: 3, team: SD, daysAgo: 30, category_1: 'Account>Password Reset' },
	{ id: 1011, summary: "Warehouse PC won't boot", details: 'FAB-MUC-WS-01 beeps three times and stops.', tickettype_id: 1, user: 16, status_id: 4, priority_id: 3, agent_id: 3, team: SD, daysAgo: 8, assets: [15] },
	{ id: 1012, summary: 'Teams calls dropping', details: 'Teams calls drop after about a minute.', tickettype_id: 1, user: 15, status_id: 1, priority_id: 3, agent_id: 1, team: '', daysAgo: 0 },
	{ id: 1013, summary: 'Set up shared mailbox for accounts@globex.com', details: 'Finance needs a shared mailbox.', tickettype_id: 2, user: 18, status_id: 9, priority_id: 4, agent_id: 2, team: SD, daysAgo: 45 },
	{ id: 1014, summary: 'MacBook battery swelling', details: 'The trackpad is lifting, the battery looks swollen.', tickettype_id: 1, user: 18, status_id: 3, priority_id: 2, agent_id: 3, team: SD, daysAgo: 5, assets: [19] },
	{ id: 1015, summary: 'Password reset for Peter Gibbons', details: 'Peter is locked out.', tickettype_id: 2, user: 21, status_id: 9, priority_id: 4, agent_id: 3, team: SD, daysAgo: 20, category_1: 'Account>Password Reset' },
	{ id: 1016, summary: 'TPS report template missing from SharePoint', details: 'The TPS cover sheet template is gone from the Templates library.', tickettype_id: 2, user: 21, status_id: 2, priority_id: 4, agent_id: 2, team: SD, daysAgo: 4, category_1: 'Software>Microsoft 365' },
	{ id: 1017, summary: 'Printer jams constantly', details: 'PC LOAD LETTER. What does that mean?', tickettype_id: 1, user: 22, status_id: 1, priority_id: 4, agent_id: 1, team: '', daysAgo: 2, category_1: 'Hardware>Printer' },
	{ id: 1018, summary: 'EHR application slow for lab staff', details: 'Opening a patient record takes over 30 seconds.', tickettype_id: 1, user: 25, status_id: 2, priority_id: 2, agent_id: 2, team: SD, daysAgo: 2, assets: [22], deadlineInDays: 1 },
	{ id: 1019, summary: 'Password reset for William Birkin', details: 'William needs a new password.', tickettype_id: 2, user: 26, status_id: 9, priority_id: 4, agent_id: 3, team: SD, daysAgo: 25, category_1: 'Account>Password Reset' },
	{ id: 1020, summary: 'Replace failing disk in FS01', details: 'RAID controller reports a predictive failure on bay 3.', tickettype_id: 1, client: 2, status_id: 9, priority_id: 2, agent_id: 2, team: SD, daysAgo: 35, assets: [4] },
	{ id: 1021, summary: 'Renew SSL certificate for the client portal', details: 'Certificate expires in 14 days.', tickettype_id: 2, user: 2, status_id: 2, priority_id: 3, agent_id: 2, team: SD, daysAgo: 14 },
	{ id: 1022, summary: 'Wi-Fi slow in meeting rooms', details: 'Video calls stutter in meeting rooms A and B.', tickettype_id: 1, user: 9, status_id: 9, priority_id: 3, agent_id: 3, team: SD, daysAgo: 50, naiveOpened: true },
	{ id: 1023, summary: 'VPN drops (duplicate of 1005)', details: 'Raised twice by mistake.', tickettype_id: 1, user: 8, status_id: 1, priority_id: 3, agent_id: 1, team: '', daysAgo: 6, deleted: true },
	{ id: 1024, summary: '[Perimeters] Phishing email reported by Jane Smith', details: 'User reported a suspicious email impersonating Microsoft.', tickettype_id: 21, user: 4, status_id: 9, priority_id: 2, agent_id: 4, team: SOC, daysAgo: 33, category_1: 'Security>Phishing', customfields: perimeters('PRM-10001', 3) },
	{ id: 1025, summary: '[Perimeters] Suspicious sign-in from a new country for john.smith@contoso-inc.com', details: 'Sign-in from an unfamiliar location followed by an MFA registration.', tickettype_id: 21, user: 8, status_id: 2, priority_id: 1, agent_id: 4, team: SOC, daysAgo: 1, category_1: 'Security>Suspicious Sign-in', assets: [10], customfields: perimeters('PRM-10077', 4), deadlineInDays: 1 },
	{ id: 1026, summary: '[Perimeters] Malware detected on DC01', details: 'EDR quarantined a credential-dumping tool on DC01.', tickettype_id: 21, client: 2, status_id: 2, priority_id: 1, agent_id: 4, team: SOC, daysAgo: 0, category_1: 'Security>Malware', assets: [3], customfields: perimeters('PRM-10078', 4) },
	{ id: 1027, summary: '[Perimeters] Malware detected on DC01', details: 'EDR flagged a suspicious PowerShell download on DC01.', tickettype_id: 21, client: 5, status_id: 1, priority_id: 2, agent_id: 1, team: SOC, daysAgo: 0, category_1: 'Security>Malware', assets: [14], customfields: perimeters('PRM-10079', 3) },
	{ id: 1028, summary: '[Perimeters] Outdated firmware on CON-FW01', details: 'FortiOS version has known critical vulnerabilities.', tickettype_id: 21, client: 2, status_id: 3, priority_id: 3, agent_id: 4, team: SOC, daysAgo: 10, category_1: 'Security>Vulnerability', assets: [8], customfields: perimeters('PRM-10050', 2) },
	{ id: 1029, summary: '[Perimeters] Brute-force attempts against NW-FW01', details: '4,200 failed VPN logins from 37 addresses in one hour.', tickettype_id: 21, client: 4, status_id: 9, priority_id: 2, agent_id: 4, team: SOC, daysAgo: 28, assets: [13], customfields: perimeters('PRM-10021', 3) },
	{ id: 1030, summary: '[Perimeters] Impossible travel: hank.scorpio@globex.com', details: 'Sign-ins from Springfield and Singapore 20 minutes apart.', tickettype_id: 21, user: 18, status_id: 9, priority_id: 1, agent_id: 4, team: SOC, daysAgo: 18, category_1: 'Security>Suspicious Sign-in', customfields: perimeters('PRM-10033', 4) },
	{ id: 1031, summary: '[Perimeters] Exposed RDP on UMB-EHR01', details: 'TCP 3389 reachable from the internet.', tickettype_id: 21, client: 8, status_id: 2, priority_id: 1, agent_id: 4, team: SOC, daysAgo: 3, category_1: 'Security>Vulnerability', assets: [22], customfields: perimeters('PRM-10070', 4) },
	{ id: 1032, summary: '[Perimeters] Phishing campaign targeting initech.com', details: 'Lookalike domain in-itech.com registered and sending mail.', tickettype_id: 21, client: 7, status_id: 8, priority_id: 5, agent_id: 5, team: SOC, daysAgo: 7, category_1: 'Security>Phishing', customfields: perimeters('PRM-10060', 2) },
	{ id: 1033, summary: '[Perimeters] New device enrolled for Samir', details: 'A new Android device was enrolled in Intune.', tickettype_id: 21, user: 23, status_id: 9, priority_id: 5, agent_id: 5, team: SOC, daysAgo: 11, customfields: perimeters('PRM-10055', 1) },
	{ id: 1034, summary: 'EDR agent offline on CON-WS-001', details: 'Defender for Endpoint has not heard from the device for 7 days.', tickettype_id: 21, client: 2, status_id: 1, priority_id: 3, agent_id: 1, team: SOC, daysAgo: 0, assets: [5], customfields: [{ id: 201, value: 'Defender for Endpoint' }, { id: 202, value: 'MDE-88312' }] },
	{ id: 1035, summary: '[Perimeters] Suspicious sign-in for gavin.belson@hooli.com', details: 'Legacy authentication sign-in from a TOR exit node.', tickettype_id: 21, user: 28, status_id: 9, priority_id: 2, agent_id: 4, team: SOC, daysAgo: 60, category_1: 'Security>Suspicious Sign-in', customfields: perimeters('PRM-09001', 3) },
	{ id: 1036, summary: 'Keyboard and mouse replacement', details: 'Keys sticking after a coffee incident.', tickettype_id: 2, user: 13, status_id: 9, priority_id: 4, agent_id: 3, team: SD, daysAgo: 59, naiveOpened: true },
	{ id: 1037, summary: 'Outlook calendar not syncing on iPhone', details: 'Meetings accepted on the phone do not show on the desktop.', tickettype_id: 1, user: 25, status_id: 3, priority_id: 3, agent_id: 3, team: SD, daysAgo: 6, category_1: 'Software>Microsoft 365' },
	{ id: 1038, summary: 'Second monitor for Anna Schmidt', details: 'Please order a 27" monitor.', tickettype_id: 2, user: 16, status_id: 1, priority_id: 4, agent_id: 1, team: '', daysAgo: 1 },
	{ id: 1039, summary: 'Backup job failed on GLX-APP01', details: 'Nightly backup failed: snapshot could not be created.', tickettype_id: 1, client: 6, status_id: 2, priority_id: 2, agent_id: 2, team: SD, daysAgo: 1, assets: [17], customfields: [{ id: 201, value: 'Veeam' }] },
	{ id: 1040, summary: 'Account lockout: linda.chen@contoso-inc.com', details: 'Linda locked out repeatedly, probably an old phone.', tickettype_id: 1, user: 9, status_id: 9, priority_id: 3, agent_id: 3, team: SD, daysAgo: 16, category_1: 'Account>Password Reset' },
	// Projects (ticket type 30, area 'prjs') and their tasks (type 31, parent_id).
	{ id: 1041, summary: 'Microsoft 365 migration for Fabrikam', details: 'Move mail and files from on-premise Exchange to Microsoft 365.', tickettype_id: 30, user: 15, status_id: 2, priority_id: 3, agent_id: 2, team: PRJ, daysAgo: 45, naiveSchedule: { startInDays: -40, targetInDays: 20 } },
	{ id: 1042, summary: 'Migrate mailboxes', details: 'Batch-migrate 42 mailboxes.', tickettype_id: 31, user: 15, status_id: 9, priority_id: 3, agent_id: 2, team: PRJ, daysAgo: 44, parent_id: 1041 },
	{ id: 1043, summary: 'Configure Intune policies', details: 'Compliance and configuration profiles for Windows.', tickettype_id: 31, user: 15, status_id: 2, priority_id: 3, agent_id: 2, team: PRJ, daysAgo: 44, parent_id: 1041 },
	{ id: 1044, summary: 'Firewall replacement at Northwind', details: 'Replace the end-of-life firewall with a PA-440.', tickettype_id: 30, user: 12, status_id: 1, priority_id: 3, agent_id: 2, team: PRJ, daysAgo: 20, naiveSchedule: { startInDays: 5, targetInDays: 30 } },
	{ id: 1045, summary: 'Order PA-440 hardware', details: 'Two units for HA.', tickettype_id: 31, user: 12, status_id: 9, priority_id: 3, agent_id: 2, team: PRJ, daysAgo: 19, parent_id: 1044 },
	{ id: 1046, summary: 'Cutover weekend', details: 'Swap firewalls, test VPNs.', tickettype_id: 31, user: 12, status_id: 1, priority_id: 3, agent_id: 2, team: PRJ, daysAgo: 19, parent_id: 1044 },
	{ id: 1047, summary: 'Security awareness training rollout', details: 'Training and phishing simulations for all staff.', tickettype_id: 30, client: 8, status_id: 2, priority_id: 3, agent_id: 4, team: PRJ, daysAgo: 30, naiveSchedule: { startInDays: -28, targetInDays: 60 } },
	{ id: 1048, summary: 'Phishing simulation round 1', details: 'Send the first simulated phishing campaign.', tickettype_id: 31, client: 8, status_id: 9, priority_id: 3, agent_id: 4, team: PRJ, daysAgo: 29, parent_id: 1047 },
	{ id: 1049, summary: 'Training completion report', details: 'Report completion rates to management.', tickettype_id: 31, client: 8, status_id: 1, priority_id: 3, agent_id: 4, team: PRJ, daysAgo: 29, parent_id: 1047 },
];

export interface ActionSeed {
	ticket_id: number;
	outcome_id: number;
	/** Hours after the ticket was opened. */
	hoursAfterOpen: number;
	note: string;
	/** Default: the ticket's agent. An end user's email has a user and no agent. */
	agent_id?: number;
	fromUser?: number;
}

export const actions: ActionSeed[] = [
	{ ticket_id: 1001, outcome_id: 1, hoursAfterOpen: 0.5, note: 'Hi Jane, which device does this happen on?' },
	{ ticket_id: 1001, outcome_id: 7, hoursAfterOpen: 2, note: 'Cleared cached credentials in Credential Manager.' },
	{ ticket_id: 1001, outcome_id: 11, hoursAfterOpen: 26, note: 'Credentials re-entered, no more prompts.' },
	{ ticket_id: 1003, outcome_id: 2, hoursAfterOpen: 1, note: 'Updated the display driver, monitoring.' },
	{ ticket_id: 1003, outcome_id: 7, hoursAfterOpen: 30, note: 'Ordered a replacement screen under warranty.' },
	{ ticket_id: 1005, outcome_id: 1, hoursAfterOpen: 2, note: 'Please send us the VPN client logs.' },
	{ ticket_id: 1005, outcome_id: 7, hoursAfterOpen: 20, note: 'Looks like an MTU problem on the home ISP link.' },
	{ ticket_id: 1007, outcome_id: 2, hoursAfterOpen: 3, note: 'Still cannot open S: this morning.', fromUser: 11 },
	{ ticket_id: 1008, outcome_id: 2, hoursAfterOpen: 0.5, note: 'Extended the volume by 100 GB as a stopgap.' },
	{ ticket_id: 1009, outcome_id: 13, hoursAfterOpen: 48, note: 'Acrobat Pro installed and licensed.' },
	{ ticket_id: 1011, outcome_id: 2, hoursAfterOpen: 4, note: 'Vendor RMA raised, waiting for the part.' },
	{ ticket_id: 1014, outcome_id: 1, hoursAfterOpen: 1, note: 'Please stop using the MacBook and bring it to the office.' },
	{ ticket_id: 1018, outcome_id: 2, hoursAfterOpen: 3, note: 'EHR vendor engaged.' },
	{ ticket_id: 1024, outcome_id: 7, hoursAfterOpen: 1, note: 'Header analysis: spoofed sender, link to a credential harvesting page.' },
	{ ticket_id: 1024, outcome_id: 2, hoursAfterOpen: 3, note: 'Blocked the sender domain and purged the message from all mailboxes.' },
	{ ticket_id: 1024, outcome_id: 11, hoursAfterOpen: 6, note: 'No credentials were entered. Closing.' },
	{ ticket_id: 1025, outcome_id: 7, hoursAfterOpen: 0.2, note: 'Sessions revoked; MFA re-registration required.' },
	{ ticket_id: 1026, outcome_id: 7, hoursAfterOpen: 0.1, note: 'DC01 isolated through the EDR console.' },
	{ ticket_id: 1029, outcome_id: 2, hoursAfterOpen: 2, note: 'Geo-blocking enabled on NW-FW01.' },
	{ ticket_id: 1029, outcome_id: 11, hoursAfterOpen: 50, note: 'No further attempts for 48 hours.' },
	{ ticket_id: 1030, outcome_id: 11, hoursAfterOpen: 8, note: 'User confirmed travel and VPN use; false positive.' },
	{ ticket_id: 1031, outcome_id: 2, hoursAfterOpen: 1, note: 'Exposure confirmed; firewall rule removal scheduled tonight.' },
	{ ticket_id: 1032, outcome_id: 13, hoursAfterOpen: 30, note: 'Campaign blocked at the mail gateway; no clicks recorded.' },
	{ ticket_id: 1041, outcome_id: 2, hoursAfterOpen: 24, note: 'Kick-off held; migration plan agreed.' },
	{ ticket_id: 1042, outcome_id: 11, hoursAfterOpen: 72, note: 'All mailboxes migrated.' },
	{ ticket_id: 1044, outcome_id: 2, hoursAfterOpen: 4, note: 'Quote approved by Andrew.' },
	{ ticket_id: 1048, outcome_id: 11, hoursAfterOpen: 48, note: 'Simulation complete: 12% click rate.' },
];
