import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { zhCN } from './zh-CN';
import { en } from './en';
import { setApiLanguage } from '../api/client';

// zh-CN first; the choice is remembered in the browser.
const saved = localStorage.getItem('luyue.lang');
const lng = saved === 'en' ? 'en' : 'zh-CN';
setApiLanguage(lng);

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
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
