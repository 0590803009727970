// fetch wrapper for /api: same-origin cookies, JSON in and out, CSRF double-submit header on
// changes, one refresh-and-retry on 401, and an ApiError with the API's {code, message, errors}.
// Only the server saying so ends a session: a refresh that gets no answer, or a 502/503/504
// (Houvast busy, restarting or down), rejects with that error (`unreachable`), never as a 401.
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const REFRESH_PATH = '/api/auth/refresh';
const UNAVAILABLE = new Set([502, 503, 504]);

export class ApiError extends Error {
  constructor({ code = 0, status = 'Network error', message = '', errors = {} } = {}) {
    super(message || status);
    this.name = 'ApiError';
    this.code = code; // HTTP status; 0 when the server could not be reached
    this.status = status;
    this.errors = errors || {}; // {field: [messages]}
  }

  get offline() {
    return this.code === 0;
  }

  /** No answer, or Houvast busy or down for a moment: the session is still there. */
  get unreachable() {
    return this.code === 0 || UNAVAILABLE.has(this.code);
  }
}

export function readCookie(name) {
  const prefix = `${name}=`;
  const found = document.cookie.split('; ').find((part) => part.startsWith(prefix));
  return found ? decodeURIComponent(found.slice(prefix.length)) : null;
}

// The service worker (Background Sync) has no document.cookie: it reads the Cookie Store.
async function cookie(name) {
  if (globalThis.document) return readCookie(name);
  return (await globalThis.cookieStore?.get(name))?.value ?? null;
}

let refreshing = null;

/**
 * Renew the session with the refresh cookie; concurrent callers share one attempt. Resolves
 * true (renewed) or false (the server refused: the session is gone); rejects with an ApiError
 * when Houvast could not be reached or was unavailable, which says nothing about the session.
 */
function refreshSession() {
  refreshing ??= cookie('csrf_refresh_token').then(async (csrf) => {
    if (!csrf) return false;
    let response;
    try {
      response = await fetch(REFRESH_PATH, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'X-CSRF-TOKEN': csrf, Accept: 'application/json' },
      });
    } catch (cause) {
      const error = new ApiError({ code: 0, status: 'Network error', message: String(cause) });
      error.cause = cause;
      throw error;
    }
    if (response.ok) return true;
    if (UNAVAILABLE.has(response.status)) throw await errorFrom(response);
    return false;
  }).finally(() => { refreshing = null; });
  return refreshing;
}

async function errorFrom(response) {
  let body = {};
  try { body = await response.json(); } catch { /* not JSON: keep the status only */ }
  return new ApiError({ code: response.status, status: body.status || response.statusText,
    message: body.message, errors: body.errors });
}

/**
 * Call the API. Resolves with the parsed JSON (or null for 204); rejects with ApiError.
 * @param {string} method
 * @param {string} path e.g. '/api/me'
 * @param {object|FormData} [body] sent as JSON (a FormData as multipart)
 */
export async function request(method, path, body, { retry = true } = {}) {
  const headers = { Accept: 'application/json' };
  const json = body !== undefined && !(body instanceof FormData);
  if (json) headers['Content-Type'] = 'application/json';
  if (UNSAFE.has(method)) {
    const csrf = await cookie('csrf_access_token');
    if (csrf) headers['X-CSRF-TOKEN'] = csrf;
  }
  let response;
  try {
    response = await fetch(path, { method, headers, credentials: 'same-origin',
      body: json ? JSON.stringify(body) : body });
  } catch (cause) {
    const error = new ApiError({ code: 0, status: 'Network error', message: String(cause) });
    error.cause = cause;
    throw error;
  }
  if (response.status === 401 && retry && path !== REFRESH_PATH && await refreshSession()) {
    return request(method, path, body, { retry: false });
  }
  if (!response.ok) throw await errorFrom(response);
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : null;
}

export const api = {
  get: (path) => request('GET', path),
  post: (path, body) => request('POST', path, body),
  put: (path, body) => request('PUT', path, body),
  patch: (path, body) => request('PATCH', path, body),
  delete: (path, body) => request('DELETE', path, body),
};
