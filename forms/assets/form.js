/*
 * One dispute form on Tasklist's camForm: reads the fields, shows and hides what depends on
 * other answers (data-show-when="field=A|B;other=C"), checks the answers with the step's rules,
 * shows the server's refusal next to the field it names, and hands Tasklist only the step's
 * answers.
 */
import { el } from './dom.js';
import { string } from './rules.js';

/** Whether a data-show-when condition holds for the raw values of the fields. */
export function shown(condition, values) {
  return condition.split(';').every((part) => {
    const [name, options] = part.split('=');
    return options.split('|').includes(values[name.trim()] || '');
  });
}

/**
 * The engine's refusal ("reason is required; offerAmount must be …") as errors at the fields it
 * names; a message that names none stays one general error.
 */
export function refusalErrors(message, fields) {
  const errors = [];
  fields.forEach((field) => {
    const match = new RegExp('(?:^|[:;]\\s*)' + field + ' ([^;\'"]+)').exec(message);
    if (match) {
      errors.push({ field, message: match[1].trim() });
    }
  });
  return errors.length ? errors : [{ field: null, message }];
}

/**
 * The variables fetched to show the case file (disputeId, …) are not answers. Tasklist submits
 * every fetched variable that no form field holds, as if it were one, and the server refuses a
 * step's submission that carries anything but its own answers: these are marked unchanged, so
 * that only the step's answers are sent.
 */
export function keepFetched(variables, answers) {
  Object.keys(variables).forEach((name) => {
    if (!answers.includes(name) && name !== 'evidenceIds') {
      variables[name].originalValue = variables[name].value;
      variables[name].defaultValue = variables[name].value;
    }
  });
}

export class DisputeForm {
  /** step: the step's rules (steps-*.js); labels: labelsFrom(…); api: the service's API. */
  constructor(camForm, step, labels, api) {
    this.camForm = camForm;
    this.step = step;
    this.labels = labels;
    this.api = api;
    this.root = camForm.formElement[0];
    this.context = {};
    this.uploads = null;
    this.checked = false;
    this.root.classList.add('dispute-form');
    this.root.addEventListener('input', () => this.changed());
    this.root.addEventListener('change', () => this.changed());
  }

  /** The value of a visible field; hidden fields count as empty. */
  value(name) {
    const fields = Array.from(this.root.querySelectorAll('[name="' + name + '"]'))
      .filter((field) => !field.closest('[hidden]'));
    if (fields.length === 0) {
      return '';
    }
    if (fields[0].type === 'radio') {
      const checked = fields.find((field) => field.checked);
      return checked ? checked.value : '';
    }
    if (fields[0].type === 'checkbox') {
      return fields[0].checked;
    }
    return fields[0].value.trim();
  }

  values() {
    const values = {};
    this.root.querySelectorAll('[name]').forEach((field) => {
      values[field.name] = this.value(field.name);
    });
    return values;
  }

  setValue(name, value) {
    this.root.querySelectorAll('[name="' + name + '"]').forEach((field) => {
      if (field.type === 'radio') {
        field.checked = field.value === String(value);
      } else if (field.type === 'checkbox') {
        field.checked = Boolean(value);
      } else {
        field.value = value === undefined || value === null ? '' : value;
      }
    });
  }

  changed() {
    this.applyVisibility();
    this.updateCounters();
    if (this.checked) {
      // After a first attempt to complete, the list of problems follows every change.
      this.showErrors(this.step.validate(this.values(), this.context, this), false);
    }
  }

  applyVisibility() {
    const values = {};
    this.root.querySelectorAll('[name]').forEach((field) => {
      if (field.type === 'radio') {
        if (field.checked) {
          values[field.name] = field.value;
        }
      } else if (field.type === 'checkbox') {
        values[field.name] = String(field.checked);
      } else {
        values[field.name] = field.value;
      }
    });
    this.root.querySelectorAll('[data-show-when]').forEach((node) => {
      node.hidden = !shown(node.getAttribute('data-show-when'), values);
    });
    if (this.step.refresh) {
      this.step.refresh(this, this.context);
    }
  }

  updateCounters() {
    this.root.querySelectorAll('[data-count]').forEach((counter) => {
      const field = this.root.querySelector('[name="' + counter.getAttribute('data-count') + '"]');
      const max = field.getAttribute('maxlength');
      counter.textContent = field.value.trim().length + (max ? ' / ' + max : '') + ' characters';
    });
  }

  showErrors(errors, scroll) {
    this.root.querySelectorAll('[data-field].has-error').forEach((group) => {
      group.classList.remove('has-error');
      group.querySelectorAll('.df-error').forEach((node) => node.remove());
    });
    const summary = this.root.querySelector('[data-df="errors"]');
    summary.textContent = '';
    summary.hidden = errors.length === 0;
    if (errors.length === 0) {
      return;
    }
    summary.appendChild(el('strong', {}, 'Please check: '));
    summary.appendChild(el('ul', {}, errors.map((error) => {
      const group = error.field && this.root.querySelector('[data-field="' + error.field + '"]');
      if (group && !group.closest('[hidden]')) {
        group.classList.add('has-error');
        group.appendChild(el('p', { className: 'help-block df-error' }, error.message));
      }
      return el('li', {}, (group ? fieldName(group) + ': ' : '') + error.message);
    })));
    if (scroll !== false) {
      summary.scrollIntoView({ block: 'nearest' });
    }
  }

  /** The engine refused the completion (a task listener, 400): show its words at the fields. */
  serverRefused(error) {
    if (!error || /submission prevented/.test(error.message || '')) {
      return;
    }
    const fields = Array.from(this.root.querySelectorAll('[data-field]'))
      .map((group) => group.getAttribute('data-field'));
    this.showErrors(refusalErrors(String(error.message || error), fields));
  }

  status(message, failed) {
    const node = this.root.querySelector('[data-df="status"]');
    if (node) {
      node.hidden = !message;
      node.textContent = message || '';
      node.className = failed ? 'alert alert-danger' : 'df-loading';
    }
  }

  /** Checks the answers and hands the variables to Tasklist; false keeps the form open. */
  submit() {
    if (!this.root.classList.contains('df-ready')) {
      return false;
    }
    if (this.uploads && this.uploads.busy()) {
      this.showErrors([{ field: 'evidenceIds', message: 'wait until every file is uploaded' }]);
      return false;
    }
    const values = this.values();
    const errors = this.step.validate(values, this.context, this);
    this.checked = true;
    this.showErrors(errors);
    if (errors.length > 0) {
      return false;
    }
    const variables = this.step.submit(values, this.context, this);
    keepFetched(this.camForm.variableManager.variables, Object.keys(variables));
    Object.entries(variables).forEach(([name, typed]) => this.setVariable(name, typed));
    const slot = this.root.querySelector('[data-df="uploads"]');
    const ids = this.uploads && !slot.closest('[hidden]') ? this.uploads.evidenceIds() : '';
    if (ids) {
      // Transient: the ids reach the step that attaches the files, never the engine's tables.
      this.setVariable('evidenceIds', Object.assign(string(ids), { valueInfo: { transient: true } }));
    }
    return true;
  }

  setVariable(name, typed) {
    const manager = this.camForm.variableManager;
    const existing = manager.variable(name);
    if (existing) {
      existing.type = typed.type;
      existing.value = typed.value;
      existing.valueInfo = typed.valueInfo || {};
      existing.isDirty = true;
    } else {
      manager.createVariable({
        name, type: typed.type, value: typed.value, valueInfo: typed.valueInfo || {}, isDirty: true
      });
    }
  }
}

function fieldName(group) {
  const labelNode = group.querySelector('.control-label, legend');
  return labelNode ? labelNode.textContent.replace(/\s+/g, ' ').trim() : group.getAttribute('data-field');
}
