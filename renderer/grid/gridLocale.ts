import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale';
import type { GetLocaleTextParams, GridApi } from 'ag-grid-community';
import { useCallback, useEffect, useRef } from 'react';
import type { Locale } from '../i18n/messages.ts';
import { useI18n } from '../i18n/useI18n.ts';

/** AG Grid's own words (its `${variable}` places filled in order, as the grid's default does) (filter menus, column menus, "no rows") in the grid's language: AG Grid's maintained zh-CN locale, its default English otherwise. */
export function gridText(locale: Locale, { key, defaultValue, variableValues }: Pick<GetLocaleTextParams, 'key' | 'defaultValue' | 'variableValues'>): string {
  const template = locale === 'en' ? defaultValue : (AG_GRID_LOCALE_CN as Record<string, string>)[key] ?? defaultValue;
  return (variableValues ?? []).reduce((text, value) => text.replace('${variable}', value), template);
}

/**
 * The grids' getLocaleText. AG Grid asks for its words when it builds a filter or a menu and
 * keeps what it built, and a grid fed row by row cannot simply be started again. So the callback
 * reads the language from a ref and notes each grid that asks; on a switch those grids' filters
 * are rebuilt (their models kept, so nothing the officer filtered is lost) and their headers redrawn.
 */
export function useGridLocaleText(): (params: GetLocaleTextParams) => string {
  const { locale } = useI18n();
  const current = useRef(locale);
  const grids = useRef(new Set<GridApi>());
  useEffect(() => {
    if (current.current === locale) return;
    current.current = locale;
    for (const api of grids.current) {
      if (api.isDestroyed()) { grids.current.delete(api); continue; }
      const model = api.getFilterModel();
      for (const column of api.getColumns() ?? []) api.destroyFilter(column);
      api.setFilterModel(model);
      api.refreshHeader();
    }
  }, [locale]);
  return useCallback((params: GetLocaleTextParams) => {
    grids.current.add(params.api);
    return gridText(current.current, params);
  }, []);
}
