/*
 * The words for the codes (FULL_REFUND, BUYER, …). They come from the service's message bundle
 * (GET /api/labels, keys "<Kind>.<CODE>"), the same texts the dashboard shows; a code the bundle
 * does not know is written out from its name rather than hidden.
 */

/** Which kind of code each field or API property holds. */
export const KINDS = {
  reason: 'Reason',
  problemDetail: 'ProblemDetail',
  resolution: 'Resolution',
  requestedResolution: 'Resolution',
  offerResolution: 'Resolution',
  sellerResponse: 'SellerResponse',
  buyerDecision: 'BuyerDecision',
  platformDecision: 'PlatformDecision',
  escalationReason: 'EscalationReason',
  escalationRequestReason: 'EscalationRequestReason',
  closureReason: 'ClosureReason',
  role: 'Party',
  offerStatus: 'OfferStatus',
  event: 'TimelineEvent',
  status: 'DisputeStatus',
  contactStatus: 'ContactStatus',
  appealDecision: 'AppealDecision'
};

/** NOT_AS_DESCRIBED as "Not as described". */
export function spelledOut(code) {
  const words = String(code).toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.substring(1);
}

/**
 * The label lookup over one language's bundle: label('resolution', 'FULL_REFUND') or, by the
 * bundle's own kind, label('Resolution', 'FULL_REFUND').
 */
export function labelsFrom(bundle) {
  const texts = bundle || {};
  function label(kind, code) {
    if (code === undefined || code === null || code === '') {
      return '';
    }
    return texts[(KINDS[kind] || kind) + '.' + code] || spelledOut(code);
  }
  /** A timeline detail: free text as it was written, a code (BUYER_REQUESTED) in words. */
  function detail(text) {
    if (!/^[A-Z][A-Z_]+$/.test(text)) {
      return text;
    }
    const kind = ['EscalationRequestReason', 'EscalationReason', 'ClosureReason', 'TimelineEvent']
      .find((k) => texts[k + '.' + text]);
    return kind ? texts[kind + '.' + text] : spelledOut(text);
  }
  /** A fixed word of the case file ("Order", "Deadline") in the bundle's language. */
  function word(key) {
    return texts['CaseFile.' + key] || spelledOut(key);
  }
  return { label, detail, word, texts, locale: texts['CaseFile.LOCALE'] };
}

/** The bundle in the page's language; the forms still work, with spelled-out codes, without it. */
export async function loadLabels(api, lang) {
  try {
    return labelsFrom(await api('/api/labels?lang=' + encodeURIComponent(lang || 'en')));
  } catch (ignored) {
    return labelsFrom({});
  }
}
