import type { en } from './catalogues.ts';

// Typed keys: a misspelt or missing translation key is a compile error.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
