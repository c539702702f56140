// Development and test entry of the store worker: registers the TypeScript loader in this
// thread, then runs the worker from source. Built packages run storeWorker.js directly.
import { register } from 'tsx/esm/api';

register();
await import('./storeWorker.ts');
