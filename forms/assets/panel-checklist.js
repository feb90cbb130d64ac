/*
 * The evidence checklist beside a step: what evidence the claim needs and who should supply it
 * (the decision evidenceChecklist). The buyer sees it while writing the claim and is warned of
 * what is missing, never stopped; the seller sees what would answer the claim; the mediator sees
 * each item ticked against the files on the dispute. Rendered into <div data-df="checklist">.
 */
import { el, panel } from './dom.js';
import { at } from './api.js';

const ENGLISH = {
  TITLE: 'Evidence this claim needs',
  SUPPLIED_BY: 'Supplied by',
  PRESENT: 'Present',
  MISSING: 'Missing',
  NONE: 'This claim needs no particular evidence; add whatever shows the problem.',
  OPENING_WARNING: 'Your claim is easier to decide with this evidence, which you have not '
    + 'attached yet: {0}. You can still open the dispute without it and add files later.',
  SELLER_HINT: 'What would answer this claim: attach it with your response.',
  MEDIATOR_HINT: 'Ticked when the party who should supply an item attached a file of a fitting '
    + 'kind; look at the files before relying on them.',
  ACCEPTS: 'Accepted:'
};

/** A fixed word of the panel in the page's language (labels bundle, Checklist.<KEY>). */
function word(labels, key) {
  return (labels.texts && labels.texts['Checklist.' + key]) || ENGLISH[key];
}

/**
 * GET /api/evidence-checklist for the claim as the form holds it; null until the reason and
 * the resolution are chosen. The problem counts only for an item that arrived, as in the claim.
 */
export function claimQuery(values) {
  if (!values.reason || !values.requestedResolution) {
    return null;
  }
  const params = { reason: values.reason, requestedResolution: values.requestedResolution,
    itemReceived: values.itemReceived === 'true' ? 'true' : 'false' };
  if (values.itemReceived === 'true' && values.problemDetail) {
    params.problemDetail = values.problemDetail;
  }
  return '/api/evidence-checklist?' + Object.entries(params)
    .map(([name, value]) => name + '=' + encodeURIComponent(value)).join('&');
}

/**
 * The items {@code party} should supply that neither a file on the dispute nor one of the
 * files being attached (their media types) could answer.
 */
export function missingItems(checklist, party, mediaTypes) {
  return ((checklist && checklist.items) || []).filter((item) => item.suppliedBy === party
    && !item.present && !(mediaTypes || []).some((type) => item.mediaTypes.includes(type)));
}

/** The media types of the files chosen on the form that were not refused. */
export function chosenTypes(uploads) {
  return ((uploads && uploads.items) || []).filter((item) => item.state !== 'refused')
    .map((item) => (item.evidence && item.evidence.contentType) || item.file.type);
}

function fileNames(ids, evidence) {
  return ids.map((id) => {
    const file = (evidence || []).find((e) => String(e.id) === String(id));
    return file ? file.fileName : '#' + id;
  }).join(', ');
}

/**
 * The checklist as a panel. viewer: BUYER (writing the claim: no ticks yet), SELLER (their own
 * items marked as what would answer) or PLATFORM (every item ticked, with the files that tick it).
 */
export function checklistPanel(checklist, labels, viewer, evidence) {
  const items = checklist.items || [];
  const opening = !checklist.disputeId;
  const hint = viewer === 'SELLER' ? word(labels, 'SELLER_HINT')
    : viewer === 'PLATFORM' ? word(labels, 'MEDIATOR_HINT') : null;
  const rows = items.map((item) => el('li', {
    className: 'df-check' + (opening ? '' : item.present ? ' df-check-present' : ' df-check-missing')
      + (item.suppliedBy === viewer ? ' df-check-mine' : ''),
    'data-item': item.item, 'data-present': opening ? null : String(item.present)
  },
  opening ? null : el('span', { className: item.present ? 'text-success' : 'text-warning',
    'data-df': 'check-state' }, (item.present ? '\u2713 ' + word(labels, 'PRESENT')
    : '\u2717 ' + word(labels, 'MISSING')) + ' \u00b7 '),
  el('strong', {}, item.label || labels.label('ChecklistItem', item.item)),
  el('span', { className: 'df-muted' }, ' \u00b7 ' + word(labels, 'SUPPLIED_BY') + ' '
    + labels.label('role', item.suppliedBy)),
  el('div', { className: 'df-muted' }, item.explanation || ''),
  el('div', { className: 'df-muted' }, word(labels, 'ACCEPTS') + ' '
    + (item.evidenceTypes || []).join(', ')),
  viewer === 'PLATFORM' && item.present
    ? el('div', { 'data-df': 'check-files' }, fileNames(item.evidenceIds, evidence)) : null));
  return panel(word(labels, 'TITLE'), [
    hint ? el('p', { className: 'df-muted' }, hint) : null,
    items.length ? el('ul', { className: 'df-checklist', 'data-df': 'checklist-items' }, rows)
      : el('p', { className: 'df-muted' }, word(labels, 'NONE')),
    el('div', { 'data-df': 'checklist-warning', 'aria-live': 'polite' })
  ], 'df-checklist-panel');
}

/** The opening form's warning: what the buyer should supply and has not attached. */
export function openingWarning(checklist, labels, mediaTypes) {
  const missing = missingItems(checklist, 'BUYER', mediaTypes);
  if (!missing.length) {
    return null;
  }
  const names = missing.map((item) => item.label || labels.label('ChecklistItem', item.item));
  return el('div', { className: 'alert alert-warning', 'data-df': 'checklist-missing' },
    word(labels, 'OPENING_WARNING').replace('{0}', names.join('; ')));
}

function slot(form) {
  return form.root.querySelector('[data-df="checklist"]');
}

function warn(form) {
  const target = form.root.querySelector('[data-df="checklist-warning"]');
  if (target && form.context.checklist) {
    target.textContent = '';
    const warning = openingWarning(form.context.checklist, form.labels, chosenTypes(form.uploads));
    if (warning) {
      target.appendChild(warning);
    }
  }
}

/**
 * OpenDispute (called from its refresh): follows the claim's fields, asks for the checklist
 * once per combination, and warns of what is missing as files are chosen. The form submits
 * whatever the warning says: the checklist advises, the claim's own rules decide.
 */
export function followClaim(form) {
  const target = slot(form);
  if (!target) {
    return;
  }
  if (form.uploads && !form.uploads.onChange) {
    form.uploads.onChange = () => warn(form);
  }
  const query = claimQuery(form.values());
  if (query === form.context.checklistQuery) {
    warn(form);
    return;
  }
  form.context.checklistQuery = query;
  form.context.checklist = null;
  target.textContent = '';
  if (!query) {
    return;
  }
  form.api(query).then((checklist) => {
    if (form.context.checklistQuery === query) {
      form.context.checklist = checklist;
      target.textContent = '';
      target.appendChild(checklistPanel(checklist, form.labels, 'BUYER'));
      warn(form);
    }
  }, () => {
    // Without the checklist the form works as before: it advises, it never decides.
  });
}

/** RespondToDispute and DecideDispute (from their prepare): the dispute's checklist, ticked. */
export async function showChecklist(form, context, viewer) {
  const target = slot(form);
  if (!target || !context.dispute) {
    return;
  }
  try {
    const checklist = await form.api(at('/api/disputes', context.dispute.disputeId) + '/checklist');
    target.textContent = '';
    target.appendChild(checklistPanel(checklist, form.labels, viewer, context.evidence));
  } catch (ignored) {
    // The case file and the step work without it.
  }
}
