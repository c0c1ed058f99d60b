/**
 * The fixed query lists. Every query is one term (no spaces), so the brute-force scan's
 * `form.includes(searchForm(q))` is the exact ground truth for every engine.
 *
 * Both lists mix Simplified and Traditional spellings of the same words, common words with
 * thousands of hits, phrases longer than a bigram (where a bigram AND alone over-matches), and a
 * few that match nothing — an index must be fast when the answer is empty, too.
 */

/** For the seed corpus (Simplified yearbook texts with a few Traditional ones). */
export const SEED_QUERIES: readonly string[] = [
	'电子政务',
	'電子政務',
	'辦公業務網',
	'办公业务网',
	'云计算',
	'雲計算',
	'数据交换',
	'數據交換',
	'公共资源交易',
	'公共資源交易',
	'政务信息化',
	'信息化',
	'政府网站',
	'政府網站',
	'网上办事',
	'大数据',
	'信息安全',
	'互联网',
	'電子政務外網',
	'政务公开',
	'信息资源共享',
	'数据中心',
	'一站式',
	'行政审批',
	'智慧城市',
	'信息公开',
	'北京',
	'河南',
	'社会保障',
	'政务服务',
	'办公自动化',
	'电子政府'
];

/** For the poetry corpora (Traditional text). */
export const POETRY_QUERIES: readonly string[] = [
	'明月',
	'春风',
	'春風',
	'故人',
	'白雲',
	'白云',
	'長安',
	'长安',
	'江南',
	'不知',
	'何處',
	'何处',
	'萬里',
	'万里',
	'明月光',
	'春江花月',
	'一杯酒',
	'寒山寺',
	'洛陽',
	'洛阳',
	'黃河',
	'秋風',
	'落花',
	'相思',
	'歸來',
	'天涯',
	'青山',
	'楊柳',
	'杨柳',
	'夕陽',
	'東風',
	'人間',
	'千里',
	'孤帆',
	'黄鹤楼',
	'月落烏啼',
	'桃花潭水',
	'海内存知己',
	'春眠不觉晓',
	'电子政务'
];
