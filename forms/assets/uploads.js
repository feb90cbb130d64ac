/*
 * Evidence uploads: files go to the evidence store as soon as they are chosen, are held there
 * until the form is completed, and their ids go with the step's answers (transient, so they
 * never reach the engine's tables). Rendered into <div data-df="uploads"></div>.
 */
import { el } from './dom.js';
import { bytes } from './format.js';
import { fileBadge } from './casefile.js';

/** Why a file cannot pass the server's checks, or null; the server still checks the content. */
export function fileProblem(file, limits) {
  if (file.size > limits.maxFileBytes) {
    return file.name + ' is larger than ' + bytes(limits.maxFileBytes) + ', the limit per file.';
  }
  if (file.size === 0) {
    return file.name + ' is empty.';
  }
  if (file.type && !limits.acceptedTypes.includes(file.type)) {
    return file.name + ' is not an accepted kind of file (' + limits.acceptedLabel + ').';
  }
  return null;
}

export class Uploads {
  /** api: the service's API; disputeId: the dispute the files are for, if there is one yet. */
  constructor(slot, limits, api, disputeId) {
    this.slot = slot;
    this.limits = limits;
    this.api = api;
    this.disputeId = disputeId;
    this.items = [];
  }

  render() {
    const { slot, limits } = this;
    const input = el('input', {
      type: 'file', multiple: true, accept: limits.acceptedTypes.join(','), id: 'df-files',
      'data-df': 'file-input',
      onchange: (event) => {
        Array.from(event.target.files).forEach((file) => this.upload(file));
        event.target.value = '';
      }
    });
    const drop = el('label', { className: 'df-drop', for: 'df-files' },
      el('span', { className: 'glyphicon glyphicon-paperclip' }),
      ' Attach photos, videos or PDFs: drop them here or ', el('u', {}, 'choose files'));
    drop.addEventListener('dragover', (event) => {
      event.preventDefault();
      drop.classList.add('df-drag');
    });
    drop.addEventListener('dragleave', () => drop.classList.remove('df-drag'));
    drop.addEventListener('drop', (event) => {
      event.preventDefault();
      drop.classList.remove('df-drag');
      Array.from(event.dataTransfer.files).forEach((file) => this.upload(file));
    });
    slot.textContent = '';
    slot.appendChild(el('div', { className: 'form-group', 'data-field': 'evidenceIds' },
      el('label', { className: 'control-label' }, slot.getAttribute('data-label') || 'Evidence'),
      input, drop,
      el('p', { className: 'help-block' }, limits.acceptedLabel + '; up to '
        + bytes(limits.maxFileBytes) + ' per file and ' + bytes(limits.maxDisputeBytes)
        + ' per dispute. Files are added to the dispute when you complete this form.'),
      el('ul', { className: 'df-uploads', 'data-df': 'upload-list' })));
  }

  async upload(file) {
    const item = { file, state: 'uploading', error: null, evidence: null };
    this.items.push(item);
    const problem = fileProblem(file, this.limits);
    if (problem) {
      item.state = 'refused';
      item.error = problem;
      this.renderList();
      return;
    }
    this.renderList();
    const query = '?name=' + encodeURIComponent(file.name)
      + (this.disputeId ? '&disputeId=' + encodeURIComponent(this.disputeId) : '');
    try {
      item.evidence = await this.api('/api/evidence' + query, {
        method: 'POST', body: file, headers: { 'Content-Type': 'application/octet-stream' }
      });
      item.state = 'uploaded';
    } catch (error) {
      item.state = 'refused';
      item.error = error.message;
    }
    this.renderList();
  }

  async withdraw(item) {
    try {
      await this.api('/api/evidence/' + item.evidence.id, { method: 'DELETE' });
      this.items.splice(this.items.indexOf(item), 1);
    } catch (error) {
      item.error = error.message;
    }
    this.renderList();
  }

  dismiss(item) {
    this.items.splice(this.items.indexOf(item), 1);
    this.renderList();
  }

  renderList() {
    const list = this.slot.querySelector('[data-df="upload-list"]');
    list.textContent = '';
    this.items.forEach((item) => list.appendChild(this.row(item)));
    if (this.onChange) {
      this.onChange();
    }
  }

  row(item) {
    const thumb = item.evidence && item.evidence.image
      ? el('img', { src: item.evidence.url, alt: '', className: 'df-upload-thumb' })
      : el('span', { className: 'df-upload-icon' }, fileBadge(item.file.type));
    const link = (text, onclick) => el('button', { type: 'button', className: 'btn btn-link btn-xs',
      onclick }, text);
    return el('li', { className: 'df-upload df-upload-' + item.state },
      thumb,
      el('span', { className: 'df-upload-name' }, item.file.name),
      el('span', { className: 'df-muted' }, ' ' + bytes(item.file.size) + ' \u00b7 '),
      item.state === 'uploading' ? el('span', { className: 'df-muted' }, 'uploading\u2026') : null,
      item.state === 'uploaded' ? [el('span', { className: 'text-success' }, 'ready'),
        link('remove', () => this.withdraw(item))] : null,
      item.state === 'refused' ? [el('span', { className: 'text-danger', 'data-df': 'upload-error' },
        item.error), link('dismiss', () => this.dismiss(item))] : null);
  }

  busy() {
    return this.items.some((item) => item.state === 'uploading');
  }

  /** The uploaded files' ids, comma-separated, as the step that attaches them reads them. */
  evidenceIds() {
    return this.items.filter((item) => item.state === 'uploaded')
      .map((item) => item.evidence.id).join(',');
  }
}
