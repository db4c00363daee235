import { z } from 'zod';

/**
 * zod 4 probes `Function('')` to decide whether it may compile validators;
 * under the console's CSP (no 'unsafe-eval') that probe is a CSP violation.
 * jitless mode skips it. Imported first by main.tsx.
 */
z.config({ jitless: true });
