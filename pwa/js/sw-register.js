// Registers sw.js and offers a new version with a button instead of reloading by surprise.
let reloading = false;
let listening = false;

function offerUpdate(registration) {
  const banner = document.getElementById('update');
  banner.hidden = false;
  document.getElementById('update-button').onclick = () => {
    reloading = true;
    registration.waiting?.postMessage({ type: 'SKIP_WAITING' });
  };
}

export async function registerServiceWorker() {
  if (!('serviceWorker' in navigator)) return null;
  // A module worker: it imports js/sync.js for Background Sync.
  const registration = await navigator.serviceWorker.register('/sw.js', {
    scope: '/', type: 'module', updateViaCache: 'none',
  });
  // Only an update (a page already controlled) needs asking; the first install just starts.
  if (registration.waiting && navigator.serviceWorker.controller) offerUpdate(registration);
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed' && navigator.serviceWorker.controller) {
        offerUpdate(registration);
      }
    });
  });
  if (!listening) {
    listening = true;
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      if (reloading) location.reload();
    });
  }
  return registration;
}

