import { createI18n } from 'vue-i18n';
import { storyMessages } from './storyMessages';
import { uiMessages } from './uiMessages';

export type Locale = 'en' | 'ko';

/** The system's language decides (Korean if it prefers Korean), until the user switches. */
export function systemLocale(languages: readonly string[]): Locale {
  for (const language of languages) {
    const lower = language.toLowerCase();
    if (lower.startsWith('ko')) return 'ko';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

export function createNavScopeI18n(languages: readonly string[]) {
  return createI18n({
    legacy: false,
    locale: systemLocale(languages),
    fallbackLocale: 'en',
    messages: {
      en: { ...uiMessages.en, story: storyMessages.en },
      ko: { ...uiMessages.ko, story: storyMessages.ko },
    },
  });
}
