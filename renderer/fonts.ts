// The console ships its CJK font (Noto Sans SC, SIL OFL) so Chinese renders on any wall PC or
// fresh machine with no internet and no system CJK font. Each weight's CSS splits the font into
// ~100 unicode-range subsets: the browser fetches, from this console, only those a page uses.
// Two weights: 600 and 800 fall back to the nearest of these, which keeps the build smaller.
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
