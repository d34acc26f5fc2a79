import type { Rule } from '../rule.js'
import { duplicateId } from './duplicate-id.js'
import { emptyFinding } from './empty-finding.js'
import { numbering } from './numbering.js'
import { rawHtml } from './raw-html.js'

/** Every content rule, in the order their diagnostics are listed in the README. */
export const rules: readonly Rule[] = [duplicateId, numbering, emptyFinding, rawHtml]
