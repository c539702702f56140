import type { OverlayType } from 'ag-grid-community';
import { describeError } from '../i18n/display.ts';
import { useI18n } from '../i18n/useI18n.ts';

/**
 * The grid's overlays (loading, nothing to show, nothing matching the filter) as a React
 * component, so their text follows the console's language when it is switched; AG Grid's own
 * overlays keep the text they were created with.
 */
export function BoardOverlay({ overlayType, error }: { overlayType?: OverlayType; error?: unknown }) {
  const { t, locale } = useI18n();
  const text = overlayType === 'loading' ? t('grid.loading')
    : overlayType === 'noMatchingRows' ? t('stock.grid.noMatchingRows')
      : error ? describeError(error, locale) : t('grid.noRows');
  return <div className="board-overlay" role="status" data-testid="board-overlay" data-overlay={overlayType}>{text}</div>;
}
