// What the staff screens share: online-only loading, sending a form (its fields come from
// forms.js) with the API's errors at their fields, and the invite code that is shown once,
// spelled out for reading aloud.
import { formatWhen } from './dates.js';
import { busy, clearErrors, showApiError, showErrors } from './forms.js';
import { getLang, t } from './i18n.js';
import { h } from './ui.js';

/**
 * Load what a staff screen shows; null (with a message in `container`) for another role, or
 * offline: staff screens work on the server directly, nothing is kept on the device.
 */
export async function staffOnly(container, user, load) {
  const say = (key) => { container.append(h('p', { class: 'lead', text: t(key) })); return null; };
  if (user.role !== 'staff') return say('staff.onlyStaff');
  if (!navigator.onLine) return say('staff.offline');
  try {
    return await load();
  } catch (error) {
    if (error.name === 'ApiError' && error.offline) return say('staff.offline');
    if (error.name === 'ApiError' && error.code === 404) return say('staff.notFound');
    throw error;
  }
}

/** The label of a field staff may leave empty: "Telefoon (mag leeg)". */
export function optional(label) {
  return `${label} ${t('staff.optional')}`;
}

/**
 * On submit: check `required` ({name: messageKey}) here, then send(values) with the filled-in
 * fields only. Field errors of the API appear at their field; the button is off meanwhile.
 */
export function submitForm(form, required, send) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const values = {};
    for (const control of form.querySelectorAll('[name]')) {
      if (control.value.trim()) values[control.name] = control.value.trim();
    }
    const missing = Object.fromEntries(Object.entries(required)
      .map(([name, key]) => [name, values[name] ? null : t(key)]));
    if (!showErrors(form, missing)) return;
    await busy(form, async () => {
      try {
        await send(values);
      } catch (error) {
        showApiError(form, error);
      }
    });
  });
}

// ---- The invite code: shown once ---------------------------------------------------------------

let fresh = null;

/** Keep a new code ({id, invite_code, invite_expires_at}) for the dossier screen to show. */
export function keepCode(answer) {
  fresh = answer;
}

/** The kept code of this dossier, once; later calls get null. */
export function takeCode(id) {
  const found = fresh?.id === id ? fresh : null;
  if (found) fresh = null;
  return found;
}

// Spelling alphabets for the phone: codes use 2-9 and A-Z without I, L and O.
const SPELLING = {
  nl: 'Anton Bernard Cornelis Dirk Eduard Ferdinand Gerard Hendrik Izaak Jan Karel Lodewijk Maria '
    + 'Nico Otto Pieter Quotiënt Richard Simon Teunis Utrecht Victor Willem Xantippe Ypsilon Zaandam',
  en: 'Alfa Bravo Charlie Delta Echo Foxtrot Golf Hotel India Juliett Kilo Lima Mike November Oscar '
    + 'Papa Quebec Romeo Sierra Tango Uniform Victor Whiskey X-ray Yankee Zulu',
};
const DIGITS = {
  nl: ['nul', 'één', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen'],
  en: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'],
};

/** 'K7M4-X9PQ' -> ['K als Karel', 'zeven', ...] per group of the code. */
export function spellCode(code) {
  const lang = getLang() === 'nl' ? 'nl' : 'en';
  const words = SPELLING[lang].split(' ');
  return code.split('-').map((group) => [...group].map((char) => {
    if (/\d/.test(char)) return `${char} (${DIGITS[lang][Number(char)]})`;
    const word = words[char.charCodeAt(0) - 65];
    return word ? t('staff.spellLetter', { letter: char, word }) : char;
  }));
}

export function codePanel({ invite_code: code, invite_expires_at: expires }) {
  return h('section', { class: 'card invite-code', 'aria-labelledby': 'code-title' },
    h('h2', { id: 'code-title', tabindex: '-1', text: t('staff.codeTitle') }),
    h('p', { class: 'code', text: code }),
    h('p', { text: t('staff.codeOnce', { date: formatWhen(expires) }) }),
    h('h3', { text: t('staff.readAloud') }),
    h('ol', { class: 'code-spelled' }, spellCode(code).map((group, index) => h('li', {},
      h('span', { class: 'hint', text: t(index ? 'staff.then' : 'staff.first') }), ' ',
      group.join(' · ')))),
    h('p', { class: 'hint', text: t('staff.codeHowTo') }));
}
