// What the training's screens share: a source in small print next to a fact, a contact with
// its tap-to-call number and when to call, and the link back to the training.
import { t } from './i18n.js';
import { h } from './ui.js';

/** "Bron: …" for one source id or a list of them (from the same file's `sources`). */
export function sourceNote(sources, ids) {
  const list = (Array.isArray(ids) ? ids : [ids]).map((id) => sources?.[id]).filter(Boolean);
  if (!list.length) return null;
  return h('p', { class: 'source' }, `${t('training.source')}: `, list.map((source, i) => [
    i > 0 ? '; ' : null,
    source.url ? h('a', { href: source.url, rel: 'noopener', target: '_blank',
      text: source.title }) : source.title]));
}

/** A contact (api/content/contacts.py): its name, a tel: link, when to call, what it costs. */
export function contactCard(found) {
  if (!found) return null;
  return h('div', { class: 'contact' },
    h('p', { class: 'contact-name', text: found.name }),
    found.tel && h('p', {}, h('a', { class: 'button call', href: `tel:${found.tel}`,
      text: t('training.call', { phone: found.phone }) })),
    !found.tel && found.url && h('p', {}, h('a', { href: found.url, rel: 'noopener',
      target: '_blank', text: found.url })),
    found.when && h('p', { class: 'hint', text: found.when }),
    found.cost && h('p', { class: 'hint', text: found.cost }));
}

export const backToTraining = () => h('p', { class: 'back' },
  h('a', { href: '#/training', text: t('training.backToTraining') }));
