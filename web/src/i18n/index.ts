import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { zhCN } from './zh-CN';
import { en } from './en';
import { setApiLanguage } from '../api/client';

// Each area keeps its own texts in parts/<area>.ts ({ zh, en }); they are merged into the two languages here.
type Tree = { [k: string]: string | Tree };
const parts = import.meta.glob<{ zh: Tree; en: Tree }>('./parts/*.ts', { eager: true });
function merge(into: Tree, from: Tree) {
  for (const [k, v] of Object.entries(from)) {
    const cur = into[k];
    if (typeof v === 'object' && typeof cur === 'object') merge(cur, v);
    else into[k] = v;
  }
}
const zh = zhCN as unknown as Tree;
const english = en as unknown as Tree;
for (const part of Object.values(parts)) {
  merge(zh, part.zh);
  merge(english, part.en);
}

// zh-CN first; the choice is remembered in the browser.
const saved = localStorage.getItem('luyue.lang');
const lng = saved === 'en' ? 'en' : 'zh-CN';
setApiLanguage(lng);

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zh }, en: { translation: english } },
  lng,
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
});

export function setLanguage(l: 'zh-CN' | 'en') {
  localStorage.setItem('luyue.lang', l);
  setApiLanguage(l);
  document.documentElement.lang = l;
  return i18n.changeLanguage(l);
}

export default i18n;
