/**
 * Two n8n workers can raise the same alert at the same moment, each finding no open ticket and each
 * creating one. The tickets then converge: the oldest is kept, every newer one is closed with a note
 * that points to it, so the end state is one open ticket whatever the timing.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { findActionContaining, postAction } from '../shared/actions';
import { closedStatusId } from '../shared/lookups';
import type { HaloRun } from '../shared/operation';

export function duplicateNote(keptTicketId: number, alertId: string): string {
	return `Duplicate of ticket ${keptTicketId} for alert ${alertId}: closed; this alert is followed on ticket ${keptTicketId}.`;
}

/** Closes each newer ticket with a note pointing to the one kept. */
export async function closeDuplicates(
	context: IExecuteFunctions,
	run: HaloRun,
	keptTicketId: number,
	newerTicketIds: number[],
	alertId: string,
	itemIndex: number,
): Promise<void> {
	const statusId = await closedStatusId(context, run, undefined, itemIndex);
	const note = duplicateNote(keptTicketId, alertId);
	for (const ticketId of newerTicketIds) {
		await postAction(context, run, {
			ticketId,
			note,
			format: 'text',
			private: true,
			newStatusId: statusId,
			itemIndex,
			findSaved: async () => await findActionContaining(context, ticketId, note, itemIndex),
		});
	}
}
