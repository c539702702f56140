import { describe, expect, it } from 'vitest';
import { classifyRenderer } from './detectRenderer.ts';

describe('live layer path detection', () => {
  it('uses the CPU path on software WebGL renderers and without WebGL', () => {
    for (const name of [
      'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
      'Google SwiftShader',
      'llvmpipe (LLVM 15.0.6, 256 bits)',
      'Mesa OffScreen',
      'ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0)',
      'Software Rasterizer',
    ]) {
      expect(classifyRenderer(name), name).toMatchObject({ path: 'cpu', reason: 'software' });
    }
    expect(classifyRenderer(null)).toEqual({ path: 'cpu', renderer: null, reason: 'no-webgl' });
  });

  it('uses WebGL on hardware renderers', () => {
    for (const name of [
      'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)',
      'ANGLE (Intel, Intel(R) UHD Graphics 630 Direct3D11 vs_5_0 ps_5_0, D3D11)',
      'AMD Radeon RX 6600 (radeonsi, navi23, LLVM 15.0.6, DRM 3.49)',
      'Mesa Intel(R) Xe Graphics (TGL GT2)',
    ]) {
      expect(classifyRenderer(name), name).toMatchObject({ path: 'webgl', reason: 'hardware' });
    }
  });

  it('lets ?live=cpu|webgl override the detection, and ignores other values', () => {
    expect(classifyRenderer('Google SwiftShader', 'webgl')).toMatchObject({ path: 'webgl', reason: 'override' });
    expect(classifyRenderer('NVIDIA GeForce RTX 3060', 'cpu')).toMatchObject({ path: 'cpu', reason: 'override' });
    expect(classifyRenderer('NVIDIA GeForce RTX 3060', 'gpu')).toMatchObject({ path: 'webgl', reason: 'hardware' });
  });
});
