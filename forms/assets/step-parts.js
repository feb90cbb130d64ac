/* Pieces several steps share: the order to choose, and the hint under an amount. */
import { el } from './dom.js';
import { money } from './format.js';

/** Fills the order select with the buyer's orders (OpenDispute, ContactSeller). */
export async function chooseOrder(form) {
  const select = form.root.querySelector('[name="orderId"]');
  const orders = await form.api('/api/orders');
  form.context.orders = orders;
  select.appendChild(el('option', { value: '' }, orders.length
    ? 'Choose one of your orders\u2026' : 'You have no orders to dispute'));
  orders.forEach((order) => select.appendChild(el('option', { value: order.orderId },
    order.orderId + ' \u00b7 ' + order.title + ' \u00b7 ' + money(order.amount, order.currency))));
}

/** The order chosen in the select, if any. */
export function chosenOrder(form) {
  return (form.context.orders || []).find((o) => o.orderId === form.value('orderId'));
}

/** Shows rows of facts about the chosen thing in the slot, or nothing. */
export function show(form, slotName, node) {
  const slot = form.root.querySelector('[data-df="' + slotName + '"]');
  slot.textContent = '';
  if (node) {
    slot.appendChild(node);
  }
}

export function amountHint(form, field, amount, currency) {
  const hint = form.root.querySelector('[data-df="' + field + '-hint"]');
  if (hint) {
    hint.textContent = amount ? 'Above 0 and below the order amount, '
      + money(amount, currency) + '.' : '';
  }
}

export function setText(form, slotName, text) {
  form.root.querySelector('[data-df="' + slotName + '"]').textContent = text;
}
