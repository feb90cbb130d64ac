/*
 * The steps of a seller contact (the buyer writes, the seller replies, the buyer settles it or
 * opens a dispute) and of an appeal (a party appeals, a senior mediator reviews). As in
 * steps-dispute.js: validate and submit are pure, prepare and refresh fill the page.
 */
import { el, facts, panel } from './dom.js';
import { money, date } from './format.js';
import { required, text, partialAmount, string, boolean } from './rules.js';
import { claimErrors, claimVariables } from './claim.js';
import { outcome } from './casefile.js';
import { chooseOrder, chosenOrder, show, amountHint } from './step-parts.js';
import { prepareBasis, basisErrors, basisVariables } from './panel-rules.js';

/* Start form of sellerContact: the buyer writes to the seller about an order. */
export const ContactSeller = {
  prepare: chooseOrder,
  refresh(form) {
    const order = chosenOrder(form);
    show(form, 'order', order && facts([
      ['Item', order.title],
      ['Amount', money(order.amount, order.currency)],
      ['Shipped', order.shippedAt ? date(order.shippedAt) : 'not shipped'],
      ['Seller', order.sellerId]
    ]));
  },
  validate(values) {
    const errors = [];
    required(errors, values, 'orderId', 'choose the order');
    text(errors, values, 'buyerMessage', 1, 4000);
    return errors;
  },
  submit(values) {
    return { orderId: string(values.orderId), buyerMessage: string(values.buyerMessage) };
  }
};

/* The seller replies to the buyer's message. */
export const ReplyToBuyer = {
  validate(values) {
    const errors = [];
    text(errors, values, 'sellerMessage', 1, 4000);
    return errors;
  },
  submit(values) {
    return { sellerMessage: string(values.sellerMessage) };
  }
};

/* The buyer says whether the seller's reply resolved the issue; if not, may open a dispute. */
export const ConfirmIssueResolved = {
  prepare(form, context) {
    amountHint(form, 'requestedAmount', context.order && context.order.amount,
      context.order && context.order.currency);
  },
  validate(values, context) {
    const errors = [];
    if (required(errors, values, 'issueResolved', 'say whether the issue is resolved')
        && values.issueResolved === 'false'
        && required(errors, values, 'openDispute', 'say whether you open a dispute')
        && values.openDispute === 'true') {
      claimErrors(errors, values, context.order && context.order.amount);
    }
    return errors;
  },
  submit(values) {
    const resolved = values.issueResolved === 'true';
    const open = !resolved && values.openDispute === 'true';
    const variables = { issueResolved: boolean(resolved), openDispute: boolean(open) };
    return open ? Object.assign(variables, claimVariables(values)) : variables;
  }
};

/** Closed disputes that can still be appealed: decided, not refused or cancelled, not appealed. */
export function appealable(disputes) {
  return disputes.filter((d) => d.status === 'CLOSED' && d.closureReason !== 'INELIGIBLE'
    && d.closureReason !== 'CANCELLED_BY_BUYER' && !d.appealId);
}

/**
 * The dispute Tasklist's address names (#/?processStart=appealTicket&disputeId=D-…, the link of
 * the page My disputes), or null.
 */
export function namedDispute(hash) {
  const query = String(hash || '').split('?')[1];
  return query ? new URLSearchParams(query).get('disputeId') : null;
}

/* Start form of appealTicket: a party appeals one of their closed disputes. */
export const AppealDispute = {
  async prepare(form) {
    const select = form.root.querySelector('[name="disputeId"]');
    const disputes = appealable(await form.api('/api/disputes'));
    form.context.disputes = disputes;
    select.appendChild(el('option', { value: '' }, disputes.length
      ? 'Choose one of your closed disputes\u2026' : 'You have no closed dispute to appeal'));
    disputes.forEach((d) => select.appendChild(el('option', { value: d.disputeId },
      d.disputeId + ' \u00b7 ' + d.orderId + ' \u00b7 ' + form.labels.label('resolution', d.resolution))));
    const named = namedDispute(globalThis.location && globalThis.location.hash);
    if (disputes.some((d) => d.disputeId === named)) {
      form.setValue('disputeId', named);
    }
  },
  refresh(form) {
    const { label } = form.labels;
    const d = (form.context.disputes || []).find((x) => x.disputeId === form.value('disputeId'));
    show(form, 'dispute', d && facts([
      ['Order', d.orderId],
      ['Claim', label('reason', d.reason)],
      ['Outcome', outcome(form.labels, d.resolution, Number(d.refundAmount) > 0 && d.refundAmount,
        d.currency)],
      ['How it ended', label('closureReason', d.closureReason)],
      ['Closed', date(d.closedAt)]
    ]));
  },
  validate(values) {
    const errors = [];
    required(errors, values, 'disputeId', 'choose the dispute');
    text(errors, values, 'appealStatement', 20, 4000);
    return errors;
  },
  submit(values) {
    return { disputeId: string(values.disputeId), appealStatement: string(values.appealStatement) };
  }
};

/** What an overturn to this resolution would refund, to compare with what the dispute has. */
export function overturnRefund(values, orderAmount) {
  if (values.resolution === 'PARTIAL_REFUND') {
    return Number(values.refundAmount);
  }
  return ['FULL_REFUND', 'RETURN_AND_REFUND'].includes(values.resolution) ? Number(orderAmount) : 0;
}

/* A senior mediator reviews an appeal: upholds the outcome or overturns it. */
export const ReviewAppeal = {
  async prepare(form, context) {
    const { appeal, dispute } = context;
    show(form, 'appeal', panel('Appeal ' + appeal.appealId, [facts([
      ['Appellant', appeal.appellantId + ' (' + form.labels.label('role', appeal.appellantRole) + ')'],
      ['Outcome appealed', outcome(form.labels, dispute.resolution,
        Number(dispute.refundAmount) > 0 && dispute.refundAmount, dispute.currency)],
      ['Decided by', dispute.decidedBy || '\u2014'],
      ['Rationale', dispute.decisionRationale || '\u2014']
    ]), el('blockquote', { className: 'df-text', 'data-df': 'statement' }, appeal.statement)],
    'df-claim'));
    amountHint(form, 'refundAmount', dispute.orderAmount, dispute.currency);
    await prepareBasis(form, context, globalThis.document.documentElement.lang);
  },
  validate(values, context) {
    const errors = [];
    const d = context.dispute;
    if (required(errors, values, 'appealDecision', 'choose a decision')
        && values.appealDecision === 'OVERTURN'
        && required(errors, values, 'resolution', 'choose the new outcome')) {
      if (values.resolution === 'PARTIAL_REFUND') {
        partialAmount(errors, values, 'refundAmount', d.orderAmount);
      }
      if (values.resolution === d.resolution
          && overturnRefund(values, d.orderAmount) === Number(d.refundAmount || 0)) {
        errors.push({ field: 'resolution', message: 'is the outcome the dispute has already: '
          + 'an overturn changes it; to keep it, uphold' });
      }
    }
    basisErrors(errors, context.basis, Boolean(values.appealDecision));
    text(errors, values, 'appealRationale', 1, 4000);
    return errors;
  },
  submit(values, context) {
    const variables = {
      appealDecision: string(values.appealDecision),
      appealRationale: string(values.appealRationale)
    };
    Object.assign(variables, basisVariables(context && context.basis,
      Boolean(values.appealDecision)));
    if (values.appealDecision === 'OVERTURN') {
      variables.resolution = string(values.resolution);
      if (values.resolution === 'PARTIAL_REFUND') {
        variables.refundAmount = string(values.refundAmount);
      }
    }
    return variables;
  }
};
