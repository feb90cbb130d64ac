/*
 * The checks the server makes on an answer, made before it is sent so that a person sees every
 * problem at once, next to its field. Each pushes {field, message} onto errors. Pure.
 */
import { money } from './format.js';

const DECIMAL = /^\d{1,15}(\.\d{1,2})?$/;
const TRACKING = /^[A-Za-z0-9-]{6,40}$/;

export function decimalOk(text) {
  return DECIMAL.test(text);
}

/** False (and an error) when the field is empty, an unchecked box or not chosen. */
export function required(errors, values, field, message) {
  if (values[field] === '' || values[field] === undefined || values[field] === false) {
    errors.push({ field, message: message || 'is required' });
    return false;
  }
  return true;
}

/** Free text of min to max characters; min 0 makes it optional. */
export function text(errors, values, field, min, max) {
  const value = values[field] || '';
  if (min > 0 && value.length === 0) {
    errors.push({ field, message: 'is required' });
  } else if (value.length < min || value.length > max) {
    errors.push({ field, message: min > 1 ? 'must be ' + min + ' to ' + max + ' characters (now '
      + value.length + ')' : 'must be at most ' + max + ' characters' });
  }
}

/** A partial refund: a decimal such as 12.50, above 0 and below the order amount. */
export function partialAmount(errors, values, field, orderAmount) {
  const value = values[field];
  if (!value) {
    errors.push({ field, message: 'is required for a partial refund' });
  } else if (!decimalOk(value)) {
    errors.push({ field, message: 'must be an amount such as 12.50 (digits, a dot, two decimals at most)' });
  } else if (Number(value) <= 0 || (orderAmount !== undefined && Number(value) >= Number(orderAmount))) {
    errors.push({ field, message: 'must be above 0 and below the order amount'
      + (orderAmount !== undefined ? ' ' + money(orderAmount) : '') });
  }
}

export function trackingNumber(errors, values, field) {
  if (!TRACKING.test(values[field] || '')) {
    errors.push({ field, message: values[field]
      ? 'must be 6 to 40 letters, digits or dashes' : 'is required' });
  }
}

/** A String answer as Tasklist submits it. */
export function string(value) {
  return { type: 'String', value };
}

export function boolean(value) {
  return { type: 'Boolean', value };
}
