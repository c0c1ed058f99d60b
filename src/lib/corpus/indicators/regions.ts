/**
 * Places the text names, so a figure can say where it applies: `全国`, `北京市`, `河南省`,
 * `北京、上海、江苏…` (a list stays one region).
 *
 * Province-level names and the larger cities come from a fixed list; any other city is recognised
 * as `XX市` where a clause starts with it (`宜昌市利用新理念…`), which is how these reports open
 * a paragraph about a place. Matching runs on the Simplified folding; what is returned is the text.
 */

/** Province-level units, short forms: the suffix (省, 市, 自治区) is read from the text. */
const PROVINCES = [
	'北京',
	'天津',
	'上海',
	'重庆',
	'河北',
	'山西',
	'辽宁',
	'吉林',
	'黑龙江',
	'江苏',
	'浙江',
	'安徽',
	'福建',
	'江西',
	'山东',
	'河南',
	'湖北',
	'湖南',
	'广东',
	'海南',
	'四川',
	'贵州',
	'云南',
	'陕西',
	'甘肃',
	'青海',
	'台湾',
	'内蒙古',
	'广西',
	'西藏',
	'宁夏',
	'新疆',
	'香港',
	'澳门'
];

/** Sub-provincial cities and provincial capitals, which are named without `市` (`智慧南京`). */
const CITIES = [
	'哈尔滨',
	'长春',
	'沈阳',
	'大连',
	'济南',
	'青岛',
	'南京',
	'杭州',
	'宁波',
	'厦门',
	'武汉',
	'广州',
	'深圳',
	'成都',
	'西安',
	'石家庄',
	'太原',
	'呼和浩特',
	'郑州',
	'合肥',
	'福州',
	'南昌',
	'长沙',
	'南宁',
	'海口',
	'贵阳',
	'昆明',
	'拉萨',
	'兰州',
	'西宁',
	'银川',
	'乌鲁木齐'
];

/** Organisations whose names hold a place name but which are not that place. */
const NOT_PLACES = ['新疆生产建设兵团'];

/** The whole country. `中国` and `我国` are normalised to `全国` (in the text's own script). */
const NATIONAL = /全国|我国|中国/gu;

/** `全省`, `全市`: the place the paragraph is about, not a place of their own. */
const LOCAL = /全省|全市|全区|本省|本市/gu;

const SUFFIX = /^(?:壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|省|市)/u;
const DISTRICT = /^[\p{Script=Han}]{2}区/u;

/** `XX市` opening a clause; the first character rules out `省辖市`, `地级市`, `大城市`, `全市`. */
const CLAUSE_CITY = /(?<=^|[,，;；:：。、 ])([^省地县区全各本该大城每直\P{Script=Han}][\p{Script=Han}]市)/gu;

export type RegionKind = 'national' | 'place' | 'local';

export interface RegionMention {
	start: number;
	end: number;
	/** As it should be shown: the text, or `全国`/`全國` for the whole country. */
	name: string;
	kind: RegionKind;
}

const NAMES = new RegExp([...PROVINCES, ...CITIES].sort((a, b) => b.length - a.length).join('|'), 'gu');

/** The places named in `text` (with `form` its Simplified folding), lists merged, in text order. */
export function findRegions(text: string, form: string = text): RegionMention[] {
	const blocked = NOT_PLACES.flatMap((w) => [...form.matchAll(new RegExp(w, 'gu'))]).map(
		(m) => [m.index, m.index + m[0].length] as const
	);
	const isBlocked = (at: number) => blocked.some(([a, b]) => a <= at && at < b);
	const found: RegionMention[] = [];
	for (const m of form.matchAll(NAMES)) {
		if (isBlocked(m.index)) continue;
		let end = m.index + m[0].length;
		end += SUFFIX.exec(form.slice(end))?.[0].length ?? 0;
		if (form[end - 1] === '市') end += DISTRICT.exec(form.slice(end))?.[0].length ?? 0;
		found.push({ start: m.index, end, name: text.slice(m.index, end), kind: 'place' });
	}
	for (const m of form.matchAll(CLAUSE_CITY)) {
		if (found.some((f) => f.start <= m.index && m.index < f.end)) continue;
		const end = m.index + m[0].length + (DISTRICT.exec(form.slice(m.index + 3))?.[0].length ?? 0);
		found.push({ start: m.index, end, name: text.slice(m.index, end), kind: 'place' });
	}
	for (const m of form.matchAll(NATIONAL)) {
		const name = '全' + text[m.index + 1];
		found.push({ start: m.index, end: m.index + 2, name, kind: 'national' });
	}
	for (const m of form.matchAll(LOCAL)) {
		found.push({ start: m.index, end: m.index + 2, name: text.slice(m.index, m.index + 2), kind: 'local' });
	}
	found.sort((a, b) => a.start - b.start);
	return mergeLists(text, found);
}

/** `北京、上海、江苏` is one region: places joined only by `、`, `和`, `及` merge. */
function mergeLists(text: string, found: RegionMention[]): RegionMention[] {
	const out: RegionMention[] = [];
	for (const r of found) {
		const last = out.at(-1);
		if (
			last &&
			last.kind === 'place' &&
			r.kind === 'place' &&
			/^[、和及与]$/u.test(text.slice(last.end, r.start))
		) {
			out[out.length - 1] = { ...last, end: r.end, name: text.slice(last.start, r.end) };
		} else {
			out.push(r);
		}
	}
	return out;
}
