/*
 * What a step shows, loaded from the service's API: the dispute's case file (or an appeal's,
 * or a seller contact's conversation), the task's deadline and the order.
 */
import { at } from './api.js';

/** The task as the engine has it (for its due date), or null for a start form. */
function task(camForm) {
  if (!camForm.taskId) {
    return Promise.resolve(null);
  }
  return new Promise((resolve) => {
    camForm.client.resource('task').get(camForm.taskId, (error, found) => resolve(error ? null : found));
  });
}

/** variables: the process variables the form fetched (disputeId, contactId, appealId, …). */
export async function loadContext(api, camForm, step, variables) {
  const context = { step, variables };
  if (variables.contactId) {
    const [file, found] = await Promise.all([api(at('/api/contacts', variables.contactId)),
      task(camForm)]);
    context.contact = file.contact;
    context.messages = file.messages || [];
    context.task = found;
    context.order = await api(at('/api/orders', file.contact.orderId)).catch(() => null);
    return context;
  }
  const { disputeId, appealId } = variables;
  if (!disputeId) {
    return context;
  }
  const [file, evidence, found] = await Promise.all([
    // An appeal's review: the appeal with its dispute's case file, in one answer.
    appealId ? api(at('/api/appeals', appealId)) : api(at('/api/disputes', disputeId)),
    api(at('/api/disputes', disputeId) + '/evidence'),
    task(camForm)
  ]);
  context.appeal = file.appeal;
  context.dispute = file.dispute;
  context.timeline = file.timeline || [];
  context.offers = file.offers || [];
  context.decisions = file.decisions || [];
  context.evidence = evidence;
  context.task = found;
  context.order = await api(at('/api/orders', file.dispute.orderId)).catch(() => null);
  return context;
}
