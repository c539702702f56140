/** How the live layer draws: the GPU through WebGL, or a CPU path writing pixels from typed arrays. */
export type LivePath = 'cpu' | 'webgl';

export interface LivePathChoice {
  path: LivePath;
  /** The WebGL renderer string, when the browser tells it. */
  renderer: string | null;
  /** Why this path: 'override', 'no-webgl', 'software' or 'hardware'. */
  reason: 'override' | 'no-webgl' | 'software' | 'hardware';
}

/**
 * Renderers that run WebGL on the CPU. Measured here (SwiftShader, 2 cores), stock WebGL layers
 * fall under 1 frame/s with 50,000 moving points, so on these the CPU path is faster.
 */
const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render|mesa offscreen|lavapipe|gdi generic/i;

/** Picks the path from the unmasked renderer string (null: no WebGL) and an optional `?live=` override. */
export function classifyRenderer(renderer: string | null, override?: string | null): LivePathChoice {
  if (override === 'cpu' || override === 'webgl') return { path: override, renderer, reason: 'override' };
  if (renderer === null) return { path: 'cpu', renderer, reason: 'no-webgl' };
  if (SOFTWARE.test(renderer)) return { path: 'cpu', renderer, reason: 'software' };
  return { path: 'webgl', renderer, reason: 'hardware' };
}

/** The unmasked WebGL renderer string, or null when the browser has no WebGL. */
export function webglRendererName(): string | null {
  const canvas = document.createElement('canvas');
  let gl: WebGLRenderingContext | null = null;
  try {
    gl = canvas.getContext('webgl', { failIfMajorPerformanceCaveat: false });
  } catch {
    return null;
  }
  if (!gl) return null;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return typeof name === 'string' ? name : null;
}

/** Start-up detection: `?live=cpu|webgl` wins, else the renderer string decides. */
export function detectLivePath(search: string = window.location.search): LivePathChoice {
  const override = new URLSearchParams(search).get('live');
  if (override === 'cpu' || override === 'webgl') return classifyRenderer(null, override);
  return classifyRenderer(webglRendererName());
}
