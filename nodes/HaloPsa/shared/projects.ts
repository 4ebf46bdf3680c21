/**
 * Projects are tickets in HaloPSA's projects area (`/Projects`, same `Faults` records as tickets;
 * API-NOTES §3.7); their tasks are child tickets (`parent_id`).
 */
import type { IDataObject } from 'n8n-workflow';

import { haloList } from '../transport/pagination';
import type { HaloContext } from '../transport/request';

/** `includechildren` of /Projects: 0 = neither parent nor child, 1 = has children; 2 (is a child: a task) left out. */
export const PROJECTS_NOT_TASKS = '0,1';

/**
 * A project's tasks: its child tickets in the projects area (`/Projects?parent_id=`) and any in the
 * ticket area (`/Tickets?parent_id=`), each once, by id. `limit` undefined = all.
 */
export async function listProjectTasks(
	context: HaloContext,
	projectId: number,
	qs: IDataObject,
	limit: number | undefined,
	itemIndex: number,
): Promise<IDataObject[]> {
	const query = { ...qs, parent_id: projectId, order: 'id' };
	const lists = await Promise.all(
		['/Projects', '/Tickets'].map(async (path) => haloList(context, { path, qs: query, listKey: 'tickets', limit, itemIndex })),
	);
	const byId = new Map<string, IDataObject>();
	for (const task of lists.flat()) byId.set(String(task.id), task);
	const tasks = [...byId.values()].sort((a, b) => Number(a.id) - Number(b.id));
	return limit === undefined ? tasks : tasks.slice(0, limit);
}
