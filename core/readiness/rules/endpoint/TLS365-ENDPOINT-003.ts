import { laterBreaks } from './TLS365-ENDPOINT-002.js';

/** TLS365-ENDPOINT-003 (Info): an announced change more than 90 days away will break the machine (see ENDPOINT-002). */
export const ENDPOINT_003 = laterBreaks('TLS365-ENDPOINT-003', 'Info');
