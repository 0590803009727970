// The recovery meter's reminder as a calendar file: a PWA cannot count on push, so the person
// can put the next test in their own calendar, where it reminds them without Houvast (and
// without an account or a server knowing about it). One all-day event on the due date, with an
// alarm at 09:00 that day, in the RFC 5545 form every calendar app reads: CRLF line ends, text
// escaped, long lines folded at 75 octets without splitting a UTF-8 character (Dutch text has
// 'ë' and people type emoji). Pure: it builds a string; the caller offers it as a download.

const CRLF = '\r\n';
const FOLD_AT = 75; // octets per line, the CRLF not counted (RFC 5545 3.1)

const pad = (n, width = 2) => String(n).padStart(width, '0');

/** The UTC Date of a "YYYY-MM-DD" that is a real calendar date; RangeError otherwise. */
function calendarDate(due) {
  const match = typeof due === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(due) : null;
  if (match) {
    const [year, month, day] = match.slice(1).map(Number);
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1
      && date.getUTCDate() === day) return date;
  }
  throw new RangeError(`Not a date (YYYY-MM-DD): ${due}`);
}

/** A DATE value: YYYYMMDD. */
const icsDate = (date) => `${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}`
  + pad(date.getUTCDate());

/** A UTC DATE-TIME value: YYYYMMDDTHHMMSSZ. */
function icsStamp(now) {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    throw new RangeError(`Not a moment: ${now}`);
  }
  return `${icsDate(now)}T${pad(now.getUTCHours())}${pad(now.getUTCMinutes())}`
    + `${pad(now.getUTCSeconds())}Z`;
}

/**
 * A TEXT value: backslash, semicolon and comma escaped, any line break as \n; other control
 * characters (which TEXT may not hold) left out.
 */
function escapeText(value) {
  return String(value ?? '')
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

/** How many UTF-8 octets a code point takes. */
function octets(codePoint) {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  return codePoint < 0x10000 ? 3 : 4;
}

/**
 * A content line folded at 75 octets: continuation lines start with one space (which counts
 * towards their 75). Split between code points only, so no UTF-8 character (nor an emoji's
 * surrogate pair) is ever cut.
 */
function fold(line) {
  const parts = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const length = octets(char.codePointAt(0));
    if (size + length > FOLD_AT) {
      parts.push(current);
      current = ' ';
      size = 1;
    }
    current += char;
    size += length;
  }
  parts.push(current);
  return parts.join(CRLF);
}

/**
 * The reminder as an iCalendar file (a string): one all-day event on `due` ("YYYY-MM-DD"),
 * titled `title` with `body` as its description, shown as free time, with a display alarm at
 * 09:00 that day. `uid` makes it the same event when saved twice (suffixed "@houvast"); `now`
 * is the DTSTAMP. A `due` that is not a date throws a RangeError.
 */
export function reminderIcs({ due, title, body, uid, now = new Date() }) {
  const start = calendarDate(due);
  const end = new Date(start.getTime());
  end.setUTCDate(end.getUTCDate() + 1);
  if (uid === null || uid === undefined || String(uid) === '') {
    throw new TypeError('A reminder needs a uid');
  }
  const summary = escapeText(title);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Houvast//Herinnering//NL',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${escapeText(uid)}@houvast`,
    `DTSTAMP:${icsStamp(now)}`,
    `DTSTART;VALUE=DATE:${icsDate(start)}`,
    `DTEND;VALUE=DATE:${icsDate(end)}`,
    `SUMMARY:${summary}`,
    ...(body === null || body === undefined ? [] : [`DESCRIPTION:${escapeText(body)}`]),
    'TRANSP:TRANSPARENT',
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `DESCRIPTION:${summary}`,
    'TRIGGER:PT9H',
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join(CRLF) + CRLF;
}

/** The file name to offer the download under; a `due` that is not a date throws too. */
export function icsFileName(due) {
  calendarDate(due);
  return `houvast-${due}.ics`;
}
