// Development and test entry of the tile worker: registers the TypeScript loader in this
// thread, then runs the worker from source. Built packages run tileWorker.js directly.
import { register } from 'tsx/esm/api';

register();
await import('./tileWorker.ts');
