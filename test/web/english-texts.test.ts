import { describe, expect, it } from 'vitest';
import { en } from '../../web/src/i18n/en';
import { englishAreas } from '../../web/src/i18n/english-parts';
import { errorCodes } from '../../src/lib/error-codes';
import { changeImpactTexts, invoiceTypeLabels, reasonTexts } from '../../src/lib/reason-codes';

// Someone reading in English sees no Chinese but the data people typed. The browser test
// (test/e2e/english.browser.test.ts) looks at the pages one order shows; this reads every English text there is,
// so a label of a status or a message that page never shows is checked too.

const CJK = /[\u4e00-\u9fff]/;
// The language switch names the other language in that language.
const SWITCH = 'common.language';

function chineseIn(tree: unknown, at = ''): string[] {
  if (typeof tree === 'string') return at !== SWITCH && CJK.test(tree) ? [`${at}: ${tree}`] : [];
  if (tree && typeof tree === 'object')
    return Object.entries(tree).flatMap(([k, v]) => chineseIn(v, at ? `${at}.${k}` : k));
  return [];
}

describe('English texts', () => {
  it('the web app has no Chinese in any English label, message or status name but the language switch', () => {
    expect(chineseIn(en)).toEqual([]);
    // The areas the app merges in when someone reads in English (parts-en/*.ts).
    expect(englishAreas.length).toBeGreaterThan(10);
    expect(chineseIn(englishAreas)).toEqual([]);
  });

  it('the server names errors, reasons and invoice types in English without Chinese', () => {
    const english = (texts: Record<string, { en: string }>) =>
      Object.fromEntries(Object.entries(texts).map(([k, v]) => [k, v.en]));
    expect(chineseIn(english(errorCodes))).toEqual([]);
    expect(chineseIn(english(reasonTexts))).toEqual([]);
    expect(chineseIn(english(changeImpactTexts))).toEqual([]);
    expect(chineseIn(english(invoiceTypeLabels))).toEqual([]);
  });
});
