/*
 * How the forms write money, dates and deadlines. Pure: every function that depends on the
 * time takes "now" (milliseconds) so that the tests can fix it.
 */

export const DAY = 24 * 60 * 60 * 1000;

/** A decimal string as the API sends it ("49.9") with two decimals and the currency. */
export function money(amount, currency) {
  if (amount === undefined || amount === null || amount === '') {
    return '';
  }
  return Number(amount).toFixed(2) + (currency ? ' ' + currency : '');
}

/** locale: a language tag; without it, the browser's. Always in the browser's time zone. */
export function dateTime(value, locale) {
  if (!value) {
    return '';
  }
  return new Date(value).toLocaleString(locale, {
    weekday: 'short', day: 'numeric', month: 'short', year: 'numeric',
    hour: '2-digit', minute: '2-digit'
  });
}

export function date(value, locale) {
  if (!value) {
    return '';
  }
  return new Date(value).toLocaleDateString(locale,
    { day: 'numeric', month: 'short', year: 'numeric' });
}

function plural(count, unit) {
  return count + ' ' + unit + (count === 1 ? '' : 's');
}

/** "today", "in 3 days", "2 days ago"; in German "heute", "in 3 Tagen", "vor 2 Tagen". */
export function daysFromNow(value, now = Date.now(), locale = 'en') {
  const days = Math.round((new Date(value).getTime() - now) / DAY);
  return new Intl.RelativeTimeFormat(locale, { numeric: days === 0 ? 'auto' : 'always' })
    .format(days, 'day');
}

/** How timeLeft words a duration, in English; a page in another language hands in its own. */
export const ENGLISH_TIME = {
  unit: (count, unit) => plural(count, unit),
  left: (text) => text + ' left',
  overdue: (text) => 'overdue by ' + text
};

/** "3 days 4 hours left", "overdue by 2 hours". */
export function timeLeft(due, now = Date.now(), words = ENGLISH_TIME) {
  const ms = new Date(due).getTime() - now;
  const abs = Math.abs(ms);
  const days = Math.floor(abs / DAY);
  const hours = Math.floor((abs % DAY) / 3600000);
  const minutes = Math.floor((abs % 3600000) / 60000);
  const parts = [];
  if (days > 0) {
    parts.push(words.unit(days, 'day'));
  }
  if (hours > 0 || days > 0) {
    parts.push(words.unit(hours, 'hour'));
  }
  if (days === 0) {
    parts.push(words.unit(minutes, 'minute'));
  }
  return ms >= 0 ? words.left(parts.join(' ')) : words.overdue(parts.join(' '));
}

/** How a deadline banner looks: passed, within a day, or neither. */
export function deadlineLevel(due, now = Date.now()) {
  const left = new Date(due).getTime() - now;
  return left < 0 ? 'df-overdue' : left < DAY ? 'df-soon' : '';
}

export function bytes(size) {
  if (size >= 1024 * 1024) {
    const mb = size / (1024 * 1024);
    return (Number.isInteger(mb) ? mb : mb.toFixed(1)) + ' MB';
  }
  return Math.max(1, Math.round(size / 1024)) + ' KB';
}
