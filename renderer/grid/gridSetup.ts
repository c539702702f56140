import { AllCommunityModule, colorSchemeDark, ModuleRegistry, themeQuartz } from 'ag-grid-community';

ModuleRegistry.registerModules([AllCommunityModule]);

/** System fonts only: the console runs offline and must never fetch a web font. */
export const FONT_STACK = ['Noto Sans CJK SC', 'Noto Sans SC', 'Microsoft YaHei', 'PingFang SC', 'sans-serif'];

/**
 * One dark theme for every grid: large type and tall rows, readable from the back of a
 * command hall; colours match styles.css.
 */
export const consoleGridTheme = themeQuartz.withPart(colorSchemeDark).withParams({
  fontFamily: FONT_STACK,
  fontSize: 17,
  headerFontSize: 16,
  headerFontWeight: 600,
  rowHeight: 44,
  headerHeight: 46,
  backgroundColor: '#0d1520',
  foregroundColor: '#e8eef6',
  headerBackgroundColor: '#15202e',
  headerTextColor: '#9fb3c8',
  oddRowBackgroundColor: '#101a27',
  rowHoverColor: '#1b2a3d',
  selectedRowBackgroundColor: '#1e3550',
  borderColor: '#24344a',
  accentColor: '#4da3ff',
  wrapperBorderRadius: 6,
  cellHorizontalPadding: 14,
});
