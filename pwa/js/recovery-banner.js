// The home screen's line when the chosen reminder of the recovery meter is due: for phones that
// get no push (iOS without installing), and a calm reason to come back, never a reproach.
import { isDue, loadMeter, myResults, nextDue, profileData, text } from './recovery-data.js';
import { h } from './ui.js';

export async function banner() {
  const data = await profileData();
  // Without a chosen reminder nothing is ever due: the content is not even fetched then.
  if (!data.reminder) return null;
  const meter = await loadMeter();
  const all = await myResults(meter);
  if (!isDue(nextDue(meter, data, all))) return null;
  return h('p', { class: 'banner' },
    h('a', { href: '#/recovery', text: text(meter.texts.reminder.banner) }));
}
