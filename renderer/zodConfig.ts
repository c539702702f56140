import { z } from 'zod';

// zod probes for `Function('')` to compile fast validators; under the console's CSP (no
// 'unsafe-eval') the probe is refused and logged as a violation. Opt out of the probe.
z.config({ jitless: true });
