/**
 * The one schema of notice-press. Frontmatter, site.yml and the records handed to renderers are
 * all defined here; the TypeScript types and the JSON Schema for editors are derived from it.
 */
import * as z from 'zod'
import { idPattern } from './id.js'
import { labelKinds, statuses } from './vocabulary.js'

const isRealDate = (value: string): boolean => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/** Text a reader can see: a name or title of spaces, controls or zero-width characters alone would leave an empty heading or link. */
const visible = (value: string): boolean => /[^\p{Cc}\p{Cf}\p{Cs}\p{Cn}\p{Z}\s]/u.test(value)
const visibleText = (what: string) => z.string().refine(visible, { message: `${what}不能为空，也不能只有空格或不可见字符` })

export const isoDate = z
  .string({ error: '应为日期，写作 YYYY-MM-DD，例如 2021-03-05' })
  .refine(isRealDate, { message: '日期无效：应写作 YYYY-MM-DD，并且是真实存在的日期，例如 2021-03-05' })

export const noticeId = z.string().regex(idPattern, { message: '编号只能用小写字母 a-z、数字和连字符 -，例如 2021-yichuan-cluster' })
export const findingId = z.string().regex(idPattern, { message: '问题编号只能用小写字母 a-z、数字和连字符 -，例如 1-4-2' })

export const statusSchema = z.enum(statuses, { error: `整改状态只能是 ${statuses.join('、')} 之一` })

/** Anything under `internal:` is for the office only and never reaches an output. */
const internal = z.record(z.string(), z.unknown()).optional().describe('内部信息：不会出现在任何输出中')

const ignoreEntry = z.strictObject({
  rule: z.string().describe('要忽略的检查规则'),
  text: z.string().optional().describe('只忽略这段文字'),
  reason: z.string().min(1, { message: '请写明忽略的理由' })
})

const change = z.strictObject({
  date: isoDate,
  note: z.string().min(1, { message: '更新说明不能为空' })
})

export const noticeFrontmatter = z
  .strictObject({
    id: noticeId.optional().describe('通报编号，与文件夹名相同'),
    title: visibleText('标题').optional().describe('标题；原文第一行是标题时可省略'),
    issuer: visibleText('发布机构').optional().describe('发布机构'),
    source: visibleText('来源').optional().describe('来源'),
    inspection: z
      .strictObject({
        team: z.string().optional().describe('巡察组，如 县委第四巡察组'),
        unit: z.string().optional().describe('被巡察单位'),
        start: isoDate.optional(),
        end: isoDate.optional(),
        feedback: isoDate.optional().describe('反馈日期')
      })
      .optional(),
    basis: z.string().optional().describe('依据，如《中国共产党巡视工作条例》'),
    dates: z
      .strictObject({
        written: isoDate.optional().describe('成文日期'),
        published: isoDate.optional().describe('发布日期')
      })
      .optional(),
    signature: z.string().optional().describe('落款；原文有落款时可省略'),
    contact: z
      .strictObject({
        phone: z.union([z.string(), z.array(z.string())]).optional(),
        email: z.union([z.string(), z.array(z.string())]).optional(),
        address: z.string().optional(),
        postcode: z.string().optional()
      })
      .optional(),
    disclosure: z
      .strictObject({
        indexNumber: z.string().optional().describe('信息索引号'),
        publisher: z.string().optional().describe('发布机构'),
        openness: z.string().optional().describe('公开方式，如 主动公开'),
        category: z.string().optional().describe('主题分类'),
        docNumber: z.string().optional().describe('文号')
      })
      .optional(),
    names: z
      .strictObject({
        declared: z.array(z.string()).optional().describe('单位名称的标准写法'),
        abbreviations: z.array(z.string()).optional().describe('允许的简称')
      })
      .optional(),
    keywords: z.array(z.string()).optional(),
    print: z
      .strictObject({
        sealed: z.boolean().optional().describe('加盖印章：成文日期右空四字，发布机构署名居中于日期之上（GB/T 9704 7.3.5.1）'),
        header: z
          .string()
          .trim()
          .min(1)
          .optional()
          .describe('红头（发文机关标志），如 中共某某县委巡察工作领导小组办公室文件：印在打印版顶端，下面是发文字号（disclosure.docNumber）和红色分隔线'),
        titleLines: z.array(z.string().min(1)).min(1).optional().describe('打印版标题的分行，依次写出每一行；连起来应与标题相同')
      })
      .optional()
      .describe('打印版与 PDF 的排版'),
    changes: z.array(change).optional().describe('更新记录'),
    ledger: z.enum(['table', 'list']).optional().describe('网页上问题的显示方式：table 整改台账表格，list 逐条列出（默认用 site.yml 的设置）'),
    omitted: z
      .array(
        z.strictObject({
          line: z.number().int().positive().describe('原文的行号'),
          text: z.string().describe('原文这一行'),
          as: z.enum(['metadata', 'chrome']).describe('metadata：网页的信息公开元数据、标题；chrome：分享、打印、字体等网页控件')
        })
      )
      .optional()
      .describe('导入时从网页复制来的、不属于通报正文的行：原样保存在这里，不会发布'),
    draft: z.boolean().optional().describe('草稿：只有 --drafts 时才发布'),
    internal
  })
  .superRefine((value, context) => {
    const { start, end } = value.inspection ?? {}
    // Only between two real dates: an invalid one has its own error, and comparing it would only add noise.
    if (start && end && isRealDate(start) && isRealDate(end) && end < start) {
      context.addIssue({ code: 'custom', path: ['inspection', 'end'], message: `巡察结束日期 ${end} 早于开始日期 ${start}，请检查` })
    }
  })
export type NoticeFrontmatter = z.infer<typeof noticeFrontmatter>

export const findingFrontmatter = z.strictObject({
  id: findingId.describe('稳定编号：重新编号时也不要改'),
  status: statusSchema.optional().describe('正文没有写明整改状态时使用'),
  sustained: z.boolean().optional().describe('长期坚持'),
  deadline: isoDate.optional().describe('整改时限'),
  responsible: z.string().optional().describe('责任单位'),
  references: z.array(z.string()).optional().describe('相关文件'),
  ignore: z.array(ignoreEntry).optional().describe('对这段文字不报告的检查'),
  internal
})
export type FindingFrontmatter = z.infer<typeof findingFrontmatter>

export const sectionFrontmatter = z.strictObject({
  internal
})

export const siteConfig = z.strictObject({
  name: visibleText('网站名称').default('巡察整改情况公开').describe('网站名称'),
  domain: z.string().optional().describe('网站域名'),
  // Only a web address: javascript:, data: or file: would become links in every feed entry and sitemap line.
  baseUrl: z
    .url({ protocol: /^https?$/u, hostname: /^[^\s]+$/u, message: '应为以 http:// 或 https:// 开头的完整网址，例如 https://www.example.gov.cn/xczg/' })
    .refine((value) => URL.canParse(`${value.replace(/\/?$/u, '/')}x/`), {
      message: '应为以 http:// 或 https:// 开头的完整网址，例如 https://www.example.gov.cn/xczg/'
    })
    .optional(),
  // The portal's own home page: the breadcrumb's 首页 (without it the breadcrumb starts at the column).
  homeUrl: z
    .url({ protocol: /^https?$/u, hostname: /^[^\s]+$/u, message: '应为以 http:// 或 https:// 开头的完整网址，例如 https://www.example.gov.cn/' })
    .optional()
    .describe('门户网站首页的网址：位置导航中的“首页”'),
  siteIdCode: z.string().optional().describe('网站标识码'),
  columnName: visibleText('栏目名称').default('巡察整改').describe('栏目名称'),
  footer: z
    .strictObject({
      host: z.string().optional().describe('主办单位'),
      organizer: z.string().optional().describe('承办单位'),
      icp: z.string().optional().describe('ICP备案号'),
      police: z.string().optional().describe('公安备案号')
    })
    .default({}),
  ledger: z.enum(['table', 'list']).default('list').describe('网页上问题的显示方式：table 整改台账表格，list 逐条列出'),
  search: z.boolean().default(true).describe('站内搜索：默认生成搜索页和搜索索引，false 时不生成'),
  statusPhrases: z
    .record(z.string(), statusSchema.exclude(['unknown']))
    .default({})
    .describe('整改状态用语的补充映射'),
  names: z
    .strictObject({
      declared: z.array(z.string()).default([]),
      abbreviations: z.array(z.string()).default([])
    })
    .default({ declared: [], abbreviations: [] }),
  rules: z
    .record(z.string(), z.enum(['error', 'warning', 'info', 'off']))
    .default({})
    .describe('检查规则的级别'),
  privateData: z
    .strictObject({
      allow: z.array(z.string()).default([]).describe('可以公开的电话号码（例如办公室的手机），其余手机号码都按个人信息报错')
    })
    .default({ allow: [] }),
  typos: z
    .array(z.strictObject({ wrong: z.string().min(1), right: z.string().min(1), reason: z.string().min(1) }))
    .default([])
    .describe('本站补充的易错词'),
  internal
})
export type SiteConfig = z.infer<typeof siteConfig>

/* ---------- records: what the loader hands to validation and rendering ---------- */

export const sourceRef = z.object({ file: z.string(), line: z.number().int() })

export const findingRecord = z.object({
  id: z.string(),
  anchor: z.string(),
  path: z.array(z.number().int()),
  title: z.string(),
  status: statusSchema,
  statusText: z.string(),
  sustained: z.boolean(),
  problem: z.string(),
  rectification: z.string(),
  labels: z.array(z.object({ kind: z.string(), label: z.string() })),
  /** Every paragraph of the finding, typed: what a ledger shows as columns. */
  fields: z.array(z.object({ label: z.string(), kind: z.enum(labelKinds), text: z.string() })),
  deadline: z.string().optional(),
  responsible: z.string().optional(),
  source: sourceRef
})
export type FindingRecord = z.infer<typeof findingRecord>

export const noticeRecord = z.object({
  id: z.string(),
  title: z.string(),
  issuer: z.string().optional(),
  source: z.string().optional(),
  inspection: noticeFrontmatter.shape.inspection,
  dates: z.object({ written: z.string().optional(), published: z.string().optional() }),
  signature: z.string().optional(),
  contact: z.object({
    phones: z.array(z.string()),
    emails: z.array(z.string()),
    address: z.string().optional(),
    postcode: z.string().optional()
  }),
  disclosure: noticeFrontmatter.shape.disclosure,
  keywords: z.array(z.string()),
  changes: z.array(change),
  findings: z.array(findingRecord),
  /** Several inspected units in one notice, a section each: their own statistics (the notice's stats are the aggregate). */
  units: z
    .array(
      z.object({
        name: z.string(),
        findings: z.array(z.string()),
        stats: z.object({ total: z.number().int(), byStatus: z.record(z.string(), z.number().int()), stated: z.number().int(), completionRate: z.number() })
      })
    )
    .optional(),
  stats: z.object({
    total: z.number().int(),
    byStatus: z.record(z.string(), z.number().int()),
    /** Findings whose status the notice states: with none, there is no completion rate to show. */
    stated: z.number().int(),
    completionRate: z.number()
  })
})
export type NoticeRecord = z.infer<typeof noticeRecord>
