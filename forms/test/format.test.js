import { test } from 'node:test';
import assert from 'node:assert/strict';
import { money, timeLeft, daysFromNow, deadlineLevel, bytes, DAY } from '../assets/format.js';

const NOW = Date.parse('2026-03-10T12:00:00Z');
const HOUR = 3600000;

test('money is the decimal string with two decimals and the currency', () => {
  assert.equal(money('49.9', 'USD'), '49.90 USD');
  assert.equal(money('20', ''), '20.00');
  assert.equal(money('', 'USD'), '');
  assert.equal(money(null, 'USD'), '');
});

test('a deadline reads as the time left, or as how long it is overdue', () => {
  assert.equal(timeLeft(new Date(NOW + 3 * DAY + 4 * HOUR).toISOString(), NOW), '3 days 4 hours left');
  assert.equal(timeLeft(new Date(NOW + DAY).toISOString(), NOW), '1 day 0 hours left');
  assert.equal(timeLeft(new Date(NOW + 90 * 60000).toISOString(), NOW), '1 hour 30 minutes left');
  assert.equal(timeLeft(new Date(NOW - 2 * HOUR).toISOString(), NOW), 'overdue by 2 hours 0 minutes');
});

test('a deadline within a day is marked soon, a passed one overdue', () => {
  assert.equal(deadlineLevel(new Date(NOW + 2 * DAY).toISOString(), NOW), '');
  assert.equal(deadlineLevel(new Date(NOW + 5 * HOUR).toISOString(), NOW), 'df-soon');
  assert.equal(deadlineLevel(new Date(NOW - 1).toISOString(), NOW), 'df-overdue');
});

test('dates relative to today', () => {
  assert.equal(daysFromNow(new Date(NOW).toISOString(), NOW), 'today');
  assert.equal(daysFromNow(new Date(NOW + 3 * DAY).toISOString(), NOW), 'in 3 days');
  assert.equal(daysFromNow(new Date(NOW - DAY).toISOString(), NOW), '1 day ago');
  assert.equal(daysFromNow(new Date(NOW).toISOString(), NOW, 'de'), 'heute');
  assert.equal(daysFromNow(new Date(NOW - 20 * DAY).toISOString(), NOW, 'de'), 'vor 20 Tagen');
});

test('file sizes in KB and MB', () => {
  assert.equal(bytes(10 * 1024 * 1024), '10 MB');
  assert.equal(bytes(1.5 * 1024 * 1024), '1.5 MB');
  assert.equal(bytes(100), '1 KB');
  assert.equal(bytes(300 * 1024), '300 KB');
});
