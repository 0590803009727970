// Texts in Dutch (default) and English, from i18n/<lang>.json. The choice is remembered in
// localStorage under LANG_KEY; logging out clears storage and then saves it again.
export const LANG_KEY = 'houvast.lang';
export const LANGUAGES = ['nl', 'en'];

let current = 'nl';
let strings = {};
const listeners = new Set();

export function getLang() {
  return current;
}

/** The locale for dates and numbers (Intl, toLocaleString) in the app's language. */
export function locale() {
  return current === 'nl' ? 'nl-NL' : 'en-GB';
}

function storedLang() {
  try {
    const value = localStorage.getItem(LANG_KEY);
    return LANGUAGES.includes(value) ? value : null;
  } catch {
    return null;
  }
}

/** Remember the language (again), e.g. after storage was cleared at logout. */
export function saveLang(lang = current) {
  try { localStorage.setItem(LANG_KEY, lang); } catch { /* private mode: choice is not kept */ }
}

async function load(lang) {
  const response = await fetch(`/i18n/${lang}.json`);
  if (!response.ok) throw new Error(`i18n ${lang}: HTTP ${response.status}`);
  strings = await response.json();
  current = lang;
  document.documentElement.lang = lang;
}

export async function initI18n() {
  await load(storedLang() || 'nl');
  applyStatic();
}

export async function setLang(lang) {
  if (!LANGUAGES.includes(lang)) return;
  await load(lang);
  saveLang(lang);
  applyStatic();
  await Promise.all([...listeners].map((fn) => fn(lang)));
}

/** Call fn(lang) after each language switch (the router re-renders the view); may be async. */
export function onLangChange(fn) {
  listeners.add(fn);
}

/** The text for key, with {name} placeholders filled from vars; the key itself if missing. */
export function t(key, vars = {}) {
  const text = strings[key];
  if (typeof text !== 'string') return key;
  return text.replace(/\{(\w+)\}/g, (match, name) => (name in vars ? String(vars[name]) : match));
}

/** Fill static markup: data-i18n="key" sets the text, data-i18n-attr="attr:key" an attribute. */
export function applyStatic(root = document) {
  for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of root.querySelectorAll('[data-i18n-attr]')) {
    const [attr, key] = node.dataset.i18nAttr.split(':');
    node.setAttribute(attr, t(key));
  }
}
