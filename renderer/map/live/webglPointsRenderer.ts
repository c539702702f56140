import type { FrameState } from 'ol/Map.js';
import { layerContainer, POINT_RADIUS, type LivePointsRenderer } from './cpuPointsRenderer.ts';
import { KIND_COLOURS, OUTLINE_COLOUR, rgbOf } from './palette.ts';
import type { PositionStore } from './positionStore.ts';

const MAX_KINDS = 8;

const VERTEX = `
attribute vec2 a_position;
attribute float a_kind;
uniform mat3 u_matrix;
uniform float u_size;
uniform vec3 u_colours[${MAX_KINDS}];
varying vec3 v_colour;
void main() {
  vec3 clip = u_matrix * vec3(a_position, 1.0);
  gl_Position = vec4(clip.xy, 0.0, 1.0);
  gl_PointSize = u_size;
  v_colour = u_colours[int(a_kind + 0.5)];
}`;

const FRAGMENT = `
precision mediump float;
uniform vec3 u_outline;
uniform float u_inner;
uniform float u_opacity;
varying vec3 v_colour;
void main() {
  float distance = length(gl_PointCoord * 2.0 - 1.0);
  if (distance > 1.0) discard;
  vec3 colour = distance > u_inner ? u_outline : v_colour;
  gl_FragColor = vec4(colour * u_opacity, u_opacity);
}`;

function compile(gl: WebGLRenderingContext, type: number, source: string): WebGLShader {
  const shader = gl.createShader(type)!;
  gl.shaderSource(shader, source);
  gl.compileShader(shader);
  if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS)) throw new Error(`live layer shader: ${gl.getShaderInfoLog(shader) ?? 'does not compile'}`);
  return shader;
}

/**
 * Draws points on the GPU: one gl.POINTS call from two buffers filled from the store's typed
 * arrays (positions relative to an origin near the data, so float32 keeps centimetres), uploaded
 * only when the store changed. The view transform is one matrix uniform.
 */
export class WebglPointsRenderer implements LivePointsRenderer {
  readonly path = 'webgl' as const;
  private readonly canvas = document.createElement('canvas');
  private readonly container = layerContainer(this.canvas);
  private readonly gl: WebGLRenderingContext;
  private readonly program: WebGLProgram;
  private readonly positionBuffer: WebGLBuffer;
  private readonly kindBuffer: WebGLBuffer;
  private positions = new Float32Array(0);
  private kinds = new Float32Array(0);
  private uploadedVersion = -1;
  private bufferCapacity = 0;
  private origin: [number, number] | null = null;
  private readonly locations: { position: number; kind: number; matrix: WebGLUniformLocation | null; size: WebGLUniformLocation | null; inner: WebGLUniformLocation | null; opacity: WebGLUniformLocation | null };

  constructor() {
    const gl = this.canvas.getContext('webgl', { alpha: true, antialias: false, premultipliedAlpha: true, preserveDrawingBuffer: false, depth: false, stencil: false });
    if (!gl) throw new Error('the browser gave no WebGL context');
    this.gl = gl;
    const program = gl.createProgram()!;
    gl.attachShader(program, compile(gl, gl.VERTEX_SHADER, VERTEX));
    gl.attachShader(program, compile(gl, gl.FRAGMENT_SHADER, FRAGMENT));
    gl.linkProgram(program);
    if (!gl.getProgramParameter(program, gl.LINK_STATUS)) throw new Error(`live layer program: ${gl.getProgramInfoLog(program) ?? 'does not link'}`);
    this.program = program;
    this.positionBuffer = gl.createBuffer()!;
    this.kindBuffer = gl.createBuffer()!;
    gl.useProgram(program);
    this.locations = {
      position: gl.getAttribLocation(program, 'a_position'),
      kind: gl.getAttribLocation(program, 'a_kind'),
      matrix: gl.getUniformLocation(program, 'u_matrix'),
      size: gl.getUniformLocation(program, 'u_size'),
      inner: gl.getUniformLocation(program, 'u_inner'),
      opacity: gl.getUniformLocation(program, 'u_opacity'),
    };
    const colours = new Float32Array(MAX_KINDS * 3);
    KIND_COLOURS.forEach((hex, i) => colours.set(rgbOf(hex).map((v) => v / 255), i * 3));
    gl.uniform3fv(gl.getUniformLocation(program, 'u_colours[0]'), colours);
    gl.uniform3fv(gl.getUniformLocation(program, 'u_outline'), new Float32Array(rgbOf(OUTLINE_COLOUR).map((v) => v / 255)));
  }

  render(frameState: FrameState, store: PositionStore, opacity: number): HTMLElement {
    const gl = this.gl;
    const ratio = frameState.pixelRatio;
    const width = Math.round(frameState.size[0]! * ratio);
    const height = Math.round(frameState.size[1]! * ratio);
    if (this.canvas.width !== width || this.canvas.height !== height) {
      this.canvas.width = width;
      this.canvas.height = height;
    }
    gl.viewport(0, 0, width, height);
    gl.clearColor(0, 0, 0, 0);
    gl.clear(gl.COLOR_BUFFER_BIT);
    if (store.count === 0 || width === 0 || height === 0) return this.container;
    this.upload(store);

    const [a, b, c, d, e, f] = frameState.coordinateToPixelTransform as [number, number, number, number, number, number];
    const [ox, oy] = this.origin!;
    // CSS pixel = T · (origin + relative); clip = pixel scaled to [-1, 1] with y up. Column-major.
    const W = frameState.size[0]!;
    const H = frameState.size[1]!;
    const matrix = new Float32Array([
      (2 * a) / W, (-2 * b) / H, 0,
      (2 * c) / W, (-2 * d) / H, 0,
      (2 * (a * ox + c * oy + e)) / W - 1, 1 - (2 * (b * ox + d * oy + f)) / H, 1,
    ]);
    gl.useProgram(this.program);
    gl.uniformMatrix3fv(this.locations.matrix, false, matrix);
    gl.uniform1f(this.locations.size, 2 * 3.5 * ratio);
    gl.uniform1f(this.locations.inner, POINT_RADIUS / 3.5);
    gl.uniform1f(this.locations.opacity, opacity);
    gl.bindBuffer(gl.ARRAY_BUFFER, this.positionBuffer);
    gl.enableVertexAttribArray(this.locations.position);
    gl.vertexAttribPointer(this.locations.position, 2, gl.FLOAT, false, 0, 0);
    gl.bindBuffer(gl.ARRAY_BUFFER, this.kindBuffer);
    gl.enableVertexAttribArray(this.locations.kind);
    gl.vertexAttribPointer(this.locations.kind, 1, gl.FLOAT, false, 0, 0);
    gl.enable(gl.BLEND);
    gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
    gl.drawArrays(gl.POINTS, 0, store.count);
    return this.container;
  }

  dispose(): void {
    this.gl.deleteBuffer(this.positionBuffer);
    this.gl.deleteBuffer(this.kindBuffer);
    this.gl.deleteProgram(this.program);
    this.gl.getExtension('WEBGL_lose_context')?.loseContext();
  }

  private upload(store: PositionStore): void {
    if (this.uploadedVersion === store.version && this.bufferCapacity >= store.count) return;
    const gl = this.gl;
    const n = store.count;
    this.origin ??= [store.x[0]!, store.y[0]!];
    const [ox, oy] = this.origin;
    if (this.positions.length < n * 2) {
      this.positions = new Float32Array(store.capacity * 2);
      this.kinds = new Float32Array(store.capacity);
    }
    const { x, y, kind } = store;
    const positions = this.positions;
    const kinds = this.kinds;
    for (let i = 0; i < n; i += 1) {
      positions[2 * i] = x[i]! - ox;
      positions[2 * i + 1] = y[i]! - oy;
      kinds[i] = kind[i]!;
    }
    if (this.bufferCapacity < this.kinds.length) {
      this.bufferCapacity = this.kinds.length;
      gl.bindBuffer(gl.ARRAY_BUFFER, this.positionBuffer);
      gl.bufferData(gl.ARRAY_BUFFER, this.positions.byteLength, gl.DYNAMIC_DRAW);
      gl.bindBuffer(gl.ARRAY_BUFFER, this.kindBuffer);
      gl.bufferData(gl.ARRAY_BUFFER, this.kinds.byteLength, gl.DYNAMIC_DRAW);
    }
    gl.bindBuffer(gl.ARRAY_BUFFER, this.positionBuffer);
    gl.bufferSubData(gl.ARRAY_BUFFER, 0, positions.subarray(0, n * 2));
    gl.bindBuffer(gl.ARRAY_BUFFER, this.kindBuffer);
    gl.bufferSubData(gl.ARRAY_BUFFER, 0, kinds.subarray(0, n));
    this.uploadedVersion = store.version;
  }
}
