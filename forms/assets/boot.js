/*
 * Where every dispute form starts. Tasklist runs only the form's own <script cam-script>, and it
 * imports this module once per page and hands each form to attach(camForm). The form says which
 * step it is by its name (<form name="ShipReturn">) and which process variables it shows by
 * data-variables="disputeId refundAmount"; everything else lives in the modules beside this one.
 */
import { api } from './api.js';
import { fillOptions } from './dom.js';
import { loadLabels } from './labels.js';
import { placeClaimFields } from './claim.js';
import { renderCaseFile } from './casefile.js';
import { loadContext } from './context.js';
import { Uploads } from './uploads.js';
import { DisputeForm } from './form.js';
import * as disputeSteps from './steps-dispute.js';
import * as contactAndAppealSteps from './steps-contact-appeal.js';

/** Every step by the name of its form. */
export const STEPS = Object.fromEntries(Object.entries(Object.assign({}, disputeSteps,
  contactAndAppealSteps)).filter(([, step]) => step && typeof step.validate === 'function'));

let labels = null;

function stylesheet() {
  if (!document.getElementById('df-styles')) {
    const link = document.createElement('link');
    link.id = 'df-styles';
    link.rel = 'stylesheet';
    link.href = new URL('dispute-forms.css', import.meta.url).href;
    document.head.appendChild(link);
  }
}

/**
 * The variables the form shows, fetched through Tasklist as its own fields' would be: the form
 * lifecycle fetched none (the form has no cam-variable fields, and this module arrives after
 * it), so they are declared now and fetched and merged the same way.
 */
function fetchVariables(camForm, names) {
  const manager = camForm.variableManager;
  names.filter((name) => !manager.variable(name))
    .forEach((name) => manager.createVariable({ name }));
  return new Promise((resolve, reject) => camForm.fetchVariables((error, result) => {
    if (error) {
      reject(error);
      return;
    }
    camForm.mergeVariables(result);
    camForm.storeOriginalValues(result);
    const values = {};
    Object.keys(manager.variables).forEach((name) => {
      values[name] = manager.variables[name].value;
    });
    resolve(values);
  }));
}

/** Starts the form on Tasklist's camForm; its submissions go to camForm.disputeForm.submit(). */
export async function attach(camForm) {
  stylesheet();
  const root = camForm.formElement[0];
  const step = STEPS[root.getAttribute('name')];
  if (!step) {
    throw new Error('No dispute form step ' + root.getAttribute('name'));
  }
  labels = labels || loadLabels(api, document.documentElement.lang);
  const form = new DisputeForm(camForm, step, await labels, api);
  camForm.disputeForm = form;
  camForm.on('submit-failed', (ignored, args) => form.serverRefused(args && args[0]));
  form.status('Loading the dispute\u2026');
  try {
    placeClaimFields(root);
    fillOptions(root, form.labels.label);
    const names = (root.getAttribute('data-variables') || '').split(/\s+/).filter(Boolean);
    const variables = await fetchVariables(camForm, names);
    form.context = await loadContext(api, camForm, root.getAttribute('name'), variables);
    renderCaseFile(root, form.context, form.labels);
    if (step.prepare) {
      await step.prepare(form, form.context);
    }
    const slot = root.querySelector('[data-df="uploads"]');
    if (slot) {
      form.uploads = new Uploads(slot, await api('/api/evidence/limits'), api,
        variables.disputeId);
      form.uploads.render();
    }
    form.applyVisibility();
    form.updateCounters();
    form.status(null);
    root.classList.add('df-ready');
  } catch (error) {
    form.status('The dispute could not be loaded: ' + error.message, true);
  }
  return form;
}
