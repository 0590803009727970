// Dates for every screen: the values of date inputs (in local time) and dates in words, in the
// app's language. `kind` is 'date' (a day) or 'datetime' (a day and a time), as the logbook
// templates and the API name them.
import { locale } from './i18n.js';

const pad = (n) => String(n).padStart(2, '0');

/** A Date -> the value of <input type="date"> or type="datetime-local", in local time. */
export function dateInput(date, kind = 'date') {
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return kind === 'datetime' ? `${day}T${pad(date.getHours())}:${pad(date.getMinutes())}` : day;
}

/**
 * An input value -> ISO time for the API, or null when it is not a date. A plain date means
 * noon, so no time zone shifts it to another day.
 */
export function fromDateInput(value, kind = 'date') {
  const date = new Date(kind === 'datetime' ? value : `${value}T12:00`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** ISO time -> "14 maart 2026" (date) or "14 maart 2026 om 09:30" (datetime). */
export function formatWhen(iso, kind = 'date') {
  const options = kind === 'datetime'
    ? { dateStyle: 'long', timeStyle: 'short' } : { dateStyle: 'long' };
  return new Intl.DateTimeFormat(locale(), options).format(new Date(iso));
}

/** ISO time -> "14:32" today, else "3 mrt. 14:32": for "last updated" lines. */
export function formatRecent(iso) {
  const date = new Date(iso);
  const sameDay = date.toDateString() === new Date().toDateString();
  const options = sameDay ? { hour: '2-digit', minute: '2-digit' }
    : { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' };
  return date.toLocaleString(locale(), options);
}
