// Loading a PWA module in node, for the tests that run the phone's rules.
import { readFileSync } from 'node:fs';

/**
 * A PWA module (plain ES module, .js). Node before 20.19 takes a .js file outside a
 * "type": "module" package for CommonJS and fails on `export`: then it is loaded from its
 * source, which works because the rules modules import nothing. A real fault in the module
 * fails both ways and is reported as the first failure.
 */
export async function pwaModule(relative) {
  const url = new URL(`../../pwa/js/${relative}`, import.meta.url);
  try {
    return await import(url);
  } catch (error) {
    const source = readFileSync(url, 'utf8');
    try {
      return await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`);
    } catch {
      throw error;
    }
  }
}
