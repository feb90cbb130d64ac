/*
 * What a decision rests on. The mediator's form (DecideDispute) and the senior mediator's
 * (ReviewAppeal) pick the policy rules the decision applies, from GET /api/policy/rules, and the
 * case file's evidence it relied on; the answers go as decisionRules and decisionEvidenceIds.
 * The case file shows both parties each decision with its rules' texts and that evidence.
 * Rendered into <div data-df="decision-basis"></div>.
 */
import { el, panel } from './dom.js';
import { string } from './rules.js';

/** The choices, kept in the form's context so that validate and submit stay pure. */
export function emptyBasis() {
  return { rules: [], evidenceIds: [] };
}

/** A final decision names at least one rule; a request for evidence decides nothing. */
export function basisErrors(errors, basis, decides) {
  if (decides && (!basis || basis.rules.length === 0)) {
    errors.push({ field: 'decisionRules', message: 'choose at least one rule the decision applies' });
  }
}

/** The answers as the task takes them: JSON arrays, as text; the evidence only when chosen. */
export function basisVariables(basis, decides) {
  if (!decides) {
    return {};
  }
  const chosen = basis || emptyBasis();
  const variables = { decisionRules: string(JSON.stringify(chosen.rules)) };
  if (chosen.evidenceIds.length) {
    variables.decisionEvidenceIds = string(JSON.stringify(chosen.evidenceIds));
  }
  return variables;
}

/** Adds or removes a value, keeping the order it is offered in. */
function toggle(list, value, on, order) {
  const set = new Set(list.filter((item) => item !== value));
  if (on) {
    set.add(value);
  }
  return order.filter((item) => set.has(item));
}

/**
 * The two pickers: a checkbox per rule (title, and its text as parties will read it) and per
 * file of the case file. Each change updates basis in place.
 */
export function basisPickers(rules, evidence, basis) {
  const ruleIds = rules.map((rule) => rule.id);
  const fileIds = (evidence || []).map((file) => file.id);
  const ruleBoxes = rules.map((rule) => el('div', { className: 'checkbox df-rule' },
    el('label', {},
      el('input', { type: 'checkbox', value: rule.id, 'data-rule': rule.id,
        checked: basis.rules.includes(rule.id),
        onchange: (event) => {
          basis.rules = toggle(basis.rules, rule.id, event.target.checked, ruleIds);
        } }),
      el('strong', {}, rule.title),
      el('span', { className: 'df-muted df-rule-text' }, ' \u2013 ' + rule.text))));
  const fileBoxes = fileIds.length
    ? (evidence || []).map((file) => el('label', { className: 'checkbox-inline df-relied-on' },
      el('input', { type: 'checkbox', value: String(file.id), 'data-evidence': String(file.id),
        checked: basis.evidenceIds.includes(file.id),
        onchange: (event) => {
          basis.evidenceIds = toggle(basis.evidenceIds, file.id, event.target.checked, fileIds);
        } }),
      ' ' + file.fileName))
    : [el('p', { className: 'df-muted' }, 'The case file has no evidence.')];
  return el('div', { className: 'df-basis' },
    el('div', { className: 'form-group', 'data-field': 'decisionRules' },
      el('label', { className: 'control-label' },
        'Rules applied (both parties read them with the decision)'), ruleBoxes),
    el('div', { className: 'form-group', 'data-field': 'decisionEvidenceIds' },
      el('label', { className: 'control-label' }, 'Evidence relied on'), el('div', {}, fileBoxes)));
}

/** Fills the form's slot with the pickers for the catalogue in the page's language. */
export async function prepareBasis(form, context, lang) {
  const slot = form.root.querySelector('[data-df="decision-basis"]');
  context.basis = emptyBasis();
  if (!slot) {
    return;
  }
  const rules = await form.api('/api/policy/rules?lang=' + encodeURIComponent(lang || 'en'));
  slot.textContent = '';
  slot.appendChild(basisPickers(rules, context.evidence, context.basis));
}

/**
 * Each decision of the dispute as both parties read it: what was decided, the rules with their
 * texts (in the reader's language, as the server words them) and the files relied on.
 */
export function decisionPanel(decisions, labels) {
  const { label } = labels;
  return panel(label('DecisionBasis', 'TITLE'), decisions.map((decision) =>
    el('div', { className: 'df-decision', 'data-df': 'decision', 'data-stage': decision.stage },
      el('p', {}, el('strong', {}, label('DecisionBasis', decision.stage) + ': '),
        label(decision.stage === 'APPEAL' ? 'appealDecision' : 'platformDecision',
          decision.decision)),
      el('h5', {}, label('DecisionBasis', 'RULES')),
      el('ul', { className: 'df-rules', 'data-df': 'decision-rules' }, decision.rules.map((rule) =>
        el('li', { 'data-rule': rule.id }, el('strong', {}, rule.title),
          rule.text ? el('div', { className: 'df-text' }, rule.text) : null))),
      el('h5', {}, label('DecisionBasis', 'EVIDENCE')),
      decision.evidence.length
        ? el('ul', { className: 'df-relied', 'data-df': 'decision-evidence' },
          decision.evidence.map((file) => el('li', {}, el('a', {
            href: '/api/evidence/' + encodeURIComponent(file.evidenceId), target: '_blank',
            rel: 'noopener' }, file.fileName))))
        : el('p', { className: 'df-muted' }, label('DecisionBasis', 'NO_EVIDENCE')))),
  'df-decision-panel');
}
