import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale';
import type { GetLocaleTextParams } from 'ag-grid-community';
import { useCallback, useRef } from 'react';
import type { Locale } from '../i18n/messages.ts';
import { useI18n } from '../i18n/useI18n.ts';

/** AG Grid's own words (its `${variable}` places filled in order, as the grid's default does) (filter menus, column menus, "no rows") in the grid's language: AG Grid's maintained zh-CN locale, its default English otherwise. */
export function gridText(locale: Locale, { key, defaultValue, variableValues }: Pick<GetLocaleTextParams, 'key' | 'defaultValue' | 'variableValues'>): string {
  const template = locale === 'en' ? defaultValue : (AG_GRID_LOCALE_CN as Record<string, string>)[key] ?? defaultValue;
  return (variableValues ?? []).reduce((text, value) => text.replace('${variable}', value), template);
}

/**
 * The grids' getLocaleText. AG Grid reads its words when a grid starts and keeps the filters it
 * built, so each grid is keyed by the language (a switch starts it again, its saved layout
 * restored); the ref keeps the callback itself stable between renders.
 */
export function useGridLocaleText(): (params: GetLocaleTextParams) => string {
  const { locale } = useI18n();
  const current = useRef(locale);
  current.current = locale;
  return useCallback((params: GetLocaleTextParams) => gridText(current.current, params), []);
}
