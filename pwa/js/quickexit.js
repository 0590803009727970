// "Snel weg": leave Houvast at once for a neutral website, without a trace in the back button.
// It works because the whole app is ONE history entry (the router only uses replaceState), and
// location.replace() swaps that entry for the neutral site: "back" goes to whatever was before.
export const NEUTRAL_URL = 'https://www.buienradar.nl/';
// Esc twice within this time also leaves.
const DOUBLE_ESC_MS = 800;

export function quickExit() {
  // Blank the page first, so nothing stays visible while the other site loads.
  document.title = '';
  document.body.replaceChildren();
  document.body.className = 'blank';
  location.replace(NEUTRAL_URL);
}

export function initQuickExit(button) {
  button.addEventListener('click', quickExit);
  let lastEsc = 0;
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    if (event.timeStamp - lastEsc < DOUBLE_ESC_MS) quickExit();
    lastEsc = event.timeStamp;
  });
}
