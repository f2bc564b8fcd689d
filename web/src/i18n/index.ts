import i18n from 'i18next';
import type { Locale } from 'antd/es/locale';
import { initReactI18next } from 'react-i18next';
import { zhCN } from './zh-CN';
import { setApiLanguage } from '../api/client';

// Each area keeps its Chinese texts in parts/<area>.ts and its English in parts-en/<area>.ts; they are merged
// into the two languages here. Chinese comes with the app; the English texts and Ant Design's English locale are
// fetched the first time someone reads in English, so the first page stays small.
type Tree = { [k: string]: string | Tree };
const parts = import.meta.glob<{ zh: Tree }>('./parts/*.ts', { eager: true });
function merge(into: Tree, from: Tree) {
  for (const [k, v] of Object.entries(from)) {
    const cur = into[k];
    if (typeof v === 'object' && typeof cur === 'object') merge(cur, v);
    else into[k] = v;
  }
}
const zh = zhCN as unknown as Tree;
for (const part of Object.values(parts)) merge(zh, part.zh);

let antdEnglish: Locale | undefined;
/** Ant Design's English locale, once English is loaded (Chinese until then). */
export const antdEnglishLocale = () => antdEnglish;

// Texts of a page loaded on first use come with that page's module (addTexts), so the first page stays small.
const pageParts = new Set<{ zh: Tree; en: Tree }>();
let englishIn = false;
export function addTexts(part: { zh: object; en: object }) {
  const p = part as { zh: Tree; en: Tree };
  if (pageParts.has(p)) return;
  pageParts.add(p);
  i18n.addResourceBundle('zh-CN', 'translation', p.zh, true, true);
  if (englishIn) i18n.addResourceBundle('en', 'translation', p.en, true, true);
}

let englishLoaded: Promise<void> | undefined;
function loadEnglish() {
  englishLoaded ??= Promise.all([import('./en'), import('antd/locale/en_US'), import('./english-parts')]).then(
    ([{ en }, antd, { englishAreas }]) => {
      const english = en as unknown as Tree;
      for (const area of englishAreas) merge(english, area);
      for (const part of pageParts) merge(english, part.en);
      englishIn = true;
      i18n.addResourceBundle('en', 'translation', english, true, true);
      antdEnglish = antd.default;
    },
  );
  return englishLoaded;
}

// zh-CN first; the choice is remembered in the browser.
const saved = localStorage.getItem('luyue.lang');
const lng = saved === 'en' ? 'en' : 'zh-CN';
setApiLanguage(lng);

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zh } },
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
});

export function setLanguage(l: 'zh-CN' | 'en') {
  localStorage.setItem('luyue.lang', l);
  setApiLanguage(l);
  document.documentElement.lang = l;
  return (l === 'en' ? loadEnglish() : Promise.resolve()).then(() => i18n.changeLanguage(l));
}

/** Resolves when the remembered language's texts are in: the app renders after it. */
export const i18nReady: Promise<unknown> = lng === 'en' ? setLanguage('en') : Promise.resolve();

export default i18n;
