// Photos for a logbook entry: choosing them (camera or gallery) with a preview and, per photo,
// whether to keep the original as evidence; showing the ones on the server and the ones still
// waiting on this device; downloading a kept original (only when the person asks).
import { api, ApiError } from './api.js';
import { t } from './i18n.js';
import { h } from './ui.js';

export const MAX_PHOTO_BYTES = 15 * 1024 * 1024;

/**
 * A photo chooser. `initial`: [{blob, keepOriginal}] (from a draft).
 * -> {element, photos(): [{blob, keepOriginal}], clear()}
 */
export function photoPicker({ id = 'photos', label, help, initial = [] }) {
  let chosen = initial.map((photo) => ({ blob: photo.blob, keepOriginal: !!photo.keepOriginal,
    url: URL.createObjectURL(photo.blob) }));
  const previews = h('ul', { class: 'photo-previews', 'aria-label': t('logbook.photo.chosen') });
  const error = h('p', { class: 'field-error', id: `${id}-error` });
  // Said once, above the photos; every "keep the original" box points to it.
  const keepHint = h('p', { class: 'hint', id: `${id}-keep-hint`,
    text: t('logbook.photo.keepOriginalWarning') });

  function show() {
    previews.replaceChildren(...chosen.map((photo, index) => h('li', {},
      h('img', { src: photo.url, alt: t('logbook.photo.previewAlt', { n: index + 1 }) }),
      h('div', { class: 'choice' },
        h('input', { type: 'checkbox', id: `${id}-keep-${index}`, checked: photo.keepOriginal,
          'aria-describedby': `${id}-keep-hint`,
          onchange: (event) => { photo.keepOriginal = event.target.checked; } }),
        h('label', { for: `${id}-keep-${index}`,
          text: t('logbook.photo.keepOriginal', { n: index + 1 }) })),
      h('button', { type: 'button', class: 'secondary small',
        text: t('logbook.photo.remove', { n: index + 1 }),
        onclick: () => {
          URL.revokeObjectURL(photo.url);
          chosen = chosen.filter((p) => p !== photo);
          show();
        } }))));
    previews.hidden = chosen.length === 0;
    keepHint.hidden = chosen.length === 0;
  }

  function add(event) {
    error.textContent = '';
    for (const file of event.target.files) {
      if (!file.type.startsWith('image/')) error.textContent = t('logbook.photo.notImage');
      else if (file.size > MAX_PHOTO_BYTES) error.textContent = t('logbook.photo.tooBig');
      else chosen.push({ blob: file, keepOriginal: false, url: URL.createObjectURL(file) });
    }
    event.target.value = '';
    show();
  }

  const input = (suffix, extra) => h('input', { type: 'file', accept: 'image/*',
    id: `${id}-${suffix}`, class: 'file-input', 'aria-describedby': `${id}-help ${id}-error`,
    onchange: add, ...extra });
  const element = h('fieldset', { class: 'field photo-picker', 'data-field': id },
    h('legend', { text: label || t('logbook.photo.title') }),
    h('div', { id: `${id}-help` },
      help && h('p', { class: 'hint', text: help }),
      h('p', { class: 'hint', text: t('logbook.photo.cleaned') })),
    h('div', { class: 'photo-buttons' },
      input('camera', { capture: 'environment' }),
      h('label', { for: `${id}-camera`, class: 'button secondary',
        text: t('logbook.photo.camera') }),
      input('gallery', { multiple: true }),
      h('label', { for: `${id}-gallery`, class: 'button secondary',
        text: t('logbook.photo.gallery') })),
    error,
    keepHint,
    previews);
  show();
  return {
    element,
    photos: () => chosen.map(({ blob, keepOriginal }) => ({ blob, keepOriginal })),
    clear() {
      for (const photo of chosen) URL.revokeObjectURL(photo.url);
      chosen = [];
      show();
    },
  };
}

/** Queue chosen photos for upload (sync.js sends them once the entry is on the server). */
export async function queuePhotos(store, entryId, photos) {
  for (const { blob, keepOriginal } of photos) {
    await store.queuePhoto(entryId, blob, { keepOriginal });
  }
}

/**
 * The entry's photos: on the server (thumbnails) and still on this device (with status; a
 * refused one has buttons data-photo="retry|discard" with data-id, handled by the view).
 */
export function photoGallery(serverPhotos, queued) {
  const items = [
    ...serverPhotos.map((photo, index) => h('li', {},
      h('img', { src: `/api/photos/${photo.id}/thumbnail`, loading: 'lazy',
        alt: t('logbook.photo.alt', { n: index + 1 }) }),
      photo.has_original && [
        h('p', { class: 'hint', text: t('logbook.photo.hasOriginal') }),
        h('button', { type: 'button', class: 'secondary small', 'data-photo': 'original',
          'data-id': photo.id, 'data-n': index + 1, 'aria-controls': 'original-confirm',
          text: t('logbook.photo.originalDownload', { n: index + 1 }) })])),
    ...queued.map((item, index) => h('li', {},
      h('img', { src: URL.createObjectURL(item.blob),
        alt: t('logbook.photo.alt', { n: serverPhotos.length + index + 1 }) }),
      h('p', { class: item.status === 'failed' ? 'field-error' : 'tag', id: `queued-${item.id}`,
        text: item.status === 'failed'
          ? t('logbook.photo.failed', { message: item.message || '' }).trim()
          : t('logbook.photo.waiting') }),
      item.status === 'failed' && ['retry', 'discard'].map((action) => h('button', {
        type: 'button', class: 'secondary small', 'data-photo': action, 'data-id': item.id,
        'aria-describedby': `queued-${item.id}`, text: t(`logbook.photo.${action}`) })))),
  ];
  if (!items.length) return h('p', { class: 'hint', text: t('logbook.photo.none') });
  return h('ul', { class: 'photo-previews' }, items);
}

/**
 * Save what `url` answers as a file, with the name the server gives. Through fetch, so the
 * session cookie goes along and the service worker stores nothing. Rejects with ApiError, or a
 * TypeError when the server cannot be reached. Also used for the PDF export.
 */
export async function downloadFile(url, fallbackName) {
  const get = () => fetch(url, { credentials: 'same-origin', cache: 'no-store' });
  let response = await get();
  if (response.status === 401) {
    await api.get('/api/me'); // renews the session, then once more
    response = await get();
  }
  if (!response.ok) throw new ApiError({ code: response.status });
  const name = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') || '')?.[1];
  const link = h('a', { href: URL.createObjectURL(await response.blob()),
    download: name || fallbackName, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  // Not at once: the browser may still be reading the file; then it is gone from memory.
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
