/*
 * The steps of a dispute: opening it, the seller's response, the buyer's answer, the mediator's
 * decision, evidence, and the return. Each step has validate (the server's rules for its answer)
 * and submit (what is sent: only the step's answers), both pure; prepare and refresh fill the
 * page.
 */
import { el, facts } from './dom.js';
import { money } from './format.js';
import { required, text, partialAmount, trackingNumber, string } from './rules.js';
import { claimErrors, claimVariables } from './claim.js';
import { orderRows, outcome } from './casefile.js';
import { chooseOrder, chosenOrder, show, amountHint, setText } from './step-parts.js';
import { at } from './api.js';
import { followClaim, showChecklist } from './panel-checklist.js';
import { prepareBasis, basisErrors, basisVariables } from './panel-rules.js';

/** Whether the mediator's answer decides the dispute (a request for evidence does not). */
function decides(values) {
  return Boolean(values.platformDecision) && values.platformDecision !== 'REQUEST_EVIDENCE';
}

/**
 * Why the chosen order cannot get a dispute, as the service's eligibility check said it (the
 * same decision the process takes), or that the answer is still awaited; null when it may be
 * opened, or when the check could not be asked (the process still decides, and mails its answer).
 */
export function eligibilityError(eligibility, orderId) {
  if (!orderId) {
    return null;
  }
  if (!eligibility || eligibility.orderId !== orderId) {
    return 'wait a moment: checking whether a dispute can be opened for this order';
  }
  return eligibility.failed || eligibility.eligible ? null : eligibility.message;
}

/** Asks GET /api/orders/{orderId}/eligibility once per chosen order and shows the answer. */
function checkEligibility(form, orderId) {
  form.context.checking = orderId;
  form.api(at('/api/orders', orderId) + '/eligibility').then(
    (answer) => Object.assign({}, answer, { orderId }),
    () => ({ orderId, failed: true })).then((result) => {
    if (form.context.checking !== orderId) {
      return;
    }
    form.context.eligibility = result;
    show(form, 'eligibility', result.failed ? null : el('div', {
      className: result.eligible ? 'df-muted' : 'alert alert-warning',
      'data-eligible': String(result.eligible)
    }, result.message));
    form.changed();
  });
}

/* Start form of disputeMediation: the buyer opens a dispute. */
export const OpenDispute = {
  prepare: chooseOrder,
  refresh(form) {
    const order = chosenOrder(form);
    form.context.order = order;
    const word = form.labels.word;
    show(form, 'order', order && facts([[word('ITEM'), order.title],
      [word('AMOUNT'), money(order.amount, order.currency)], ...orderRows(order, form.labels),
      [word('SELLER'), order.sellerId]]));
    amountHint(form, 'requestedAmount', order && order.amount, order && order.currency);
    if (!order) {
      form.context.checking = null;
      show(form, 'eligibility', null);
    } else if (form.context.checking !== order.orderId) {
      show(form, 'eligibility', null);
      checkEligibility(form, order.orderId);
    }
    followClaim(form);
  },
  validate(values, context) {
    const errors = [];
    if (required(errors, values, 'orderId', 'choose the order')) {
      const refused = eligibilityError(context.eligibility, values.orderId);
      if (refused) {
        errors.push({ field: 'orderId', message: refused });
      }
    }
    claimErrors(errors, values, context.order && context.order.amount);
    return errors;
  },
  submit(values) {
    return Object.assign({ orderId: string(values.orderId) }, claimVariables(values));
  }
};

/* The seller answers the claim. */
export const RespondToDispute = {
  prepare(form, context) {
    const d = context.dispute;
    setText(form, 'claim-summary', outcome(form.labels, d.requestedResolution, d.requestedAmount,
      d.currency));
    amountHint(form, 'offerAmount', d.orderAmount, d.currency);
    return showChecklist(form, context, 'SELLER');
  },
  refresh(form) {
    form.root.querySelector('[data-field="sellerComment"] .control-label').textContent =
      form.value('sellerResponse') === 'REJECT'
        ? 'Why you reject the claim (the buyer and the mediator read this)'
        : 'Comment to the buyer (optional)';
  },
  validate(values, context) {
    const errors = [];
    if (required(errors, values, 'sellerResponse', 'choose how you respond')
        && values.sellerResponse === 'COUNTER_OFFER') {
      required(errors, values, 'offerResolution', 'choose what you offer');
      if (values.offerResolution === 'PARTIAL_REFUND') {
        partialAmount(errors, values, 'offerAmount', context.dispute.orderAmount);
      }
    }
    text(errors, values, 'sellerComment', values.sellerResponse === 'REJECT' ? 1 : 0, 4000);
    return errors;
  },
  submit(values) {
    const variables = { sellerResponse: string(values.sellerResponse) };
    if (values.sellerResponse === 'COUNTER_OFFER') {
      variables.offerResolution = string(values.offerResolution);
      if (values.offerResolution === 'PARTIAL_REFUND') {
        variables.offerAmount = string(values.offerAmount);
      }
    }
    if (values.sellerComment) {
      variables.sellerComment = string(values.sellerComment);
    }
    return variables;
  }
};

/* The buyer answers the seller's response. */
export const ReviewSellerResponse = {
  prepare(form, context) {
    const v = context.variables;
    const d = context.dispute;
    const offer = outcome(form.labels, v.offerResolution, v.offerAmount, d.currency);
    show(form, 'seller-answer', el('p', { className: 'df-answer-kind' },
      el('strong', {}, form.labels.label('sellerResponse', v.sellerResponse)),
      v.sellerResponse === 'COUNTER_OFFER' ? ': ' + offer : ''));
    if (v.sellerComment) {
      form.root.querySelector('[data-df="seller-answer"]').appendChild(el('blockquote',
        { className: 'df-text', 'data-df': 'seller-comment' }, v.sellerComment));
    }
    const accept = form.root.querySelector('[name="buyerDecision"][value="ACCEPT_OFFER"]');
    if (v.sellerResponse !== 'COUNTER_OFFER') {
      accept.closest('.radio').remove();
    } else {
      accept.parentNode.querySelector('[data-df="offer"]').textContent = offer;
    }
    form.setValue('reason', d.reason);
    form.setValue('itemReceived', String(d.itemReceived));
    form.setValue('problemDetail', d.problemDetail || '');
    form.setValue('description', d.description);
    form.setValue('requestedResolution', d.requestedResolution);
    form.setValue('requestedAmount', d.requestedAmount ? Number(d.requestedAmount).toFixed(2) : '');
    amountHint(form, 'requestedAmount', d.orderAmount, d.currency);
  },
  validate(values, context) {
    const errors = [];
    if (required(errors, values, 'buyerDecision', 'choose what you want to do')) {
      if (values.buyerDecision === 'REVISE_CLAIM') {
        claimErrors(errors, values, context.dispute.orderAmount);
      }
      if (values.buyerDecision === 'CANCEL') {
        required(errors, values, 'confirmCancel', 'confirm that you cancel the dispute for good');
      }
    }
    return errors;
  },
  submit(values) {
    const variables = { buyerDecision: string(values.buyerDecision) };
    return values.buyerDecision === 'REVISE_CLAIM'
      ? Object.assign(variables, claimVariables(values)) : variables;
  }
};

/* A mediator decides. */
export const DecideDispute = {
  async prepare(form, context) {
    const d = context.dispute;
    form.root.querySelectorAll('[data-df="order-amount"]').forEach((node) => {
      node.textContent = money(d.orderAmount, d.currency);
    });
    amountHint(form, 'decisionAmount', d.orderAmount, d.currency);
    await prepareBasis(form, context, globalThis.document.documentElement.lang);
    return showChecklist(form, context, 'PLATFORM');
  },
  validate(values, context) {
    const errors = [];
    if (required(errors, values, 'platformDecision', 'choose a decision')) {
      if (values.platformDecision === 'PARTIAL_REFUND') {
        partialAmount(errors, values, 'decisionAmount', context.dispute.orderAmount);
      }
      if (values.platformDecision === 'REQUEST_EVIDENCE') {
        required(errors, values, 'evidenceRequestedFrom', 'choose who is to provide evidence');
        text(errors, values, 'evidenceRequest', 1, 4000);
      }
    }
    basisErrors(errors, context.basis, decides(values));
    text(errors, values, 'decisionRationale', 1, 4000);
    return errors;
  },
  submit(values, context) {
    const variables = {
      platformDecision: string(values.platformDecision),
      decisionRationale: string(values.decisionRationale)
    };
    Object.assign(variables, basisVariables(context && context.basis, decides(values)));
    if (values.platformDecision === 'PARTIAL_REFUND') {
      variables.decisionAmount = string(values.decisionAmount);
    }
    if (values.platformDecision === 'REQUEST_EVIDENCE') {
      variables.evidenceRequestedFrom = string(values.evidenceRequestedFrom);
      variables.evidenceRequest = string(values.evidenceRequest);
    }
    return variables;
  }
};

/* The party the mediator asked provides evidence. */
export const ProvideEvidence = {
  prepare(form, context) {
    setText(form, 'request', context.variables.evidenceRequest || 'The mediator asked for evidence.');
  },
  validate(values) {
    const errors = [];
    text(errors, values, 'evidenceNote', 1, 4000);
    return errors;
  },
  submit(values) {
    return { evidenceNote: string(values.evidenceNote) };
  }
};

/* The buyer ships the item back. */
export const ShipReturn = {
  prepare(form, context) {
    setText(form, 'refund', money(context.variables.refundAmount, context.dispute.currency));
  },
  validate(values) {
    const errors = [];
    trackingNumber(errors, values, 'returnTrackingNumber');
    return errors;
  },
  submit(values) {
    return { returnTrackingNumber: string(values.returnTrackingNumber) };
  }
};

/* The seller confirms the returned item arrived. */
export const ConfirmReturnReceived = {
  prepare(form, context) {
    setText(form, 'tracking', context.variables.returnTrackingNumber || '\u2014');
    setText(form, 'refund', money(context.variables.refundAmount, context.dispute.currency));
  },
  validate(values) {
    const errors = [];
    required(errors, values, 'confirmReceived', 'confirm that the item arrived');
    return errors;
  },
  submit() {
    return {};
  }
};
