// The phone's list of domains (pwa/js/domains.js) holds together: every home-screen part opens
// a screen that exists, no screen name is used twice, every part has its texts in both
// languages, and every writable entity names its fields. Run: node --test tests/js/
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

// Only data and lazy import() functions at the top of these modules: safe to load in node.
const { DOMAINS, entityFields, homeParts, pushKinds, writtenEntities } = await import(
  '../../pwa/js/domains.js');
const { ROUTES } = await import('../../pwa/js/routes.js');

const texts = (lang) => JSON.parse(readFileSync(new URL(`../../pwa/i18n/${lang}.json`,
  import.meta.url), 'utf8'));

test('every part opens a screen that exists, and has its texts in nl and en', () => {
  const nl = texts('nl');
  const en = texts('en');
  for (const part of DOMAINS.flatMap((domain) => domain.parts || [])) {
    if (part.route !== null) assert.ok(part.route in ROUTES, `part ${part.key}: no route ${part.route}`);
    for (const key of [`part.${part.key}`, `part.${part.key}.about`]) {
      assert.ok(key in nl && key in en, `missing text ${key}`);
    }
  }
});

test('every screen has a loader, and a domain screen is never only for guests', () => {
  for (const [name, route] of Object.entries(ROUTES)) {
    assert.equal(typeof route.load, 'function', name);
  }
  for (const domain of DOMAINS) {
    for (const [name, route] of Object.entries(domain.routes || {})) {
      // `public` is the shell's: welcome, register and login, which a logged-in person skips.
      assert.ok(!route.public, `${domain.name}: ${name} is public; use guest: true`);
    }
  }
});

test('domain names are unique and writable entities name their fields', () => {
  const names = DOMAINS.map((domain) => domain.name);
  assert.equal(new Set(names).size, names.length);
  for (const [entity, { fields, whenGiven }] of Object.entries(entityFields())) {
    assert.ok(Array.isArray(fields) && fields.length > 0, entity);
    assert.ok(Array.isArray(whenGiven), entity);
    assert.deepEqual(fields.filter((field) => whenGiven.includes(field)), [], entity);
  }
});

test('every entity the phone writes is named on the problems screen, in nl and en', () => {
  const nl = texts('nl');
  const en = texts('en');
  for (const entity of writtenEntities()) {
    const key = `problems.entity.${entity}`;
    assert.ok(key in nl && key in en, `missing text ${key}`);
  }
});

test('what each role sees on the home screen and can be notified of', () => {
  assert.deepEqual(homeParts('client').map((part) => part.key),
    ['logbook', 'recovery', 'rights', 'tasks', 'dossier', 'training', 'helpers']);
  assert.deepEqual(homeParts('staff').map((part) => part.key),
    ['clients', 'training']); // only clients keep a logbook and take self-tests
  // A helper's home: the helpers' parts and the people they help, no logbook.
  assert.deepEqual(homeParts('helper').map((part) => part.key),
    ['training', 'checklists', 'referral', 'helping']);
  assert.deepEqual(pushKinds('client'), ['recovery', 'tasks', 'dossier', 'helpers', 'account']);
  assert.deepEqual(pushKinds('helper'), ['helpers', 'account']);
  assert.deepEqual(pushKinds('staff'), ['account']);
});
