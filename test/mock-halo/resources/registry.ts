import { actionsResource } from './actions';
import { assetResource, assetTypeResource } from './assets';
import { clientResource, siteResource, usersResource } from './customers';
import {
	agentResource,
	categoryResource,
	fieldInfoResource,
	outcomeResource,
	priorityResource,
	slaResource,
	statusResource,
	teamResource,
	ticketTypeResource,
	topLevelResource,
} from './lookups';
import type { ResourceDescriptor } from './resource';
import { projectsResource, ticketsResource } from './tickets';

/** Every `/api/<name>` the mock serves. */
export const RESOURCES: readonly ResourceDescriptor[] = [
	ticketsResource,
	projectsResource,
	actionsResource,
	clientResource,
	siteResource,
	usersResource,
	assetResource,
	assetTypeResource,
	teamResource,
	agentResource,
	statusResource,
	priorityResource,
	ticketTypeResource,
	outcomeResource,
	categoryResource,
	slaResource,
	fieldInfoResource,
	topLevelResource,
];

const byLowerCaseName = new Map(RESOURCES.map((resource) => [resource.name.toLowerCase(), resource]));

/** Paths are matched case-insensitively (API-NOTES §1.4). */
export function findResource(pathSegment: string): ResourceDescriptor | undefined {
	return byLowerCaseName.get(pathSegment.toLowerCase());
}
