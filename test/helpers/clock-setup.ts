/** vitest setup: every test file runs on the test clock (helpers/clock.ts). */
import { useTestClock } from './clock';

useTestClock();
