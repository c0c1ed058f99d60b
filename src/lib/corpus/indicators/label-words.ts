/**
 * The words the label reader steers by, in Simplified characters (matching runs on the folded text,
 * so they serve Traditional sources too). Each list is small and taken from how these reports
 * phrase a statistic; `labels.ts` says how each is used.
 */

/**
 * Verbs that tell what a count is a count of: `政务外网纵向已连接31个省` counts the provinces the
 * network connects, so the label is `政务外网连接的省`.
 */
export const LINKING_VERBS = [
	'连接至',
	'连接',
	'接入',
	'延伸至',
	'延伸到',
	'覆盖',
	'涵盖',
	'建成',
	'建立',
	'开通',
	'上线'
];

/**
 * Verbs too general to name what is counted (`实现了对54家上网电厂…的实时工况监控`): the label is
 * the counted noun itself, with the verb's object when it narrows it (`实现政务内网4个万兆核心交换机`
 * → `政务内网万兆核心交换机`).
 */
export const GENERAL_VERBS = ['实现', '形成', '包括', '支撑', '通过', '依托'];

/**
 * Verbs that open the predicate after a counted noun: `43%的國務院部門建成了覆蓋本系統的業務網絡`
 * becomes `建成業務網絡的國務院部門`.
 */
export const PREDICATE_VERBS = [
	'建成',
	'建立',
	'建设',
	'开通',
	'实现',
	'完成',
	'提供',
	'签订',
	'迁移到',
	'迁移',
	'部署在',
	'部署',
	'延伸至',
	'延伸到',
	'延伸',
	'设立',
	'设有',
	'上线',
	'开展',
	'接入',
	'连接',
	'覆盖',
	'使用',
	'采用',
	'参与',
	'被'
];

export const NEGATIONS = ['没有', '尚未', '未', '不'];

/** Adverbs between a subject and its verb; they carry no part of what is measured. */
export const ADVERBS = [
	'已经',
	'现已',
	'已',
	'均',
	'都',
	'正式',
	'普遍',
	'集中',
	'基本',
	'初步',
	'全面',
	'率先',
	'实时',
	'逐步',
	'正在',
	'开始',
	'还',
	'也',
	'虽',
	'共',
	'纵向',
	'横向'
];

/** Predicate verbs that also occur inside nouns. */
const NOUN_FORMING_VERBS = ['建设', '使用', '覆盖', '连接', '接入'];

/**
 * Words that end a counted noun: `政务部门|提供…`, `省级区|中有27个`, `污水处理厂|等重点污染源`.
 * Only words that do not occur inside the nouns of these reports (not `共`, as in `共享`).
 */
export const NOUN_STOPS = [
	'已经',
	'现已',
	'已',
	'均',
	'都',
	'还',
	'也',
	'虽',
	'正式',
	'率先',
	'实时',
	'逐步',
	'正在',
	// These also make nouns (`生产建设兵团`, `接入点数`): they end a noun only as `建设了`.
	...PREDICATE_VERBS.map((v) => (NOUN_FORMING_VERBS.includes(v) ? `${v}了` : v)),
	'没有',
	'未',
	'当中',
	'中有',
	'等'
];

/** Conjunctions inside a noun (`地區和部門`) or between two figures (`90%以上的市和80%…`). */
export const CONJUNCTIONS = ['和', '及', '与', '、', '或'];

/** After a conjunction these start a new item, not the rest of the noun: `省辖市和部分县`. */
export const QUANTIFIERS = ['部分', '所有', '全部', '各', '其他', '其余'];

/** Where a predicate turns (`虽设有…但是…`): the label keeps the first half. */
export const CONTRASTS = ['但是', '但', '而且', '而', '并且', '并'];

/**
 * Suffixes of a measured quantity: `覆盖率`, `交换数据量`, `接入点数`, `市场份额`. A clause whose
 * words before the number end in one of these is labelled by those words.
 */
export const METRIC_SUFFIXES = ['率', '量', '数', '份额', '比例', '比重', '规模', '总额'];

/** A metric suffix standing alone names nothing: `形成了总数超过1300个标准云主机`. */
export const BARE_METRICS = ['总数', '数量', '总量', '数', '量', '规模'];

/**
 * Openers of a sentence or clause that are not part of what is measured. Single characters only
 * where no noun of these reports starts with them.
 */
export const LEADING_FILLERS = [
	'从总体来看',
	'总体来看',
	'到目前为止',
	'截至目前',
	'据初步统计',
	'据统计',
	'年鉴显示',
	'此外',
	'其中',
	'同时',
	'另外',
	'目前',
	'当前',
	'并且',
	'而且',
	'已经',
	'现已',
	'纵向',
	'横向',
	'已',
	'并',
	'而',
	'还',
	'也',
	'均'
];

/** Verbs and adverbs that link a measured thing to its number: `覆盖率已经达到|82%`. */
export const TRAILING_FILLERS = [
	'已经达到',
	'已达到',
	'达到',
	'已达',
	'达',
	'为',
	'是',
	'在',
	'累计',
	'分别',
	'总计',
	'合计',
	'占',
	'了',
	...ADVERBS
];

/** A place list ends in one of these: `北京、上海…等省份`. */
export const PLACE_LIST_ENDS = ['等省份', '等省市', '等省区市', '等地区', '等城市', '等地'];

/** Examples introduced after their category: `部分部委,如公安部、科技部…等已达到100%`. */
export const EXAMPLE_MARKERS = ['例如', '比如', '如'];

/** Words that close the subject of a measured quantity: `…重点领域|业务信息化覆盖率`. */
export const SUBJECT_ENDS = ['等', '部门', '领域', '部委', '局'];

/** Administrative levels as a clause's whole subject: `地市级已达60%`. */
export const LEVEL_SUBJECT =
	/^(?:省级|省一级|地市级|地市一级|市级|市一级|区县级|区县一级|县级|县一级|乡镇级|乡镇一级)$/u;
export const LEVEL_WORD =
	/省级|省一级|地市级|地市一级|市级|市一级|区县级|区县一级|县级|县一级|乡镇级|乡镇一级/u;

/** A count of `31个省` is of provinces; `省和新疆生产建设兵团` is two things. */
export const PLACE_NOUNS = ['省', '市', '县'];
