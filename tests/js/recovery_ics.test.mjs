// The recovery meter's reminder as a calendar file (pwa/js/recovery-ics.js): the RFC 5545 form
// calendar apps insist on (CRLF, escaped text, lines folded at 75 octets without cutting a UTF-8
// character), the all-day dates across month and year ends, the UID and the 09:00 alarm.
// Run: node --test tests/js/
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { pwaModule } from './pwa_module.mjs';

const ics = await pwaModule('recovery-ics.js');
const { icsFileName, reminderIcs } = ics;

const NOW = new Date(Date.UTC(2026, 2, 5, 7, 8, 9));
const BASE = { due: '2026-03-19', title: 'Tijd voor je meting', body: 'Hoe gaat het nu?',
  uid: 'reminder-42', now: NOW };

/** The physical lines (CRLF split; the file ends with CRLF, so the last part is empty). */
function physical(text) {
  const parts = text.split('\r\n');
  assert.equal(parts.pop(), '', 'the file ends with CRLF');
  return parts;
}

/** The content lines: folded lines joined again (a CRLF followed by one space is removed). */
const unfolded = (text) => physical(text.replace(/\r\n /g, ''));

const octets = (line) => Buffer.byteLength(line, 'utf8');

/** The value of the first content line named `name` (with its parameters, e.g. DTSTART;…). */
function value(text, name) {
  const line = unfolded(text).find((l) => l.startsWith(`${name}:`));
  assert.ok(line, `${name} is there`);
  return line.slice(name.length + 1);
}

test('only the two functions are exported', () => {
  assert.deepEqual(Object.keys(ics).sort(), ['icsFileName', 'reminderIcs']);
});

test('a calendar with one event, in order', () => {
  assert.deepEqual(unfolded(reminderIcs(BASE)), [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Houvast//Herinnering//NL',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    'UID:reminder-42@houvast',
    'DTSTAMP:20260305T070809Z',
    'DTSTART;VALUE=DATE:20260319',
    'DTEND;VALUE=DATE:20260320',
    'SUMMARY:Tijd voor je meting',
    'DESCRIPTION:Hoe gaat het nu?',
    'TRANSP:TRANSPARENT',
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    'DESCRIPTION:Tijd voor je meting',
    'TRIGGER:PT9H',
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ]);
});

test('CRLF everywhere: no bare LF or CR, also with line breaks in the text', () => {
  const text = reminderIcs({ ...BASE, title: 'een\ntwee', body: 'drie\r\nvier\rvijf\n' });
  assert.ok(text.endsWith('\r\n'));
  assert.equal(text.replace(/\r\n/g, '').search(/[\r\n]/), -1);
  assert.equal(value(text, 'SUMMARY'), 'een\\ntwee');
  assert.equal(value(text, 'DESCRIPTION'), 'drie\\nvier\\nvijf\\n');
});

test('text is escaped: backslash, semicolon, comma, newline', () => {
  const title = 'Meting; herinnering, stap 2 \\ klaar\nmorgen';
  const text = reminderIcs({ ...BASE, title, body: 'a,b;c\\d' });
  assert.equal(value(text, 'SUMMARY'), 'Meting\\; herinnering\\, stap 2 \\\\ klaar\\nmorgen');
  assert.equal(value(text, 'DESCRIPTION'), 'a\\,b\\;c\\\\d');
  // The alarm's description is the title, escaped the same.
  const alarm = unfolded(text).filter((l) => l.startsWith('DESCRIPTION:'));
  assert.deepEqual(alarm, ['DESCRIPTION:a\\,b\\;c\\\\d',
    'DESCRIPTION:Meting\\; herinnering\\, stap 2 \\\\ klaar\\nmorgen']);
  // Control characters a TEXT value may not hold are left out.
  assert.equal(value(reminderIcs({ ...BASE, title: 'a\u0007b\u001bc' }), 'SUMMARY'), 'abc');
});

test('long lines are folded at 75 octets, Dutch text and emoji intact', () => {
  const body = 'Je hebt een herinnering gepland: hoe gaat het nu met je, een paar weken na '
    + 'wat er is gebeurd? Een nieuwe meting laat zien of er iets veranderd is. Ideeën, '
    + 'coördinatie, reünie, geëindigd 🌱💬 en nog één keer ë🙂ë🙂ë🙂ë🙂ë🙂ë🙂ë🙂ë🙂ë🙂ë🙂ë🙂.';
  const text = reminderIcs({ ...BASE, title: 'Herinnering ë 🌱', body });
  const lines = physical(text);
  for (const line of lines) {
    assert.ok(octets(line) <= 75, `${octets(line)} octets: ${line}`);
    assert.ok(line.isWellFormed(), `no emoji cut in half: ${line}`);
  }
  assert.ok(lines.some((l) => l.startsWith(' ')), 'something was folded');
  // A fold is a CRLF and exactly one space; unfolding gives the text back.
  assert.equal(value(text, 'DESCRIPTION'), body.replace(/,/g, '\\,'));
  assert.equal(value(text, 'SUMMARY'), 'Herinnering ë 🌱');
  // And as octets: every line decodes as UTF-8 on its own (no character split over lines).
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const bytes = Buffer.from(text, 'utf8');
  let start = 0;
  for (let i = 0; i < bytes.length - 1; i += 1) {
    if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) {
      assert.doesNotThrow(() => decoder.decode(bytes.subarray(start, i)));
      start = i + 2;
    }
  }
});

test('a fold never splits a character: it comes one octet early instead', () => {
  // 'SUMMARY:' is 8 octets, each 'ë' 2: after 33 of them the line has 74 octets and the 34th
  // would make 76, so the first line ends at 74.
  const text = reminderIcs({ ...BASE, title: 'ë'.repeat(60) });
  const lines = physical(text);
  const first = lines.findIndex((l) => l.startsWith('SUMMARY:'));
  assert.equal(octets(lines[first]), 74);
  assert.equal(lines[first], `SUMMARY:${'ë'.repeat(33)}`);
  assert.equal(lines[first + 1], ` ${'ë'.repeat(27)}`);
  // 4-octet emoji: 8 + 4 x 16 = 72, the 17th would make 76; continuation: 1 + 4 x 18 = 73.
  const emoji = physical(reminderIcs({ ...BASE, title: '🌱'.repeat(40) }));
  const at = emoji.findIndex((l) => l.startsWith('SUMMARY:'));
  assert.deepEqual(emoji.slice(at, at + 3).map(octets), [72, 73, 1 + 4 * 6]);
  // Exactly 75 octets is not folded; 76 is.
  const ascii = (n) => physical(reminderIcs({ ...BASE, title: 'x'.repeat(n - 8) }));
  assert.ok(ascii(75).includes(`SUMMARY:${'x'.repeat(67)}`));
  const longer = ascii(76);
  const i = longer.findIndex((l) => l.startsWith('SUMMARY:'));
  assert.deepEqual([octets(longer[i]), longer[i + 1]], [75, ' x']);
});

test('the all-day dates, also over a month, a year end and a leap day', () => {
  const dates = (due) => [value(reminderIcs({ ...BASE, due }), 'DTSTART;VALUE=DATE'),
    value(reminderIcs({ ...BASE, due }), 'DTEND;VALUE=DATE')];
  assert.deepEqual(dates('2026-12-31'), ['20261231', '20270101']);
  assert.deepEqual(dates('2026-01-31'), ['20260131', '20260201']);
  assert.deepEqual(dates('2026-02-28'), ['20260228', '20260301']);
  assert.deepEqual(dates('2028-02-28'), ['20280228', '20280229']);
  assert.deepEqual(dates('2028-02-29'), ['20280229', '20280301']);
  assert.deepEqual(dates('2026-03-29'), ['20260329', '20260330']); // summer time starts
  assert.deepEqual(dates('0999-05-01'), ['09990501', '09990502']);
});

test('DTSTAMP is now in UTC', () => {
  const now = new Date('2026-07-01T01:02:03+02:00');
  assert.equal(value(reminderIcs({ ...BASE, now }), 'DTSTAMP'), '20260630T230203Z');
  const stamp = value(reminderIcs({ ...BASE, now: undefined }), 'DTSTAMP');
  assert.match(stamp, /^\d{8}T\d{6}Z$/);
  assert.throws(() => reminderIcs({ ...BASE, now: new Date('nonsense') }), RangeError);
});

test('the UID is the given one at houvast, escaped like text', () => {
  assert.equal(value(reminderIcs(BASE), 'UID'), 'reminder-42@houvast');
  assert.equal(value(reminderIcs({ ...BASE, uid: 7 }), 'UID'), '7@houvast');
  assert.equal(value(reminderIcs({ ...BASE, uid: 'a,b' }), 'UID'), 'a\\,b@houvast');
  assert.throws(() => reminderIcs({ ...BASE, uid: '' }), TypeError);
  assert.throws(() => reminderIcs({ ...BASE, uid: undefined }), TypeError);
});

test('the alarm: a display alarm at 09:00 on the day, inside the event', () => {
  const lines = unfolded(reminderIcs(BASE));
  const begin = lines.indexOf('BEGIN:VALARM');
  const end = lines.indexOf('END:VALARM');
  assert.ok(lines.indexOf('BEGIN:VEVENT') < begin && end < lines.indexOf('END:VEVENT'));
  assert.deepEqual(lines.slice(begin + 1, end).sort(),
    ['ACTION:DISPLAY', 'DESCRIPTION:Tijd voor je meting', 'TRIGGER:PT9H']);
  assert.equal(lines.filter((l) => l === 'BEGIN:VALARM').length, 1);
});

test('without a body there is no event description, the alarm keeps its own', () => {
  const lines = unfolded(reminderIcs({ ...BASE, body: undefined }));
  assert.deepEqual(lines.filter((l) => l.startsWith('DESCRIPTION:')),
    ['DESCRIPTION:Tijd voor je meting']);
});

test('a due date that is not YYYY-MM-DD (or no real date) is a RangeError', () => {
  for (const due of ['2026-13-01', '2026-02-30', '2027-02-29', '2026-00-10', '2026-04-31',
    '26-01-01', '2026-1-01', '2026-01-1', '2026-01-01T09:00', ' 2026-01-01', '2026/01/01', '',
    null, undefined, 20260101, new Date(Date.UTC(2026, 0, 1))]) {
    assert.throws(() => reminderIcs({ ...BASE, due }), RangeError, String(due));
  }
  assert.throws(() => icsFileName('tomorrow'), RangeError);
});

test('the file name has the due date', () => {
  assert.equal(icsFileName('2026-12-31'), 'houvast-2026-12-31.ics');
});
