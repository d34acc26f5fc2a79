/**
 * Confusions common in official texts, as data. Each entry says what to write instead and why,
 * and, where the wrong form can be right in another context, the context that decides:
 * `before`/`after` must match the text just before/after, `notBefore`/`notAfter` must not.
 * `example` must be caught and `lookAlike` (correct text) must not: the tests hold every entry to both.
 */

export interface Confusion {
  wrong: string
  right: string
  reason: string
  before?: RegExp
  notBefore?: RegExp
  after?: RegExp
  notAfter?: RegExp
  /** `check --fix` may replace it: only where the wrong form is never right and the change is mechanical. */
  fixable?: boolean
  example: string
  lookAlike: string
}

export const confusions: readonly Confusion[] = [
  // Words of inspection and Party work.
  {
    wrong: '巡查',
    right: '巡察',
    reason: '党组织的政治巡视巡察写“巡察”；“巡查”是日常的巡逻检查（安全巡查、河道巡查）',
    notBefore:
      /(?:安全|治安|消防|河道|河湖|日常|定期|夜间|电力|线路|网格|防汛|环境|交通|街面|巡逻|林区|现场|督导|执法|动态|卫生|食品|市场|徒步|视频|网络|重点|全面)$/u,
    after: /^(?:期间|组|办|工作|反馈|意见|整改|发现|中|时|过程|对象|单位|问题|报告|情况|结束)/u,
    example: '巡查期间组织对8名科级干部进行党建测试',
    lookAlike: '加强节假日安全巡查期间的值班值守'
  },
  {
    wrong: '为落实',
    right: '未落实',
    reason: '列举没做到的事时是“未落实”（没有落实）；“为落实……”表示目的，放在句首',
    before: /(?:^|[，,、；;。：:])(?:未|没有|不)[^，,、。；;]*[，,、]$/u,
    example: '未建立研究落实意识形态工作责任制,为落实意识形态工作报告制度',
    lookAlike: '针对上述问题未及时整改的情况，为落实整改责任，局党组召开专题会议'
  },
  {
    wrong: '有于',
    right: '由于',
    reason: '表示原因用“由于”',
    notBefore: /没$/u,
    example: '但有于土地问题于2020年9月份才正式入驻',
    lookAlike: '没有于规定时间内完成整改'
  },
  {
    wrong: '截止目前',
    right: '截至目前',
    reason: '“截至”后接时间点（截至目前、截至6月底）；“截止”表示到期停止，用在时间之后（报名于6月底截止）',
    fixable: true,

    example: '截止目前，应收未收标准化厂房租赁费232.1735万元',
    lookAlike: '截至目前，已完成整改20个'
  },
  {
    wrong: '截止',
    right: '截至',
    reason: '“截至”后接时间点；“截止”用在时间之后（于6月底截止）或“截止日期”',
    after: /^(?:\d|今年|本年|去年|上年|年底|年末|月底|当前|现在|发稿|本月|上月|[一二三四五六七八九十]+月)/u,
    example: '截止2020年底，已支付833万元',
    lookAlike: '申报工作于2020年底截止，截止日期另行通知'
  },
  {
    wrong: '主题当日',
    right: '主题党日',
    reason: '党支部的组织生活是“主题党日”',
    after: /^(?:活动|制度|要求|学习)/u,
    example: '按时开展主题当日活动',
    lookAlike: '按时开展主题党日活动，活动主题当日公布'
  },
  {
    wrong: '优化智能',
    right: '优化职能',
    reason: '机构改革中是“优化职能”（职责与功能）；“智能”指智能化技术',
    notAfter: /^(?:化|制造|交通|系统|设备|算法|服务|终端|网联|电网|工厂|家居|平台|装备|应用)/u,
    example: '进一步优化智能,按照“政归政、企归企”的原则',
    lookAlike: '优化智能交通系统，优化智能化服务'
  },
  {
    wrong: '三会一科',
    right: '三会一课',
    reason: '支部党员大会、支委会、党小组会和党课，合称“三会一课”',

    example: '严格落实“三会一科”制度',
    lookAlike: '严格落实“三会一课”制度'
  },
  {
    wrong: '党风廉正',
    right: '党风廉政',
    reason: '“党风廉政建设”的“廉政”指廉洁从政',
    example: '落实党风廉正建设主体责任',
    lookAlike: '落实党风廉政建设主体责任，做到廉正无私'
  },
  { wrong: '廉洁自率', right: '廉洁自律', reason: '自我约束是“自律”', example: '严格廉洁自率', lookAlike: '严格廉洁自律，率先垂范' },
  { wrong: '一岗双则', right: '一岗双责', reason: '一个岗位两种责任：“一岗双责”', example: '落实一岗双则', lookAlike: '落实一岗双责' },
  { wrong: '两个围护', right: '两个维护', reason: '“两个维护”：坚决维护', example: '做到“两个围护”', lookAlike: '做到“两个维护”，围护结构安全' },
  { wrong: '纪律处份', right: '纪律处分', reason: '“处分”的“分”不作“份”', example: '给予纪律处份', lookAlike: '给予纪律处分' },
  {
    wrong: '纪检检察',
    right: '纪检监察',
    reason: '纪委监委是“纪检监察”机关；“检察”指检察院',
    example: '县纪检检察机关',
    lookAlike: '县纪检监察机关和检察机关'
  },
  { wrong: '检查院', right: '检察院', reason: '法律监督机关是“人民检察院”', example: '移送县检查院', lookAlike: '移送县检察院，接受检查' },
  { wrong: '监查委', right: '监察委', reason: '“监察委员会”的“监察”', example: '县监查委', lookAlike: '县监察委' },
  {
    wrong: '习进平',
    right: '习近平',
    reason: '领导人姓名必须准确',
    notAfter: /^[台稳]/u,
    example: '学习习进平总书记重要讲话',
    lookAlike: '学习习近平总书记重要讲话，学习进平台'
  },
  { wrong: '民主集中治', right: '民主集中制', reason: '党的根本组织制度是“民主集中制”', example: '坚持民主集中治', lookAlike: '坚持民主集中制' },
  {
    wrong: '布署',
    right: '部署',
    reason: '安排、布置工作是“部署”',

    example: '贯彻落实上级决策布署',
    lookAlike: '贯彻落实上级决策部署，布置会场'
  },
  { wrong: '部暑', right: '部署', reason: '“部署”的“署”不作“暑”', example: '按照县委统一部暑', lookAlike: '按照县委统一部署，避暑' },
  {
    wrong: '做出',
    right: '作出',
    reason: '后接决定、部署、承诺、处分等抽象事物时用“作出”',
    after: /^(?:决定|部署|安排|批示|承诺|规定|处理|处分|贡献|决策|指示|表率|评价|回应|答复|说明|判决|结论|调整)/u,
    example: '对相关责任人做出处理',
    lookAlike: '做出样品，作出处理'
  },
  {
    wrong: '反应',
    right: '反映',
    reason: '把情况、意见告诉上级或有关方面是“反映”；“反应”指对刺激的回应',
    after: /^(?:问题|情况|诉求|意见|建议)/u,
    notBefore: /(?:化学|不良|过敏|连锁|快速|迅速|市场)$/u,
    example: '群众反应问题渠道不畅',
    lookAlike: '群众反映问题，化学反应情况'
  },
  {
    wrong: '形式',
    right: '形势',
    reason: '事物发展的状况是“形势”（当前形势、严峻形势）',
    before: /(?:当前|国际|经济|发展|严峻|大好|复杂|面临的|新|稳定)$/u,
    notAfter: /^主义/u,
    example: '面对严峻形式，必须提高认识',
    lookAlike: '面对严峻形势，克服形式主义，创新活动形式'
  },
  {
    wrong: '必需',
    right: '必须',
    reason: '表示“一定要”用副词“必须”；“必需”是“必不可少的”（必需品）',
    after: /^(?:坚持|加强|按照|严格|做到|落实|认真|高度|进一步|切实|把|将|在|要|以|始终)/u,
    example: '必需严格按照规定执行',
    lookAlike: '必须严格执行，保障生活必需品供应'
  },
  {
    wrong: '截流',
    right: '截留',
    reason: '扣下应交付的款项是“截留”；“截流”指截断水流',
    after: /^(?:资金|款|经费|补贴|补助|专项|税)/u,
    example: '存在截流资金问题',
    lookAlike: '防止截留资金，做好截流工程'
  },
  {
    wrong: '年青干部',
    right: '年轻干部',
    reason: '干部工作中的规范说法是“年轻干部”',

    example: '加强年青干部培养',
    lookAlike: '加强年轻干部培养'
  },
  {
    wrong: '按排',
    right: '安排',
    reason: '“安排工作”的“安”不作“按”',
    notAfter: /^(?:名|序|列|号)/u,
    example: '统一按排部署',
    lookAlike: '统一安排，按排名先后'
  },
  { wrong: '安照', right: '按照', reason: '介词“按照”', example: '安照规定执行', lookAlike: '按照规定执行' },
  { wrong: '以经', right: '已经', reason: '副词“已经”', example: '以经整改完毕', lookAlike: '已经整改完毕，以经济建设为中心', notAfter: /^济/u },
  {
    wrong: '进一部',
    right: '进一步',
    reason: '副词“进一步”',
    notAfter: /^(?:分|门|作品)/u,
    notBefore: /[引推增促新先改]$/u,
    example: '进一部加强监管',
    lookAlike: '进一步加强监管，引进一部分设备'
  },
  { wrong: '惯彻', right: '贯彻', reason: '“贯彻落实”的“贯”', example: '认真惯彻落实', lookAlike: '认真贯彻落实，习惯' },
  { wrong: '坚绝', right: '坚决', reason: '“坚决”的“决”', example: '坚绝杜绝', lookAlike: '坚决杜绝' },
  { wrong: '杜决', right: '杜绝', reason: '“杜绝”的“绝”', example: '坚决杜决', lookAlike: '坚决杜绝' },
  { wrong: '纠证', right: '纠正', reason: '“纠正”的“正”', example: '及时纠证', lookAlike: '及时纠正' },
  { wrong: '履行职则', right: '履行职责', reason: '“职责”的“责”', example: '认真履行职则', lookAlike: '认真履行职责' },
  { wrong: '覆行', right: '履行', reason: '“履行”的“履”', example: '认真覆行职责', lookAlike: '认真履行职责，反覆' },
  { wrong: '措失', right: '措施', reason: '“措施”的“施”', example: '制定整改措失', lookAlike: '制定整改措施，避免失误' },
  { wrong: '错施', right: '措施', reason: '“措施”的“措”', example: '整改错施不力', lookAlike: '整改措施不力' },
  { wrong: '帐目', right: '账目', reason: '与钱财、记载有关的用“账”', example: '帐目不清', lookAlike: '账目不清，蚊帐' },
  { wrong: '台帐', right: '台账', reason: '与记载有关的用“账”', example: '建立问题台帐', lookAlike: '建立问题台账' },
  { wrong: '帐户', right: '账户', reason: '与钱财有关的用“账”', example: '开设专用帐户', lookAlike: '开设专用账户' },
  { wrong: '签定', right: '签订', reason: '订立合同、协议是“签订”', example: '签定入驻协议', lookAlike: '签订入驻协议，鉴定' },
  { wrong: '报消', right: '报销', reason: '“报销”的“销”', example: '违规报消费用', lookAlike: '违规报销费用，报消防部门审批', notAfter: /^防/u },
  { wrong: '峻工', right: '竣工', reason: '工程完成是“竣工”', example: '项目峻工验收', lookAlike: '项目竣工验收' },
  { wrong: '震摄', right: '震慑', reason: '使害怕是“震慑”', example: '形成有力震摄', lookAlike: '形成有力震慑' },
  { wrong: '溶合', right: '融合', reason: '合为一体是“融合”', example: '推动党建与业务溶合', lookAlike: '推动党建与业务融合' },
  { wrong: '震兴', right: '振兴', reason: '“乡村振兴”的“振”', example: '推进乡村震兴', lookAlike: '推进乡村振兴' },
  { wrong: '关健', right: '关键', reason: '“关键”的“键”', example: '抓住关健少数', lookAlike: '抓住关键少数' },
  { wrong: '辩别', right: '辨别', reason: '区分是“辨别”', example: '辩别是非', lookAlike: '辨别是非' },
  { wrong: '撤消', right: '撤销', reason: '规范写法是“撤销”', example: '撤消党内职务', lookAlike: '撤销党内职务' },
  { wrong: '部份', right: '部分', reason: '规范写法是“部分”', example: '部份企业', lookAlike: '部分企业，股份' },
  { wrong: '成份', right: '成分', reason: '规范写法是“成分”', example: '化学成份', lookAlike: '化学成分' },
  { wrong: '身分证', right: '身份证', reason: '规范写法是“身份”', example: '核对身分证', lookAlike: '核对身份证' },
  { wrong: '再接再励', right: '再接再厉', reason: '成语“再接再厉”', example: '再接再励，巩固成果', lookAlike: '再接再厉，巩固成果' },
  { wrong: '按步就班', right: '按部就班', reason: '成语“按部就班”', example: '按步就班推进', lookAlike: '按部就班推进' },
  { wrong: '一股作气', right: '一鼓作气', reason: '成语“一鼓作气”', example: '一股作气完成整改', lookAlike: '一鼓作气完成整改' },
  { wrong: '相辅相承', right: '相辅相成', reason: '成语“相辅相成”', example: '二者相辅相承', lookAlike: '二者相辅相成' },
  { wrong: '事必恭亲', right: '事必躬亲', reason: '成语“事必躬亲”', example: '领导事必恭亲', lookAlike: '领导事必躬亲' },
  { wrong: '如火如茶', right: '如火如荼', reason: '成语“如火如荼”', example: '活动如火如茶', lookAlike: '活动如火如荼' },
  { wrong: '名符其实', right: '名副其实', reason: '成语“名副其实”', example: '名符其实的示范点', lookAlike: '名副其实的示范点，符合实际' },
  { wrong: '不尽人意', right: '不尽如人意', reason: '成语“不尽如人意”', example: '成效不尽人意', lookAlike: '成效不尽如人意' },
  { wrong: '持之以衡', right: '持之以恒', reason: '成语“持之以恒”', example: '持之以衡抓作风', lookAlike: '持之以恒抓作风' },
  { wrong: '常抓不泄', right: '常抓不懈', reason: '成语“常抓不懈”', example: '常抓不泄', lookAlike: '常抓不懈' },
  { wrong: '坚持不泄', right: '坚持不懈', reason: '成语“坚持不懈”', example: '坚持不泄', lookAlike: '坚持不懈' },
  { wrong: '全力以付', right: '全力以赴', reason: '成语“全力以赴”', example: '全力以付抓整改', lookAlike: '全力以赴抓整改' },
  { wrong: '以身做则', right: '以身作则', reason: '成语“以身作则”', example: '领导干部以身做则', lookAlike: '领导干部以身作则' },
  { wrong: '责无旁代', right: '责无旁贷', reason: '成语“责无旁贷”', example: '责无旁代', lookAlike: '责无旁贷' },
  { wrong: '重蹈复辙', right: '重蹈覆辙', reason: '成语“重蹈覆辙”', example: '防止重蹈复辙', lookAlike: '防止重蹈覆辙' },
  { wrong: '针贬时弊', right: '针砭时弊', reason: '成语“针砭时弊”', example: '针贬时弊', lookAlike: '针砭时弊' },
  { wrong: '一如继往', right: '一如既往', reason: '成语“一如既往”', example: '一如继往抓落实', lookAlike: '一如既往抓落实' },
  { wrong: '迫不急待', right: '迫不及待', reason: '成语“迫不及待”', example: '迫不急待', lookAlike: '迫不及待' },
  { wrong: '墨守陈规', right: '墨守成规', reason: '成语“墨守成规”', example: '墨守陈规', lookAlike: '墨守成规' },
  { wrong: '实是求是', right: '实事求是', reason: '“实事求是”', example: '坚持实是求是', lookAlike: '坚持实事求是' }
]
