/*
 * The buyer's claim, written once: the fields (opening a dispute, revising it, opening it from
 * a seller contact), their checks and what is sent. A form places them with
 * <div data-df="claim-fields"></div>.
 */
import { el } from './dom.js';
import { required, text, partialAmount, string, boolean } from './rules.js';

export const REASONS = 'Reason: NOT_RECEIVED DAMAGED NOT_AS_DESCRIBED QUALITY_PROBLEM QUANTITY_PROBLEM';
export const PROBLEM_DETAILS = 'ProblemDetail: DOES_NOT_WORK BRAND MODEL SIZE COLOR MATERIAL WEIGHT '
  + 'NO_PACKAGING RUSTED_FADED OTHER';
export const REQUESTED_RESOLUTIONS = 'Resolution: FULL_REFUND PARTIAL_REFUND RETURN_AND_REFUND REPLACEMENT';

function group(field, attrs, ...children) {
  return el('div', Object.assign({ className: 'form-group', 'data-field': field }, attrs), children);
}

function fieldLabel(field, ...text) {
  return el('label', { className: 'control-label', for: 'df-' + field }, text);
}

function select(field, codes) {
  return el('select', { className: 'form-control', id: 'df-' + field, name: field,
    'data-codes': codes });
}

function yesNo(field) {
  return el('div', {}, ['true', 'false'].map((value) => el('label', { className: 'radio-inline' },
    el('input', { type: 'radio', name: field, value }), value === 'true' ? ' Yes' : ' No')));
}

/** The claim's fields; their options are filled from the labels with the form's other selects. */
export function claimFields() {
  return [
    group('reason', {}, fieldLabel('reason', 'What went wrong'), select('reason', REASONS)),
    group('itemReceived', {}, el('label', { className: 'control-label' },
      'Did you receive the item?'), yesNo('itemReceived')),
    group('problemDetail', { 'data-show-when': 'itemReceived=true' },
      fieldLabel('problemDetail', 'What is the problem with it'),
      select('problemDetail', PROBLEM_DETAILS)),
    group('description', {},
      fieldLabel('description', 'Describe the problem ',
        el('span', { className: 'df-counter', 'data-count': 'description' })),
      el('textarea', { className: 'form-control', id: 'df-description', name: 'description',
        rows: '5', maxlength: '2000',
        placeholder: 'What happened, what you see, what you already tried (20 to 2000 characters)' })),
    group('requestedResolution', {}, fieldLabel('requestedResolution', 'What you ask for'),
      select('requestedResolution', REQUESTED_RESOLUTIONS)),
    group('requestedAmount', { 'data-show-when': 'requestedResolution=PARTIAL_REFUND' },
      fieldLabel('requestedAmount', 'Amount you ask back'),
      el('input', { className: 'form-control df-amount', id: 'df-requestedAmount',
        name: 'requestedAmount', inputmode: 'decimal', placeholder: '12.50', autocomplete: 'off' }),
      el('p', { className: 'help-block', 'data-df': 'requestedAmount-hint' }))
  ];
}

/** Puts the claim's fields where the form asks for them, if it does. */
export function placeClaimFields(root) {
  const slot = root.querySelector('[data-df="claim-fields"]');
  if (slot) {
    slot.textContent = '';
    claimFields().forEach((node) => slot.appendChild(node));
  }
}

/** The server's rules for a claim (Claim.java). */
export function claimErrors(errors, values, orderAmount) {
  required(errors, values, 'reason');
  required(errors, values, 'itemReceived', 'say whether the item arrived');
  if (values.itemReceived === 'true') {
    required(errors, values, 'problemDetail', 'is required when the item was received');
  }
  text(errors, values, 'description', 20, 2000);
  required(errors, values, 'requestedResolution');
  if (values.requestedResolution === 'PARTIAL_REFUND') {
    partialAmount(errors, values, 'requestedAmount', orderAmount);
  }
}

/** The claim as sent: a problem only for a received item, an amount only for a partial refund. */
export function claimVariables(values) {
  const received = values.itemReceived === 'true';
  const variables = {
    reason: string(values.reason),
    itemReceived: boolean(received),
    description: string(values.description),
    requestedResolution: string(values.requestedResolution)
  };
  if (received) {
    variables.problemDetail = string(values.problemDetail);
  }
  if (values.requestedResolution === 'PARTIAL_REFUND') {
    variables.requestedAmount = string(values.requestedAmount);
  }
  return variables;
}
