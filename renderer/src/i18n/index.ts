import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/nl';
import 'dayjs/locale/en';
import { en } from './en.js';
import { nl } from './nl.js';

export const languages = ['nl', 'en'] as const;
export type Language = (typeof languages)[number];
const STORAGE_KEY = 'thuisdossier.language';

function storedLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'nl';
}

void i18next.use(initReactI18next).init({
  resources: { nl: { translation: nl }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'nl',
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
});
dayjs.locale(i18next.language);
document.documentElement.lang = i18next.language;

export async function setLanguage(language: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, language);
  await i18next.changeLanguage(language);
  dayjs.locale(language);
  document.documentElement.lang = language;
}

export { i18next };
