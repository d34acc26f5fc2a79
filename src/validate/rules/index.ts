import type { Rule } from '../rule.js'
import { dateFormat } from './date-format.js'
import { docNumber } from './doc-number.js'
import { duplicateId } from './duplicate-id.js'
import { emptyFinding } from './empty-finding.js'
import { invisibleChars } from './invisible-chars.js'
import { labelVariant } from './label-variant.js'
import { mojibake } from './mojibake.js'
import { nameVariant } from './name-variant.js'
import { numbering } from './numbering.js'
import { printTitleLines } from './print-title-lines.js'
import { privateData } from './private-data.js'
import { punctuationWidth } from './punctuation-width.js'
import { rawHtml } from './raw-html.js'
import { remoteResource } from './remote-resource.js'
import { statsMismatch } from './stats-mismatch.js'
import { statusConflict } from './status-conflict.js'
import { statusMissing } from './status-missing.js'
import { typo } from './typo.js'

/** Every content rule, in the order their diagnostics are listed in the README. */
export const rules: readonly Rule[] = [
  duplicateId,
  numbering,
  emptyFinding,
  rawHtml,
  remoteResource,
  privateData,
  punctuationWidth,
  invisibleChars,
  mojibake,
  docNumber,
  dateFormat,
  nameVariant,
  labelVariant,
  statsMismatch,
  statusConflict,
  statusMissing,
  typo,
  printTitleLines
]
